"""The `hcmlc` entry point: a warm `status` or `validate` whose every input is as it was when
it last ran prints that run's saved output, checked before Typer, pydantic or any rule loads;
any other run goes to the command line (app.py), and its output is saved if it can be served.

The key of a saved output is the digest of everything that can change it: every file of the
repository by content (files/input_digest.py), the clone's git state (files/git_state.py), the
command line and the current folder, the environment (the language, `$HCMLC_TODAY`, `$NO_COLOR`
…), whether each standard stream is a terminal and its size, and hcmlc itself (its version,
every file of the package, Python and the installed libraries). An entry holds while the day
is the same, in the city's time zone and the system's, and the clock has not gone back; it is
sealed (repository/saved_outputs.py). A run is saved only when its inputs were the same after
it as before, it ended with 0 or 1, and nothing in it depended on the time beyond the day.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hcmlc.repository.saved_outputs import Saved

GLOBAL_VALUES = frozenset({"--lang"})
GLOBAL_FLAGS = frozenset({"--debug"})
COMMANDS: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {
    "status": (
        frozenset({"--cycle", "--as-of", "--agency", "--root", "--format", "--indent"}),
        frozenset({"--units", "--criteria"}),
        False,
    ),
    "validate": (
        frozenset({"--root", "--format", "--changed-since", "--indent"}),
        frozenset({"--strict"}),
        True,
    ),
    "report": (
        frozenset({"--year", "--format", "--out", "--lang", "--template", "--as-of", "--root"}),
        frozenset({"--force", "--approved-only"}),
        False,
    ),
}
"""The commands served, each with the options that take a value, the flags, and whether it
takes paths. Anything else on the command line (`--no-cache`, `--fix`, `--help`, an option
not known here) is run, never served nor saved. `report` is served as a Word document written
to an `--out` named (its default name depends on the year, known only once the data is read;
Markdown writes a folder of charts too)."""
SIDE_EFFECTS = ("GITHUB_STEP_SUMMARY",)
"""A run that writes elsewhere (validate's step summary in GitHub Actions) is always run."""
ASSIGNMENTS = ("data", "assignments.yaml")


class Request(NamedTuple):
    """A command line that can be served: its repository and what it names in it."""

    argv: tuple[str, ...]
    root: Path
    paths: tuple[str, ...]
    out: Path | None = None
    """The document the command writes (report)."""
    template: Path | None = None
    force: bool = False


def main() -> None:
    """Console-script entry point: serve the saved output, or run and perhaps save it."""
    argv = tuple(sys.argv[1:])
    request = recognised(argv, Path.cwd())
    if request is None:  # --help, --version, any other command: nothing more is imported
        from hcmlc.cli.app import main as run_command

        run_command()
        return
    raise SystemExit(served_or_run(request))


def served_or_run(request: Request) -> int | str | None:
    """The saved output of `request` printed, or the command run and its output saved if it
    can be served next time: how the run ends (SystemExit's code)."""
    from hcmlc.cli.output_key import conditions_now, holds, key_of, with_document
    from hcmlc.files.read_memo import Memo, Settled, using
    from hcmlc.repository import file_index
    from hcmlc.repository.saved_outputs import MAX_ENTRY_BYTES, RECORDS, Saved, Store

    store = Store.open(request.root)
    memo: Memo = {}
    walk_began = time.time_ns()
    inputs = None
    records = Store.open(request.root, RECORDS)
    if store is not None and records is not None:  # files settled since an earlier walk: not read
        index = file_index.load(records, request.root)
        inputs = key_of(request, memo=memo, settled=Settled(index, walk_began))
        if inputs is not None:
            file_index.keep(records, request.root, memo, walk_began, index)
    keyed = with_document(inputs, request) if inputs is not None else None
    if keyed is not None and store is not None:
        saved = store.get(*keyed)
        if saved is not None and holds(saved.conditions) and _written(saved, request):
            store.used(keyed[0])
            return serve(saved)
    from hcmlc.cli.app import main as run_command
    from hcmlc.cli.recording import recorded

    if keyed is None or store is None:
        with using(memo):  # the files the walk read are not read again
            return _exit_code(run_command)
    started = time.time()
    with using(memo):
        code, stdout, stderr = recorded(run_command, MAX_ENTRY_BYTES)
    if type(code) is int and code in (0, 1) and stdout is not None and stderr is not None:
        # the files unchanged since the walk before are not hashed again; a run whose files
        # name a path through a folder not walked is not saved
        again = key_of(request, look_for_mentions=True, settled=Settled(memo, walk_began))
        conditions = conditions_now(request.root, started)
        document = _document(request)
        if again == inputs and conditions is not None and document is not None:
            store.put(*keyed, Saved(code, stdout, stderr, conditions, document))
    return code  # type: ignore[no-any-return]


def _document(request: Request) -> tuple[tuple[str, bytes], ...] | None:
    """The document the run wrote, to be written again when served (none for status and
    validate); None when it is not a regular file that can be read."""
    if request.out is None:
        return ()
    from hcmlc.files.filesystem import read_regular
    from hcmlc.repository.saved_outputs import MAX_ENTRY_BYTES

    try:
        return ((str(request.out), read_regular(request.out, MAX_ENTRY_BYTES)),)
    except OSError:
        return None


def _written(saved: Saved, request: Request) -> bool:
    """Write the saved document again, atomically; False when it cannot be (then the
    command runs, and says why)."""
    if [path for path, _data in saved.files] != ([str(request.out)] if request.out else []):
        return False  # sealed by this user for this key: a mismatch is not ours to write
    if not saved.files:
        return True
    from hcmlc.errors import HcmlcError
    from hcmlc.files.atomic import write_atomic

    try:
        for path, data in saved.files:
            write_atomic(Path(path), data)
    except (OSError, HcmlcError):
        return False
    return True


def _exit_code(run: Callable[[], None]) -> int | str | None:
    try:
        run()
    except SystemExit as exit:
        return exit.code
    return 0


def recognised(argv: tuple[str, ...], cwd: Path) -> Request | None:
    """The request of a command line that may be served, or None."""
    if any(os.environ.get(name) for name in SIDE_EFFECTS):
        return None
    at = _options(argv, 0, GLOBAL_VALUES, GLOBAL_FLAGS, {})
    if at is None or at >= len(argv) or argv[at] not in COMMANDS:
        return None
    at_command = at
    values, flags, takes_paths = COMMANDS[argv[at]]
    given: dict[str, str] = {}
    paths: list[str] = []
    at += 1
    while at < len(argv):
        found = _options(argv, at, values, flags, given)
        if found is None:
            return None
        if found > at:
            at = found
        elif argv[at] == "--":
            paths += argv[at + 1 :]
            break
        elif argv[at].startswith("-") or not takes_paths:
            return None
        else:
            paths.append(argv[at])
            at += 1
    root = (cwd / given["--root"]).resolve() if "--root" in given else _find_root(cwd)
    if root is None:
        return None
    if argv[at_command] != "report":
        return Request(argv, root, tuple(paths))
    if "--out" not in given or given.get("--format", "docx") != "docx":
        return None
    template = cwd / given["--template"] if "--template" in given else None
    return Request(argv, root, (), cwd / given["--out"], template, "--force" in given)


def _options(
    argv: tuple[str, ...],
    at: int,
    values: frozenset[str],
    flags: frozenset[str],
    given: dict[str, str],
) -> int | None:
    """Past the options from `at` on (their values into `given`): where they end, or None
    at an option not known."""
    while at < len(argv) and argv[at].startswith("-") and argv[at] != "--":
        option, equals, value = argv[at].partition("=")
        if option in flags and not equals:
            given[option] = ""
            at += 1
        elif option in values and (equals or at + 1 < len(argv)):
            given[option] = value if equals else argv[at + 1]
            at += 1 if equals else 2
        else:
            return None
    return at


def _find_root(cwd: Path) -> Path | None:
    """The nearest folder at or above `cwd` holding data/assignments.yaml (load.find_root)."""
    start = cwd.resolve()
    return next((f for f in (start, *start.parents) if f.joinpath(*ASSIGNMENTS).is_file()), None)


def serve(saved: Saved) -> int:
    """Print the saved output; its exit code (0 when the reader went away, as app.py does)."""
    try:
        for stream, data in ((sys.stdout, saved.stdout), (sys.stderr, saved.stderr)):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return saved.code
