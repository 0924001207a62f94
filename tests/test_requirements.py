"""A fresh clone installs exactly what was tested: every dependency pinned with its hashes, the
Makefile and the workflow installing from the pins, and no generated output under version
control (issue 12)."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\]+)")


def pins(name: str) -> dict[str, str]:
    """Package → version of requirements/<name>.txt; each pin carries at least one hash."""
    text = (PROJECT / "requirements" / name).read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"\n(?=\S)", text):
        match = PIN.match(block)
        if match:
            assert "--hash=sha256:" in block, f"{match[1]} in {name} has no hash"
            found[_normal(match[1])] = match[2]
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {_normal(re.split(r"[<>=!~\[; ]", entry, maxsplit=1)[0]) for entry in entries}


def test_every_dependency_is_pinned_with_hashes() -> None:
    run, dev = pins("run.txt"), pins("dev.txt")
    assert declared() <= set(run)
    assert declared() | declared("dev") <= set(dev)
    assert {name: dev[name] for name in run if name in dev} == {
        name: version for name, version in run.items() if name in dev
    }, "dev.txt must pin the runtime packages at the versions of run.txt"
    assert {"pip", "setuptools"} <= set(dev)  # the installer itself is pinned too


def test_the_makefile_and_the_workflow_install_from_the_pins() -> None:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r requirements/dev.txt" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert "--upgrade pip" not in makefile
    workflow = (PROJECT / ".github/workflows/validate-submissions.yml").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements/run.txt" in workflow
    assert re.search(r'python-version: "3\.\d+\.\d+"', workflow), "the workflow pins its Python"


def test_no_generated_output_is_under_version_control() -> None:
    try:
        tracked = subprocess.run(
            ["git", "-C", str(PROJECT), "ls-files"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git clone")
    generated = re.compile(r"(^|/)\.coverage$|^progress-report-|^gnlc-form-|^site/")
    assert [path for path in tracked if generated.search(path)] == []
    ignored = subprocess.run(
        [
            "git",
            "-C",
            str(PROJECT),
            "check-ignore",
            "--no-index",
            ".coverage",
            "progress-report-2025-vi-charts/1.1.1.a.png",
            "gnlc-form-2023-vi.docx",
            "site/index.html",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert len(ignored) == 4
