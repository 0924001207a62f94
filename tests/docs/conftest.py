"""The documentation site, built once per test run (for every xdist worker) as `make docs` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shared_work import Shared

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT / "tools"))


def build_site(out: Path) -> subprocess.CompletedProcess[str]:
    """`make docs`'s build: the generated pages, then `mkdocs build --strict` into `out`, from a
    copy of docs/ beside `out` (each test worker writes the generated pages into its own)."""
    from docs_pages import main

    source = out.parent / "source"
    shutil.copytree(PROJECT / "docs", source / "docs")
    shutil.copy(PROJECT / "mkdocs.yml", source / "mkdocs.yml")
    main([str(source / "docs")])
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(out)],
        cwd=source,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """The site and what is made of it, made once in a run for every pytest-xdist worker."""
    return Shared(tmp_path_factory, "docs")


@pytest.fixture(scope="session")
def site(built: Shared) -> Path:
    def make(folder: Path) -> str:
        out = folder / "site"
        result = build_site(out)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        return str(out)

    return Path(built.get("site", make))


@pytest.fixture(scope="session")
def printed(site: Path, built: Shared, request: pytest.FixtureRequest) -> Path:
    """The site with its guides printed to PDF, as `make docs` leaves it (tools/
    print_guides.py, in the session's browser: tests/conftest.py's `chromium`, asked for only
    by the worker that prints). Printing only adds site/pdf/, which no test of the unprinted
    site reads."""

    def make(_folder: Path) -> str:
        from print_guides import GUIDES, LANGS, print_guides

        written = print_guides(site, request.getfixturevalue("chromium"))
        assert len(written) == len(GUIDES) * len(LANGS)
        return str(site)

    return Path(built.get("printed", make))


@pytest.fixture(scope="session")
def printed_broken_links(printed: Path, built: Shared) -> list[str]:
    """The internal links of the printed site that lead nowhere (tools/check_site_links.py).
    Nothing writes to the site once printed, so its pages are read once, not once per test."""
    from check_site_links import broken_links

    return built.get("broken-links", lambda _folder: broken_links(printed))
