"""The key of a saved output (cli/saved_output.py): the digest of everything that can change
what a command prints, and the conditions under which a saved output still holds."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import Any

from hcmlc.files.code_digest import code_fingerprint
from hcmlc.files.git_state import digest_git
from hcmlc.files.input_digest import Walk, digest_tree
from hcmlc.files.read_memo import Memo, Settled

FORMAT = 2
"""2: each file keyed by the SHA-256 of its bytes (files/input_digest.py)."""
VOLATILE = frozenset({"_", "OLDPWD", "PWD"})
"""Variables the shell changes between two runs of the same command (the current folder is
keyed by itself)."""


def key_of(
    request: Any,
    look_for_mentions: bool = False,
    memo: Memo | None = None,
    settled: Settled | None = None,
) -> tuple[str, str] | None:
    """The slot and the key of `request`'s output as its inputs are now, or None when they
    cannot key one (a file that cannot be read, a link leading out, git told elsewhere); each
    file's SHA-256 taken from `settled` where it vouches for the file, else read, and noted in
    `memo`, if given (files/read_memo.py)."""
    digest = hashlib.sha256(f"hcmlc saved output {FORMAT}\0".encode())
    place = json.dumps([str(request.root), os.getcwd(), request.argv], ensure_ascii=False)
    slot = hashlib.sha256(place.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    digest.update(place.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(_environment().encode("utf-8", "surrogateescape") + b"\0")
    digest.update(code_fingerprint())
    written = _inside(request.out, request.root) if request.out is not None else None
    left_out = frozenset({written} if written else ())
    walk = digest_tree(
        str(request.root), digest, _own_streams(), look_for_mentions, left_out, memo, settled
    )
    if walk.unkeyable or walk.mentions or not _paths_walked(request, walk):
        return None
    if digest_git(request.root, digest):
        return None
    if request.template is not None:  # perhaps outside the repository
        try:
            digest.update(b"template\0" + request.template.read_bytes())
        except OSError:
            return None
    return slot, digest.hexdigest()


def _inside(path: Path, root: Path) -> str | None:
    """`path` relative to `root` (a POSIX path), if it lies inside."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None


def with_document(inputs: tuple[str, str], request: Any) -> tuple[str, str] | None:
    """The key of a run that writes a document: its inputs and what it finds at `--out`,
    which decides what it says (it writes a new document, or replaces one hcmlc wrote that
    no one changed since, or is forced to); None when the command must run (a document
    changed by hand, a folder in its place: it refuses, and says why)."""
    out: Path | None = request.out
    if out is None:
        return inputs
    if not os.path.lexists(out):
        found = "absent"
    elif not os.path.isfile(out):
        return None
    elif request.force:
        found = "replaced"
    else:
        from hcmlc.files.outputs import unchanged

        if not unchanged(out):
            return None
        found = "replaced"
    slot, key = inputs
    return slot, hashlib.sha256(f"{key}\0{out}\0{found}".encode()).hexdigest()


def _environment() -> str:
    """The environment and the terminal, as far as they can change what a command prints."""
    variables = sorted((k, v) for k, v in os.environ.items() if k not in VOLATILE)
    streams = []
    for descriptor in (0, 1, 2):
        try:
            terminal = os.isatty(descriptor)
            size = tuple(os.get_terminal_size(descriptor)) if terminal else None
        except OSError:
            terminal, size = False, None
        streams.append([terminal, size])
    return json.dumps([variables, streams], ensure_ascii=False)


def _own_streams() -> set[tuple[int, int]]:
    """The files standard output and error go to, when redirected into files: keyed by name
    only, since the run itself writes them."""
    found = set()
    for descriptor in (1, 2):
        try:
            status = os.fstat(descriptor)
        except OSError:
            continue
        if status.st_nlink and stat.S_ISREG(status.st_mode):
            found.add((status.st_dev, status.st_ino))
    return found


def _paths_walked(request: Any, walk: Walk) -> bool:
    """Whether every path named lies inside the repository, in a place walked."""
    for named in request.paths:
        try:
            relative = Path(named).resolve().relative_to(request.root).as_posix()
        except (ValueError, OSError, RuntimeError):
            return False
        if any(relative == s or relative.startswith(f"{s}/") for s in walk.skipped):
            return False
    return True


def holds(conditions: dict[str, Any]) -> bool:
    """Whether now is still the day of the saved run, in the city and on this system."""
    now = time.time()
    try:
        return float(conditions["saved_at"]) <= now < float(conditions["until"])
    except (KeyError, TypeError, ValueError):
        return False


def conditions_now(root: Path, started: float) -> dict[str, Any] | None:
    """When a run's output stops holding: the end of the day in the city's time zone and in
    the system's. None when it depends on the time itself: the clone's last commit is dated
    after now, and history would clamp it to the very moment (core/history.py). `started`:
    when the run began (time.time()), so that a run across midnight is never served."""
    import datetime as dt

    from hcmlc.core.history import end_of
    from hcmlc.errors import HcmlcError
    from hcmlc.files.git import git_output
    from hcmlc.repository.past import city_zone

    saved_at = started
    try:
        zone = city_zone(root)
    except (HcmlcError, OSError):
        return None
    city_day = dt.datetime.fromtimestamp(saved_at, zone).date()
    local_day = dt.date.fromtimestamp(saved_at)
    until = min(
        end_of(city_day, zone).timestamp(),
        dt.datetime.combine(local_day + dt.timedelta(days=1), dt.time()).timestamp(),
    )
    latest = saved_at
    replayed = os.environ.get("HCMLC_TODAY")
    if replayed:
        try:
            latest = max(latest, end_of(dt.date.fromisoformat(replayed), zone).timestamp())
        except ValueError:
            return None
    head = git_output(root, "log", "-1", "--format=%ct", "HEAD").strip()
    if head and int(head) >= latest:
        return None
    return {"saved_at": saved_at, "until": until}
