"""Hostile input at `make bench`: validate on files of unknown keys up to 1,000,000 bytes (the
time must stay under 5 s with --format github, the workflow's format, and grow linearly), and
fill-form with a template that loops without bound (refused within seconds).

Linearity is judged on the checking alone, in one process, the best of five runs: start-up
(about half a second) would drown the difference between sizes. The cost per byte past a tiny
file must be about the same at 1 MB as at 250 kB: 1× if linear, 4× if quadratic.

    python bench/hostile.py        # these rows alone
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from startup import PROJECT

sys.path.insert(0, str(PROJECT / "tests/hostile"))
from hostile_cases import unknown_keys  # the file tests/hostile checks

TINY = 1_000
SIZES = (250_000, 500_000, 1_000_000)
LOOPING = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
WORKING = {
    "template `big|max` in a loop: refused": (
        "{% set big = range(100000)|list %}{% for i in range(100000) %}{{ big|max }}{% endfor %}"
    ),
    "template `x in big` in a loop: refused": (
        "{% set big = range(100000)|list %}"
        "{% for i in range(100000) %}{% if i * 7 in big %}x{% endif %}{% endfor %}"
    ),
    "template `[l] * 10000` printed: refused": (
        "{% set l = range(100000)|list %}{{ [l] * 10000 }}"
    ),
}
"""Templates whose steps hide their work (issue 24): refused by the work they do, or by the
render's clock and memory bound (render/budget.py)."""
CORE = """
import sys, time
from pathlib import Path
from hcmlc.render.github import annotation, step_summary
from hcmlc.repository.load import load
root, best = Path(sys.argv[1]), float("inf")
for _ in range(5):
    start = time.perf_counter()
    repo = load(root)
    [annotation(p) for p in repo.problems]
    step_summary(repo.problems, len(repo.paths) + 3, repo.catalog)
    best = min(best, time.perf_counter() - start)
print(best)
"""
"""validate's work on a repository (reading, checking, the annotations and the job summary)."""


@dataclass
class Core:
    """A row measured inside one process (the fields of city.Row)."""

    name: str
    seconds: float
    peak_mb: float
    runs: int
    cpu: float = float("nan")  # not measured apart from the wall time, in one process
    fuzz_cases: int = 0


def repository(folder: Path, size: int) -> Path:
    root = folder / f"unknown-keys-{size}"
    for name in ("data", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    (root / "submissions/2023").mkdir(parents=True)
    (root / "submissions/2023/so-gddt.yaml").write_text(unknown_keys(size), encoding="utf-8")
    return root


def validate_row(size: int) -> str:
    return f"unknown keys, {size // 1000:,} kB: validate --format github"


def core_row(size: int) -> str:
    return f"unknown keys, {size // 1000:,} kB: checked in-process"


def rows(folder: Path, runs: int, measure: Callable[..., Any], hcmlc: str) -> list[Any]:
    """The rows of this module, measured with city.py's `measure`."""
    measured = []
    for size in (TINY, *SIZES):
        root = repository(folder, size)
        summary = folder / f"summary-{size}.md"
        command = [hcmlc, "validate", "--root", str(root), "--format", "github", "--no-cache"]
        measured.append(
            measure(validate_row(size), command, runs, GITHUB_STEP_SUMMARY=str(summary))
        )
        seconds = float(subprocess.check_output([sys.executable, "-c", CORE, str(root)]))
        print(f"  {core_row(size):<52}{seconds:>9.3f} s", flush=True)
        measured.append(Core(core_row(size), seconds, float("nan"), 5))
    import docx

    template = folder / "looping.docx"
    document = docx.Document()
    document.add_paragraph(LOOPING)
    document.save(str(template))
    command = [hcmlc, "fill-form", "--root", str(PROJECT), "--template", str(template)]
    command += ["--out", str(folder / "looping-form.docx")]
    measured.append(measure("template looping without bound: refused", command, runs, ok=(2,)))
    for n, (name, source) in enumerate(WORKING.items()):
        template = folder / f"working-{n}.docx"
        document = docx.Document()
        document.add_paragraph(source)
        document.save(str(template))
        command = [hcmlc, "fill-form", "--root", str(PROJECT), "--template", str(template)]
        command += ["--out", str(folder / f"working-{n}.docx")]
        measured.append(measure(name, command, runs, ok=(2,)))
    return measured


def targets(get: Callable[[str], float]) -> list[tuple[str, float, float, str]]:
    """(target, measured, limit, shown): under 5 s, linear, and the loop refused quickly."""

    def per_byte(size: int) -> float:
        return (get(core_row(size)) - get(core_row(TINY))) / (size - TINY)

    whole = get(validate_row(1_000_000))
    growth = per_byte(1_000_000) / per_byte(250_000)
    refused = get("template looping without bound: refused")
    return [
        (
            "1,000,000 bytes of unknown keys: validate --format github ≤ 5 s",
            whole,
            5.0,
            f"{whole:.2f} s",
        ),
        (
            "unknown keys: cost per byte at 1 MB ÷ at 250 kB ≤ 2 (linear 1, quadratic 4)",
            growth,
            2.0,
            f"{growth:.2f}×",
        ),
        ("a template looping without bound is refused ≤ 5 s", refused, 5.0, f"{refused:.2f} s"),
        *((f"{name} ≤ 5 s", get(name), 5.0, f"{get(name):.2f} s") for name in WORKING),
    ]


if __name__ == "__main__":
    import city

    with tempfile.TemporaryDirectory(prefix="hcmlc-bench-") as name:
        found = {row.name: row for row in rows(Path(name), 3, city.measure, city.HCMLC)}
    print()
    for row in found.values():
        print(f"| {row.name:<52} | {row.runs:>4} | {row.seconds:>8.3f} | {row.peak_mb:>7.0f} |")
    for target, value, limit, shown in targets(lambda n: found[n].seconds):
        print(f"| {target} | {shown} | {'yes' if value <= limit else 'NO'} |")
