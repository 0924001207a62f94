"""Saved outputs (cli/saved_output.py): a warm run prints exactly what a fresh run prints, is
served before Typer loads, and never after a change to any one of its inputs; a damaged or
planted entry is never served."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hcmlc.cli import output_key, saved_output
from hcmlc.files import code_digest
from hcmlc.files.code_digest import fingerprint_of
from hcmlc.i18n import ENV_VAR
from hcmlc.repository import saved_outputs
from hcmlc.repository.saved_outputs import Saved, Store
from shared_work import Shared

AS_OF = "2025-12-20"
PROJECT = Path(__file__).resolve().parents[1]
GITHUB = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")
"""Variables that the tests' own environment lacks (tests/conftest.py: outside_github_actions)."""
SCRIPT = """
import atexit, os, sys
loaded = lambda: {"typer", "pydantic", "yaml", "rich"} & set(sys.modules)
atexit.register(lambda: open(os.environ["SERVED_MARK"], "w").write(str(not loaded())))
sys.argv[0] = "hcmlc"
from hcmlc.cli.saved_output import main
main()
"""
"""`hcmlc` as the console script runs it, leaving word of whether it was served: Typer,
pydantic, PyYAML and Rich never imported."""


def hcmlc(
    folder: Path, *args: str, environ: dict[str, str] | None = None, **env: str
) -> tuple[int, bytes, bytes, bool]:
    """Run hcmlc in a new process in `folder`, in the test's environment (or `environ`) with
    `env` added: (exit code, stdout, stderr, served)."""
    mark = folder.parent / f"{folder.name}-served"
    mark.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        cwd=folder,
        capture_output=True,
        env={**(os.environ if environ is None else environ), "SERVED_MARK": str(mark), **env},
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result.returncode, result.stdout, result.stderr, mark.read_text() == "True"


COMMANDS = {
    "status": ("status", "--as-of", AS_OF),
    "status-json": ("status", "--as-of", AS_OF, "--format", "json"),
    "validate": ("validate",),
    "validate-json": ("validate", "--format", "json"),
}
EDITED = "submissions/2023/so-gddt.yaml"


def environ_of_a_test(home: Path) -> dict[str, str]:
    """The environment tests/conftest.py's autouse fixtures give a test (its cache and key in
    `home`), for runs made outside any one test."""
    environ = {k: v for k, v in os.environ.items() if k not in GITHUB}
    return environ | {
        "XDG_CACHE_HOME": str(home / "cache"),
        "HCMLC_DEBUG": "1",
        "HCMLC_KEY_FILE": str(home / "workbook.key"),
        ENV_VAR: "en",
    }


Run = tuple[int, bytes, bytes, bool]


def runs_of(name: str, folder: Path) -> list[list[object]]:
    """The command `name` run in a copy of the bundled repository with a cache of its own:
    first (every file checked), then again; `validate` twice more after a submission was
    edited. Kept as JSON: the outputs as Latin-1 texts."""
    root = folder / "repo"
    for part in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / part, root / part)
    environ = environ_of_a_test(folder)
    found = [hcmlc(root, *COMMANDS[name], environ=environ) for _ in range(2)]
    if name == "validate":
        path = root / EDITED
        path.write_text(path.read_text(encoding="utf-8").replace("value: 98.9", "value: 98,9"))
        found += [hcmlc(root, *COMMANDS[name], environ=environ) for _ in range(2)]
    return [
        [code, out.decode("latin-1"), err.decode("latin-1"), served]
        for code, out, err, served in found
    ]


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], list[Run]]:
    """The runs of each command (`runs_of`), made once in the test run by whichever
    pytest-xdist worker asks first (`Shared`): the first two runs of `validate` serve both
    the test of a served output and the test of an edited submission."""
    shared = Shared(tmp_path_factory, "saved-output")

    def of(name: str) -> list[Run]:
        found = shared.get(name, lambda folder: runs_of(name, folder))
        return [(c, o.encode("latin-1"), e.encode("latin-1"), s) for c, o, e, s in found]

    return of


@pytest.mark.parametrize("name", COMMANDS)
def test_a_served_output_is_the_fresh_one_byte_for_byte(runs, name) -> None:
    fresh, served = runs(name)[:2]  # the first run of the cache: every file checked
    assert not fresh[3] and served[3]
    assert fresh[:3] == served[:3] and fresh[1]


def test_an_edited_submission_is_not_served(runs) -> None:
    served, edited, again = runs("validate")[1:]  # `EDITED` edited after a served run
    assert served[3]
    code, out, _err, was_served = edited
    assert not was_served and code == 1 and b"`98,9` is not a number [HCMLC-E022]" in out
    assert again[:3] == (code, out, _err)


def test_a_run_without_the_cache_is_neither_served_nor_saved(bundled) -> None:
    for _ in range(2):
        assert not hcmlc(bundled, "validate", "--no-cache")[3]
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "hcmlc" / saved_outputs.FOLDER).exists()


# --- the key: every input counts ------------------------------------------------------------


def change_file(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return change


def replace_photo(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1000, 1500)).save(root / "photos/2023/thu-vien.jpg", "JPEG")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a data file": change_file("data/assignments.yaml", "quan-1", "quan-mot"),
    "a submission": change_file("submissions/2023/so-gddt.yaml", "98.9", "98.8"),
    "a photo": replace_photo,
    "the coordinator's words": lambda root: (root / "reports/2025.yaml").write_text("x: 1\n"),
    "a template": lambda root: (root / "templates/progress-report.docx").write_bytes(b"x"),
    "a new file": lambda root: (root / "submissions/2025/new.yaml").write_text("agency: x\n"),
    "a removed file": lambda root: (root / "submissions/2023/so-gddt.yaml").unlink(),
    "a new empty folder": lambda root: (root / "submissions/2031").mkdir(),
    "a link": lambda root: (root / "photos/link.jpg").symlink_to("2023/thu-vien.jpg"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_changed_file_changes_the_key(bundled, change) -> None:
    request = saved_output.recognised(("validate",), bundled)
    assert request is not None
    before = output_key.key_of(request)
    change(bundled)
    assert before is not None and output_key.key_of(request) != before


ARGUMENTS = {
    "an option": ("status", "--as-of", AS_OF, "--units"),
    "another --as-of": ("status", "--as-of", "2025-12-21"),
    "the format": ("status", "--as-of", AS_OF, "--format", "json"),
    "the interface language": ("--lang", "vi", "status", "--as-of", AS_OF),
}


@pytest.mark.parametrize("argv", ARGUMENTS.values(), ids=ARGUMENTS.keys())
def test_the_command_line_is_in_the_key(bundled, argv) -> None:
    keys = []
    for args in (("status", "--as-of", AS_OF), argv):
        request = saved_output.recognised(tuple(args), bundled)
        assert request is not None
        keys.append(output_key.key_of(request))
    assert None not in keys and keys[0] != keys[1]


ENVIRONMENT = {
    "HCMLC_LANG": "vi",
    "HCMLC_TODAY": "2025-12-21",
    "NO_COLOR": "1",
    "LANG": "vi_VN.UTF-8",
    "COLUMNS": "80",
    "GITHUB_ACTIONS": "true",
}


@pytest.mark.parametrize(("name", "value"), ENVIRONMENT.items(), ids=ENVIRONMENT.keys())
def test_the_environment_is_in_the_key(bundled, monkeypatch, name, value) -> None:
    monkeypatch.delenv(name, raising=False)  # whatever the machine running the tests has
    request = saved_output.recognised(("status",), bundled)
    assert request is not None
    before = output_key.key_of(request)
    monkeypatch.setenv(name, value)
    assert output_key.key_of(request) != before


def test_the_current_folder_and_the_terminal_are_in_the_key(bundled, monkeypatch) -> None:
    request = saved_output.recognised(("status",), bundled)
    assert request is not None
    before = output_key.key_of(request)
    monkeypatch.chdir(bundled / "data")
    moved = output_key.key_of(request)
    monkeypatch.setattr(os, "isatty", lambda descriptor: descriptor == 1)
    monkeypatch.setattr(os, "get_terminal_size", lambda descriptor: os.terminal_size((90, 40)))
    assert len({before, moved, output_key.key_of(request)}) == 3


def test_hcmlc_itself_is_in_the_key(bundled, monkeypatch, tmp_path) -> None:
    request = saved_output.recognised(("validate",), bundled)
    assert request is not None
    before = output_key.key_of(request)
    monkeypatch.setattr(output_key, "code_fingerprint", lambda: b"another hcmlc")
    assert output_key.key_of(request) != before
    # what the fingerprint holds: hcmlc's version and the libraries installed
    prints = [fingerprint_of(code_digest.PACKAGE)]
    monkeypatch.setattr(code_digest, "__version__", "99.0")
    prints.append(fingerprint_of(code_digest.PACKAGE))
    library = tmp_path / "site"
    (library / "pydantic-2.99.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(library))
    prints.append(fingerprint_of(code_digest.PACKAGE))
    (library / "pydantic-2.99.dist-info").rename(library / "pydantic-3.0.dist-info")
    prints.append(fingerprint_of(code_digest.PACKAGE))
    assert len(set(prints)) == 4


def test_the_source_of_hcmlc_is_in_its_fingerprint(tmp_path) -> None:
    package = tmp_path / "hcmlc"
    (package / "cli").mkdir(parents=True)
    (package / "rules.py").write_text("LIMIT = 1\n")
    before = fingerprint_of(package)
    (package / "rules.py").write_text("LIMIT = 2\n")
    assert fingerprint_of(package) != before


def test_the_git_state_is_in_the_key(bundled, git) -> None:
    git.init(bundled)
    git.commit(bundled, "the data")
    request = saved_output.recognised(("status",), bundled)
    assert request is not None
    keys = [output_key.key_of(request)]
    path = bundled / "submissions/2025/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# note\n", encoding="utf-8")
    keys.append(output_key.key_of(request))
    git(bundled, "add", "submissions")  # the same files, staged: the index changed
    keys.append(output_key.key_of(request))
    git(bundled, "commit", "--quiet", "-m", "a note")  # a new HEAD
    keys.append(output_key.key_of(request))
    git(bundled, "tag", "v1")  # a new ref (`--changed-since v1`)
    keys.append(output_key.key_of(request))
    git(bundled, "config", "core.autocrlf", "true")
    keys.append(output_key.key_of(request))
    assert None not in keys and len(set(keys)) == len(keys)


def test_git_told_elsewhere_keys_nothing(bundled, monkeypatch) -> None:
    monkeypatch.setenv("GIT_DIR", str(bundled / "elsewhere"))
    request = saved_output.recognised(("status",), bundled)
    assert request is not None and output_key.key_of(request) is None


def test_an_output_holds_for_its_day_only(monkeypatch) -> None:
    now = time.time()
    conditions = {"saved_at": now - 10, "until": now + 3600}
    assert output_key.holds(conditions)
    monkeypatch.setattr(time, "time", lambda: now + 3600)  # the next day, in the city
    assert not output_key.holds(conditions)
    monkeypatch.setattr(time, "time", lambda: now - 20)  # the clock went back
    assert not output_key.holds(conditions)
    assert not output_key.holds({"saved_at": "soon"})


def test_the_day_ends_at_midnight_in_the_city_or_here(bundled) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    conditions = output_key.conditions_now(bundled, time.time())
    assert conditions is not None
    until = conditions["until"]
    assert 0 < until - time.time() <= 24 * 3600
    in_city = dt.datetime.fromtimestamp(until, ZoneInfo("Asia/Ho_Chi_Minh")).time()
    assert dt.time() in (in_city, dt.datetime.fromtimestamp(until).time())


def test_a_run_that_began_the_day_before_is_never_served(bundled) -> None:
    conditions = output_key.conditions_now(bundled, time.time() - 2 * 24 * 3600)
    assert conditions is not None and not output_key.holds(conditions)


def test_a_path_named_is_in_the_key(bundled) -> None:
    keys = []
    for named in ("submissions/2023", "submissions/2025"):
        request = saved_output.recognised(("validate", str(bundled / named)), bundled)
        assert request is not None
        keys.append(output_key.key_of(request))
    assert None not in keys and keys[0] != keys[1]
    outside = saved_output.recognised(("validate", str(bundled.parent)), bundled)
    assert outside is not None and output_key.key_of(outside) is None


def test_a_last_commit_dated_after_now_is_not_saved(bundled, git, monkeypatch) -> None:
    """History clamps such a date to the very moment: the output depends on the time."""
    git.init(bundled)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2099-01-01T00:00:00+07:00")
    git.commit(bundled, "from the future")
    assert output_key.conditions_now(bundled, time.time()) is None


@pytest.mark.parametrize(
    ("folder", "named"),
    [
        (".venv", "# .venv/photo.jpg"),  # a virtual environment, known once met
        (".git", "# .git/photo.jpg"),  # never walked
        (".git", "# .git\\photo.jpg"),  # a Windows path
    ],
)
def test_a_file_naming_a_folder_not_walked_is_not_saved(bundled, folder, named) -> None:
    request = saved_output.recognised(("validate",), bundled)
    assert request is not None
    path = bundled / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8") + named + "\n", encoding="utf-8")
    # no such folder: the path leads nowhere, and the run is saved
    assert output_key.key_of(request, look_for_mentions=True) is not None
    (bundled / folder).mkdir()
    if folder == ".venv":
        (bundled / ".venv/pyvenv.cfg").write_text("home = /usr\n")
    assert output_key.key_of(request) is not None
    assert output_key.key_of(request, look_for_mentions=True) is None


def test_a_link_leading_out_keys_nothing(bundled, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "outside.jpg"
    outside.write_bytes(b"x")
    (bundled / "photos/out.jpg").symlink_to(outside)
    request = saved_output.recognised(("validate",), bundled)
    assert request is not None and output_key.key_of(request) is None


@pytest.mark.parametrize(
    "argv",
    [
        ("status", "--no-cache"),
        ("validate", "--fix"),
        ("status", "--help"),
        ("report",),  # the default name is known only once the data is read
        ("report", "--out", "r.md", "--format", "md"),  # a folder of charts too
        ("report", "--out", "r.docx", "--no-cache"),
        ("status", "--as-of"),
        ("--version",),
        ("status", "extra"),
    ],
)
def test_command_lines_not_served(bundled, argv) -> None:
    assert saved_output.recognised(argv, bundled) is None


def test_the_step_summary_is_always_written(bundled, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(bundled.parent / "summary.md"))
    assert saved_output.recognised(("validate",), bundled) is None


# --- the report: the document written again ---------------------------------------------------


def parts(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as docx:
        return {name: docx.read(name) for name in docx.namelist()}


@dataclass(frozen=True)
class Reported:
    """A report written three times to one --out in a copy of the bundled repository (a new
    document, then the one hcmlc wrote replaced and saved, then served), and what was found."""

    root: Path
    out: Path
    environ: dict[str, str]
    """The environment of every run (in the key): the tests' own, set once for the module."""
    runs: list[tuple[int, bytes, bytes, bool]]
    written: bytes
    """The document as the second run wrote it, read before the third."""
    served_bytes: bytes
    folder_after: list[Path]
    parts_after: dict[str, bytes]


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> Reported:
    """Made once for the module's two tests of the saved report (three runs of `report`, two
    of them drawing the whole report): each reads what was found right after the runs."""
    root = tmp_path_factory.mktemp("reported")
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / name, root / name)
    environ = environ_of_a_test(tmp_path_factory.mktemp("reported-home"))
    folder = tmp_path_factory.mktemp("out")
    out = folder / "report.docx"
    args = ("report", "--out", str(out))
    runs = [hcmlc(root, *args, environ=environ)]  # a new document
    runs.append(hcmlc(root, *args, environ=environ))  # replaces the one hcmlc wrote, saved
    written = out.read_bytes()
    runs.append(hcmlc(root, *args, environ=environ))  # served
    return Reported(
        root,
        out,
        environ,
        runs,
        written,
        out.read_bytes(),
        sorted(folder.iterdir()),
        parts(out),
    )


def test_a_report_again_writes_the_saved_document(reported, tmp_path_factory) -> None:
    first, again, served = reported.runs
    out = reported.out
    assert not first[3] and not again[3] and served[3]
    assert served[:3] == again[:3] and first[1] != again[1]
    assert reported.served_bytes == reported.written and reported.folder_after == [out]
    fresh = tmp_path_factory.mktemp("fresh") / "fresh.docx"
    hcmlc(reported.root, "report", "--out", str(fresh), "--no-cache", environ=reported.environ)
    assert reported.parts_after == parts(fresh)  # the same document (the zip's own times aside)


def test_a_report_changed_by_hand_is_not_replaced_by_a_saved_one(reported) -> None:
    out = reported.out
    out.write_bytes(b"saved over in another program")  # hcmlc's stamp is gone
    code, _out, err, served = hcmlc(
        reported.root, "report", "--out", str(out), environ=reported.environ
    )
    assert not served and code == 2 and b"changed since hcmlc wrote it" in err


def test_what_a_report_finds_at_out_and_its_template_are_in_the_key(
    bundled, tmp_path_factory
) -> None:
    folder = tmp_path_factory.mktemp("out")
    template = folder / "template.docx"
    template.write_bytes(b"a template")  # outside the repository: keyed by itself
    args = ("report", "--out", str(folder / "r.docx"), "--template", str(template))
    request = saved_output.recognised(args, bundled)
    forced = saved_output.recognised((*args, "--force"), bundled)
    assert request is not None and forced is not None
    keys = [output_key.with_document(output_key.key_of(request), request)]
    template.write_bytes(template.read_bytes() + b"\0")
    keys.append(output_key.with_document(output_key.key_of(request), request))
    (folder / "r.docx").write_bytes(b"not a document hcmlc wrote")
    assert output_key.with_document(output_key.key_of(request), request) is None
    keys.append(output_key.with_document(output_key.key_of(forced), forced))
    assert None not in keys and len(set(keys)) == 3


# --- the store: sealed, never a damaged or planted entry --------------------------------------


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "saved")


SAVED = Saved(1, b"out \xe1\xbb\x9f\n", b"err\n", {"saved_at": 1.0, "until": 2.0})


def test_an_entry_is_served_for_its_key_only(store) -> None:
    store.put("slot", "key", SAVED)
    assert store.get("slot", "key") == SAVED
    assert store.get("slot", "another key") is None
    (store.folder / "other").write_bytes((store.folder / "slot").read_bytes())
    os.chmod(store.folder / "other", 0o600)
    assert store.get("other", "key") is None  # moved to another slot: its seal says which


def damage_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))


DAMAGES: dict[str, Callable[[Path], None]] = {
    "a changed byte": damage_byte,
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:-1]),
    "empty": lambda path: path.write_bytes(b""),
    "not ours": lambda path: path.write_bytes(b"\0" * 32 + b'{"format": 1}\n'),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_entry_is_not_served(store, damage) -> None:
    store.put("slot", "key", SAVED)
    damage(store.folder / "slot")
    assert store.get("slot", "key") is None


def test_a_planted_entry_is_not_served(store, tmp_path) -> None:
    """Written by another key (another user's cache, a copy from elsewhere), writable by
    others, or a link: none is served."""
    elsewhere = Store(tmp_path / "elsewhere")
    elsewhere.put("slot", "key", SAVED)
    store.put("slot", "key", SAVED)
    planted = (elsewhere.folder / "slot").read_bytes()
    (store.folder / "slot").write_bytes(planted)
    assert store.get("slot", "key") is None
    store.put("slot", "key", SAVED)
    os.chmod(store.folder / "slot", 0o666)
    assert store.get("slot", "key") is None
    store.put("slot", "key", SAVED)
    (store.folder / "slot").rename(store.folder / "kept")
    (store.folder / "slot").symlink_to(store.folder / "kept")
    assert store.get("slot", "key") is None


def test_a_seal_key_others_can_read_serves_nothing(store) -> None:
    store.put("slot", "key", SAVED)
    os.chmod(store.folder / saved_outputs.KEY_FILE, 0o644)
    assert store.get("slot", "key") is None
    (store.folder / saved_outputs.KEY_FILE).unlink()
    assert store.get("slot", "key") is None  # a new key: the old seal no longer matches
    store.put("slot", "key", SAVED)
    assert store.get("slot", "key") == SAVED


def test_the_store_is_never_inside_the_repository(bundled, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(bundled / "cache"))
    assert Store.open(bundled) is None


def test_an_unwritable_store_is_not_fatal(tmp_path) -> None:
    (tmp_path / "saved").write_text("a file where the folder should be")
    store = Store(tmp_path / "saved")
    store.put("slot", "key", SAVED)
    assert store.get("slot", "key") is None


def test_the_store_keeps_at_most_its_size(store, monkeypatch) -> None:
    store.put("slot0", "key", SAVED)
    monkeypatch.setattr(
        saved_outputs, "MAX_TOTAL_BYTES", 3 * (store.folder / "slot0").stat().st_size
    )
    for n in range(3):
        store.put(f"slot{n}", "key", SAVED)
        os.utime(store.folder / f"slot{n}", (n, n))
    store.used("slot0")  # served just now: the newest
    store.put("slot3", "key", SAVED)
    kept = sorted(p.name for p in store.folder.iterdir() if p.name.startswith("slot"))
    assert kept == ["slot0", "slot2", "slot3"]


def test_old_entries_are_trimmed(store, monkeypatch) -> None:
    monkeypatch.setattr(saved_outputs, "MAX_ENTRIES", 3)
    for n in range(5):
        store.put(f"slot{n}", "key", SAVED)
        os.utime(store.folder / f"slot{n}", (n, n))
    assert sorted(p.name for p in store.folder.iterdir() if p.name.startswith("slot")) == [
        "slot2",
        "slot3",
        "slot4",
    ]


def test_the_options_served_are_the_commands_own() -> None:
    """The saver's list of options (each taking a value, or a flag) is the command line's:
    an option renamed or changed in kind there must be changed here too."""
    import typer.main

    from hcmlc.cli.app import app

    group = typer.main.get_command(app)
    found = {o: getattr(p, "is_flag", None) for p in group.params for o in p.opts}
    assert all(found[o] is False for o in saved_output.GLOBAL_VALUES)
    assert all(found[o] is True for o in saved_output.GLOBAL_FLAGS)
    for name, (values, flags, _paths) in saved_output.COMMANDS.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        options = {o: getattr(p, "is_flag", None) for p in command.params for o in p.opts}
        assert {o: options.get(o) for o in values} == dict.fromkeys(values, False)
        assert {o: options.get(o) for o in flags} == dict.fromkeys(flags, True)


def test_the_folder_hcmlc_runs_from_is_not_in_its_fingerprint(tmp_path, monkeypatch) -> None:
    """`python -m hcmlc` puts the current folder first on the path: running it from another
    folder must not make the results cache cold."""
    before = fingerprint_of(code_digest.PACKAGE)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert fingerprint_of(code_digest.PACKAGE) == before


def test_an_output_over_the_limit_is_printed_whole_but_not_held(capfdbinary) -> None:
    """A run printing more than an entry may hold (status of a city ×10 as JSON) keeps no copy
    of it: it could not be saved, and the copy would double the run's memory."""
    from hcmlc.cli.recording import recorded

    def run() -> None:
        print("x" * 100)
        print("y", file=sys.stderr)

    assert recorded(run, 200) == (0, b"x" * 100 + b"\n", b"y\n")
    assert recorded(run, 100) == (0, None, b"y\n")
    printed = capfdbinary.readouterr()
    assert (printed.out, printed.err) == ((b"x" * 100 + b"\n") * 2, b"y\n" * 2)


def test_compiled_modules_are_not_in_the_fingerprint(tmp_path) -> None:
    """A first run compiles hcmlc's modules into `__pycache__` folders: the next run must find
    the same fingerprint, or its results cache would be cold."""
    package = tmp_path / "hcmlc"
    (package / "core").mkdir(parents=True)
    (package / "core/rules.py").write_text("LIMIT = 1\n")
    before = fingerprint_of(package)
    (package / "core/__pycache__").mkdir()
    (package / "core/__pycache__/rules.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint_of(package) == before
