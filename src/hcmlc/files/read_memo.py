"""The SHA-256 of the files a run has already read, so that it reads each file once.

The walk that keys a saved output (files/input_digest.py) reads every file of the repository
before the command runs; it notes each regular file's SHA-256 with the file's stat signature
(device, inode, size, modification and change times in nanoseconds), taken before the read and
checked unchanged after it. While the command runs (`using`), the results cache
(repository/cache.py) takes a file's SHA-256 from here when the file's signature is still the
same, rather than read it again; a file whose signature changed since is read. The walk after
the run (whether the inputs stayed the same while it ran) hashes only the files that changed or
had not settled before the walk (`Settled`), and takes from the walk before what each YAML file
names (paths through folders not walked), so that it reads none of them again. The settled
files' entries are kept between runs (repository/file_index.py), as git keeps its index: a
file whose signature is the same as when an earlier walk read it, settled then, is not read
again. Uses the standard library only: the walk runs before anything else is imported.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from typing import NamedTuple

Signature = tuple[int, int, int]
"""Size, modification time and change time (nanoseconds) of a file."""
Noted = tuple[Signature, str, int]
"""A file's signature when read, the SHA-256 (hex) of what was read, and the folders not walked
it names a path through (a mask of input_digest.NAMED; UNLOOKED when not looked for)."""
Memo = dict[tuple[int, int], Noted]
"""(device, inode) → what was noted of the file (`Noted`)."""
UNLOOKED = -1

_current: Memo | None = None
SETTLED_NS = 2_000_000_000
"""How long before a walk a file must have last changed for its signature to vouch for its
bytes: the coarsest clock of a common file system (FAT keeps times to 2 seconds)."""


class Settled(NamedTuple):
    """The memo of the walk before a run, and when that walk began (`time.time_ns()`): the
    walk after the run takes from it the SHA-256 of each file that has not changed since and
    had settled before (as git trusts its index for files not "racily" clean)."""

    memo: Memo
    walk_began_ns: int

    def noted(self, status: os.stat_result) -> Noted | None:
        """What the walk before noted of the file of `status` (its SHA-256 as read), if the
        file is the same file with the same signature and both its times are older than that
        walk by more than SETTLED_NS (a change during the run would have moved at least one of
        them); None when it must be read."""
        found = self.memo.get((status.st_dev, status.st_ino))
        if found is None or found[0] != signature(status) or not settled(found, self.walk_began_ns):
            return None
        return found


def settled(noted: Noted, walk_began_ns: int) -> bool:
    """Whether the file `noted` had last changed more than SETTLED_NS before a walk that began
    at `walk_began_ns`."""
    _size, modified, changed = noted[0]
    return max(modified, changed) < walk_began_ns - SETTLED_NS


def signature(status: os.stat_result) -> Signature:
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns


def note(
    memo: Memo, before: os.stat_result, after: os.stat_result, sha: str, named: int = UNLOOKED
) -> None:
    """Keep `sha` (and what the file `named`) for the file read between `before` and `after`
    (its stat, then its open descriptor's), unless it changed while it was read."""
    same = (before.st_dev, before.st_ino, signature(before))
    if before.st_ino and same == (after.st_dev, after.st_ino, signature(after)):
        memo[before.st_dev, before.st_ino] = signature(before), sha, named


@contextlib.contextmanager
def using(memo: Memo) -> Iterator[None]:
    """Serve `known_sha` from `memo` for the duration of a command."""
    global _current
    previous, _current = _current, memo
    try:
        yield
    finally:
        _current = previous


def in_use() -> bool:
    """Whether a memo serves `known_sha` (a run keyed by a walk)."""
    return _current is not None


def known_sha(path: str | os.PathLike[str], memo: Memo | None = None) -> str | None:
    """The SHA-256 of the regular file at `path` (links followed) as read earlier in this run
    (or as `memo` holds it, each of its entries settled when noted: file_index.py), if its
    signature is still the same; None when it must be read."""
    memo = memo or _current
    if not memo:
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return _noted(memo, status)


def _noted(memo: Memo, status: os.stat_result) -> str | None:
    """The SHA-256 `memo` holds for the file of `status`, if it is the same file (device and
    inode; `note` keeps none without an inode) with the same signature."""
    found = memo.get((status.st_dev, status.st_ino))
    return found[1] if found is not None and found[0] == signature(status) else None
