"""What a run whose results all come from the cache does not do: import the submission rules
(each process is new, so that `sys.modules` tells what this run imported)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hcmlc.i18n import ENV_VAR
from shared_work import Shared

PROJECT = Path(__file__).resolve().parents[1]
RULES = {
    "hcmlc.checks.submission",
    "hcmlc.checks.answers",
    "hcmlc.checks.identity",
    "hcmlc.documents.form",
}
"""The checkers of submission files, and the form's machinery, which status does not need."""

SCRIPT = """
import json, sys
from hcmlc.cli.app import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("hcmlc"))), file=sys.stderr)
"""
COMMANDS = {"status": ("status", "--as-of", "2025-12-20"), "validate": ("validate",)}


def imported(root: Path, cache: Path, *args: str) -> set[str]:
    """The hcmlc modules a fresh process imported to run `hcmlc ARGS --root ROOT`, in the
    environment tests/conftest.py's autouse fixtures give a test (English, tracebacks shown,
    outside GitHub Actions), with its cache and home in `cache`."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")
    }
    env |= {ENV_VAR: "en", "HCMLC_DEBUG": "1", "XDG_CACHE_HOME": str(cache), "HOME": str(cache)}
    env["HCMLC_KEY_FILE"] = str(cache / "workbook.key")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args, "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def runs(command: str, folder: Path) -> dict[str, list[str]]:
    """`command` run in a copy of the bundled repository twice in one cache (outside the
    repository, or it is not used): first, then again; `validate` a third time after one file
    was edited. The modules each run imported."""
    root = folder / "repo"
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / name, root / name)
    cache = folder / "cache"
    args = COMMANDS[command]
    found = {"cold": imported(root, cache, *args), "warm": imported(root, cache, *args)}
    if command == "validate":
        path = root / "submissions/2025/so-gddt.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        found["changed"] = imported(root, cache, *args)
    return {run: sorted(modules) for run, modules in found.items()}


@pytest.fixture(scope="session")
def imports(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, set[str]]]:
    """The runs of each command, made once in the test run by whichever pytest-xdist worker
    asks first (`Shared`): the two tests of `validate` read the same first and warm runs, so
    a cold `validate` (0.4 s of CPU) runs once, not once per test."""
    shared = Shared(tmp_path_factory, "warm-path")

    def of(command: str) -> dict[str, set[str]]:
        found = shared.get(command, lambda folder: runs(command, folder))
        return {run: set(modules) for run, modules in found.items()}

    return of


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_cache_hit_imports_no_checker(imports, command) -> None:
    found = imports(command)
    # the first run checks every file, and so keeps results
    assert "hcmlc.checks.submission" in found["cold"]
    warm = found["warm"]
    assert "hcmlc.repository.load" in warm and "hcmlc.repository.cache" in warm
    assert not warm & RULES


def test_a_changed_file_is_checked_on_a_warm_run(imports) -> None:
    assert "hcmlc.checks.submission" in imports("validate")["changed"]
