"""Shared fixtures: a throwaway copy of the bundled repository and a CLI runner."""

from __future__ import annotations

import functools
import gc
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import typer.testing
from typer.testing import CliRunner

import histories
from hcmlc.i18n import ENV_VAR, use_language
from repositories import application_repo
from shared_work import Shared

# What the fixtures below use of hcmlc (the app, the workbooks, the YAML reader) is imported by
# the fixture that uses it: pytest-xdist's controller imports this module too, and runs no test
# (those imports were a third of a second of its CPU, in every run of the suite).

PROJECT = Path(__file__).resolve().parents[1]
# Every property test draws the same cases on every run, so that `make test` passes or fails
# alike each time; HCMLC_FUZZ_SCALE above 1 (the long hunt of tests/test_fuzz.py) draws new ones.
hypothesis.settings.register_profile("steady", derandomize=True, database=None)
if int(os.environ.get("HCMLC_FUZZ_SCALE", "1")) <= 1:
    hypothesis.settings.load_profile("steady")
pytest_plugins = ("office_validity",)  # every .docx and .xlsx hcmlc writes is schema-checked


class Repo:
    """A copy of the bundled data with an empty submissions/ folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        return histories.write(self.root, relative, text)

    def photo(self, relative: str, width: int = 2000, height: int = 1333) -> Path:
        """A real JPEG of the given size (a plain colour field)."""
        from PIL import Image

        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (width, height), (40, 110, 160)).save(path, "JPEG", quality=60)
        return path

    def own_frameworks(self) -> Path:
        """The frameworks as files of the city's own (see own_frameworks)."""
        return own_frameworks(self.root)

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The bundled data as it stood in the 2023 application cycle: that cycle is current, so
    a test sees both deadlines (indicators and form answers) and the registry before 2025."""
    return Repo(application_repo(tmp_path))


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the whole bundled repository: data, demonstration submissions and photos,
    templates, the coordinator's words in the reports."""
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    return tmp_path


BEFORE_MIGRATION = PROJECT / "tests/fixtures/hcmc-before-migration"


def own_frameworks(root: Path) -> Path:
    """Put the repository at `root` back in the shape it had before `hcmlc migrate` (issue 27):
    UNESCO's framework with HCMC's agencies in data/criteria.yaml, the learning models in
    data/frameworks/, no data/frameworks.yaml: frameworks of the city's own, as files it may
    edit. The fixture's agencies are those of data/frameworks.yaml (tests/commands/
    test_migrate.py migrates it and compares)."""
    (root / "data/frameworks.yaml").unlink()
    shutil.copy(BEFORE_MIGRATION / "criteria.yaml", root / "data/criteria.yaml")
    (root / "data/frameworks").mkdir(exist_ok=True)
    shutil.copy(BEFORE_MIGRATION / "learning-models.yaml", root / "data/frameworks")
    return root


@pytest.fixture
def before_migration(bundled: Path) -> Path:
    """The whole bundled repository as it was before `hcmlc migrate` (see own_frameworks)."""
    return own_frameworks(bundled)


# Typer builds the Click command of an app on every CliRunner.invoke (some 30 ms for hcmlc's
# twelve commands, more than a small command's run); a process builds it once, and so does the
# suite. The command keeps no state between runs: help texts follow the language of each run.
typer.testing._get_command = functools.cache(typer.testing._get_command)  # type: ignore[attr-defined]


@pytest.fixture
def hcmlc() -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    from hcmlc.cli.app import app

    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, list(args))
        assert not isinstance(result.exception, AssertionError)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture(scope="session")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """`homes(kind)`: a new folder of this session's, for one test's cache or key. Numbered
    here, not by `tmp_path_factory.mktemp`, which lists the session's folder to number each
    one (thousands of entries by the end of a run, twice per test)."""
    base = tmp_path_factory.mktemp("homes")
    numbers = itertools.count()

    def home(kind: str) -> Path:
        folder = base / f"{kind}{next(numbers)}"
        folder.mkdir()
        return folder

    return home


@pytest.fixture(autouse=True)
def private_cache(homes: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps its cache in a folder of its own, never in the user's home; an internal
    error shows its traceback ($HCMLC_DEBUG), so that a failing test says where it happened."""
    folder = homes("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("HCMLC_DEBUG", "1")
    return folder / "hcmlc"


@pytest.fixture(autouse=True)
def signing_key(homes: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test signs workbooks with a key of its own, made on first use, never in the home."""
    path = homes("key") / "workbook.key"
    monkeypatch.setenv("HCMLC_KEY_FILE", str(path))
    return path


@pytest.fixture(scope="session")
def session_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One signing key for the tests of the session (of this xdist worker) that share the
    workbooks they build (`shared_workbooks`), made before the first of them runs."""
    from built_workbooks import made_key

    return made_key(tmp_path_factory.mktemp("session-key") / "workbook.key")


@pytest.fixture
def shared_workbooks(session_key: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """For tests that run a city-wide `remind` or `workbook --all` and do not test the key nor
    the workbooks' issues: workbooks signed with the session's key, each plan built once in
    the process and served again to the next test that asks (tests/built_workbooks.py)."""
    from built_workbooks import sharing_workbooks

    monkeypatch.setenv("HCMLC_KEY_FILE", str(session_key))
    with sharing_workbooks():
        yield session_key


@pytest.fixture(scope="session")
def drawn_charts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder of the run's charts (its `charts/`), one for every xdist worker (beside
    their folders, as tests/shared_work.py keeps the run's shared work): entries are written
    atomically, and one worker's chart serves another's."""
    return Shared(tmp_path_factory, "charts").folder


@pytest.fixture(autouse=True)
def shared_charts(
    request: pytest.FixtureRequest, drawn_charts: Path, monkeypatch: pytest.MonkeyPatch
) -> Path | None:
    """Charts kept across the tests of the run, for every test but those marked `own_charts`
    (the tests of drawing and of the chart cache itself): the same twenty charts of the
    bundled data are drawn once, not once per test. The cache is keyed by what a chart shows,
    so a test that changes the data still gets charts of its own data; every test's repository
    (a new folder each) shares one scope in this process; the test's own cache folder holds
    no charts. A command run in a new process keeps its charts in the test's cache folder,
    as ever. Returns the folder of the shared charts (None for `own_charts`)."""
    if request.node.get_closest_marker("own_charts"):
        return None
    from hcmlc.render import chart_cache

    monkeypatch.setattr(chart_cache, "cache_dir", lambda: drawn_charts)
    monkeypatch.setattr(chart_cache, "scope", lambda _root: "tests")
    return drawn_charts / chart_cache.FOLDER / "tests"


@pytest.fixture(scope="session")
def calc_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's home and user profile for the session (of this xdist worker): the first
    conversion makes the profile (a second of its start-up), the others find it made."""
    return tmp_path_factory.mktemp("calc")


@pytest.fixture
def frozen_heap() -> Iterator[None]:
    """For the property tests (`pytestmark = pytest.mark.usefixtures("frozen_heap")`): what
    lives before the test (modules, the bundled repository, pytest's own objects) is kept out
    of reach of Python's cycle collector while it runs (`gc.freeze`), and given back after it.
    The collector then scans what the cases make, not the whole process: its full collections,
    some thirty in the fuzz modules at 60 ms each over the heap, half of that time. A command
    run in the test that loads a repository thaws it (the product's `collector_paused`), as
    ever; nothing is left frozen after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


CHROMIUM = Path(os.environ.get("HCMLC_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UNSEEN_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
"""Chromium's features the tests turn off, besides Playwright's own: headless Chromium still
makes each new window's address-bar drop-down, two WebUI pages in a renderer of their own,
for every context the tests open (some 0.3 s of CPU each, half the cost of a context and
its page), though nothing ever shows it; no page the tests look at is drawn differently."""


def playwright_disabled_features() -> list[str]:
    """The features Playwright turns off when it launches Chromium (its `chromiumSwitches`), as
    its driver's bundle lists them. Chromium takes the LAST `--disable-features` on its command
    line (Playwright puts the caller's after its own), so a caller who turns off features of
    its own must name Playwright's too, or undo them."""
    import playwright

    bundle = Path(playwright.__file__).parent / "driver/package/lib/coreBundle.js"
    listed = re.search(r"disabledFeatures = \[(.*?)\]", bundle.read_text(encoding="utf-8"), re.S)
    assert listed is not None, f"Playwright's disabled features not found in {bundle}"
    names = re.findall(r'^\s*"(\w+)",?$', listed.group(1), re.M)
    assert "PaintHolding" in names, names
    return names


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium ($HCMLC_CHROMIUM), driven by Playwright, launched once in a test
    session (of an xdist worker) for every test that needs a browser: the status page's
    (tests/browser), the guides printed to PDF and the screenshots (tests/docs). Each opens
    pages of its own in it. Playwright's sync API runs one instance in a process, so the
    tests share this one rather than start another."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        features = [*playwright_disabled_features(), *UNSEEN_FEATURES]
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROMIUM_FLAGS, f"--disable-features={','.join(features)}"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect the plain text format, even when the suite itself runs in GitHub Actions."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English unless they choose a language (`--lang`, `HCMLC_LANG`): the
    interface's default is Vietnamese, and the machine's locale must not matter."""
    monkeypatch.setenv(ENV_VAR, "en")
    use_language(None)


class Git:
    """git run in a folder without the user's or the system's configuration."""

    def __call__(self, folder: Path, *args: str) -> str:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def init(self, folder: Path) -> None:
        """A new clone whose commits are the tester's, unsigned (histories.init)."""
        histories.init(folder)

    def commit(self, folder: Path, message: str) -> None:
        """Everything in `folder` committed, dated as the environment says (histories.commit)."""
        histories.commit(folder, message)


@pytest.fixture
def git(monkeypatch: pytest.MonkeyPatch) -> Git:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return Git()


_YAML12_NULL = re.compile(r"~|null|Null|NULL|")
_YAML12_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_YAML12_BOOL |= {"FALSE": False}
_YAML12_INT = re.compile(r"[-+]?[0-9]+")
_YAML12_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def editor_view(text: str) -> Any:
    """A YAML file as an editor's YAML 1.2 core schema types it (`no` is a word, `08` a number).

    hcmlc's reader keeps every scalar a string; an editor checking the JSON Schema does not.
    """
    from hcmlc.yamlfiles.reader import parse_yaml

    document = parse_yaml(text, "file.yaml")
    assert not document.problems, document.problems
    return _typed(document.root)


def _typed(node: Any) -> Any:
    if node.id == "mapping":
        return {key.value: _typed(value) for key, value in node.value}
    if node.id == "sequence":
        return [_typed(item) for item in node.value]
    text = node.value
    if node.style:  # quoted or a block: always a string
        return text
    if _YAML12_NULL.fullmatch(text):
        return None
    if text in _YAML12_BOOL:
        return _YAML12_BOOL[text]
    if _YAML12_INT.fullmatch(text):
        return int(text)
    return float(text) if _YAML12_FLOAT.fullmatch(text) else text


@pytest.fixture
def as_editor_sees() -> Callable[[str], Any]:
    """`editor_view`, for tests in any folder."""
    return editor_view


# --- the fuzz cases run (tests/test_fuzz.py counts them per test) ------------------------------

FUZZ_CASES = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[FUZZ_CASES] = 0
    # A full collection scans a worker's whole heap (the run's kept models, built workbooks,
    # drawn charts: hundreds of megabytes); Python starts one after ten of the middle
    # generation's, when a quarter of the heap is new: 37 in a run, 5.7 s. After a hundred,
    # the collector's time in a run of the suite went from 7.4 to 4.8 and 5.5 s (two runs; of
    # it, the collection at the end of the session, below), with the same peak memory. The
    # product's own settings (cli, repository/load.py) are not touched.
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 100)


def pytest_runtest_teardown(item: pytest.Item) -> None:
    cases = getattr(getattr(item, "obj", None), "fuzz_cases", 0)
    item.config.stash[FUZZ_CASES] += cases


def pytest_sessionfinish(session: pytest.Session) -> None:
    if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: tell the controller
        session.config.workeroutput["fuzz_cases"] = session.config.stash[FUZZ_CASES]
    # pytest collects the garbage twice as it ends (its unraisable-exception plugin, at
    # unconfigure and at cleanup), each time scanning the whole heap the session built; one
    # collection here, its finalisers' errors still reported by that plugin, then the survivors
    # frozen, leaves those two scans only what was made since.
    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook
def pytest_testnodedown(node: Any, error: object) -> None:
    node.config.stash[FUZZ_CASES] += node.workeroutput.get("fuzz_cases", 0)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if cases := config.stash[FUZZ_CASES]:
        terminalreporter.write_line(f"fuzz: {cases:,} cases run")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop the fork server that `workbook --all` may have started in this process
    (hcmlc/workbook/batch.py) and wait for it: left alone it would outlive the process, and the
    CPU time of it and its workers would be counted in no one's (`time make test` included)."""
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()
