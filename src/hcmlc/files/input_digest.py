"""Every file of a repository as one digest, by content: what a saved output is keyed by
(cli/saved_output.py). Uses the standard library only, so that a run served from a saved
output imports nothing else.

Every regular file under the root is read and keyed by its path and the SHA-256 of its bytes,
as the results cache keys it (a file counts as the same only with the same bytes); the walk
before a run notes each SHA-256 for the run (files/read_memo.py), which then reads no file
twice; a link counts by what it says and
must lead to a file that is itself walked; a FIFO, a device or a socket counts by its kind,
unopened. Not walked: `.git` (git's state is keyed by git_state.py), `__pycache__`, a virtual
environment (a folder with `pyvenv.cfg`) and a folder tagged as a cache (`CACHEDIR.TAG`). Their
names are part of the digest, and a run is not saved when a YAML file names a path through
one (a photo there would be read unseen: `mentions`). What each YAML file read names through
`.git` and `__pycache__` is noted with its SHA-256, so that the walk after a run reads no file
it can trust unchanged (read_memo.Settled).
"""

from __future__ import annotations

import hashlib
import os
import stat
from typing import Protocol

from hcmlc.files.read_memo import UNLOOKED, Memo, Settled, note

NOT_WALKED = ("pyvenv.cfg", "CACHEDIR.TAG")
"""A folder holding one of these is a virtual environment or a cache: not an input."""
NEVER_WALKED = frozenset({".git", "__pycache__"})
NAMED = tuple(sorted(name.encode() for name in NEVER_WALKED))
"""The folders never walked, each a bit of the mask of what a file names (`named_through`)."""
YAML = (".yaml", ".yml")
"""The files that name others (photos, evidence): looked through for a path into a folder
not walked."""
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_BINARY", 0)


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


class Walk:
    """What a walk of the repository found besides the digest."""

    def __init__(self) -> None:
        self.unkeyable = ""
        """Why the files cannot key a saved output (then nothing is served or saved), or ""."""
        self.skipped: list[str] = []
        """The folders not walked, relative to the root."""
        self.mentions = False
        """Whether a file read names a path through a folder not walked (looked for only
        when asked)."""
        self.links: list[str] = []


def digest_tree(
    root: str,
    digest: Digest,
    ignored: set[tuple[int, int]],
    look_for_mentions: bool = False,
    left_out: frozenset[str] = frozenset(),
    memo: Memo | None = None,
    settled: Settled | None = None,
    unnamed: frozenset[str] = frozenset(),
) -> Walk:
    """Feed every file under `root` to `digest`; by name only, the files whose (device,
    inode) is in `ignored` (the run's own standard output, redirected into the repository) or
    whose relative path is in `left_out` (the document the run writes). Each file's SHA-256
    is noted in `memo`, if given; taken from `settled` without reading the file, where it
    vouches for it (read_memo.Settled). Folders named in `unnamed` are neither walked nor
    named (hcmlc's own `__pycache__`, which its first run makes)."""
    walk = Walk()
    mentions = _Mentions()
    stack = [""]
    while stack and not walk.unkeyable:
        relative = stack.pop()
        folder = os.path.join(root, relative) if relative else root
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError:
            walk.unkeyable = f"cannot list {relative or '.'}"
            break
        below = []
        for entry in entries:
            path = f"{relative}/{entry.name}" if relative else entry.name
            name = path.encode("utf-8", "surrogateescape")
            if entry.is_symlink():
                _link(root, entry, name, digest, walk)
            elif entry.is_dir(follow_symlinks=False):
                if entry.name in unnamed:
                    continue
                if entry.name in NEVER_WALKED or _tagged(entry.path):
                    digest.update(b"S\0" + name + b"\0")
                    walk.skipped.append(path)
                else:
                    digest.update(b"D\0" + name + b"\0")  # an empty folder can be named too
                    below.append(path)
            elif path in left_out:
                digest.update(b"O\0" + name + b"\0")
            else:
                yaml = entry.name.lower().endswith(YAML)
                named = _file(entry, name, digest, ignored, walk, memo, settled, yaml)
                if yaml and look_for_mentions and named is not None:
                    mentions.look(entry.path, named)
        stack.extend(reversed(below))
    if look_for_mentions and walk.skipped:
        walk.mentions = mentions.through_any(walk.skipped)
    _check_links(root, walk)
    return walk


class _Mentions:
    """Which folders not walked the YAML files name a path through, looked for as each file is
    read (or taken as noted when it was read before: `named_through`), keeping no file's bytes (a
    city's files are hundreds of megabytes): the names never walked at once, any other (a
    virtual environment, a cache, known only once met) in the files read again at the end."""

    def __init__(self) -> None:
        self.named: set[bytes] = set()
        self.files: list[str] = []

    def look(self, path: str, named: int) -> None:
        self.files.append(path)
        self.named.update(name for bit, name in enumerate(NAMED) if named >> bit & 1)

    def through_any(self, skipped: list[str]) -> bool:
        """Whether a file looked at names a path through a folder of `skipped`."""
        names = {p.rsplit("/", 1)[-1].encode("utf-8", "surrogateescape") for p in skipped}
        if names & self.named:
            return True
        others = names - _NEVER_WALKED
        for path in self.files if others else ():
            try:
                with open(path, "rb") as stream:
                    raw = stream.read()
            except OSError:
                return True  # cannot tell: not saved
            if any(_through(name, raw) for name in others):
                return True
        return False


_NEVER_WALKED = frozenset(NAMED)


def named_through(raw: bytes) -> int:
    """Which of NAMED `raw` holds a path through, as a mask (a file without a separator
    names none: found at memchr's speed)."""
    if b"/" not in raw and b"\\" not in raw:
        return 0
    return sum(1 << bit for bit, name in enumerate(NAMED) if _through(name, raw))


def _through(name: bytes, raw: bytes) -> bool:
    """Whether `raw` holds a path through the folder `name` (the name looked for first: it is
    rarer than either separator)."""
    return name in raw and (name + b"/" in raw or name + b"\\" in raw)


def _tagged(path: str) -> bool:
    return any(os.path.lexists(os.path.join(path, tag)) for tag in NOT_WALKED)


def _link(root: str, entry: os.DirEntry[str], name: bytes, digest: Digest, walk: Walk) -> None:
    try:
        target = os.readlink(entry.path)
    except OSError:
        walk.unkeyable = f"cannot read the link {name!r}"
        return
    digest.update(b"L\0" + name + b"\0" + target.encode("utf-8", "surrogateescape") + b"\0")
    walk.links.append(entry.path)


def _check_links(root: str, walk: Walk) -> None:
    """A link must lead inside the root, to a place walked: what it leads to is then keyed."""
    top = os.path.realpath(root)
    skipped = [os.path.join(top, s) for s in walk.skipped]
    for link in walk.links:
        resolved = os.path.realpath(link)
        outside = os.path.commonpath([top, resolved]) != top
        if outside or any(os.path.commonpath([s, resolved]) == s for s in skipped):
            walk.unkeyable = f"the link {link} leads where the walk does not go"
            return


def _file(
    entry: os.DirEntry[str],
    name: bytes,
    digest: Digest,
    ignored: set[tuple[int, int]],
    walk: Walk,
    memo: Memo | None,
    settled: Settled | None = None,
    yaml: bool = False,
) -> int | None:
    """Feed one file's SHA-256 (or its kind) to `digest`, and note it in `memo`; what a `yaml`
    file names (`named_through`), None when not a regular file read or trusted. A file `settled`
    vouches for is not read (a YAML file only when what it names was not looked for then)."""
    try:
        status = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(status.st_mode):
            digest.update(b"K\0" + name + b"\0" + str(stat.S_IFMT(status.st_mode)).encode())
            return None
        if (status.st_dev, status.st_ino) in ignored:
            digest.update(b"O\0" + name + b"\0")
            return None
        known = settled.noted(status) if settled is not None else None
        if known is not None and (not yaml or known[2] != UNLOOKED):
            _record(digest, name, status.st_size, bytes.fromhex(known[1]))
            if memo is not None:
                memo[status.st_dev, status.st_ino] = known
            return known[2]
        descriptor = os.open(entry.path, _FLAGS)
        try:
            raw = _read(descriptor, status.st_size)
            after = os.fstat(descriptor) if memo is not None and known is None else status
        finally:
            os.close(descriptor)
    except OSError:
        walk.unkeyable = f"cannot read {name!r}"
        return None
    mask = named_through(raw) if yaml else UNLOOKED
    if known is not None:  # read for what it names only: keyed by the digest taken before
        _record(digest, name, status.st_size, bytes.fromhex(known[1]))
        if memo is not None:
            memo[status.st_dev, status.st_ino] = known[0], known[1], mask
        return mask
    sha = hashlib.sha256(raw).digest()
    _record(digest, name, len(raw), sha)
    if memo is not None:
        note(memo, status, after, sha.hex(), mask)
    return mask


def _record(digest: Digest, name: bytes, size: int, sha: bytes) -> None:
    """Feed a regular file to `digest`: its name, its size and its SHA-256."""
    digest.update(b"F\0" + name + b"\0" + str(size).encode() + b"\0" + sha)


def _read(descriptor: int, size: int) -> bytes:
    """Every byte of an open regular file (it may have grown since it was measured)."""
    parts = [os.read(descriptor, size + 1)]
    if len(parts[0]) <= size:  # a regular file reads whole: less than asked is its end
        return parts[0]
    while parts[-1]:
        parts.append(os.read(descriptor, 1 << 20))
    return b"".join(parts)
