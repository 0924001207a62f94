"""The status page's charts as inline SVG, drawn from the figures: stacked bars and small trend
lines. Each chart repeats what the text beside it says, so it is hidden from screen readers;
shades differ by pattern as well as by colour, so they read in greyscale print too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from hcmlc.core.status import Tally


@dataclass(frozen=True)
class Segment:
    """A part of a stacked bar: how many, and the fill (a CSS class of the page)."""

    count: int
    fill: str


DELIVERY_FILLS = ("on-time", "late", "due", "overdue")
"""The parts of a delivery bar, in order, as `seg-<fill>` classes and `pattern-<fill>` ids."""

PATTERNS = Markup(
    '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>'
    '<pattern id="pattern-late" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" class="fill-late"/>'
    '<rect width="2" height="6" class="fill-stripe"/></pattern>'
    '<pattern id="pattern-overdue" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(-45)"><rect width="6" height="6" class="fill-overdue"/>'
    '<rect width="2" height="6" class="fill-stripe"/></pattern>'
    '<pattern id="pattern-behind" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" class="fill-behind"/>'
    '<rect width="2" height="6" class="fill-stripe"/></pattern>'
    '<pattern id="pattern-due" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" class="fill-due"/><circle cx="2" cy="2" r="0.8" '
    'class="fill-dot"/></pattern>'
    "</defs></svg>"
)
"""Defined once per page and referenced by every bar."""


def delivery_segments(tally: Tally) -> list[Segment]:
    """Supplied on time, supplied late, missing but not yet due, overdue: the tally's own
    counts laid end to end (supplied = on time + late, missing = due + overdue)."""
    counts = (
        tally.supplied - tally.late,
        tally.late,
        tally.missing - tally.overdue,
        tally.overdue,
    )
    return [Segment(n, fill) for n, fill in zip(counts, DELIVERY_FILLS, strict=True)]


def stacked_bar(segments: Sequence[Segment], *, height: int = 14) -> Markup:
    """A bar as wide as its box, split in proportion to the segments; empty when all are 0."""
    total = sum(s.count for s in segments)
    parts = []
    start = 0.0
    for segment in segments:
        if not segment.count:
            continue
        width = 100.0 * segment.count / total
        parts.append(
            f'<rect x="{start:.3f}%" y="0" width="{width:.3f}%" height="{height}" '
            f'class="seg seg-{escape(segment.fill)}"/>'
        )
        start += width
    if not parts:
        parts.append(f'<rect x="0" y="0" width="100%" height="{height}" class="seg seg-none"/>')
    return Markup(
        f'<svg class="bar" width="100%" height="{height}" aria-hidden="true" focusable="false">'
        f"{''.join(parts)}</svg>"
    )


def swatch(fill: str) -> Markup:
    """A key's sample of one fill."""
    return Markup(
        '<svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false">'
        f'<rect width="18" height="12" class="seg seg-{escape(fill)}"/></svg>'
    )


WIDTH, HEIGHT, PAD = 120, 36, 4


def sparkline(series: Sequence[tuple[int, float]], goal: float | None) -> Markup:
    """A small line of the values by year, with the target as a dashed line; empty with fewer
    than two values (one point shows no trend)."""
    if len(series) < 2:
        return Markup("")
    years = [year for year, _ in series]
    values = [value for _, value in series]
    low = min([*values, goal] if goal is not None else values)
    high = max([*values, goal] if goal is not None else values)
    span = (high - low) or 1.0
    first, last = years[0], years[-1]

    def x(year: int) -> float:
        return PAD + (WIDTH - 2 * PAD) * (year - first) / ((last - first) or 1)

    def y(value: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / span

    points = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in series)
    parts = []
    if goal is not None:
        level = f"{y(goal):.1f}"
        parts.append(
            f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{level}" y2="{level}" class="spark-goal"/>'
        )
    parts.append(f'<polyline points="{points}" class="spark-line"/>')
    parts += [
        f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="2.2" class="spark-dot"/>' for yr, v in series
    ]
    return Markup(
        f'<svg class="spark" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-hidden="true" focusable="false">{"".join(parts)}</svg>'
    )
