"""The outputs of earlier runs, each sealed and kept under the digest of every input it was
computed from (cli/saved_output.py says what that covers), so that a run with the same inputs
can print the same output without computing it again.

The rules of the results cache hold (repository/cache.py): entries live in the user's cache
folder, never in the repository (a pull request cannot plant one); one that is missing,
unreadable, damaged or of the wrong shape is simply absent. And more, since an entry is printed
as it is: each is sealed with an HMAC-SHA256 under a key of 32 random bytes made on first use
(`saved/seal.key`, 0600), over its key and everything it holds; an entry or key that is not a
regular file owned by this user, that others may write, or whose seal does not match, is never
served. Standard library only: a served run imports nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from hcmlc.files.cache_folder import cache_dir, inside

FORMAT = 1
"""Version of an entry's shape; a new one makes every earlier entry unused."""
FOLDER = "saved"
RECORDS = "records"
"""The folder of what the results cache keeps sealed (the index of settled files,
file_index.py; folders' records, cache_folders.py): kept apart from the saved outputs, so that
clearing those leaves the results cache as warm as its JSON file."""
KEY_FILE = "seal.key"
KEY_BYTES = 32
MAX_ENTRY_BYTES = 50_000_000
"""A larger output is not kept (status of a city ×10, every ward, as JSON is some 10 MB)."""
MAX_ENTRIES = 200
MAX_TOTAL_BYTES = 200_000_000
"""One entry per command line and folder; beyond this many, or this size in all, those used
longest ago go."""
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


class Saved(NamedTuple):
    """What a run printed and wrote, and the conditions under which it holds."""

    code: int
    stdout: bytes
    stderr: bytes
    conditions: dict[str, Any]
    files: tuple[tuple[str, bytes], ...] = ()
    """Documents the run wrote (absolute path, bytes), written again when served."""


class Store:
    """The saved outputs kept in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def open(cls, root: Path, name: str = FOLDER) -> Store | None:
        """The store (its folder `name` in the cache folder) for runs on the repository at
        `root`; None when the cache folder is inside it (a pull request could plant entries
        there)."""
        folder = cache_dir() / name
        return None if inside(folder, root) else cls(folder)

    def get(self, slot: str, key: str) -> Saved | None:
        """The output kept in `slot` for exactly `key`, if its seal holds."""
        body = self.get_sealed(slot)
        return None if body is None else _decoded(body, key)

    def get_sealed(self, slot: str) -> bytes | None:
        """What `slot` holds, if its seal holds (`put_sealed` wrote it, in this slot, with this
        user's key)."""
        seal_key = _own_file(self.folder / KEY_FILE, KEY_BYTES, secret=True)
        kept = _own_file(self.folder / slot, MAX_ENTRY_BYTES)
        if seal_key is None or kept is None or len(seal_key) != KEY_BYTES:
            return None
        seal, body = kept[: hashlib.sha256().digest_size], kept[hashlib.sha256().digest_size :]
        if not hmac.compare_digest(seal, _seal(seal_key, slot, body)):
            return None
        return body

    def put(self, slot: str, key: str, saved: Saved) -> None:
        """Keep `saved` in `slot` under `key`, sealed, atomically; a failure is ignored."""
        header = {
            "format": FORMAT,
            "key": key,
            "code": saved.code,
            "conditions": saved.conditions,
            "sizes": [len(saved.stdout), len(saved.stderr)],
            "files": [[path, len(data)] for path, data in saved.files],
        }
        body = b"".join(
            [
                json.dumps(header, ensure_ascii=False).encode() + b"\n",
                saved.stdout,
                saved.stderr,
                *(data for _path, data in saved.files),
            ]
        )
        self.put_sealed(slot, body)

    def put_sealed(self, slot: str, body: bytes) -> None:
        """Keep `body` in `slot`, sealed, atomically; a failure is ignored."""
        if len(body) > MAX_ENTRY_BYTES - KEY_BYTES:
            return
        with contextlib.suppress(OSError):  # a read-only home, a full disk: the next run is cold
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            seal_key = _seal_key(self.folder / KEY_FILE)
            if seal_key is not None:
                _write_private(self.folder / slot, _seal(seal_key, slot, body) + body)
                self._trim()

    def used(self, slot: str) -> None:
        """Mark the entry in `slot` as used now: kept longest when the store is trimmed."""
        with contextlib.suppress(OSError):
            os.utime(self.folder / slot)

    def _trim(self) -> None:
        """Remove the entries used longest ago beyond MAX_ENTRIES or MAX_TOTAL_BYTES."""
        found = [e for e in os.scandir(self.folder) if e.name != KEY_FILE]
        entries = [(e, e.stat(follow_symlinks=False)) for e in found]
        entries.sort(key=lambda pair: pair[1].st_mtime, reverse=True)
        total = 0
        for count, (entry, status) in enumerate(entries, 1):
            total += status.st_size
            if count > MAX_ENTRIES or total > MAX_TOTAL_BYTES:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _seal(seal_key: bytes, slot: str, body: bytes) -> bytes:
    return hmac.new(seal_key, slot.encode() + b"\0" + body, hashlib.sha256).digest()


def _decoded(body: bytes, key: str) -> Saved | None:
    """The entry in `body` if it has exactly the shape `put` writes and is for `key`."""
    header_line, newline, rest = body.partition(b"\n")
    try:
        header = json.loads(header_line) if newline else None
    except ValueError:
        return None
    if not (
        isinstance(header, dict)
        and header.keys() == {"format", "key", "code", "conditions", "sizes", "files"}
        and header["format"] == FORMAT
        and header["key"] == key
        and type(header["code"]) is int
        and isinstance(header["conditions"], dict)
        and _sizes(header["sizes"])
        and isinstance(header["files"], list)
        and all(_named_size(f) for f in header["files"])
    ):
        return None
    sizes = [*header["sizes"], *(size for _path, size in header["files"])]
    if sum(sizes) != len(rest):
        return None
    parts, at = [], 0
    for size in sizes:
        parts.append(rest[at : at + size])
        at += size
    files = tuple(
        (path, data) for (path, _size), data in zip(header["files"], parts[2:], strict=True)
    )
    return Saved(header["code"], parts[0], parts[1], header["conditions"], files)


def _sizes(value: Any) -> bool:
    return type(value) is list and len(value) == 2 and all(type(n) is int and n >= 0 for n in value)


def _named_size(value: Any) -> bool:
    return (
        type(value) is list
        and len(value) == 2
        and type(value[0]) is str
        and type(value[1]) is int
        and value[1] >= 0
    )


def _own_file(path: Path, limit: int, secret: bool = False) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a link) of this user that no one else
    may write (nor read, if `secret`), at most `limit` bytes; else None."""
    try:
        descriptor = os.open(path, _READ)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        if not _private(status, 0o077 if secret else 0o022):
            return None
        data = os.read(descriptor, status.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= status.st_size else None


def _private(status: os.stat_result, others: int) -> bool:
    """Owned by this user, with none of the permission bits `others` (where the system has
    owners and permissions)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return status.st_uid == getuid() and not status.st_mode & others


def _seal_key(path: Path) -> bytes | None:
    """The key entries are sealed with, made on first use."""
    import secrets  # here: a served run has no key to make

    with contextlib.suppress(FileExistsError):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, secrets.token_bytes(KEY_BYTES))
        finally:
            os.close(descriptor)
    found = _own_file(path, KEY_BYTES, secret=True)
    return found if found is not None and len(found) == KEY_BYTES else None


def _write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, readable by this user only."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
