"""Charts of the progress report that tell the truth: an indicator's values by year, its
baseline and its target, as PNG bytes.

What the reader sees is decided here, by pure functions of the chart's data (`value_axis`,
`year_ticks`, `label_sides`); `render_chart` only draws it:

- a percent axis stays within 0–100;
- the value axis starts at 0; where the values sit too far from 0 to read, it starts higher,
  says so with a break drawn on the axis, and spans at least a fifth of its top, so that a
  change never looks more than five times its relative size;
- the baseline is a labelled point; every year of the span has its place on the axis, and a
  year without a value is a gap in the line, named under the axis;
- the target line is labelled beyond the plot's right edge, and no value's label sits across it;
- the image has no title: the document's caption names it.

Drawn with Pillow alone (chart_png.py, imported only to draw), in DejaVu Sans, shipped with
hcmlc, which covers every Vietnamese letter. The PNG carries no software or date stamp: the same
chart gives the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from hcmlc.documents.report_content import Chart
from hcmlc.i18n import Lang
from hcmlc.text.number_format import format_number

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.5, 150
LINE, TARGET, BASELINE, GAP = "#1f5fa8", "#c0392b", "#555555", "#777777"
PLOT = {"left": 0.09, "right": 0.82, "bottom": 0.2, "top": 0.9}
"""Where the plot sits in the figure (fractions): room on the right for the target's label,
above for a label over the top value."""
OFFSET_POINTS, TEXT_POINTS = 5, 10
"""A value's label: its distance from the point, and its height (8 pt text)."""
ZERO_SHARE = 0.5
"""The axis starts at 0 when the smallest value is at most this share of the largest."""
MIN_SPAN_SHARE = 0.2
"""A broken axis spans at least this share of its top value."""

Side = Literal["above", "below"]
SIDES: tuple[Side, Side] = ("above", "below")


@dataclass(frozen=True)
class Axis:
    """The value axis: its limits, and whether it starts above 0 (drawn with a break)."""

    low: float
    high: float
    broken: bool

    @property
    def span(self) -> float:
        return self.high - self.low


def value_axis(chart: Chart) -> Axis:
    """Limits that show every value, the baseline and the target without distorting them."""
    shown = [*chart.values, *(v for v in (chart.target, chart.baseline) if v is not None)]
    lo, hi = min(shown), max(shown)
    ceiling = 100.0 if chart.percent else math.inf
    if lo < 0:  # no unit of hcmlc is negative; should one be, show it whole
        step = round_step(hi - lo)
        return Axis(math.floor(lo / step) * step, _up(hi + (hi - lo) * 0.1, step, ceiling), False)
    if hi <= 0 or lo <= ZERO_SHARE * hi:
        return Axis(0.0, _up(hi * 1.15 or 1.0, round_step(hi or 1.0), ceiling), False)
    span = max((hi - lo) * 1.6, hi * MIN_SPAN_SHARE)
    step = round_step(span)
    high = _up(hi + span * 0.1, step, ceiling)
    low = math.floor((high - span) / step) * step
    if low <= 0:
        return Axis(0.0, high, False)
    return Axis(low, high, True)


def round_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about five ticks over `span`."""
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


def _up(value: float, step: float, ceiling: float) -> float:
    return min(math.ceil(value / step - 1e-9) * step, ceiling)


def year_ticks(chart: Chart) -> list[tuple[int, bool]]:
    """Every year of the span, and whether it has a value (a gap otherwise)."""
    have = set(chart.years)
    return [(year, year in have) for year in range(chart.first_year, chart.last_year + 1)]


def label_sides(chart: Chart, axis: Axis, plot_points: float) -> list[Side]:
    """Where each value's label goes: on the side the line does not run into (above a peak,
    below a trough, away from the line at either end), unless the target line would cross it or
    it would leave the plot; then on the other side (in a plot `plot_points` high)."""
    scale = axis.span / plot_points
    return [
        _side(value, scale, axis, chart.target, _away_from_line(chart.values, k))
        for k, value in enumerate(chart.values)
    ]


def _away_from_line(values: list[float], k: int) -> tuple[Side, Side]:
    """The sides of point `k` in order of preference: the one its segments do not run into."""
    rises = [values[j] > values[k] for j in (k - 1, k + 1) if 0 <= j < len(values)]
    if rises and all(rises):
        return ("below", "above")
    return SIDES


def baseline_apart(chart: Chart) -> bool:
    """Whether the baseline needs a point of its own: not when a value of its year equals it
    (that value's label then names the baseline)."""
    if chart.baseline is None or chart.baseline_year not in chart.years:
        return chart.baseline is not None
    return chart.values[chart.years.index(chart.baseline_year)] != chart.baseline


def baseline_side(chart: Chart, axis: Axis, plot_points: float, sides: list[Side]) -> Side:
    """Where the baseline's label goes: as a value's label, but opposite the label of a value
    of the same year where that side is free."""
    assert chart.baseline is not None and chart.baseline_year is not None
    scale = axis.span / plot_points
    if chart.baseline_year in chart.years:
        taken = sides[chart.years.index(chart.baseline_year)]
        other: Side = "below" if taken == "above" else "above"
        if _fits(chart.baseline, other, scale, axis, chart.target):
            return other
    following = [
        v for y, v in zip(chart.years, chart.values, strict=True) if y > chart.baseline_year
    ]
    order: tuple[Side, Side] = (
        ("below", "above") if following and following[0] > chart.baseline else SIDES
    )
    return _side(chart.baseline, scale, axis, chart.target, order)


def _side(
    value: float,
    scale: float,
    axis: Axis,
    target: float | None,
    order: tuple[Side, Side] = SIDES,
) -> Side:
    for side in order:
        if _fits(value, side, scale, axis, target):
            return side
    for side in order:  # crossed by the target, but at least inside the plot
        if _fits(value, side, scale, axis, None):
            return side
    return "above"


def _fits(value: float, side: Side, scale: float, axis: Axis, target: float | None) -> bool:
    """Whether a label on `side` of `value` stays in the plot, clear of the target line
    (`scale`: values per point of height)."""
    near, far = OFFSET_POINTS * scale, (OFFSET_POINTS + TEXT_POINTS) * scale
    low, high = (value + near, value + far) if side == "above" else (value - far, value - near)
    inside = low >= axis.low - 1e-9 and high <= axis.high + 1e-9
    return inside and (target is None or not low - 1e-9 <= target <= high + 1e-9)


def render_chart(chart: Chart, lang: Lang) -> bytes:
    """The chart as a PNG image (drawn by chart_png.py, which imports Pillow)."""
    from hcmlc.render.chart_png import draw

    return draw(chart, lang)


def figure_text(value: float, chart: Chart, lang: Lang) -> str:
    text = format_number(value, lang)
    return f"{text}%" if chart.percent else text
