"""What the walks of earlier runs noted of each settled file, kept between runs as git keeps its
index, so that a run reads and hashes only the files changed since (issue 29: a one-year view
with thirty years of history read every old file twice a run).

An entry is a file's device and inode, its signature (size, modification and change times in
nanoseconds), the SHA-256 of its bytes and what it names through folders not walked
(files/read_memo.py, files/input_digest.py). Only settled files are kept: both times older by
more than read_memo.SETTLED_NS than the walk that read the file, so that a change since would
have moved one of them (a write moves the change time, which no program can set back). A file
with another signature, or another inode, is read.

The index is kept beside the saved outputs (repository/saved_outputs.py: `RECORDS`), under
their rules: in the user's cache folder, never inside the repository; sealed with the user's
key over its slot and everything it holds; one missing, damaged, planted or of another shape
is empty (every file is read). Standard library only: the walk before a run reads it.
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

from hcmlc.files.read_memo import UNLOOKED, Memo, settled
from hcmlc.repository.saved_outputs import Store

FORMAT = 1
_RECORD = struct.Struct("<QQQqq32sb")
"""Device, inode, size, modification and change times, SHA-256, what a YAML file names."""
_MASKS = range(UNLOOKED, 4)
"""The masks of input_digest.NAMED (two folders), or UNLOOKED."""


def slot(root: Path) -> str:
    """The index's name in the store: one per repository, never a saved output's (hex)."""
    return "index-" + hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _header(root: Path) -> bytes:
    head = {"format": FORMAT, "root": str(root)}
    return json.dumps(head, ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n"


def load(store: Store, root: Path) -> Memo:
    """The settled files noted for the repository at `root`, if the index holds: else none."""
    body = store.get_sealed(slot(root))
    header = _header(root)
    if body is None or not body.startswith(header):
        return {}
    records = memoryview(body)[len(header) :]
    if len(records) % _RECORD.size:
        return {}
    memo: Memo = {}
    for device, inode, size, modified, changed, sha, mask in _RECORD.iter_unpack(records):
        if mask not in _MASKS:
            return {}
        memo[device, inode] = (size, modified, changed), sha.hex(), mask
    return memo


def keep(store: Store, root: Path, memo: Memo, walk_began_ns: int, loaded: Memo) -> None:
    """Keep the files of `memo` settled before the walk that began at `walk_began_ns` as the
    index of `root`, unless it is what was `loaded` (then it is only marked as used)."""
    kept = {inode: noted for inode, noted in memo.items() if settled(noted, walk_began_ns)}
    if kept == loaded:
        store.used(slot(root))
        return
    records = []
    for (device, inode), ((size, modified, changed), sha, mask) in kept.items():
        try:
            records.append(
                _RECORD.pack(device, inode, size, modified, changed, bytes.fromhex(sha), mask)
            )
        except (struct.error, ValueError):  # an inode past 64 bits: read each run
            continue
    store.put_sealed(slot(root), _header(root) + b"".join(records))
