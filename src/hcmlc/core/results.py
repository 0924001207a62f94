"""What checking a submission file yields, and the entries supplied across files, grouped per
file: all that a cache keeps and that the views read, without the checkers' imports (a run whose
results all come from the cache imports no rule).

The entries are kept as (cycle, agency, kind) → item ids, not as one tuple per entry: at city
scale that is 2,000 groups instead of 110,000 tuples to build, hash and keep.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hcmlc.core.figures import LocalFigure
from hcmlc.diagnostics import Diagnostic

if TYPE_CHECKING:
    from hcmlc.models.submission import Submission
    from hcmlc.yamlfiles.reader import Document

ItemKind = Literal["indicator", "answer"]

Consulted = Literal["photo", "evidence"]

Entry = tuple[str, str, ItemKind, str]
"""(cycle, agency, "indicator" or "answer", item id) of an item supplied without error."""

Group = tuple[str, str, ItemKind]
"""(cycle, agency, kind): the entries of one kind in one agency's file of one cycle."""


class Entries(Set[Entry]):
    """A set of entries, grouped by (cycle, agency, kind); membership and iteration as a set of
    `Entry` tuples, which it builds only when iterated."""

    def __init__(self, groups: Mapping[Group, Set[str]] | None = None) -> None:
        self._groups: dict[Group, Set[str]] = dict(groups or {})

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Entries:
        """The entries given as tuples (as a checker collects them)."""
        groups: dict[Group, set[str]] = {}
        for cycle, agency, kind, item in entries:
            groups.setdefault((cycle, agency, kind), set()).add(item)
        return cls({group: frozenset(items) for group, items in groups.items()})

    def items_of(self, cycle: str, agency: str, kind: ItemKind) -> Set[str]:
        """The item ids of one group (empty when none)."""
        return self._groups.get((cycle, agency, kind), frozenset())

    def groups(self) -> Iterator[tuple[Group, Set[str]]]:
        return iter(self._groups.items())

    def __contains__(self, entry: object) -> bool:
        if not (isinstance(entry, tuple) and len(entry) == 4):
            return False
        cycle, agency, kind, item = entry
        return item in self._groups.get((cycle, agency, kind), ())

    def __iter__(self) -> Iterator[Entry]:
        for (cycle, agency, kind), items in self._groups.items():
            for item in items:
                yield (cycle, agency, kind, item)

    def __len__(self) -> int:
        return sum(len(items) for items in self._groups.values())

    def __repr__(self) -> str:
        return f"Entries({sorted(self)!r})"

    __hash__ = Set._hash


class Supplied(Entries):
    """The entries supplied across a repository's files, merged file by file. The files that
    supplied the same items share one set of them, and every set the same item ids: at 2,000
    wards over ten years, 1.3 million ids read from the files, 75 MB, held to the end."""

    def __init__(self, groups: Mapping[Group, Set[str]] | None = None) -> None:
        super().__init__(groups)
        self._sets: dict[frozenset[str], frozenset[str]] = {}

    def merge(self, entries: Entries) -> None:
        """Add a file's entries; a group two files share (a duplicate file) gets both."""
        for group, items in entries.groups():
            items = self._shared(items)
            known = self._groups.get(group)
            self._groups[group] = items if known is None else self._shared(known | items)

    def _shared(self, items: Set[str]) -> Set[str]:
        if not isinstance(items, frozenset):
            return items  # the cache's text of ids, a set only when asked for (id_text.py)
        found = self._sets.get(items)
        if found is None:
            found = frozenset(map(sys.intern, items))
            self._sets[found] = found
        return found

    __hash__ = None  # type: ignore[assignment]  # it changes as files are merged


@dataclass(frozen=True)
class SubmissionFile:
    """A submission file as read, with its model when it passed the schema."""

    doc: Document
    model: Submission | None


@dataclass(frozen=True, slots=True)
class Observed:
    """One accepted figure: whose, of what, its value, whether a note explains it, and where
    its entry is (`loc` in the file `path`), to be located only when flagged."""

    cycle: str
    agency: str
    indicator: str
    year: int
    value: float
    noted: bool
    path: str
    loc: tuple[str | int, ...]


@dataclass(frozen=True)
class FileCheck:
    """What one submission file contributes, cross-file problems aside: all a cache keeps."""

    problems: tuple[Diagnostic, ...]
    accepted: Entries = field(default_factory=Entries)
    identity: tuple[str, str] | None = None
    """(agency, cycle) of a file that passed the schema."""
    consulted: tuple[tuple[Consulted, str], ...] = ()
    """Paths the file names that were looked up in the repository, by what they name: a photo
    (whose file is read) or evidence (only judged to stay inside)."""
    submitted: dt.date | None = None
    """The file's `submitted:` date, for deliveries.py."""
    figures: tuple[LocalFigure, ...] = ()
    """The accepted figures of indicators whose city figure is formed from the units'."""
    readings: Sequence[Observed] = ()
    """Every accepted figure, for the check of changes across cycles (plausibility.py); from
    the cache, as it keeps them (core/readings.py)."""
