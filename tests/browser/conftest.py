"""The status page in a real browser: Playwright driving Debian's Chromium, one browser per test
session (tests/conftest.py's `chromium`), the pages built once in a run from the bundled data and
opened once in it (`shown`), their `status --format json` run once (`status_of`).

Without Chromium or axe-core (`make node-tools`, `apt-get install chromium`) the tests skip
with the reason, except where the environment variable CI is set (.ci/run sets it): there they
fail, so that CI never passes without having looked at the page.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hcmlc.cli.app import app
from shared_work import Shared

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
def browser_work(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """What the browser tests make once in a run, for every xdist worker (tests/shared_work.py):
    the pages, then the figures of each (`status_of`)."""
    return Shared(tmp_path_factory, "browser")


@pytest.fixture(scope="session")
def built(browser_work: Shared) -> dict[str, Built]:
    """The bundled repository's page in each language, built by `hcmlc dashboard` once in a
    run for every xdist worker (tests/shared_work.py; the pages and their repository are only
    read after), with a cache of its own (never the user's: the tests' `private_cache` is not
    yet in place for a session's fixture)."""

    def make(folder: Path) -> dict[str, list[str]]:
        root = folder / "bundled"
        for name in ("data", "submissions", "photos", "templates"):
            shutil.copytree(PROJECT / name, root / name)
        pages = {}
        for lang, (cycle, as_of) in PAGES.items():
            out = root / f"site-{lang}"
            result = CliRunner().invoke(
                app,
                ["dashboard", "--root", str(root), "--out", str(out), "--lang", lang]
                + ["--cycle", cycle, "--as-of", as_of],
                env={"XDG_CACHE_HOME": str(folder / "cache")},
            )
            assert result.exit_code == 0, result.output
            pages[lang] = [cycle, as_of, str(root), str(out / "index.html")]
        return pages

    made = browser_work.get("pages", make)
    return {
        lang: Built(lang, cycle, as_of, Path(root), Path(path))
        for lang, (cycle, as_of, root, path) in made.items()
    }


@pytest.fixture(params=sorted(PAGES))
def page_built(request: pytest.FixtureRequest, built: dict[str, Built]) -> Built:
    return built[request.param]


@dataclass
class Opened:
    """A page open in the browser, with every request it made and every error it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)


DETAILS = "[...document.querySelectorAll('details')]"
"""The page's lists of units, summed until a reader opens one."""


@pytest.fixture(scope="session")
def shown(browser: Any) -> Iterator[Callable[..., Opened]]:
    """`shown(page_built, width=1280)`: the built page open in the browser, ONE page per
    language for the whole session (of an xdist worker), handed to each test as it was loaded.

    A new context and a new load of the 195-row page cost Chromium some 0.8 s of CPU; the
    tests read the page, resize it, print it or open its lists, so they share one load. Each
    hand-out puts the page back as loaded: the viewport at `width` (the page has no script: its
    layout follows the width alone; axe finds the same, rule for rule and node for node, at a
    width resized to as at one loaded at), each list open or closed as it was, scrolled to the
    top, nothing focused. The page keeps its Content-Security-Policy, as in a person's
    browser: nothing bypasses it. Its `requests` and `errors` are those of its whole life."""
    opened: dict[Path, tuple[Any, Opened, list[bool]]] = {}

    def show(page_built: Built, width: int = 1280) -> Opened:
        if page_built.path not in opened:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = Opened(context.new_page())
            page.page.on("request", lambda request: page.requests.append(request.url))
            page.page.on(
                "console",
                lambda message: (
                    page.errors.append(message.text) if message.type == "error" else None
                ),
            )
            page.page.on("pageerror", lambda error: page.errors.append(str(error)))
            page.page.goto(page_built.url)
            lists = page.page.evaluate(f"{DETAILS}.map(d => d.open)")
            opened[page_built.path] = (context, page, lists)
        page, lists = opened[page_built.path][1:]
        page.page.set_viewport_size({"width": width, "height": 900})
        page.page.evaluate(
            f"""lists => {{
                {DETAILS}.forEach((d, i) => {{ d.open = lists[i]; }});
                document.activeElement?.blur();
                window.scrollTo(0, 0);
            }}""",
            lists,
        )
        return page

    yield show
    for context, _page, _lists in opened.values():
        context.close()


@pytest.fixture
def status_of(browser_work: Shared, hcmlc: Any) -> Callable[[Built], dict[str, Any]]:
    """`status_of(page_built)`: `status --format json --no-cache` run with the arguments that
    built the page, once in a run for every worker (`browser_work`), by the first test that
    compares the page with it: the page is built once, so are its figures."""

    def of(page: Built) -> dict[str, Any]:
        def make(_folder: Path) -> dict[str, Any]:
            code, out, err = hcmlc(
                "status",
                "--root",
                str(page.root),
                "--format",
                "json",
                "--no-cache",
                "--cycle",
                page.cycle,
                "--as-of",
                page.as_of,
            )
            assert code == 0, err
            figures: dict[str, Any] = json.loads(out)
            return figures

        figures: dict[str, Any] = browser_work.get(f"status-{page.lang}", make)
        return figures

    return of
