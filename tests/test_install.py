"""The install without make works where the README says (issue 27): the README's PowerShell lines
and the workflows' install lines, run in a plain `python -m venv` of Python 3.11 and 3.13 (no dev
pins, no setuptools but the one requirements/run.txt pins), then `hcmlc --version`.

These tests copy the source tree and install from PyPI (pip's cache helps); they take a minute
each. An interpreter that is not on this machine is skipped, by name."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from hcmlc import __version__

PROJECT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.install  # minutes of pip and builds: `make test-install`, in .ci/run
PYTHONS = ("3.11", "3.13")


def interpreter(version: str) -> Path | None:
    """The python<version> of this machine: pyenv's, else on PATH."""
    for candidate in sorted((Path.home() / ".pyenv" / "versions").glob(f"{version}.*")):
        found = candidate / "bin" / f"python{version}"
        if found.is_file():
            return found
    on_path = shutil.which(f"python{version}")
    if on_path is None:
        return None
    probe = subprocess.run([on_path, "--version"], capture_output=True, text=True, check=False)
    return Path(on_path) if probe.returncode == 0 else None


def readme_lines() -> list[str]:
    """The README's "Without make" block, one command a line."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Without `make`.*?```powershell\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md lost its PowerShell block"
    return block[1].splitlines()


def workflow_install_lines(name: str) -> list[str]:
    """The `run:` lines of the workflow's step "Install hcmlc"."""
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / name).read_text("utf-8"))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("name") == "Install hcmlc":
                return [line for line in step["run"].splitlines() if line.strip()]
    raise AssertionError(f"{name} has no step 'Install hcmlc'")


def source_copy(target: Path) -> Path:
    """The files git would give a fresh clone (tracked and new, not ignored), copied."""
    listed = subprocess.run(
        ["git", "-C", str(PROJECT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        source = PROJECT / relative
        if source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    return target


def run(line: str, cwd: Path, path: Path) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env |= {
        "PATH": f"{path}{os.pathsep}{env.get('PATH', '')}",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        line, shell=True, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{line}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def need(version: str) -> Path:
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git clone")
    python = interpreter(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine (pyenv or python{version} on PATH)")
    return python


@pytest.mark.parametrize("version", PYTHONS)
def test_the_readme_install_without_make(version: str, tmp_path: Path) -> None:
    python = need(version)
    clone = source_copy(tmp_path / "hcmlc")
    lines = readme_lines()
    assert lines[0] == "py -m venv .venv"
    run(f"{python} -m venv .venv", clone, clone / ".venv" / "bin")
    for line in lines[1:]:
        posix = line.replace(".venv\\Scripts\\", ".venv/bin/").replace(
            "requirements\\", "requirements/"
        )
        if posix.startswith(".venv/bin/pip "):
            run(posix, clone, clone / ".venv" / "bin")
    assert (
        run(".venv/bin/hcmlc --version", clone, clone / ".venv" / "bin") == f"hcmlc {__version__}\n"
    )
    run(".venv/bin/hcmlc validate", clone, clone / ".venv" / "bin")


@pytest.mark.parametrize("version", PYTHONS)
@pytest.mark.parametrize("workflow", ["validate-submissions.yml", "publish-dashboard.yml"])
def test_the_workflows_install(workflow: str, version: str, tmp_path: Path) -> None:
    python = need(version)
    clone = source_copy(tmp_path / "hcmlc")
    venv = tmp_path / "venv"
    run(f"{python} -m venv {venv}", clone, venv / "bin")  # setup-python: pip, no setuptools
    for line in workflow_install_lines(workflow):
        assert line.strip().startswith("pip install ")
        run(line.strip(), clone, venv / "bin")
    assert run("hcmlc --version", tmp_path, venv / "bin") == f"hcmlc {__version__}\n"


def test_one_version_one_place() -> None:
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "hcmlc.__version__" }' in pyproject
    assert not re.search(r"^version\s*=\s*\"", pyproject, re.MULTILINE)
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").split()[:4] == [
        "Apache",
        "License",
        "Version",
        "2.0,",
    ]


def test_run_txt_pins_the_build_backend_and_windows_colorama_with_hashes() -> None:
    text = (PROJECT / "requirements" / "run.txt").read_text(encoding="utf-8")
    for name in ("setuptools", "colorama"):
        pin = re.search(rf"^{name}==([\d.]+) \\\n    --hash=sha256:[0-9a-f]{{64}}", text, re.M)
        assert pin, f"requirements/run.txt does not pin {name} with its hashes"
    setuptools = re.search(r"^setuptools==(\d+)", text, re.M)
    assert setuptools and int(setuptools[1]) >= 77  # pyproject.toml's [build-system] requires
