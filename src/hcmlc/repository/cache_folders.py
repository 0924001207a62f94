"""The results cache's entries of one folder of submissions kept again as one record, so that a
view of one year reads each earlier year's folder at once rather than parse and check each of
its files' entries (issue 29: at city scale with thirty years of history, 6,000 entries a run).

A record holds the entries of every file of the folder (repository/cache.py's, without the
figures compared across cycles: only validate reads those, and it reads the entries), keyed by
the cache's context (hcmlc's code, the language, data/) and every file's path and SHA-256, in
order: a file added, removed, renamed or changed in the folder, or any change of context, and
the record is another's. It is kept beside the saved outputs (repository/saved_outputs.py:
`RECORDS`), under their rules: in the user's cache folder, never inside the repository;
sealed with the user's key, so that one damaged or planted is never read (its bytes are then
never decoded). What each entry consulted (photos, evidence) is checked again as for any
entry.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from pathlib import Path
from typing import Any

from hcmlc.repository.saved_outputs import Store

FORMAT = 1
MIN_FILES = 8
"""A folder of fewer files is read entry by entry: its record would save less than it costs."""
_PRUNED = "readings"
"""The member of an entry not kept in a record (validate reads the cache's own entries)."""


def recorded(folder: str, files: list[str]) -> bool:
    """Whether the folder `folder` of `files` is kept as a record: a cycle's folder
    (`submissions/<cycle>`, where submissions sit; one deeper is a mistake, HCMLC-E028) of at
    least MIN_FILES files. Their count is then bounded by the cycles, not by what a repository
    holds (the store keeps at most saved_outputs.MAX_ENTRIES)."""
    return folder.count("/") == 1 and len(files) >= MIN_FILES


def slot(root: Path, folder: str) -> str:
    """The record's name in the store: one per folder of a repository."""
    place = f"{root}\0{folder}".encode("utf-8", "surrogateescape")
    return "folder-" + hashlib.sha256(place).hexdigest()[:32]


def key(context: str, files: list[tuple[str, str]]) -> str:
    """What a record holds for: the cache's context and each file's path and SHA-256."""
    digest = hashlib.sha256(f"hcmlc folder record {FORMAT}\0{context}\0".encode())
    for relative, sha in files:
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0" + sha.encode() + b"\0")
    return digest.hexdigest()


def load(store: Store, root: Path, folder: str, held_for: str, count: int) -> list[Any] | None:
    """The `count` entries of the record of `folder` kept for `held_for` (`key`), if its seal
    holds; else None."""
    body = store.get_sealed(slot(root, folder))
    header = _header(held_for)
    if body is None or not body.startswith(header):
        return None
    try:  # sealed: what `keep` wrote, by this user's hcmlc
        entries = marshal.loads(memoryview(body)[len(header) :])
    except (ValueError, EOFError, TypeError):
        return None
    if type(entries) is not list or len(entries) != count:
        return None
    return entries


def keep(store: Store, root: Path, folder: str, held_for: str, entries: list[Any]) -> None:
    """Keep `entries` (each as the cache checked it) as the record of `folder` for
    `held_for`."""
    pruned = [{k: v for k, v in entry.items() if k != _PRUNED} for entry in entries]
    store.put_sealed(slot(root, folder), _header(held_for) + marshal.dumps(pruned))


def _header(held_for: str) -> bytes:
    return json.dumps({"format": FORMAT, "key": held_for}).encode() + b"\n"
