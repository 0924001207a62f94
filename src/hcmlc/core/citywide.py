"""City figures formed from the units' own: the sum of their counts, or the ratio of their
summed numerators and denominators, with the coverage ("from 150 of 168 units") and the units
still missing. Status, the report and the dashboard read these same objects.

Only figures that passed validation count (a ratio's parts were checked: both given, the
numerator not above the denominator), and only those of units that owe the indicator in the
cycle. Nothing is estimated for a missing unit: the figure is that of the units that supplied,
and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.figures import LocalFigure, ratio_value
from hcmlc.models.registry import Cycle

COMPARABLE_SHARE = 0.9
"""Two years of a city figure formed from the units' figures are compared (a trend, a line on a
chart) when they sum the same units, or when each sums at least this share of the units that
owe it: then each stands for the city. A figure the city's lead agency supplies stands for the
whole city. Anything else (12 of 168 wards one year, 1 the next) is not compared."""


@dataclass(frozen=True)
class CityFigure:
    """One indicator's city figure for one year of one cycle."""

    indicator: str
    cycle: str
    year: int
    value: float | None
    """None when no unit has supplied yet."""
    parts: tuple[float, ...]
    """The summed parts (a ratio's numerator and denominator), in the indicator's order."""
    supplied: tuple[str, ...]
    """The units whose figure it sums, in registry order."""
    owed: tuple[str, ...]
    """Every unit that owes the indicator in the cycle, in registry order."""
    illustrative: bool = False
    """Whether a unit's figure it sums is marked illustrative."""

    @property
    def missing(self) -> tuple[str, ...]:
        """The units that owe the indicator and have not supplied it."""
        have = set(self.supplied)
        return tuple(u for u in self.owed if u not in have)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def share(self) -> float:
        """The share of the units owing the figure that it sums (1 when none owes it)."""
        return len(self.supplied) / len(self.owed) if self.owed else 1.0


def comparable(one: CityFigure | None, other: CityFigure | None) -> bool:
    """Whether two years' figures may be compared (COMPARABLE_SHARE); None stands for a figure
    of the whole city, supplied by its lead agency."""
    if one is not None and other is not None and one.supplied == other.supplied:
        return True
    return all(f is None or f.share >= COMPARABLE_SHARE for f in (one, other))


def city_figures(
    catalog: Catalog, figures: Iterable[LocalFigure], cycle: Cycle
) -> list[CityFigure]:
    """The city figure of every indicator `cycle` asks for that forms one from the units' own,
    per year the units gave figures for (the cycle's last year when none did yet)."""
    owners = catalog.owners("indicator", cycle)
    order = {agency: k for k, agency in enumerate(catalog.agencies)}
    by_indicator: dict[str, dict[int, dict[str, LocalFigure]]] = {}
    for figure in figures:
        if figure.cycle != cycle.id or figure.indicator not in owners:
            continue
        years = by_indicator.setdefault(figure.indicator, {})
        years.setdefault(figure.year, {}).setdefault(figure.agency, figure)
    found = []
    for indicator_id, owed in owners.items():
        indicator = catalog.indicators[indicator_id]
        if indicator.aggregate is None:
            continue
        owing = set(owed)
        years = by_indicator.get(indicator_id) or {cycle.last_year: {}}
        for year, local in sorted(years.items()):
            counted = sorted((a for a in local if a in owing), key=order.__getitem__)
            width = max((len(local[a].parts) for a in counted), default=0)
            parts = tuple(sum(local[a].parts[k] for a in counted) for k in range(width))
            if not counted:
                value = None
            elif indicator.ratio:
                value = ratio_value(parts[0], parts[1], indicator) if parts[1] else None
            else:
                value = sum(local[a].value for a in counted)
            illustrative = any(local[a].illustrative for a in counted)
            found.append(
                CityFigure(
                    indicator_id,
                    cycle.id,
                    year,
                    value,
                    parts,
                    tuple(counted),
                    tuple(owed),
                    illustrative,
                )
            )
    return found
