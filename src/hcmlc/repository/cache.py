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
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from hcmlc.core.figures import LocalFigure
from hcmlc.core.id_text import IdText
from hcmlc.core.readings import Rows
from hcmlc.core.results import Consulted, Entries, FileCheck, ItemKind
from hcmlc.diagnostics import CODES, Diagnostic
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
KINDS: tuple[ItemKind, ...] = ("indicator", "answer")
CONSULTED: tuple[Consulted, ...] = ("photo", "evidence")


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
        root = os.fspath(self.root)
        self._met = {}
        shas: list[str] = []
        for relative in files:
            sha = known_sha(os.path.join(root, relative), self.index)
            if sha is None:
                return None
            shas.append(sha)
        held_for = cache_folders.key(self.context, list(zip(files, shas, strict=True)))
        place = f"{folder}\0{files[0]}"  # a folder's files, if another's lie among them
        entries = cache_folders.load(self.store, self.root.resolve(), place, held_for, len(files))
        if entries is None:
            return None
        found = []
        for relative, entry in zip(files, entries, strict=True):
            if any(_fingerprint(self.root, k, p) != f for k, p, f in entry["consulted"]):
                return None
            check = _decode(relative, entry, readings=False)
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
        place = f"{folder}\0{files[0]}"
        cache_folders.keep(self.store, self.root.resolve(), place, held_for, entries)

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
        if entry is None or (isinstance(stored, bytes) and not _well_formed(entry)):
            return None
        if entry["sha"] != sha:
            return None
        if any(_fingerprint(self.root, k, p) != f for k, p, f in entry["consulted"]):
            return None
        found = _decode(relative, entry, self.readings)
        if found is not None and self._met is not None:
            self._met[relative] = entry
        if found is not None:  # else damaged: the file is checked again, its entry replaced
            line = stored if isinstance(stored, bytes) else entry_line(relative, entry)
            self._new[relative] = line
        return found

    def put(self, relative: str, raw: bytes, check: FileCheck) -> None:
        """Keep the result of checking these bytes at `relative`."""
        entry = _encode(check)
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
        if isinstance(relative, str) and _well_formed(entry)
    }


def _well_formed(entry: Any) -> bool:
    """Whether `entry` has exactly the shape `put` writes."""
    if not isinstance(entry, dict) or entry.keys() != {
        "sha",
        "consulted",
        "problems",
        *KINDS,
        "identity",
        "submitted",
        "figures",
        "readings",
    }:
        return False
    identity = entry["identity"]
    return (
        isinstance(entry["sha"], str)
        and isinstance(entry["consulted"], list)
        and all(_is_consulted(c) for c in entry["consulted"])
        and isinstance(entry["problems"], list)
        and all(_is_problem(p) for p in entry["problems"])
        and all(isinstance(entry[kind], str) for kind in KINDS)
        and (identity is None or (_is_list_of_text(identity) and len(identity) == 2))
        and (entry["submitted"] is None or _is_day(entry["submitted"]))
        and _are_figures(entry["figures"])
        and type(entry["readings"]) is str  # checked when read (`_readings`)
    )


def _is_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _are_figures(values: Any) -> bool:
    """A list of `[indicator, year, value, parts, illustrative]`, as `_encode` writes it. JSON
    gives exact types, so comparing types is exact (and `True` is no year) and several times
    cheaper than `isinstance`; one loop, no call per figure (five a file, 30,000 at city scale
    with thirty years of history)."""
    if type(values) is not list:
        return False
    for value in values:
        if type(value) is not list or len(value) != 5:
            return False
        indicator, year, number, parts, illustrative = value
        if not (
            type(indicator) is str
            and type(year) is int
            and type(number) in _NUMBERS
            and type(parts) is list
            and type(illustrative) is bool
        ):
            return False
        for part in parts:
            if type(part) not in _NUMBERS:
                return False
    return True


_NUMBERS = (int, float)
_READ_FROM = ("value", "parts")


def _is_reading(value: Any) -> bool:
    """`[indicator, year, value, noted, "value" or "parts"]`, as `_encode` writes it."""
    return (
        type(value) is list
        and len(value) == 5
        and type(value[0]) is str
        and type(value[1]) is int
        and type(value[2]) in _NUMBERS
        and type(value[3]) is bool
        and value[4] in _READ_FROM
    )


def _is_problem(problem: Any) -> bool:
    """`[line, column, code, message, hint]` as `_encode` writes it."""
    if not (isinstance(problem, list) and len(problem) == 5):
        return False
    line, column, code, message, hint = problem
    return (
        all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in (line, column))
        and code in CODES
        and isinstance(message, str)
        and (hint is None or isinstance(hint, str))
    )


def _is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_consulted(value: Any) -> bool:
    """`[kind, path, fingerprint]`, as `put` writes it."""
    return _is_list_of_text(value) and len(value) == 3 and value[0] in CONSULTED


def _encode(check: FileCheck) -> dict[str, Any] | None:
    """The JSON form of a result, or None when it does not fit (then it is not kept)."""
    kinds: dict[str, str] = dict.fromkeys(KINDS, "")
    for (cycle, agency, kind), items in check.accepted.groups():
        if (agency, cycle) != check.identity or any("\n" in item for item in items):
            return None
        kinds[kind] = "\n".join(sorted(items))
    if any(p.related for p in check.problems):
        return None
    if any(p.sheet is not None for p in check.problems):
        return None  # a workbook's problem: not a file of the repository's own
    problems = [[p.line, p.column, p.code, p.message, p.hint] for p in check.problems]
    submitted = check.submitted.isoformat() if check.submitted else None
    figures = [[f.indicator, f.year, f.value, list(f.parts), f.illustrative] for f in check.figures]
    readings = []
    for r in check.readings:
        where = ("indicators", r.indicator, r.loc[-1])
        if (r.agency, r.cycle) != check.identity or r.loc != where or r.loc[-1] not in _READ_FROM:
            return None  # not the shape `_decode` rebuilds: not kept
        readings.append([r.indicator, r.year, r.value, r.noted, r.loc[-1]])
    return {
        "problems": problems,
        "identity": check.identity,
        "submitted": submitted,
        "figures": figures,
        "readings": json.dumps(
            readings, ensure_ascii=False, separators=(",", ":"), check_circular=False
        ),
        **kinds,
    }


def _decode(relative: str, entry: dict[str, Any], readings: bool = True) -> FileCheck | None:
    """The result an entry of the right shape (see `_well_formed`) holds, without its
    `readings` when not asked for; None when they are asked for and damaged."""
    problems = tuple(
        Diagnostic(relative, line, column, code, message, hint)
        for line, column, code, message, hint in entry["problems"]
    )
    identity = entry["identity"]
    if identity is None:
        return FileCheck(problems)
    agency, cycle = identity
    accepted = Entries(
        {(cycle, agency, kind): IdText(entry[kind]) for kind in KINDS if entry[kind]}
    )
    consulted = tuple((kind, path) for kind, path, _ in entry["consulted"])
    submitted = entry["submitted"]
    compared = _readings(relative, agency, cycle, entry["readings"]) if readings else ()
    if compared is None:
        return None
    figures = tuple(
        _figure(cycle, agency, item, year, float(value), tuple(map(float, parts)), ill)
        for item, year, value, parts, ill in entry["figures"]
    )
    return FileCheck(
        problems,
        accepted,
        (agency, cycle),
        consulted,
        dt.date.fromisoformat(submitted) if submitted is not None else None,
        figures,
        compared,
    )


def _figure(
    cycle: str,
    agency: str,
    indicator: str,
    year: int,
    value: float,
    parts: tuple[float, ...],
    illustrative: bool,
) -> LocalFigure:
    """`LocalFigure(…)` of values of the right types, its fields set at once rather than one
    `object.__setattr__` each as a frozen dataclass's `__init__` does (a third of the time, for
    every figure of every year of history)."""
    figure: LocalFigure = _new(LocalFigure)
    fields = figure.__dict__
    fields["cycle"], fields["agency"], fields["indicator"], fields["year"] = (
        cycle,
        agency,
        indicator,
        year,
    )
    fields["value"], fields["parts"], fields["illustrative"] = value, parts, illustrative
    return figure


_new = object.__new__


def _readings(relative: str, agency: str, cycle: str, stored: str) -> Rows | None:
    """The figures compared across cycles, from their JSON text, as it holds them (no
    `Observed` made for each: core/readings.py); None when it is not exactly what `_encode`
    writes (then nothing of the entry is trusted)."""
    try:
        found = json.loads(stored)
    except (ValueError, RecursionError):
        return None
    if type(found) is not list or not all(_is_reading(r) for r in found):
        return None
    return Rows(cycle, agency, relative, found)


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
