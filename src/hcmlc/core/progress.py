"""Progress against targets: each indicator's values by year, its status and trend, and each
criterion's status, for a report year.

The city's figure for an indicator is the one supplied by its lead agency: the first agency the
framework lists for it, or that agency's successor in a later cycle. An indicator whose list
starts with a group (e.g. every ward) has local figures only: its city figure is formed from
them when it declares how (`aggregate`: their sum, or the ratio of their summed parts, see
citywide.py), else there is none. Nothing is guessed: an indicator without a value is "no
data", one without a target "no target".

A city figure formed from the units' figures is judged once every unit that owes it has
supplied; before, it is shown with its coverage and the indicator has no data for the year.

Two years are compared (the trend, the charts' lines) only when their coverage is comparable
(citywide.comparable): a figure of 12 of 168 wards is not compared with one of 1 ward.

A year is judged on current values only: those of the years its reporting cycle covers. An
older value is shown, with its year, but the indicator has no data for the year. A target whose
year is still ahead is judged against a straight path from its baseline (or, without one, from
the first value) to the target: on track or behind, never "not met" before its year.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from enum import StrEnum

from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure, city_figures, comparable
from hcmlc.core.figures import LocalFigure, read_entry
from hcmlc.core.results import Entry, SubmissionFile
from hcmlc.core.values import SCALE_STATES, ValueProblem, parse_value
from hcmlc.models.framework import Criterion, Indicator, Scale
from hcmlc.models.registry import Cycle
from hcmlc.models.targets import Direction, Target

RANK: dict[Scale, list[str]] = {
    Scale.EXISTENCE: ["no", "yes"],
    Scale.LEVEL: ["none", "low", "medium", "high"],
}
"""Each scale's states from worst to best."""
assert all(set(RANK[scale]) == set(SCALE_STATES[scale]) for scale in Scale)


class Status(StrEnum):
    """Where an indicator or a criterion stands against its target."""

    MET = "met"
    ON_TRACK = "on-track"
    """The target's year is ahead and the latest value is on the path to it."""
    BEHIND = "behind"
    """The target's year is ahead and the latest value is short of the path to it."""
    NOT_MET = "not-met"
    NO_DATA = "no-data"
    NO_TARGET = "no-target"


WORST_FIRST = (Status.NOT_MET, Status.BEHIND, Status.NO_DATA, Status.ON_TRACK, Status.MET)
"""A criterion takes the worst status of its targeted indicators, in this order."""


class Trend(StrEnum):
    """How the latest value compares with the one before it."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    STABLE = "stable"
    RISING = "rising"
    """Up, for an indicator without a target (so without a direction)."""
    FALLING = "falling"
    SINGLE = "single"
    """Only one value so far."""
    INCOMPARABLE = "not-comparable"
    """Earlier values exist, but none covers the city comparably with the latest one."""
    NONE = "none"


@dataclass(frozen=True)
class Observation:
    """One value of the city series: the year it describes and who supplied it, in which cycle."""

    year: int
    value: float | str
    """A number (quantitative) or a state code such as `yes` or `medium` (qualitative)."""
    cycle: str
    agency: str
    """The agency that supplied it; for a figure formed from the units', the group listed."""
    illustrative: bool = False
    parts: tuple[float, ...] = ()
    """The figures of an indicator that asks for several (its `parts`), in its order."""
    city: CityFigure | None = None
    """For a figure formed from the units' own: how, from which units, and who is missing."""


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator in the report year."""

    indicator: Indicator
    target: Target | None
    points: list[Observation]
    """The city series up to the report year, one value per year, oldest first."""
    status: Status
    trend: Trend
    current_from: int | None = None
    """The first year whose values count as current for the report year (None: any)."""

    @property
    def latest(self) -> Observation | None:
        return self.points[-1] if self.points else None

    @property
    def comparable(self) -> list[Observation]:
        """The values that may be compared with the latest one (itself included), oldest first:
        what the trend and the charts read."""
        return comparable_points(self.points)

    @property
    def city(self) -> CityFigure | None:
        """How the latest value was formed from the units' figures, when it was."""
        latest = self.latest
        return latest.city if latest is not None else None

    @property
    def stale(self) -> bool:
        """Whether the latest value is older than the years the report judges."""
        latest = self.latest
        return (
            latest is not None and self.current_from is not None and latest.year < self.current_from
        )

    @property
    def gap(self) -> float | None:
        """How far the latest figure is from the target, in the indicator's unit; 0 when met."""
        latest, target = self.latest, self.target
        if latest is None or target is None or target.target is None:
            return None
        assert isinstance(latest.value, float)
        short = target.target.value - latest.value
        if target.direction is Direction.LOWER:
            short = -short
        return max(short, 0.0)


@dataclass(frozen=True)
class CriterionProgress:
    """One criterion in the report year: met when all its targeted indicators are met."""

    criterion: Criterion
    indicators: list[IndicatorProgress]
    status: Status

    @property
    def targeted(self) -> list[IndicatorProgress]:
        return [i for i in self.indicators if i.target is not None]


def city_series(
    catalog: Catalog,
    files: Iterable[SubmissionFile],
    supplied: Set[Entry],
    figures: Iterable[LocalFigure] = (),
) -> dict[str, list[Observation]]:
    """Indicator id → the city's values by year across every cycle, oldest first.

    Only entries that passed validation count. When two cycles give a value for the same year,
    the later cycle's (a revision) wins. An indicator with an `aggregate` takes its values from
    the units' `figures` (citywide.py).
    """
    by_year: dict[str, dict[int, tuple[Cycle, Observation]]] = {}
    by_cycle: dict[str, list[LocalFigure]] = {}  # each cycle's own: linear in the years
    for figure in figures:
        by_cycle.setdefault(figure.cycle, []).append(figure)
    for cycle in catalog.assignments.cycles:
        for city in city_figures(catalog, by_cycle.get(cycle.id, []), cycle):
            if city.value is None:
                continue
            group = next(iter(catalog.indicators[city.indicator].agencies), "")
            point = Observation(
                city.year, city.value, cycle.id, group, city.illustrative, city.parts, city
            )
            _keep(by_year, city.indicator, cycle, point)
    for file in files:
        model = file.model
        if model is None or model.cycle not in catalog.cycles:
            continue
        cycle = catalog.cycles[model.cycle]
        for indicator_id, entry in model.indicators.items():
            if (cycle.id, model.agency, "indicator", indicator_id) not in supplied:
                continue
            indicator = catalog.indicators[indicator_id]
            if indicator.aggregate or lead_agency(catalog, indicator, cycle) != model.agency:
                continue
            try:
                reading = read_entry(entry, indicator)
            except ValueProblem:  # pragma: no cover - a supplied entry has a valid value
                continue
            point = Observation(
                entry.year,
                reading.value,
                cycle.id,
                model.agency,
                entry.illustrative,
                reading.parts,
            )
            _keep(by_year, indicator_id, cycle, point)
    return {
        indicator_id: [point for _, (_, point) in sorted(years.items())]
        for indicator_id, years in by_year.items()
    }


def _keep(
    by_year: dict[str, dict[int, tuple[Cycle, Observation]]],
    indicator_id: str,
    cycle: Cycle,
    point: Observation,
) -> None:
    """Keep `point` unless a later cycle already gave a value for its year."""
    years = by_year.setdefault(indicator_id, {})
    earlier = years.get(point.year)
    if earlier is None or earlier[0].reference_date <= cycle.reference_date:
        years[point.year] = (cycle, point)


def comparable_points(points: list[Observation]) -> list[Observation]:
    """The points whose coverage is comparable with the last one's (citywide.comparable)."""
    if not points:
        return []
    latest = points[-1].city
    return [p for p in points if comparable(p.city, latest)]


def lead_agency(catalog: Catalog, indicator: Indicator, cycle: Cycle) -> str | None:
    """Who supplies the city figure of `indicator` in `cycle`; None when nobody does."""
    first = indicator.agencies[0] if indicator.agencies else None
    if first is None or first not in catalog.agencies:
        return None  # a group (local figures only), or not assigned yet
    return catalog.succession.holder(first, cycle.reference_date, indicator.id)


def assess(
    catalog: Catalog,
    series: dict[str, list[Observation]],
    targets: dict[str, Target],
    year: int,
    current_from: int | None = None,
) -> list[CriterionProgress]:
    """Every criterion's progress in `year`, from the values up to that year; values before
    `current_from` are shown but not judged."""
    result = []
    for criterion in catalog.criteria():
        indicators = [
            _indicator_progress(
                i,
                targets.get(i.id),
                [p for p in series.get(i.id, []) if p.year <= year],
                year,
                current_from,
            )
            for i in criterion.indicators
        ]
        result.append(CriterionProgress(criterion, indicators, _criterion_status(indicators)))
    return result


def _indicator_progress(
    indicator: Indicator,
    target: Target | None,
    points: list[Observation],
    year: int,
    current_from: int | None,
) -> IndicatorProgress:
    latest = points[-1] if points else None
    if target is None:
        status = Status.NO_TARGET
    elif (
        latest is None
        or (current_from is not None and latest.year < current_from)
        or (latest.city is not None and not latest.city.complete)
    ):
        status = Status.NO_DATA  # a figure of some of the units only is shown, not judged
    elif _reaches(indicator, latest.value, target):
        status = Status.MET
    elif target.target is not None and target.target.year > year:
        on_path = _on_path(latest, target, comparable_points(points))
        status = Status.ON_TRACK if on_path else Status.BEHIND
    else:
        status = Status.NOT_MET
    trend = _trend(indicator, target, points)
    return IndicatorProgress(indicator, target, points, status, trend, current_from)


def path_value(target: Target, points: list[Observation], year: int) -> float | None:
    """Where the straight path from the baseline (else the first value) to the target stands
    in `year`; None without a starting point."""
    assert target.target is not None
    if target.baseline is not None:
        start_year, start = target.baseline.year, target.baseline.value
    elif points and isinstance(points[0].value, float):
        start_year, start = points[0].year, points[0].value
    else:
        return None
    goal_year, goal = target.target.year, target.target.value
    if goal_year <= start_year or year <= start_year:
        return start
    share = min((year - start_year) / (goal_year - start_year), 1.0)
    return start + (goal - start) * share


def _on_path(latest: Observation, target: Target, points: list[Observation]) -> bool:
    expected = path_value(target, points, latest.year)
    assert isinstance(latest.value, float) and expected is not None
    if target.direction is Direction.LOWER:
        return latest.value <= expected + 1e-9
    return latest.value >= expected - 1e-9


def _criterion_status(indicators: list[IndicatorProgress]) -> Status:
    statuses = {i.status for i in indicators if i.status is not Status.NO_TARGET}
    for status in WORST_FIRST:
        if status in statuses:
            return status
    return Status.NO_TARGET


def _reaches(indicator: Indicator, value: float | str, target: Target) -> bool:
    if isinstance(value, float):
        assert target.target is not None
        goal = target.target.value
        return value <= goal if target.direction is Direction.LOWER else value >= goal
    assert indicator.scale is not None and target.required is not None
    required = parse_value(target.required, indicator)
    order = RANK[indicator.scale]
    return order.index(value) >= order.index(str(required))


def _trend(indicator: Indicator, target: Target | None, points: list[Observation]) -> Trend:
    if not points:
        return Trend.NONE
    if len(points) == 1:
        return Trend.SINGLE
    compared = comparable_points(points)
    if len(compared) == 1:
        return Trend.INCOMPARABLE
    before, latest = (_score(indicator, p.value) for p in compared[-2:])
    if abs(latest - before) <= 1e-9 * max(abs(latest), abs(before), 1.0):
        return Trend.STABLE
    up = latest > before
    if target is None:
        return Trend.RISING if up else Trend.FALLING
    better = up if target.direction is Direction.HIGHER else not up
    return Trend.IMPROVING if better else Trend.WORSENING


def _score(indicator: Indicator, value: float | str) -> float:
    """A number to compare values by: the figure, or the rank of a state on its scale."""
    if isinstance(value, float):
        return value
    assert indicator.scale is not None
    return float(RANK[indicator.scale].index(value))
