"""hcmlc from its built wheel, run in a city repository outside the source tree: the templates
and the translations come from the package, not from a checkout of hcmlc (issue 27).

Builds the wheel and installs it with the pinned dependencies into a fresh venv (from pip's cache
where it can); about a minute."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hcmlc import __version__, template_files

PROJECT = Path(__file__).resolve().parents[1]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "PYTHON"))
    }
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "HCMLC_LANG": "en"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hcmlc's wheel, built from a copy of the source (the checkout stays clean)."""
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git clone")
    source = tmp_path_factory.mktemp("source")
    listed = subprocess.run(
        ["git", "-C", str(PROJECT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        if (PROJECT / relative).is_file():
            (source / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / relative, source / relative)
    out = tmp_path_factory.mktemp("dist")
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            ".",
        ],
        source,
    )
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("hcmlc-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding the wheel and the pinned dependencies."""
    venv = tmp_path_factory.mktemp("venv")
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for step in (
        [str(base), "-m", "venv", str(venv)],
        [
            str(venv / "bin/pip"),
            "install",
            "--require-hashes",
            "-r",
            str(PROJECT / "requirements/run.txt"),
        ],
        [str(venv / "bin/pip"), "install", "--no-deps", str(wheel)],
    ):
        done = run(step, venv)
        assert done.returncode == 0, done.stdout + done.stderr
    return venv / "bin"


def test_the_wheel_holds_the_templates_and_the_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"hcmlc/templates/{name}" for name in template_files.NAMES} <= names
    assert f"hcmlc-{__version__}.dist-info/licenses/LICENSE" in names
    assert "hcmlc/locale/vi/LC_MESSAGES/hcmlc.mo" in names
    assert {
        "hcmlc/frameworks/unesco/2015.yaml",
        "hcmlc/frameworks/learning-models/2022.yaml",
    } <= names


def test_a_city_repository_outside_the_source_tree_writes_every_document(
    installed: Path, tmp_path: Path
) -> None:
    city = tmp_path / "city"
    for name in ("data", "submissions", "photos", "reports"):
        shutil.copytree(PROJECT / name, city / name)
    assert not (city / "templates").exists()
    hcmlc = str(installed / "hcmlc")
    for args in (
        ["fill-form", "--cycle", "2023", "--out", "form.docx"],
        ["report", "--out", "report.docx"],
        ["report", "--format", "md", "--out", "report.md"],
        ["remind", "--as-of", "2025-12-20", "--out", "letters"],
        ["remind", "--as-of", "2025-12-20", "--format", "eml", "--out", "mail"],
    ):
        done = run([hcmlc, *args], city)
        assert done.returncode == 0, f"{args}: {done.stderr}"
    assert (city / "form.docx").stat().st_size > 10_000
    assert any((city / "letters").glob("*.docx"))
    done = run([hcmlc, "templates"], city)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (city / "templates").iterdir()) == sorted(
        template_files.NAMES
    )
