"""Results of earlier runs, per submission file, so that a re-run reads only what changed.

A result is served only for the same bytes at the same path, the same data/ files, the same
hcmlc code, catalogs and libraries, the same interface language (results hold worded messages)
and the same photos and evidence paths it looked up; anything else is checked afresh. The cache
lives in the user's cache folder (`$XDG_CACHE_HOME/hcmlc`, else `~/.cache/hcmlc`), never in the
repository, so a pull request cannot plant results. A missing, unreadable or corrupt cache is
simply empty; one that cannot be written is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from hcmlc.core.results import Consulted, FileCheck
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.files.cache_folder import cache_dir as cache_dir
from hcmlc.files.cache_folder import inside as inside
from hcmlc.files.code_digest import code_fingerprint
from hcmlc.files.confine import escape
from hcmlc.files.filesystem import kind_of, read_regular
from hcmlc.files.read_memo import Memo, in_use, known_sha
from hcmlc.i18n import current_language
from hcmlc.repository import cache_folders
from hcmlc.repository.cache_entry import decode, encode, well_formed
from hcmlc.repository.cache_file import document, entry_line, indexed, parsed
from hcmlc.repository.file_index import load as load_index
from hcmlc.repository.saved_outputs import RECORDS, Store

FORMAT = 7
"""Version of the stored shape: 2 keeps what each consulted path names (photo or evidence) and
fingerprints web-link-like photo paths by the file too; 3 the `submitted:` date; 4 the units'
figures of indicators whose city figure is formed from them; 5 a file's accepted items of each
kind as one text, their ids one a line (checked and read as a whole, not id by id); 6 every
accepted figure, which the check of changes across cycles compares (plausibility.py); 7 those
figures as one JSON text, checked and read only by the run that compares them (validate): the
views of one year (status, report, the page) skip them, a third of the cache at city×10."""
MAX_CACHE_BYTES = 500_000_000
"""A larger cache file is not ours (at city scale ×10 it is about 60 MB): ignored."""


class Cache:
    """The per-file results of one repository, for one state of data/ and of hcmlc."""

    def __init__(
        self, path: Path | None, root: Path, context: str, entries: dict[str, Any] | None
    ) -> None:
        self.path, self.root, self.context = path, root, context
        self.readings = True
        """Whether `get` serves the figures compared across cycles (`FileCheck.readings`):
        only validate shows what they warn of (issue 29)."""
        self._entries = entries
        """Path → its entry: its line in the file, parsed only when the file is met (or the
        entry itself, from a file of another layout: cache_file.py); None until the file is
        read, when an entry is first asked for (not at all when every folder has a record)."""
        self._kept: list[str] = []
        """The files whose results came from their folder's record: their entries kept."""
        self._new: dict[str, bytes] = {}
        """Path → the line of its entry, as it will be written."""
        self.shas: dict[str, str] = {}
        """Path → the SHA-256 of the bytes read this run (what the document fingerprints
        digest, `repository/fingerprint.py`, rather than read every file again)."""
        self._changed = False
        self.index: Memo = {}
        """The files settled since an earlier walk (file_index.py), when this run made none."""
        self.store: Store | None = None
        """Where the records of whole folders are kept (cache_folders.py)."""
        self._met: dict[str, dict[str, Any]] | None = None
        """The entries of the folder being read, to be kept as its record; None when not."""

    @classmethod
    def open(cls, root: Path, data_files: list[bytes]) -> Cache:
        """The cache of the repository at `root`, valid while data/ holds `data_files`.

        A cache folder inside the repository is not used at all: a pull request could plant
        results there."""
        language = current_language()
        digest = hashlib.sha256(f"{_code_fingerprint()} {language}".encode())
        for raw in data_files:
            digest.update(hashlib.sha256(raw).digest())
        context = digest.hexdigest()
        folder = cache_dir()
        if inside(folder, root):
            return cls(None, root, context, {})
        name = hashlib.sha256(f"{root.resolve()}\0{language}".encode()).hexdigest()[:32]
        path = folder / f"{name}.json"
        cache = cls(path, root, context, None)
        cache.store = Store.open(root, RECORDS)
        if cache.store is not None and not in_use():  # no walk keyed the command (the page)
            cache.index = load_index(cache.store, root.resolve())
        return cache

    def folder(self, folder: str, files: list[str]) -> list[FileCheck] | None:
        """The results of the `files` of `folder` (all of them, in order) from its record, when
        every file is known unchanged (`get_unread`) and the record holds for them and every
        path they consulted; else None, and the entries met until `keep_folder` are kept as
        its record. Only for the views that do not compare figures across cycles."""
        if self.store is None or self.path is None or self.readings:
            return None
        if not cache_folders.recorded(folder, files):
            return None
        root = os.fspath(self.root)
        self._met = {}
        shas: list[str] = []
        for relative in files:
            sha = known_sha(os.path.join(root, relative), self.index)
            if sha is None:
                return None
            shas.append(sha)
        held_for = cache_folders.key(self.context, list(zip(files, shas, strict=True)))
        place = self._place(folder, files)
        entries = cache_folders.load(self.store, self.root.resolve(), place, held_for, len(files))
        if entries is None:
            return None
        found = []
        for relative, entry in zip(files, entries, strict=True):
            if not self._consulted_same(entry):
                return None
            check = decode(relative, entry, readings=False)
            if check is None:
                return None
            found.append(check)
        self._met = None
        self.shas.update(zip(files, shas, strict=True))
        self._kept += files
        return found

    @property
    def _old(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = _stored_entries(self.path, self.context) if self.path else {}
        return self._entries

    def keep_folder(self, folder: str, files: list[str]) -> None:
        """Keep the entries met of the `files` of `folder` as its record, if there is one for
        every file (see `folder`)."""
        met, self._met = self._met, None
        if met is None or self.store is None or met.keys() != set(files):
            return
        held_for = cache_folders.key(self.context, [(f, met[f]["sha"]) for f in files])
        entries = [met[relative] for relative in files]
        cache_folders.keep(
            self.store, self.root.resolve(), self._place(folder, files), held_for, entries
        )

    def _place(self, folder: str, files: list[str]) -> str:
        """Where a folder's record is kept: one per language, as the cache's file, and per
        folder and its first file (a folder's files, if another's lie among them)."""
        assert self.path is not None
        return f"{self.path.name}\0{folder}\0{files[0]}"

    def get(self, relative: str, raw: bytes) -> FileCheck | None:
        """The result stored for these bytes at `relative`, if it still holds."""
        sha = self.shas[relative] = _sha(raw)
        return self._held(relative, sha)

    def get_unread(self, relative: str) -> FileCheck | None:
        """The result stored for the file at `relative` when this run already read it, unchanged
        since (files/read_memo.py), or an earlier run did, settled then and unchanged since
        (file_index.py), and the result still holds; else None: then it is read."""
        sha = known_sha(os.path.join(self.root, relative), self.index)  # no Path: 6,000 a run
        if sha is None:
            return None
        found = self._held(relative, sha)
        if found is not None:
            self.shas[relative] = sha
        return found

    def _held(self, relative: str, sha: str) -> FileCheck | None:
        stored = self._old.get(relative)
        entry = parsed(relative, stored) if isinstance(stored, bytes) else stored
        if entry is None or (isinstance(stored, bytes) and not well_formed(entry)):
            return None
        if entry["sha"] != sha or not self._consulted_same(entry):
            return None
        found = decode(relative, entry, self.readings)
        if found is not None:  # else damaged: the file is checked again, its entry replaced
            line = stored if isinstance(stored, bytes) else entry_line(relative, entry)
            self._new[relative] = line
            if self._met is not None:
                self._met[relative] = entry
        return found

    def _consulted_same(self, entry: dict[str, Any]) -> bool:
        """Whether every path the entry's check consulted (photos, evidence) is as it was."""
        return all(_fingerprint(self.root, k, p) == f for k, p, f in entry["consulted"])

    def put(self, relative: str, raw: bytes, check: FileCheck) -> None:
        """Keep the result of checking these bytes at `relative`."""
        entry = encode(check)
        if entry is None:
            return
        entry["sha"] = self.shas[relative] = _sha(raw)
        entry["consulted"] = [[k, p, _fingerprint(self.root, k, p)] for k, p in check.consulted]
        self._new[relative] = entry_line(relative, entry)
        self._changed = True
        if self._met is not None:
            self._met[relative] = entry

    def save(self) -> None:
        """Write the results of this run (only those), atomically, an entry at a time; a
        failure is ignored."""
        if self.path is None or (self._entries is None and not self._changed):
            return  # every result from its folder's record: the file as it was
        for relative in self._kept:  # each entry as it was (none: validate checks it again)
            stored = self._old.get(relative)
            if stored is not None:
                line = isinstance(stored, bytes)
                self._new[relative] = stored if line else entry_line(relative, stored)
        if not self._changed and self._new.keys() == self._old.keys():
            return
        # a read-only home, a full disk: the next run is cold
        with contextlib.suppress(OSError, HcmlcError):
            write_atomic(self.path, document(FORMAT, self.context, self._new.values()))


def _stored_entries(path: Path, context: str) -> dict[str, Any]:
    """The entries kept at `path` for `context`, each checked for its shape (when its file is
    met, for a file of cache_file.py's layout): a missing, unreadable, damaged or foreign
    cache, or any entry of the wrong shape, counts as absent."""
    try:
        data = read_regular(path, MAX_CACHE_BYTES)
    except OSError:
        return {}
    lines = indexed(data, FORMAT, context)
    if lines is not None:
        return lines
    try:
        stored = json.loads(data)
    except (ValueError, RecursionError):  # none yet, not JSON, nested past Python's
        return {}  # stack (a damaged entry): start afresh
    if not (
        isinstance(stored, dict)
        and stored.get("format") == FORMAT
        and stored.get("context") == context
        and isinstance(stored.get("files"), dict)
    ):
        return {}
    return {
        relative: entry
        for relative, entry in stored["files"].items()
        if isinstance(relative, str) and well_formed(entry)
    }


def _fingerprint(root: Path, kind: Consulted, written: str) -> str:
    """What a check of the path `written` depends on. For evidence, how `escape` judges it (a
    web link, a reference, a path inside, or how it leads out). For a photo, also the file it
    names in the repository, as the photo check reads it: `https://…` too, since a folder
    `https:` in the repository would hold it. Only regular files are read: a FIFO or a device
    is fingerprinted by its kind, and nothing outside the repository is read."""
    way = escape(root, written)
    if way is not None or kind == "evidence":
        return way or "inside"
    path = root / written.replace("\\", "/")
    try:
        resolved = path.resolve()
        special = kind_of(resolved)
        if special is not None:
            return f"{resolved}:{special}"
        return f"{resolved}:{_file_sha(resolved)}"
    except (OSError, RuntimeError):
        return f"{path}:-"


def _file_sha(path: Path) -> str:
    """The SHA-256 of a regular file, read in blocks (a photo can be tens of megabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _code_fingerprint() -> str:
    """hcmlc's code, Python and the libraries installed (files/code_digest.py)."""
    return code_fingerprint().hex()
