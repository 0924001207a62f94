"""Every accepted figure of a repository, kept compactly for the check of changes across cycles
(checks/plausibility.py). At 2,000 wards over ten years that is 1.1 million figures, which as
an `Observed` each, with its place and its year, held some 200 MB until the check ran; here
each is a few numbers in arrays, grouped by agency and indicator as they are added (issue 29).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from hcmlc.core.results import Observed

_AT = ("value", "parts")
"""The field of an entry a figure is read from: its place is (indicators, id, field)."""
_OTHER = -1


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
        self._series: dict[tuple[str, str], array[int]] = {}

    def __len__(self) -> int:
        return len(self.value)

    def add(self, found: Iterable[Observed]) -> None:
        """Keep the figures `found` (a file's), after those added before."""
        last: tuple[str, str, str] | None = None
        source = 0
        for reading in found:
            key = (reading.cycle, reading.agency, reading.path)
            if key != last:
                last = key
                source = self._source_of.setdefault(key, len(self.sources))
                if source == len(self.sources):
                    self.sources.append(key)
            number = len(self.value)
            self.source.append(source)
            self.value.append(reading.value)
            self.noted.append(reading.noted)
            self._add_year(number, reading.year)
            loc, at = reading.loc, _OTHER
            if len(loc) == 3 and loc[0] == "indicators" and loc[1] == reading.indicator:
                at = _AT.index(loc[2]) if loc[2] in _AT else _OTHER
            if at == _OTHER:
                self._odd[number, "loc"] = loc
            self._at.append(at)
            series = self._series.get((reading.agency, reading.indicator))
            if series is None:
                series = self._series[reading.agency, reading.indicator] = array("l")
            series.append(number)

    def _add_year(self, number: int, year: int) -> None:
        if type(year) is int and -(2**63) <= year < 2**63:
            self._year.append(year)
        else:  # never from a file that passed its checks; kept as it is all the same
            self._year.append(0)
            self._odd[number, "year"] = year

    def year(self, number: int) -> int:
        found: int = self._odd.get((number, "year"), self._year[number])
        return found

    def loc(self, number: int, indicator: str) -> tuple[str | int, ...]:
        """Where figure `number` of `indicator` is in its file."""
        at = self._at[number]
        if at == _OTHER:
            loc: tuple[str | int, ...] = self._odd[number, "loc"]
            return loc
        return ("indicators", indicator, _AT[at])

    def series(self, rank: Mapping[str, Any]) -> Iterator[tuple[str, str, list[int]]]:
        """(agency, indicator, its figures) of each agency's indicator, the figures of the
        cycles in `rank` only, in the order of their cycles' ranks (as added within one)."""
        ranks: list[Any] = [rank.get(cycle) for cycle, _agency, _path in self.sources]
        source = self.source
        for (agency, indicator), numbers in self._series.items():
            found = [n for n in numbers if ranks[source[n]] is not None]
            found.sort(key=lambda n: ranks[source[n]])
            yield agency, indicator, found
