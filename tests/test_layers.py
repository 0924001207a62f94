"""The folders of src/hcmlc are stacked: the import-linter contract of pyproject.toml keeps every
import running down, and an import that runs up fails it (as `make lint` runs it in CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports over the package found in `tree`/src, with the project's contract."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_package(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "src" / "hcmlc", tmp_path / "src" / "hcmlc")
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contract_names_every_folder_of_the_package() -> None:
    contract = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = contract["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    package = PROJECT / "src" / "hcmlc"
    folders = {f"hcmlc.{p.name}" for p in package.iterdir() if (p / "__init__.py").exists()}
    ground = {
        f"hcmlc.{p.stem}" for p in package.glob("*.py") if p.stem not in {"__init__", "__main__"}
    }
    assert folders | ground == named


def test_the_tree_keeps_the_layers(tmp_path: Path) -> None:
    result = lint_imports(copy_of_package(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_an_import_that_runs_up_breaks_the_contract(tmp_path: Path) -> None:
    tree = copy_of_package(tmp_path)
    values = tree / "src" / "hcmlc" / "core" / "values.py"
    values.write_text(
        values.read_text(encoding="utf-8") + "\nfrom hcmlc.documents import report  # noqa\n",
        encoding="utf-8",
    )
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "hcmlc.core is not allowed to import hcmlc.documents" in result.stdout
    assert "hcmlc.core.values -> hcmlc.documents.report" in result.stdout
