"""Hostile workbooks at `make bench` (issue 24): `import` of each workbook of
tests/hostile/hostile_workbooks.py — a cell at ZZZ10000 in the hidden sheet, a number format of
40,000 `[`, a part declaring 100 bytes that inflates to 1 GiB, overlapping zip entries, a DOCTYPE
in a part not named .xml, 4,000 bad rows, 50,000 merged ranges, `²` as the format version —
each answered in under 2 s and 200 MB (the whole process, start-up included).

    python bench/hostile_workbooks.py        # these rows alone
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from startup import PROJECT


def _cases() -> Any:
    """tests/hostile/hostile_workbooks.py, the workbooks tests/hostile checks (loaded by its
    path: imported by name, it would be this module, which shares its name)."""
    import importlib.util

    path = PROJECT / "tests/hostile/hostile_workbooks.py"
    spec = importlib.util.spec_from_file_location("hostile_workbook_cases", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


HOSTILE = _cases().HOSTILE

SECONDS = 2.0
PEAK_MB = 200.0


def row_name(case: str) -> str:
    return f"import: {case}"


def rows(folder: Path, runs: int, measure: Callable[..., Any], hcmlc: str) -> list[Any]:
    """The rows of this module, measured with city.py's `measure`."""
    root = folder / "hostile-workbooks"
    for name in ("data", "submissions", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    key = str(folder / "hostile-workbooks.key")
    base = root.parent / "base.xlsx"
    command = [hcmlc, "workbook", "--root", str(root), "--agency", "so-gddt", "--out", str(base)]
    subprocess.run(
        command, check=True, capture_output=True, env={**os.environ, "HCMLC_KEY_FILE": key}
    )
    made = base.read_bytes()
    measured = []
    for number, (case, hostile) in enumerate(HOSTILE.items()):
        path = folder / f"hostile-{number}.xlsx"
        path.write_bytes(hostile(made))
        command = [hcmlc, "import", "--root", str(root), str(path)]
        measured.append(measure(row_name(case), command, runs, HCMLC_KEY_FILE=key))
    return measured


def targets(rows: dict[str, Any]) -> list[tuple[str, float, float, str]]:
    """(target, measured, limit, shown): each hostile workbook within 2 s and 200 MB."""
    found = []
    for case in HOSTILE:
        row = rows[row_name(case)]
        found.append(
            (f"{case}: import ≤ {SECONDS:g} s", row.seconds, SECONDS, f"{row.seconds:.2f} s")
        )
        found.append(
            (f"{case}: import ≤ {PEAK_MB:g} MB", row.peak_mb, PEAK_MB, f"{row.peak_mb:.0f} MB")
        )
    return found


if __name__ == "__main__":
    import city

    with tempfile.TemporaryDirectory(prefix="hcmlc-bench-") as name:
        found = {row.name: row for row in rows(Path(name), 3, city.measure, city.HCMLC)}
    print()
    for row in found.values():
        print(f"| {row.name:<52} | {row.runs:>4} | {row.seconds:>8.3f} | {row.peak_mb:>7.0f} |")
    for target, value, limit, shown in targets(found):
        print(f"| {target} | {shown} | {'yes' if value <= limit else 'NO'} |")
