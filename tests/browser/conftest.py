"""The status page in a real browser: Playwright driving Debian's Chromium, one browser per test
session (tests/conftest.py's `chromium`), the pages built once from the bundled data.

Without Chromium or axe-core (`make node-tools`, `apt-get install chromium`) the tests skip
with the reason, except where the environment variable CI is set (.ci/run sets it): there they
fail, so that CI never passes without having looked at the page.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hcmlc.cli.app import app

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("HCMLC_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT / "build/node/node_modules/axe-core/axe.min.js"


@dataclass(frozen=True)
class Built:
    """A page built from the bundled data, and the arguments that built it."""

    lang: str
    cycle: str
    as_of: str
    root: Path
    path: Path

    @property
    def url(self) -> str:
        return self.path.as_uri()


PAGES = {
    # The current cycle five days after its deadline, in Vietnamese (the default)...
    "vi": ("2025", "2025-12-20"),
    # ...and the application cycle before its answers' deadline, in English.
    "en": ("2023", "2023-09-15"),
}


def missing(what: str, how: str) -> None:
    """Skip the test, or in CI fail it: `what` is not installed."""
    reason = f"{what} is not installed ({how})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Any:
    """Debian's Chromium, launched once for the session (tests/conftest.py's `chromium`)."""
    if not CHROMIUM.exists():
        missing(f"Chromium ({CHROMIUM})", "apt-get install chromium")
    return request.getfixturevalue("chromium")


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        missing("axe-core", "make node-tools")
    return AXE


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The bundled repository's page in each language, built once by `hcmlc dashboard`."""
    root = tmp_path_factory.mktemp("bundled")
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    runner = CliRunner()
    pages = {}
    for lang, (cycle, as_of) in PAGES.items():
        out = root / f"site-{lang}"
        result = runner.invoke(
            app,
            ["dashboard", "--root", str(root), "--out", str(out), "--lang", lang]
            + ["--cycle", cycle, "--as-of", as_of],
        )
        assert result.exit_code == 0, result.output
        pages[lang] = Built(lang, cycle, as_of, root, out / "index.html")
    return pages


@pytest.fixture(params=sorted(PAGES))
def page_built(request: pytest.FixtureRequest, built: dict[str, Built]) -> Built:
    return built[request.param]
