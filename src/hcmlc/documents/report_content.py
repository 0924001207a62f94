"""The year-end progress report as content, every text already worded in the report's
language: its summary, criteria, charts, unmet criteria, city figures and annex of missing data
(`report_writer` words them; the Word and Markdown renderings only lay them out)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hcmlc.core.progress import CriterionProgress, Status, Trend
from hcmlc.i18n import Lang

COUNTED = (
    Status.MET,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.NOT_MET,
    Status.NO_DATA,
    Status.NO_TARGET,
)
"""The statuses the summary counts criteria by, in column order."""


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
