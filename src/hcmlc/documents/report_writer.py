"""The progress report worded in one language from the assessment of its year and the year
before: the summary by area, each criterion's indicators, the charts, the unmet criteria and
the city figures (`report.build_report` runs it)."""

from __future__ import annotations

from collections import Counter

from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure
from hcmlc.core.obligations import Obligation
from hcmlc.core.progress import CriterionProgress, IndicatorProgress, Status
from hcmlc.documents.report_content import (
    COUNTED,
    Chart,
    CityFigureBlock,
    CriterionBlock,
    IndicatorRow,
    ProgressReport,
    StandardBlock,
    SummaryRow,
    UnmetCriterion,
    UnmetIndicator,
)
from hcmlc.documents.report_duties import Duties
from hcmlc.documents.report_words import (
    LABELS,
    STATUS_WORDS,
    UNIT_WORDS,
    ValueWords,
    label,
    shown,
)
from hcmlc.i18n import Lang
from hcmlc.models.framework import Unit
from hcmlc.models.registry import Cycle

UNMET = (Status.NOT_MET, Status.BEHIND)
"""Criteria the analysis section takes up: not met, or behind the path to a later target."""

MISSING_NAMED, MISSING_SHOWN = 20, 10
"""A city figure names every unit still missing up to MISSING_NAMED; past that, the first
MISSING_SHOWN and how many more (the annex of missing data names them all)."""


class ReportWriter:
    """Words the assessment in one language; who answers for what is worded by `Duties`."""

    def __init__(
        self,
        catalog: Catalog,
        lang: Lang,
        cycle: Cycle,
        obligations: list[Obligation],
        year: int,
    ) -> None:
        self.catalog, self.lang, self.cycle, self.year = catalog, lang, cycle, year
        self.duties = Duties(catalog, lang, cycle, obligations)
        self.words = ValueWords(lang, year)

    def report(
        self,
        year: int,
        now: list[CriterionProgress],
        before: list[CriterionProgress],
    ) -> ProgressReport:
        lang, catalog = self.lang, self.catalog
        summary = [
            _summary_row(area.id, area.title.get(lang), now, before) for area in catalog.areas()
        ]
        total = _summary_row("", label("total", lang), now, before)
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
            missing_intro=self.duties.missing_intro(),
            missing=self.duties.missing(),
            status_words={s.value: STATUS_WORDS[s][lang] for s in Status},
            assessment=now,
        )

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
            responsible = self.duties.responsible(i.indicator)
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


def _summary_row(
    area: str, title: str, now: list[CriterionProgress], before: list[CriterionProgress]
) -> SummaryRow:
    """Criteria by status in `area` (all areas when empty), this year and the year before."""

    def count(progress: list[CriterionProgress]) -> dict[Status, int]:
        found = Counter(
            c.status for c in progress if not area or c.criterion.id.split(".")[0] == area
        )
        return {s: found[s] for s in COUNTED}

    return SummaryRow(area, title, count(now), count(before))
