"""Values that change too much to be believed without a word: never an error, never silent.

A figure is compared with the same agency's previous figure of the same indicator: the one it
replaces (a workbook imported over an earlier one of the same cycle), else the latest of an
earlier cycle. It gets a warning (HCMLC-W094), naming the previous figure and its year, when it
differs from it by a factor of 1000 or more (a thousands separator read as a decimal point:
English-language Excel reads a typed 22.500 as 22.5), or beyond its unit's bound (BOUNDS). A
`note` on the entry, saying why the figure changed, acknowledges it: no warning then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from hcmlc.core.catalog import Catalog
from hcmlc.core.readings import Readings
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _, current_language
from hcmlc.models.framework import Unit
from hcmlc.text.number_format import format_number
from hcmlc.yamlfiles.reader import Document

CODE = "HCMLC-W094"
FACTOR = 1000.0
"""A figure this many times larger or smaller than the previous one is flagged in any unit."""
BOUNDS: dict[Unit, tuple[str, float]] = {
    Unit.PERCENT: ("points", 50.0),
    Unit.YEARS: ("points", 5.0),
    Unit.HOURS_PER_WEEK: ("points", 40.0),
    Unit.COUNT: ("factor", 10.0),
    Unit.PER_100K: ("factor", 10.0),
    Unit.USD: ("factor", 10.0),
    Unit.TONNES_PER_CAPITA: ("factor", 10.0),
    Unit.KG_PER_CAPITA: ("factor", 10.0),
}
"""Per unit, how far a figure may move from the previous one without a word: by more than so
many points (a share, a number of years or hours), or by so many times (counts, rates, money)."""


@dataclass(frozen=True)
class Previous:
    """The figure a new one is compared with."""

    value: float
    year: int
    cycle: str
    replaced: bool
    """The figure this very import replaces (same cycle), not an earlier cycle's."""


def implausible(value: float, previous: float, unit: Unit | None) -> str | None:
    """How `value` differs too much from `previous`: "×N" or "±N unit"; None when it does not."""
    if value > 0 and previous > 0:
        factor = max(value / previous, previous / value)
        if factor >= FACTOR:
            return _("by a factor of {factor}").format(factor=_shown(round(factor)))
    kind, bound = BOUNDS.get(unit, ("factor", FACTOR)) if unit is not None else ("factor", FACTOR)
    if kind == "points" and abs(value - previous) > bound:
        return _("by {difference} ({unit})").format(
            difference=_shown(abs(value - previous)), unit=unit
        )
    if kind == "factor" and value > 0 and previous > 0:
        factor = max(value / previous, previous / value)
        if factor > bound:
            return _("by a factor of {factor}").format(factor=_shown(round(factor, 1)))
    return None


def message(indicator: str, value: float, previous: Previous, how: str) -> str:
    """The warning's words: the figure, the previous one with its year, and by how much."""
    words = (
        _("indicator {id}: {value} replaces {previous} (year {year}), a change {how}")
        if previous.replaced
        else _(
            "indicator {id}: {value} differs from {previous}, the figure of year {year} "
            "(cycle {cycle}), {how}"
        )
    )
    return words.format(
        id=indicator,
        value=_shown(value),
        previous=_shown(previous.value),
        year=previous.year,
        cycle=previous.cycle,
        how=how,
    )


def yaml_hint() -> str:
    return _(
        "check the figure (a thousands separator read as a decimal point turns 22.500 into "
        "22.5); if it is right, say why in `note:` and the warning goes"
    )


def check_changes(
    catalog: Catalog, readings: Readings, doc_of: Callable[[str], Document]
) -> list[Diagnostic]:
    """A warning for each figure of a YAML file too far from the agency's figure of an earlier
    cycle (validate)."""
    order = {c.id: c.reference_date for c in catalog.assignments.cycles}
    sources, source, values, noted = (
        readings.sources,
        readings.source,
        readings.value,
        readings.noted,
    )
    problems = []
    for _agency, indicator_id, found in readings.series(order):
        if len(found) < 2:
            continue
        unit = catalog.indicators[indicator_id].unit
        for before, at in pairwise(found):
            cycle, _agency, path = sources[source[at]]
            earlier = sources[source[before]][0]
            if noted[at] or earlier == cycle:
                continue
            how = implausible(values[at], values[before], unit)
            if how is None:
                continue
            previous = Previous(values[before], readings.year(before), earlier, replaced=False)
            problems.append(
                doc_of(path).problem(
                    readings.loc(at, indicator_id),
                    CODE,
                    message(indicator_id, values[at], previous, how),
                    yaml_hint(),
                )
            )
    return problems


def _shown(number: float) -> str:
    return format_number(float(number), current_language())
