"""The year-end progress report as content: every text already worded in the report's language,
so that the Word and the Markdown renderings only lay it out.

Plan 1256/KH-UBND, II.3.e: at the end of each year the city reports the progress of the
criteria, above all analysing those not yet met. The report reads every cycle's submissions
(`progress.city_series`), assesses the year asked for and the one before, and words the result.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from hcmlc.clock import today
from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure, city_figures
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.progress import (
    CriterionProgress,
    IndicatorProgress,
    Status,
    Trend,
    assess,
    city_series,
    lead_agency,
)
from hcmlc.core.status import Obligation, obligations_of, unowned
from hcmlc.documents.report_words import (
    LABELS,
    STATUS_WORDS,
    UNIT_WORDS,
    ValueWords,
    label,
    shown,
)
from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import Lang, _
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.registry import Cycle
from hcmlc.repository.load import TARGETS, Repository
from hcmlc.text.dates import day_text

COUNTED = (
    Status.MET,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.NOT_MET,
    Status.NO_DATA,
    Status.NO_TARGET,
)
"""The statuses the summary counts criteria by, in column order."""

UNMET = (Status.NOT_MET, Status.BEHIND)
"""Criteria the analysis section takes up: not met, or behind the path to a later target."""

MISSING_NAMED, MISSING_SHOWN = 20, 10
"""A city figure names every unit still missing up to MISSING_NAMED; past that, the first
MISSING_SHOWN and how many more (the annex of missing data names them all)."""


@dataclass(frozen=True)
class SummaryRow:
    """Criteria by status in one area (or in total), this year and the year before."""

    id: str
    title: str
    counts: dict[Status, int]
    previous: dict[Status, int]

    def change(self, status: Status) -> int:
        return self.counts[status] - self.previous[status]

    def cell(self, status: Status) -> str:
        """`3 (+2)`: the count this year and its change from the year before."""
        change = self.change(status)
        return f"{self.counts[status]} ({change:+d})" if change else str(self.counts[status])


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    text: str
    latest: str
    target: str
    status: Status
    status_text: str
    trend: Trend
    trend_text: str


@dataclass(frozen=True)
class CriterionBlock:
    id: str
    title: str
    status: Status
    status_text: str
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class StandardBlock:
    id: str
    title: str
    criteria: list[CriterionBlock]


@dataclass(frozen=True)
class Chart:
    """What a chart shows: one quantitative indicator's values by year, its baseline and its
    target, every text worded; charts.py draws it (and decides nothing a reader must know)."""

    indicator: str
    caption: str
    """`Biểu đồ 3. 1.2.5.a …`: printed under the image, which carries no title of its own."""
    percent: bool
    """Whether the values are shares in percent: the axis then stays within 0–100."""
    years: list[int]
    values: list[float]
    """The values of the years that have one; a year in the span without one is a gap."""
    first_year: int
    last_year: int
    """The years the axis spans: from the baseline or first value to the report's year."""
    target: float | None
    target_label: str | None
    """`Mục tiêu 2025`; the chart adds the figure."""
    baseline: float | None
    baseline_year: int | None
    baseline_label: str | None
    """`Cơ sở 2022`; the chart adds the figure."""
    value_label: str
    gap_label: str
    """Under a year of the span that has no value: `chưa có số liệu`."""


@dataclass(frozen=True)
class Responsibility:
    """One agency answerable for an unmet indicator, and how its data arrived."""

    agency: str
    delivery: str


@dataclass(frozen=True)
class UnmetIndicator:
    id: str
    text: str
    status_text: str
    latest: str
    target: str
    gap: str
    trend_text: str
    responsible: list[Responsibility]
    note: str | None = None


@dataclass(frozen=True)
class UnmetCriterion:
    id: str
    title: str
    status_text: str
    indicators: list[UnmetIndicator]


@dataclass(frozen=True)
class CityFigureBlock:
    """A city figure formed from the units' figures in the report's cycle, worded."""

    id: str
    text: str
    figure: str
    coverage: str
    missing: list[str]
    """The names of the units that owe the figure and have not supplied it."""


@dataclass(frozen=True)
class MissingData:
    """The indicators one agency has not supplied in the report's cycle."""

    agency: str
    indicators: list[str]


@dataclass
class ProgressReport:
    """The whole report, worded in `lang`."""

    lang: Lang
    city: str
    year: int
    previous_year: int
    title: str
    labels: dict[str, str]
    illustrative: bool
    summary: list[SummaryRow]
    total: SummaryRow
    standards: list[StandardBlock]
    charts: list[Chart]
    unmet: list[UnmetCriterion]
    missing_intro: str
    missing: list[MissingData] = field(default_factory=list)
    status_words: dict[str, str] = field(default_factory=dict)
    assessment: list[CriterionProgress] = field(default_factory=list)
    """The assessment of `year` the report words: the figures behind its texts, for other
    views of the same result (the status page draws its trend charts from them)."""
    city_figures: list[CityFigureBlock] = field(default_factory=list)
    city_figures_intro: str = ""

    @property
    def compared(self) -> str:
        """The heading note of the summary: `2025 (so với năm 2024)`."""
        return f"{self.year} ({self.labels['compared'].format(year=self.previous_year)})"

    @property
    def unmet_ids(self) -> list[str]:
        return [c.id for c in self.unmet]


def default_year(repo: Repository) -> int:
    """The last year of the current cycle."""
    return repo.cycle(None).last_year


def build_report(
    repo: Repository,
    year: int,
    lang: Lang,
    *,
    as_of: dt.date | None = None,
    deliveries: dict[FileKey, Delivery] | None = None,
) -> ProgressReport:
    """The progress report of `year` from every cycle's submissions and data/targets.yaml;
    its annex of missing data as of `as_of` (default: today). `repo` is the repository as
    known on that day (snapshot.known_on) for a report of a past day."""
    catalog = repo.require_catalog()
    if TARGETS in repo.data_files and repo.targets is None:
        raise DataError(
            _("{file} has errors, so no target could be read").format(file=TARGETS),
            _("run `hcmlc validate` and fix {file} first").format(file=TARGETS),
        )
    targets = repo.targets.targets if repo.targets else {}
    cycle = cycle_of_year(catalog, year)
    if cycle is None:
        raise HcmlcError(
            _("no reporting cycle covers {year}").format(year=year),
            _("the cycles cover: {cycles}; open one with `hcmlc new-cycle`").format(
                cycles=", ".join(f"{c.id} ({_years(c)})" for c in catalog.assignments.cycles)
            ),
        )
    series = city_series(catalog, repo.submissions, repo.supplied, repo.figures)
    if not any(p.year <= year for points in series.values() for p in points):
        first = min((p.year for points in series.values() for p in points), default=None)
        raise HcmlcError(
            _("no indicator has a value for {year} or before").format(year=year),
            _("the earliest value is from {year}").format(year=first)
            if first
            else _("add submissions first"),
        )
    now = assess(catalog, series, targets, year, cycle.first_year)
    previous = cycle_of_year(catalog, year - 1)
    before = assess(catalog, series, targets, year - 1, previous.first_year if previous else None)
    deliveries = repo.deliveries() if deliveries is None else deliveries
    day = today() if as_of is None else as_of
    obligations = list(obligations_of(catalog, repo.supplied, cycle, day, deliveries))
    writer = _Writer(catalog, lang, cycle, obligations, year)
    report = writer.report(year, now, before)
    local = city_figures(catalog, repo.figures, cycle)
    report.city_figures = [writer.city_figure(f) for f in local if f.year == year]
    report.city_figures_intro = label("city-figures-intro", lang, cycle=cycle.id)
    return report


def _years(cycle: Cycle) -> str:
    if cycle.first_year == cycle.last_year:
        return str(cycle.first_year)
    return f"{cycle.first_year}–{cycle.last_year}"


def cycle_of_year(catalog: Catalog, year: int) -> Cycle | None:
    """The cycle that collects the figures of `year`: the latest one covering it."""
    covering = [c for c in catalog.assignments.cycles if c.first_year <= year <= c.last_year]
    return max(covering, key=lambda c: c.reference_date, default=None)


class _Writer:
    """Words the assessment in one language."""

    def __init__(
        self,
        catalog: Catalog,
        lang: Lang,
        cycle: Cycle,
        obligations: list[Obligation],
        year: int,
    ) -> None:
        self.catalog, self.lang, self.cycle, self.year = catalog, lang, cycle, year
        self.obligations = obligations
        self.owed = {(o.agency, o.kind, o.item): o for o in obligations}
        self.words = ValueWords(lang, year)

    def report(
        self,
        year: int,
        now: list[CriterionProgress],
        before: list[CriterionProgress],
    ) -> ProgressReport:
        lang, catalog = self.lang, self.catalog
        summary = [
            self.summary_row(area.id, area.title.get(lang), now, before) for area in catalog.areas()
        ]
        total = self.summary_row("", label("total", lang), now, before)
        by_id = {c.criterion.id: c for c in now}
        return ProgressReport(
            lang=lang,
            city=catalog.assignments.city.get(lang),
            year=year,
            previous_year=year - 1,
            title=label("title", lang, year=year),
            labels={key: words[lang] for key, words in LABELS.items()},
            illustrative=any(p.illustrative for c in now for i in c.indicators for p in i.points),
            summary=summary,
            total=total,
            standards=[
                StandardBlock(
                    s.id,
                    s.title.get(lang),
                    [self.criterion_block(by_id[c.id]) for c in s.criteria],
                )
                for s in catalog.standards()
            ],
            charts=[
                self.chart(i, k)
                for k, i in enumerate(
                    (i for c in now for i in c.indicators if _chartable(i)), start=1
                )
            ],
            unmet=[self.unmet(c) for c in now if c.status in UNMET],
            missing_intro=self.missing_intro(),
            missing=self.missing(),
            status_words={s.value: STATUS_WORDS[s][lang] for s in Status},
            assessment=now,
        )

    def summary_row(
        self, area: str, title: str, now: list[CriterionProgress], before: list[CriterionProgress]
    ) -> SummaryRow:
        def count(progress: list[CriterionProgress]) -> dict[Status, int]:
            found = Counter(
                c.status for c in progress if not area or c.criterion.id.split(".")[0] == area
            )
            return {s: found[s] for s in COUNTED}

        return SummaryRow(area, title, count(now), count(before))

    def criterion_block(self, progress: CriterionProgress) -> CriterionBlock:
        lang = self.lang
        rows = [
            IndicatorRow(
                id=i.indicator.id,
                text=i.indicator.text.get(lang),
                latest=self.words.latest(i),
                target=self.words.target(i.indicator, i.target),
                status=i.status,
                status_text=STATUS_WORDS[i.status][lang],
                trend=i.trend,
                trend_text=self.words.trend(i),
            )
            for i in progress.indicators
        ]
        return CriterionBlock(
            progress.criterion.id,
            progress.criterion.title.get(lang),
            progress.status,
            STATUS_WORDS[progress.status][lang],
            rows,
        )

    def chart(self, progress: IndicatorProgress, number: int) -> Chart:
        lang, indicator, target = self.lang, progress.indicator, progress.target
        assert indicator.unit is not None
        goal = target.target if target else None
        baseline = target.baseline if target else None
        unit = UNIT_WORDS[indicator.unit][lang]
        points = progress.comparable  # a year of other coverage is not drawn on the line
        years = [p.year for p in points]
        return Chart(
            indicator=indicator.id,
            caption=label(
                "chart-caption", lang, n=number, id=indicator.id, text=indicator.text.get(lang)
            ),
            percent=indicator.unit is Unit.PERCENT,
            years=years,
            values=[shown(indicator, float(p.value)) for p in points],
            first_year=min(years[0], baseline.year if baseline else years[0]),
            last_year=max(years[-1], self.year, baseline.year if baseline else self.year),
            target=goal.value if goal else None,
            target_label=label("chart-target", lang, year=goal.year) if goal else None,
            baseline=baseline.value if baseline else None,
            baseline_year=baseline.year if baseline else None,
            baseline_label=label("chart-baseline", lang, year=baseline.year) if baseline else None,
            value_label=f"{label('chart-value', lang)} ({unit})"
            if unit
            else label("chart-value", lang),
            gap_label=label("chart-gap", lang),
        )

    def unmet(self, progress: CriterionProgress) -> UnmetCriterion:
        lang = self.lang
        indicators = []
        for i in progress.targeted:
            if i.status not in (*UNMET, Status.NO_DATA):
                continue
            responsible = self.responsible(i.indicator)
            indicators.append(
                UnmetIndicator(
                    id=i.indicator.id,
                    text=i.indicator.text.get(lang),
                    status_text=STATUS_WORDS[i.status][lang],
                    latest=self.words.latest(i),
                    target=self.words.target(i.indicator, i.target),
                    gap=self.words.gap(i),
                    trend_text=self.words.trend(i),
                    responsible=responsible,
                    note=None if responsible else label("nobody-note", lang),
                )
            )
        return UnmetCriterion(
            progress.criterion.id,
            progress.criterion.title.get(lang),
            STATUS_WORDS[progress.status][lang],
            indicators,
        )

    def responsible(self, indicator: Indicator) -> list[Responsibility]:
        """The agencies that owe the indicator in the report's cycle, with their delivery."""
        owners = self.catalog.owners("indicator", self.cycle)[indicator.id]
        lead = lead_agency(self.catalog, indicator, self.cycle)
        if lead is not None:  # the city figure's agency first, then the local ones
            owners = [lead, *(a for a in owners if a != lead)]
        return [
            Responsibility(self.agency(a, indicator), self.delivery(a, indicator)) for a in owners
        ]

    def agency(self, agency_id: str, indicator: Indicator) -> str:
        """The agency's name, with those it took over the indicator from."""
        catalog, lang = self.catalog, self.lang
        name = catalog.agencies[agency_id].short_name(lang)
        former = self.owed[(agency_id, "indicator", indicator.id)].formerly
        if not former:
            return name
        names = ", ".join(catalog.agencies[a].short_name(lang) for a in former)
        return f"{name} ({label('formerly', lang, names=names)})"

    def delivery(self, agency_id: str, indicator: Indicator) -> str:
        """How the agency's figure arrived: on time, N days late, undated, or not at all."""
        lang = self.lang
        owed = self.owed[(agency_id, "indicator", indicator.id)]
        if not owed.supplied:
            return label("not-delivered", lang)
        if owed.delivered is None:
            return label("no-date", lang)
        shown = day_text(owed.delivered, lang)
        if owed.late_days:
            return label("late", lang, days=owed.late_days, day=shown)
        return label("on-time", lang, day=shown)

    def missing_intro(self) -> str:
        cycle = self.cycle
        deadline = cycle.deadlines.indicators
        shown = day_text(deadline, self.lang) if deadline else "—"
        return label("annex-cycle", self.lang, cycle=cycle.id, deadline=shown)

    def missing(self) -> list[MissingData]:
        """Indicators the cycle's agencies have not supplied, by agency; unowned ones last."""
        cycle, catalog = self.cycle, self.catalog
        if cycle.deadlines.indicators is None:
            return []
        by_agency: dict[str, list[str]] = {}
        for o in self.obligations:
            if o.kind == "indicator" and not o.supplied:
                by_agency.setdefault(o.agency, []).append(o.item)
        # wards and communes missing the same items share one entry: 168 alike would fill pages
        alike: dict[tuple[str, ...], list[str]] = {}
        for agency, items in by_agency.items():
            if catalog.agencies[agency].code is not None:
                alike.setdefault(tuple(items), []).append(agency)
        result = []
        for agency, items in by_agency.items():
            units = alike.get(tuple(items), [])
            if len(units) > 1 and agency != units[0]:
                continue
            name = (
                label("units-missing", self.lang, count=len(units), names=self.names(units))
                if len(units) > 1
                else catalog.agency_name(agency, self.lang)
            )
            result.append(MissingData(name, self.items(items)))
        orphans = [u.item for u in unowned(catalog, cycle) if u.kind == "indicator"]
        if orphans:
            result.append(MissingData(label("nobody", self.lang), self.items(orphans)))
        return result

    def names(self, agencies: list[str]) -> str:
        return ", ".join(self.catalog.agencies[a].short_name(self.lang) for a in agencies)

    def items(self, indicator_ids: list[str]) -> list[str]:
        return [f"{i} {self.catalog.indicators[i].text.get(self.lang)}" for i in indicator_ids]

    def city_figure(self, city: CityFigure) -> CityFigureBlock:
        """A city figure of the report's cycle with its coverage and the units still missing."""
        indicator, lang = self.catalog.indicators[city.indicator], self.lang
        figure = (
            self.words.observed(indicator, city.value, city.parts)
            if city.value is not None
            else STATUS_WORDS[Status.NO_DATA][lang]
        )
        coverage = label("covered-text", lang, supplied=len(city.supplied), owed=len(city.owed))
        missing = [self.catalog.agencies[u].short_name(lang) for u in city.missing]
        if len(missing) > MISSING_NAMED:  # 156 wards are a page: the annex lists them all
            rest = label("more-units", lang, n=len(missing) - MISSING_SHOWN)
            missing = [*missing[:MISSING_SHOWN], rest]
        return CityFigureBlock(city.indicator, indicator.text.get(lang), figure, coverage, missing)


def _chartable(progress: IndicatorProgress) -> bool:
    return progress.indicator.unit is not None and len(progress.comparable) >= 2
