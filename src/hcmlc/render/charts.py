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

Drawn with matplotlib's object API (no pyplot state) on the Agg canvas, in DejaVu Sans, which
matplotlib ships and which covers every Vietnamese letter; matplotlib is imported only to draw.
The PNG carries no software or date stamp: the same chart gives the same bytes.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Literal

from hcmlc.documents.report import Chart
from hcmlc.i18n import Lang
from hcmlc.text.number_format import format_number

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.5, 150
LINE, TARGET, BASELINE, GAP = "#1f5fa8", "#c0392b", "#555555", "#777777"
FONT = "DejaVu Sans"
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
        step = _step(hi - lo)
        return Axis(math.floor(lo / step) * step, _up(hi + (hi - lo) * 0.1, step, ceiling), False)
    if hi <= 0 or lo <= ZERO_SHARE * hi:
        return Axis(0.0, _up(hi * 1.15 or 1.0, _step(hi or 1.0), ceiling), False)
    span = max((hi - lo) * 1.6, hi * MIN_SPAN_SHARE)
    step = _step(span)
    high = _up(hi + span * 0.1, step, ceiling)
    low = math.floor((high - span) / step) * step
    if low <= 0:
        return Axis(0.0, high, False)
    return Axis(low, high, True)


def _step(span: float) -> float:
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
    """The chart as a PNG image."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    axis = value_axis(chart)
    with matplotlib.rc_context({"font.family": FONT, "font.size": 9}):
        figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI)
        FigureCanvasAgg(figure)
        figure.subplots_adjust(**PLOT)
        axes = figure.add_subplot()
        plot_points = (PLOT["top"] - PLOT["bottom"]) * HEIGHT_CM / 2.54 * 72
        ticks = year_ticks(chart)
        _series(axes, chart, ticks)
        sides = label_sides(chart, axis, plot_points)
        for year, value, side in zip(chart.years, chart.values, sides, strict=True):
            text = _figure(value, chart, lang)
            if year == chart.baseline_year and not baseline_apart(chart):
                text = f"{chart.baseline_label}: {text}"
            _label(axes, chart, year, value, text, side, LINE)
        if chart.baseline is not None and chart.baseline_year is not None:
            axes.plot(
                [chart.baseline_year],
                [chart.baseline],
                marker="D",
                markerfacecolor="none",
                markeredgecolor=BASELINE,
                markersize=9 if baseline_apart(chart) else 11,
                linestyle="none",
                zorder=2,
                clip_on=False,
            )
            if baseline_apart(chart):
                text = f"{chart.baseline_label}: {_figure(chart.baseline, chart, lang)}"
                side = baseline_side(chart, axis, plot_points, sides)
                _label(axes, chart, chart.baseline_year, chart.baseline, text, side, BASELINE)
        if chart.target is not None:
            axes.axhline(chart.target, color=TARGET, linestyle="--", linewidth=1.3, zorder=1)
            axes.annotate(
                f"{chart.target_label}:\n{_figure(chart.target, chart, lang)}",
                (1.0, chart.target),
                xycoords=("axes fraction", "data"),
                xytext=(6, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=8,
                color=TARGET,
                annotation_clip=False,
            )
        axes.set_ylim(axis.low, axis.high)
        axes.set_xlim(chart.first_year - 0.5, chart.last_year + 0.5)
        axes.set_xticks([year for year, _ in ticks])
        axes.set_xticklabels(
            [str(year) if has else f"{year}\n{chart.gap_label}" for year, has in ticks]
        )
        for tick, (_, has) in zip(axes.get_xticklabels(), ticks, strict=True):
            if not has:
                tick.set_color(GAP)
                tick.set_fontsize(7.5)
        axes.set_ylabel(chart.value_label)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(round(v, 6), lang)))
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        if axis.broken:
            _axis_break(axes)
        output = io.BytesIO()
        figure.savefig(output, format="png", metadata={"Software": None})
    return output.getvalue()


def _series(axes: object, chart: Chart, ticks: list[tuple[int, bool]]) -> None:
    """The values as a line that stops at every year without a value; a thin dotted line
    bridges the gap, so that the series reads on."""
    by_year = dict(zip(chart.years, chart.values, strict=True))
    years = [year for year, _ in ticks]
    values = [by_year.get(year, math.nan) for year in years]
    for before, after in zip(chart.years, chart.years[1:], strict=False):
        if after - before > 1:
            axes.plot(  # type: ignore[attr-defined]
                [before, after],
                [by_year[before], by_year[after]],
                color=LINE,
                linewidth=1,
                linestyle=(0, (1, 3)),
                zorder=2,
            )
    axes.plot(  # type: ignore[attr-defined]
        years, values, color=LINE, linewidth=2, marker="o", markersize=5, zorder=3, clip_on=False
    )


def _label(
    axes: object, chart: Chart, year: int, value: float, text: str, side: Side, colour: str
) -> None:
    """A value's label on `side` of its point; at either end of the span it runs inwards, so
    that it never reaches over the value axis or past the plot."""
    ha = "left" if year == chart.first_year else "right" if year == chart.last_year else "center"
    shift = {"left": -4, "right": 4, "center": 0}[ha]
    axes.annotate(  # type: ignore[attr-defined]
        text,
        (year, value),
        textcoords="offset points",
        xytext=(shift, OFFSET_POINTS if side == "above" else -OFFSET_POINTS),
        ha=ha,
        va="bottom" if side == "above" else "top",
        fontsize=8,
        color=colour,
    )


def _figure(value: float, chart: Chart, lang: Lang) -> str:
    text = format_number(value, lang)
    return f"{text}%" if chart.percent else text


def _axis_break(axes: object) -> None:
    """Two slanted strokes across the foot of the value axis: it does not start at 0."""
    style = {"transform": axes.transAxes, "clip_on": False, "zorder": 5}  # type: ignore[attr-defined]
    axes.plot([0, 0], [0.03, 0.07], color="white", linewidth=3, **style)  # type: ignore[attr-defined]
    for y in (0.03, 0.07):
        axes.plot(  # type: ignore[attr-defined]
            [-0.012, 0.012], [y - 0.02, y + 0.02], color="black", linewidth=1, **style
        )
