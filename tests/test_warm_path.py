"""What a run whose results all come from the cache does not do: import the submission rules
(each process is new, so that `sys.modules` tells what this run imported)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def imported(root: Path, cache: Path, *args: str) -> set[str]:
    """The hcmlc modules a fresh process imported to run `hcmlc ARGS --root ROOT`."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "HOME": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args, "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args", [("status", "--as-of", "2025-12-20"), ("validate",)], ids=["status", "validate"]
)
def test_a_full_cache_hit_imports_no_checker(bundled, tmp_path_factory, args) -> None:
    cache = tmp_path_factory.mktemp("cache")  # outside the repository, or it is not used
    cold = imported(bundled, cache, *args)
    assert (
        "hcmlc.checks.submission" in cold
    )  # the first run checks every file, and so keeps results
    warm = imported(bundled, cache, *args)
    assert "hcmlc.repository.load" in warm and "hcmlc.repository.cache" in warm
    assert not warm & RULES


def test_a_changed_file_is_checked_on_a_warm_run(bundled, tmp_path_factory) -> None:
    cache = tmp_path_factory.mktemp("cache")
    imported(bundled, cache, "validate")
    path = bundled / "submissions/2025/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert "hcmlc.checks.submission" in imported(bundled, cache, "validate")
