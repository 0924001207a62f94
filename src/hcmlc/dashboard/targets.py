"""Where the city stands against its targets, as the page shows it: the progress report's
assessment (`report.build_report`) and its words, with each indicator's series to draw."""

from __future__ import annotations

from dataclasses import dataclass, field

from hcmlc.core.catalog import Catalog
from hcmlc.core.progress import IndicatorProgress, Status
from hcmlc.dashboard.words import word
from hcmlc.documents.report import COUNTED, IndicatorRow, ProgressReport
from hcmlc.documents.report_words import STATUS_WORDS, shown
from hcmlc.documents.snapshot import Snapshot
from hcmlc.errors import HcmlcError
from hcmlc.i18n import Lang
from hcmlc.models.targets import Direction
from hcmlc.text.number_format import format_number

VALIDATE = "hcmlc validate"


@dataclass(frozen=True)
class TargetIndicator:
    """One indicator against its target, worded by the report, with its series to draw."""

    id: str
    text: str
    latest: str
    target: str
    status: Status
    status_text: str
    trend_text: str
    series: list[tuple[int, float]]
    """Its figures by year (quantitative indicators only), oldest first: those comparable
    with the latest (progress.comparable_points)."""
    goal: float | None
    lower_is_better: bool
    notes: list[str]
    """Lines under the latest value (`indicator_notes`)."""


@dataclass(frozen=True)
class TargetCriterion:
    id: str
    title: str
    status: Status
    status_text: str
    indicators: list[TargetIndicator]


@dataclass(frozen=True)
class TargetStandard:
    id: str
    title: str
    criteria: list[TargetCriterion]


@dataclass(frozen=True)
class StatusCount:
    status: Status
    text: str
    count: int


@dataclass(frozen=True)
class Targets:
    """The section against the targets, or why it cannot be shown."""

    intro: str
    problem: str | None = None
    counts: list[StatusCount] = field(default_factory=list)
    standards: list[TargetStandard] = field(default_factory=list)
    untargeted: str | None = None
    illustrative: bool = False


def targets_section(snapshot: Snapshot, lang: Lang) -> Targets:
    """The standing against targets in the cycle's last year: the report's assessment of the
    snapshot's day (the `targets` of `status --format json` for the same day)."""
    year = snapshot.cycle.last_year
    intro = word("targets-intro", lang, year=year)
    if snapshot.targets_broken:
        return Targets(intro, word("targets-broken", lang, command=VALIDATE))
    try:
        report = snapshot.report(year, lang)
    except HcmlcError as exc:  # nothing to assess yet, e.g. no value up to the year
        return Targets(intro, word("targets-unavailable", lang, reason=exc))
    return _Writer(snapshot.facts.catalog, lang).section(report, intro)


class _Writer:
    def __init__(self, catalog: Catalog, lang: Lang) -> None:
        self.catalog, self.lang = catalog, lang

    def section(self, report: ProgressReport, intro: str) -> Targets:
        progress = {i.indicator.id: i for c in report.assessment for i in c.indicators}
        standards, untargeted = [], []
        for block in report.standards:
            criteria = []
            for criterion in block.criteria:
                if criterion.status is Status.NO_TARGET:
                    untargeted.append(criterion.id)
                    continue
                indicators = [
                    self.indicator(row, progress[row.id])
                    for row in criterion.rows
                    if row.status is not Status.NO_TARGET
                ]
                criteria.append(
                    TargetCriterion(
                        criterion.id,
                        criterion.title,
                        criterion.status,
                        criterion.status_text,
                        indicators,
                    )
                )
            if criteria:
                standards.append(TargetStandard(block.id, block.title, criteria))
        counts = [
            StatusCount(s, STATUS_WORDS[s][self.lang], report.total.counts[s])
            for s in COUNTED
            if s is not Status.NO_TARGET
        ]
        listed = ", ".join(untargeted)
        return Targets(
            intro,
            counts=counts,
            standards=standards,
            untargeted=word("untargeted", self.lang, ids=listed) if untargeted else None,
            illustrative=report.illustrative,
        )

    def indicator(self, row: IndicatorRow, progress: IndicatorProgress) -> TargetIndicator:
        target = progress.target
        goal = target.target if target else None
        return TargetIndicator(
            id=row.id,
            text=row.text,
            latest=row.latest,
            target=row.target,
            status=row.status,
            status_text=row.status_text,
            trend_text=row.trend_text,
            series=[
                (p.year, shown(progress.indicator, p.value))
                for p in progress.comparable
                if isinstance(p.value, float)
            ],
            goal=goal.value if goal else None,
            lower_is_better=target is not None and target.direction is Direction.LOWER,
            notes=self.indicator_notes(progress),
        )

    def indicator_notes(self, progress: IndicatorProgress) -> list[str]:
        """The lines under an indicator's latest value: the one place to say more about it
        (who supplied it; a city figure aggregated from local ones would add its coverage)."""
        latest = progress.latest
        if latest is None:
            return []
        city = latest.city
        if city is not None:  # formed from the units' figures: say how many, and who is missing
            return [
                word(
                    "from-units",
                    self.lang,
                    supplied=format_number(len(city.supplied), self.lang),
                    owed=format_number(len(city.owed), self.lang),
                    cycle=latest.cycle,
                )
            ]
        agency = self.catalog.agencies[latest.agency].short_name(self.lang)
        return [word("supplied-by", self.lang, agency=agency, cycle=latest.cycle)]
