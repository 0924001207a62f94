"""Shared fixtures: a throwaway copy of the bundled repository and a CLI runner."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hcmlc.cli import app

PROJECT = Path(__file__).resolve().parents[1]


class Repo:
    """A copy of the bundled data with an empty submissions/ folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def photo(self, relative: str, width: int = 2000, height: int = 1333) -> Path:
        """A real JPEG of the given size (a plain colour field)."""
        from PIL import Image

        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (width, height), (40, 110, 160)).save(path, "JPEG", quality=60)
        return path

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    for name in ("data", "templates"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    (tmp_path / "submissions").mkdir()
    return Repo(tmp_path)


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the whole bundled repository: data, demonstration submissions and photos,
    templates."""
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def hcmlc() -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, list(args))
        assert not isinstance(result.exception, AssertionError)
        return result.exit_code, result.stdout, result.stderr

    return run
