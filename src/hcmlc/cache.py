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
import sys
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from hcmlc import __version__
from hcmlc.atomic import write_atomic
from hcmlc.checks import FileCheck, ItemKind
from hcmlc.confine import URL, escape
from hcmlc.diagnostics import CODES, Diagnostic
from hcmlc.figures import LocalFigure
from hcmlc.i18n import current_language

FORMAT = 3
KINDS: tuple[ItemKind, ...] = ("indicator", "answer")


class Cache:
    """The per-file results of one repository, for one state of data/ and of hcmlc."""

    def __init__(self, path: Path, root: Path, context: str, entries: dict[str, Any]) -> None:
        self.path, self.root, self.context = path, root, context
        self._old = entries
        self._new: dict[str, Any] = {}
        self._changed = False

    @classmethod
    def open(cls, root: Path, data_files: list[bytes]) -> Cache:
        """The cache of the repository at `root`, valid while data/ holds `data_files`."""
        language = current_language()
        digest = hashlib.sha256(f"{_code_fingerprint()} {language}".encode())
        for raw in data_files:
            digest.update(hashlib.sha256(raw).digest())
        context = digest.hexdigest()
        name = hashlib.sha256(f"{root.resolve()}\0{language}".encode()).hexdigest()[:32]
        path = cache_dir() / f"{name}.json"
        entries: dict[str, Any] = {}
        try:
            stored = json.loads(path.read_bytes())
            if stored.get("format") == FORMAT and stored.get("context") == context:
                entries = dict(stored["files"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass  # no cache yet, or a damaged one: start afresh
        return cls(path, root, context, entries)

    def get(self, relative: str, raw: bytes) -> FileCheck | None:
        """The result stored for these bytes at `relative`, if it still holds."""
        entry = self._old.get(relative)
        try:
            if entry is None or entry["sha"] != _sha(raw):
                return None
            if any(_fingerprint(self.root, p) != f for p, f in entry["consulted"].items()):
                return None
            check = _decode(relative, entry)
        except (TypeError, KeyError, ValueError, AttributeError, IndexError):
            return None  # a damaged entry is a miss
        self._new[relative] = entry
        return check

    def put(self, relative: str, raw: bytes, check: FileCheck) -> None:
        """Keep the result of checking these bytes at `relative`."""
        entry = _encode(check)
        if entry is None:
            return
        entry["sha"] = _sha(raw)
        entry["consulted"] = {p: _fingerprint(self.root, p) for p in check.consulted}
        self._new[relative] = entry
        self._changed = True

    def save(self) -> None:
        """Write the results of this run (only those), atomically; a failure is ignored."""
        if not self._changed and self._new.keys() == self._old.keys():
            return
        document = {"format": FORMAT, "context": self.context, "files": self._new}
        with contextlib.suppress(OSError):  # a read-only home, a full disk: the next run is cold
            write_atomic(self.path, json.dumps(document, ensure_ascii=False).encode())


def cache_dir() -> Path:
    """Where caches are kept: `$XDG_CACHE_HOME/hcmlc`, else `~/.cache/hcmlc`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hcmlc"


def _encode(check: FileCheck) -> dict[str, Any] | None:
    """The JSON form of a result, or None when it does not fit (then it is not kept)."""
    kinds: dict[str, list[str]] = {"indicator": [], "answer": []}
    for cycle, agency, kind, item in check.accepted:
        if (agency, cycle) != check.identity:
            return None
        kinds[kind].append(item)
    if any(p.related for p in check.problems):
        return None
    problems = [[p.line, p.column, p.code, p.message, p.hint] for p in check.problems]
    submitted = check.submitted.isoformat() if check.submitted else None
    figures = [[f.indicator, f.year, f.value, list(f.parts), f.illustrative] for f in check.figures]
    return {
        "problems": problems,
        "identity": check.identity,
        "submitted": submitted,
        "figures": figures,
        **kinds,
    }


def _decode(relative: str, entry: dict[str, Any]) -> FileCheck:
    problems = []
    for line, column, code, message, hint in entry["problems"]:
        if not (isinstance(line, int) and isinstance(column, int) and code in CODES):
            raise ValueError("not a stored problem")
        problems.append(Diagnostic(relative, line, column, code, str(message), hint))
    identity = entry["identity"]
    if identity is None:
        return FileCheck(tuple(problems))
    agency, cycle = (str(part) for part in identity)
    accepted = frozenset(
        chain.from_iterable(
            zip(repeat(cycle), repeat(agency), repeat(kind), map(str, entry[kind]))
            for kind in KINDS
        )
    )
    submitted = entry["submitted"]
    figures = tuple(
        LocalFigure(
            cycle, agency, str(item), int(year), float(value), tuple(map(float, parts)), bool(ill)
        )
        for item, year, value, parts, ill in entry["figures"]
    )
    return FileCheck(
        tuple(problems),
        accepted,
        (agency, cycle),
        tuple(entry["consulted"]),
        dt.date.fromisoformat(submitted) if submitted is not None else None,
        figures,
    )


def _fingerprint(root: Path, written: str) -> str:
    """What a check of the path `written` depends on: where it leads and what the file holds.

    Nothing outside the repository is read: a path leading out is fingerprinted by how."""
    if URL.match(written):
        return "url"
    way = escape(root, written)
    if way is not None:
        return way
    path = (root / written.replace("\\", "/")).resolve()
    try:
        return f"{path}:{_sha(path.read_bytes())}"
    except OSError:
        return f"{path}:-"


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _code_fingerprint() -> str:
    """hcmlc's version, source and message catalogs, and the versions of Python and the
    libraries it checks with."""
    import pydantic
    import yaml

    package = Path(__file__).parent
    digest = hashlib.sha256(f"{__version__} {sys.version} {pydantic.VERSION}".encode())
    digest.update(yaml.__version__.encode())
    for source in sorted([*package.rglob("*.py"), *package.rglob("*.mo")]):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()
