"""The progress report's own words in each language, and how it words a value, a target and a
gap (`ValueWords`): the report, its Word and Markdown renderings and the status page read them."""

from __future__ import annotations

from hcmlc.core.progress import IndicatorProgress, Observation, Status, Trend, path_value
from hcmlc.core.values import SCALE_STATES, parse_state
from hcmlc.i18n import Lang, Wording
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.targets import Direction, Target
from hcmlc.text.number_format import format_number

LABELS: dict[str, dict[Lang, str]] = {
    "title": {
        "vi": "Báo cáo tiến độ Thành phố học tập năm {year}",
        "en": "Learning city progress report {year}",
    },
    "basis": {  # the city's own sentence, naming its plan: data/documents.yaml, report.basis
        "vi": "Theo Bộ tiêu chí thành phố học tập của UNESCO: đánh giá sự tiến bộ của các tiêu "
        "chí, tập trung phân tích các tiêu chí chưa đạt.",
        "en": "Against UNESCO's Key Features of Learning Cities: the progress of each criterion, "
        "with an analysis of the criteria not yet met.",
    },
    "illustrative": {
        "vi": "Báo cáo có số liệu minh họa (illustrative), không phải số liệu chính thức.",
        "en": "The report includes illustrative figures, not official statistics.",
    },
    "summary": {"vi": "Tóm tắt", "en": "Summary"},
    "area": {"vi": "Lĩnh vực", "en": "Area"},
    "total": {"vi": "Tổng cộng", "en": "Total"},
    "standards": {"vi": "Kết quả theo tiêu chuẩn", "en": "Results by standard"},
    "indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "latest": {"vi": "Giá trị mới nhất", "en": "Latest value"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "status": {"vi": "Tình trạng", "en": "Status"},
    "trend": {"vi": "Xu hướng", "en": "Trend"},
    "charts": {"vi": "Biểu đồ", "en": "Charts"},
    "chart-value": {"vi": "Giá trị", "en": "Value"},
    "chart-target": {"vi": "Mục tiêu {year}", "en": "Target {year}"},
    "chart-baseline": {"vi": "Cơ sở {year}", "en": "Baseline {year}"},
    "chart-gap": {"vi": "chưa có số liệu", "en": "no data"},
    "chart-caption": {"vi": "Biểu đồ {n}. {id} {text}", "en": "Chart {n}. {id} {text}"},
    "no-charts": {
        "vi": "Chưa có chỉ số định lượng nào có số liệu của từ hai năm trở lên.",
        "en": "No quantitative indicator has values for two years or more yet.",
    },
    "unmet": {"vi": "Tiêu chí chưa đạt", "en": "Criteria not yet met"},
    "no-unmet": {"vi": "Không có tiêu chí nào chưa đạt.", "en": "No criterion is unmet."},
    "gap": {"vi": "Khoảng cách đến mục tiêu", "en": "Gap to target"},
    "responsible": {"vi": "Đơn vị phụ trách", "en": "Responsible"},
    "delivery": {"vi": "Nộp số liệu", "en": "Data delivery"},
    "annex": {"vi": "Số liệu còn thiếu theo đơn vị", "en": "Missing data by agency"},
    "annex-cycle": {
        "vi": "Kỳ {cycle}, hạn nộp {deadline}: chỉ số chưa có số liệu.",
        "en": "Cycle {cycle}, due {deadline}: indicators without data.",
    },
    "annex-none": {"vi": "Không thiếu số liệu.", "en": "No data is missing."},
    "nobody": {"vi": "Chưa có đơn vị phụ trách", "en": "No responsible agency"},
    "nobody-note": {
        "vi": "các đơn vị được giao chỉ số này không còn tồn tại; cần phân công lại",
        "en": "the agencies assigned this indicator no longer exist; it must be reassigned",
    },
    "formerly": {"vi": "trước đây: {names}", "en": "formerly {names}"},
    "compared": {"vi": "so với năm {year}", "en": "against {year}"},
    "on-time": {"vi": "đúng hạn ({day})", "en": "on time ({day})"},
    "late": {"vi": "trễ {days} ngày ({day})", "en": "{days} days late ({day})"},
    "no-date": {"vi": "đã nộp, không ghi ngày nộp", "en": "delivered, date not recorded"},
    "not-delivered": {"vi": "chưa nộp", "en": "not delivered"},
    "at-least": {"vi": "tối thiểu: {state}", "en": "at least {state}"},
    "by-year": {"vi": "{value} (năm {year})", "en": "{value} ({year})"},
    "gap-short": {"vi": "còn thiếu {amount}", "en": "{amount} short"},
    "gap-over": {"vi": "cần giảm thêm {amount}", "en": "{amount} too high"},
    "gap-state": {"vi": "hiện ở mức: {state}", "en": "currently: {state}"},
    "gap-path": {
        "vi": "{gap}; so với lộ trình năm {year} ({expected}): {path}",
        "en": "{gap}; against the path for {year} ({expected}): {path}",
    },
    "stale": {
        "vi": "{value} (năm {year}; chưa có số liệu năm {report_year})",
        "en": "{value} ({year}; no {report_year} figure yet)",
    },
    "points": {"vi": "điểm phần trăm", "en": "percentage points"},
    "coverage": {
        "vi": "{value} (năm {year}; từ {supplied}/{owed} đơn vị)",
        "en": "{value} ({year}; from {supplied} of {owed} units)",
    },
    "not-comparable": {
        "vi": "không so sánh được: {before}, {latest}",
        "en": "not comparable: {before}, {latest}",
    },
    "covered-year": {
        "vi": "năm {year} từ {supplied}/{owed} đơn vị",
        "en": "{year} from {supplied} of {owed} units",
    },
    "whole-city-year": {
        "vi": "năm {year} là số liệu toàn thành phố",
        "en": "{year} a figure of the whole city",
    },
    "city-figures": {
        "vi": "Số liệu thành phố tổng hợp từ các đơn vị",
        "en": "City figures formed from the units' figures",
    },
    "city-figures-intro": {
        "vi": "Kỳ {cycle}: số liệu thành phố là tổng số liệu của các phường, xã đã báo cáo "
        "(tỷ lệ: tổng tử số trên tổng mẫu số); các đơn vị chưa báo cáo không được ước tính.",
        "en": "Cycle {cycle}: the city figure sums the figures of the wards and communes that "
        "reported (a percentage: their summed numerators over their summed denominators); "
        "units that have not reported are not estimated.",
    },
    "city-figure": {"vi": "Số liệu thành phố", "en": "City figure"},
    "covered": {"vi": "Mức độ bao phủ", "en": "Coverage"},
    "covered-text": {
        "vi": "từ {supplied}/{owed} đơn vị",
        "en": "from {supplied} of {owed} units",
    },
    "missing-units": {"vi": "Đơn vị chưa báo cáo", "en": "Units not yet reported"},
    "none-missing": {"vi": "không có", "en": "none"},
    "more-units": {
        "vi": "và {n} đơn vị khác (xem phụ lục số liệu còn thiếu)",
        "en": "and {n} more (see the annex of missing data)",
    },
    "units-missing": {
        "vi": "{count} phường, xã, đặc khu: {names}",
        "en": "{count} wards, communes and special zones: {names}",
    },
}
"""The report's own words, in each language it is written in."""


STATUS_WORDS: dict[Status, dict[Lang, str]] = {
    Status.MET: {"vi": "Đạt", "en": "Met"},
    Status.ON_TRACK: {"vi": "Đúng tiến độ", "en": "On track"},
    Status.BEHIND: {"vi": "Chậm tiến độ", "en": "Behind"},
    Status.NOT_MET: {"vi": "Chưa đạt", "en": "Not met"},
    Status.NO_DATA: {"vi": "Chưa có số liệu", "en": "No data"},
    Status.NO_TARGET: {"vi": "Chưa có mục tiêu", "en": "No target"},
}


TREND_WORDS: dict[Trend, dict[Lang, str]] = {
    Trend.IMPROVING: {"vi": "▲ tiến bộ", "en": "▲ improving"},
    Trend.WORSENING: {"vi": "▼ giảm sút", "en": "▼ worsening"},
    Trend.STABLE: {"vi": "■ không đổi", "en": "■ stable"},
    Trend.RISING: {"vi": "↗ tăng", "en": "↗ rising"},
    Trend.FALLING: {"vi": "↘ giảm", "en": "↘ falling"},
    Trend.SINGLE: {"vi": "một năm số liệu", "en": "one year of data"},
    Trend.INCOMPARABLE: {"vi": "không so sánh được", "en": "not comparable"},
    Trend.NONE: {"vi": "—", "en": "—"},
}


UNIT_WORDS: dict[Unit, dict[Lang, str]] = {
    Unit.PERCENT: {"vi": "%", "en": "%"},
    Unit.COUNT: {"vi": "", "en": ""},
    Unit.PER_100K: {"vi": "trên 100.000 dân", "en": "per 100,000 people"},
    Unit.USD: {"vi": "USD", "en": "USD"},
    Unit.YEARS: {"vi": "năm", "en": "years"},
    Unit.HOURS_PER_WEEK: {"vi": "giờ/tuần", "en": "hours/week"},
    Unit.TONNES_PER_CAPITA: {"vi": "tấn/người", "en": "tonnes per person"},
    Unit.KG_PER_CAPITA: {"vi": "kg/người", "en": "kg per person"},
}


label = Wording(LABELS)


def state_code(indicator: Indicator, word: str) -> str:
    assert indicator.scale is not None
    return parse_state(word, indicator.scale)


def shown(indicator: Indicator, value: float) -> float:
    """A figure as every view prints it: a ratio's value (computed, not written) to two
    decimals; a value as written otherwise."""
    return round(value, 2) if indicator.ratio else value


class ValueWords:
    """Values, targets and gaps worded in one language, for the report of one year."""

    def __init__(self, lang: Lang, year: int) -> None:
        self.lang, self.year = lang, year

    def trend(self, progress: IndicatorProgress) -> str:
        """`▲ tiến bộ`; when the latest value cannot be compared with the one before, why:
        `không so sánh được: năm 2023 từ 2/22 đơn vị, năm 2025 từ 12/168 đơn vị`."""
        if progress.trend is not Trend.INCOMPARABLE:
            return TREND_WORDS[progress.trend][self.lang]
        before, latest = progress.points[-2:]
        return label(
            "not-comparable", self.lang, before=self.coverage(before), latest=self.coverage(latest)
        )

    def coverage(self, point: Observation) -> str:
        city = point.city
        if city is None:
            return label("whole-city-year", self.lang, year=point.year)
        return label(
            "covered-year",
            self.lang,
            year=point.year,
            supplied=len(city.supplied),
            owed=len(city.owed),
        )

    def latest(self, progress: IndicatorProgress) -> str:
        latest = progress.latest
        if latest is None:
            return STATUS_WORDS[Status.NO_DATA][self.lang]
        value = self.observed(progress.indicator, latest.value, latest.parts)
        if progress.stale:
            return label("stale", self.lang, value=value, year=latest.year, report_year=self.year)
        city = latest.city
        if city is not None:
            return label(
                "coverage",
                self.lang,
                value=value,
                year=latest.year,
                supplied=len(city.supplied),
                owed=len(city.owed),
            )
        return label("by-year", self.lang, value=value, year=latest.year)

    def observed(self, indicator: Indicator, value: float | str, parts: tuple[float, ...]) -> str:
        """A value with its parts: `71,3% (1.505.684/2.112.350)` for a ratio, `45,2 / 53,3 trên
        100.000 dân` for an indicator that asks for two figures."""
        if not parts:
            return self.value(indicator, value)
        if indicator.ratio:
            counts = "/".join(format_number(p, self.lang) for p in parts)
            return f"{self.value(indicator, shown(indicator, float(value)))} ({counts})"
        assert indicator.unit is not None
        figures = " / ".join(format_number(p, self.lang) for p in parts)
        unit = UNIT_WORDS[indicator.unit][self.lang]
        return f"{figures}%" if indicator.unit is Unit.PERCENT else f"{figures} {unit}".strip()

    def target(self, indicator: Indicator, target: Target | None) -> str:
        lang = self.lang
        if target is None:
            return "—"
        if target.target is not None:
            amount = self.amount(target.target.value, indicator)
            sign = "≤ " if target.direction is Direction.LOWER else ""
            return label("by-year", lang, value=sign + amount, year=target.target.year)
        assert target.required is not None and indicator.scale is not None
        state = self.value(indicator, state_code(indicator, target.required))
        return label("at-least", lang, state=state) if indicator.scale == "level" else state

    def gap(self, progress: IndicatorProgress) -> str:
        lang, indicator, target = self.lang, progress.indicator, progress.target
        latest = progress.latest
        if latest is None or progress.stale:
            return STATUS_WORDS[Status.NO_DATA][lang]
        gap = progress.gap
        if gap is None:  # a state
            return label("gap-state", lang, state=self.value(indicator, latest.value))
        assert target is not None and target.target is not None
        text = self.shortfall(gap, indicator, target)
        expected = path_value(target, progress.comparable, latest.year)
        if progress.status is not Status.BEHIND or expected is None:
            return text
        assert isinstance(latest.value, float)
        behind = abs(expected - latest.value)
        return label(
            "gap-path",
            lang,
            gap=text,
            year=latest.year,
            expected=self.amount(round(expected, 2), indicator),
            path=self.shortfall(behind, indicator, target),
        )

    def shortfall(self, amount: float, indicator: Indicator, target: Target) -> str:
        """`còn thiếu 5,4 điểm phần trăm` / `cần giảm thêm 0,1 …`: how far from a figure."""
        lang = self.lang
        text = format_number(round(amount, 2), lang)
        if indicator.unit is Unit.PERCENT:
            text = f"{text} {label('points', lang)}"
        else:
            text = f"{text} {UNIT_WORDS[indicator.unit or Unit.COUNT][lang]}".strip()
        lower = target.direction is Direction.LOWER
        return label("gap-over" if lower else "gap-short", lang, amount=text)

    def value(self, indicator: Indicator, value: float | str) -> str:
        if isinstance(value, float):
            return self.amount(value, indicator)
        assert indicator.scale is not None
        return SCALE_STATES[indicator.scale][value] if self.lang == "vi" else value

    def amount(self, number: float, indicator: Indicator) -> str:
        text = format_number(number, self.lang)
        assert indicator.unit is not None
        unit = UNIT_WORDS[indicator.unit][self.lang]
        if indicator.unit is Unit.PERCENT:
            return f"{text}%"
        return f"{text} {unit}".strip()
