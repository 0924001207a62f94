"""Every accepted figure of a repository, kept compactly for the check of changes across cycles
(checks/plausibility.py). At 2,000 wards over ten years that is 1.1 million figures, which as
an `Observed` each, with its place and its year, held some 200 MB until the check ran; here
each is a few numbers in arrays, grouped by agency and indicator as they are added (issue 29).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, overload

from hcmlc.core.results import Observed

_AT = {"value": 0, "parts": 1}
"""The field of an entry a figure is read from: its place is (indicators, id, field)."""
_FIELDS = tuple(_AT)
_OTHER = -1
_YEARS = (-(2**63), 2**63)
"""What an array of years holds."""
Loc = tuple[str | int, ...]
_CYCLE, _AGENCY, _PATH = attrgetter("cycle"), attrgetter("agency"), attrgetter("path")
_VALUE, _NOTED, _YEAR = attrgetter("value"), attrgetter("noted"), attrgetter("year")
_INDICATOR, _LOC = attrgetter("indicator"), attrgetter("loc")
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)
_FOURTH, _FIFTH = itemgetter(3), itemgetter(4)


class Rows(Sequence[Observed]):
    """A file's figures as the results cache keeps them, `[indicator, year, value, noted,
    field]` each, checked by their shape (repository/cache.py): an `Observed` is made only
    for a figure asked for, and `Readings` keeps them without making any."""

    __slots__ = ("agency", "cycle", "path", "rows")

    def __init__(self, cycle: str, agency: str, path: str, rows: list[list[Any]]) -> None:
        self.cycle, self.agency, self.path, self.rows = cycle, agency, path, rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, at: int) -> Observed: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Observed]: ...

    def __getitem__(self, at: int | slice) -> Observed | Sequence[Observed]:
        if isinstance(at, slice):
            return tuple(self._observed(row) for row in self.rows[at])
        return self._observed(self.rows[at])

    def _observed(self, row: list[Any]) -> Observed:
        item, year, value, noted, field = row
        loc = ("indicators", item, field)
        return Observed(self.cycle, self.agency, item, year, float(value), noted, self.path, loc)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


class Readings:
    """The accepted figures, grouped by (agency, indicator) in the order first added. Each
    figure is a number: its file (cycle, agency, path), year, value, note and place are read
    by it from arrays (`sources`, `source`, `value`, `noted`; `year` and `place` by method)."""

    def __init__(self) -> None:
        self.sources: list[tuple[str, str, str]] = []
        """(cycle, agency, path) of each file a figure was read from."""
        self._source_of: dict[tuple[str, str, str], int] = {}
        self.source = array("l")
        self.value = array("d")
        self.noted = array("b")
        self._year = array("q")
        self._at = array("b")
        self._odd: dict[tuple[int, str], Any] = {}
        """A figure's year or place of another shape than the arrays hold, by figure."""
        self._series: dict[str, dict[str, array[int]]] = {}
        """Agency → indicator → its figures, in the order added."""

    def __len__(self) -> int:
        return len(self.value)

    def add(self, found: Sequence[Observed]) -> None:
        """Keep the figures `found` (a file's), after those added before."""
        if isinstance(found, Rows):
            self._add_rows(found)
            return
        if not found:
            return
        # a million figures at city ×10: each field of a file's figures taken at C's pace
        head, count = found[0], len(found)
        cycle, agency, path = head.cycle, head.agency, head.path
        if not all(
            list(map(field, found)).count(value) == count
            for field, value in ((_CYCLE, cycle), (_AGENCY, agency), (_PATH, path))
        ):  # never from one file's check: each figure on its own
            for reading in found:
                self.add((reading,))
            return
        first = len(self.value)
        self.source.extend(repeat(self._source(cycle, agency, path), count))
        self.value.extend(map(_VALUE, found))
        self.noted.extend(map(_NOTED, found))
        self._add_years(first, list(map(_YEAR, found)))
        indicators = list(map(_INDICATOR, found))
        self._add_places(first, indicators, list(map(_LOC, found)))
        self._add_series(first, agency, indicators)

    def _add_rows(self, found: Rows) -> None:
        """A file's figures from the cache, each field taken from its rows as they are."""
        rows, first = found.rows, len(self.value)
        if not rows:
            return
        source = self._source(found.cycle, found.agency, found.path)
        self.source.extend(repeat(source, len(rows)))
        self.value.extend(map(float, map(_THIRD, rows)))
        self.noted.extend(map(_FOURTH, rows))
        self._add_years(first, list(map(_SECOND, rows)))
        self._at.extend(map(_AT.__getitem__, map(_FIFTH, rows)))  # "value" or "parts" only
        self._add_series(first, found.agency, list(map(_FIRST, rows)))

    def _source(self, cycle: str, agency: str, path: str) -> int:
        source = self._source_of.setdefault((cycle, agency, path), len(self.sources))
        if source == len(self.sources):
            self.sources.append((cycle, agency, path))
        return source

    def _add_series(self, first: int, agency: str, indicators: list[str]) -> None:
        series = self._series.setdefault(agency, {})
        for number, indicator in enumerate(indicators, first):
            numbers = series.get(indicator)
            if numbers is None:
                numbers = series[indicator] = array("l")
            numbers.append(number)

    def _add_years(self, first: int, years: list[int]) -> None:
        if set(map(type, years)) == {int} and _YEARS[0] <= min(years) <= max(years) < _YEARS[1]:
            self._year.extend(years)
            return
        for number, year in enumerate(years, first):  # never from a file that passed its checks
            fits = type(year) is int and _YEARS[0] <= year < _YEARS[1]
            self._year.append(year if fits else 0)
            if not fits:
                self._odd[number, "year"] = year

    def _add_places(self, first: int, indicators: list[str], locs: list[Loc]) -> None:
        if set(map(len, locs)) == {3}:
            fields = list(map(_AT.get, map(_THIRD, locs)))
            if (
                None not in fields
                and list(map(_SECOND, locs)) == indicators
                and list(map(_FIRST, locs)).count("indicators") == len(locs)
            ):
                self._at.extend(fields)  # type: ignore[arg-type]  # no None among them
                return
        for number, (indicator, loc) in enumerate(zip(indicators, locs, strict=True), first):
            at = _AT.get(str(loc[-1]), _OTHER) if len(loc) == 3 else _OTHER
            if at == _OTHER or loc[1] != indicator or loc[0] != "indicators":
                at = _OTHER
                self._odd[number, "loc"] = loc
            self._at.append(at)

    def year(self, number: int) -> int:
        found: int = self._odd.get((number, "year"), self._year[number])
        return found

    def loc(self, number: int, indicator: str) -> Loc:
        """Where figure `number` of `indicator` is in its file."""
        at = self._at[number]
        if at == _OTHER:
            loc: Loc = self._odd[number, "loc"]
            return loc
        return ("indicators", indicator, _FIELDS[at])

    def series(self, rank: Mapping[str, Any]) -> Iterator[tuple[str, str, list[int]]]:
        """(agency, indicator, its figures) of each agency's indicator, the figures of the
        cycles in `rank` only, in the order of their cycles' ranks (as added within one)."""
        ranks: list[Any] = [rank.get(cycle) for cycle, _agency, _path in self.sources]
        source = self.source
        for agency, indicators in self._series.items():
            for indicator, numbers in indicators.items():
                found = [n for n in numbers if ranks[source[n]] is not None]
                found.sort(key=lambda n: ranks[source[n]])
                yield agency, indicator, found
