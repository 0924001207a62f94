"""A report's chart drawn with Pillow alone, as charts.py decides it: about 10 ms a chart,
where matplotlib took 50 ms and half a second to import.

Everything is drawn at twice the image's size and reduced (an average of each 2 × 2
block), so that lines, markers and edges are smooth. The text is DejaVu Sans, shipped with hcmlc
(fonts/, under its own licence): it has every letter of Vietnamese as one glyph, so accents
never depend on the fonts of the machine, and it is laid out without a shaping library, so
that the same chart gives the same bytes on every machine. The PNG carries no date or software.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from hcmlc.documents.report_content import Chart
from hcmlc.i18n import Lang
from hcmlc.render.charts import (
    BASELINE,
    DPI,
    GAP,
    HEIGHT_CM,
    LINE,
    OFFSET_POINTS,
    PLOT,
    TARGET,
    WIDTH_CM,
    Axis,
    Side,
    baseline_apart,
    baseline_side,
    figure_text,
    label_sides,
    round_step,
    value_axis,
    year_ticks,
)
from hcmlc.text.number_format import format_number

FONT_FILE = Path(__file__).with_name("fonts") / "DejaVuSans.ttf"
SCALE = 2
"""Drawn at this multiple of the image's size, then reduced."""
PX = DPI / 72 * SCALE
"""Pixels of the drawing per typographic point."""
SIZE = (int(WIDTH_CM / 2.54 * DPI), int(HEIGHT_CM / 2.54 * DPI))
GRID, INK = "#dddddd", "#000000"
TICK, PAD = 3.5, 3.5
"""A tick's length and the space between it and its label, in points."""
Align = Literal["l", "m", "r"]


@lru_cache(maxsize=8)
def font(points: float) -> ImageFont.FreeTypeFont:
    """DejaVu Sans at `points` on the drawing."""
    return ImageFont.truetype(FONT_FILE, points * PX, layout_engine=ImageFont.Layout.BASIC)


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the font has no glyph for (drawn as its empty box)."""
    face = font(9)
    box = _mask(face, "\uffff")
    return {c for c in set(text) if not c.isspace() and _mask(face, c) == box}


def _mask(face: ImageFont.FreeTypeFont, text: str) -> tuple[tuple[int, int], bytes]:
    mask = face.getmask(text)
    return mask.size, bytes(mask)


def texts(chart: Chart, lang: Lang) -> list[str]:
    """Every text the chart shows: for a test that the font draws each of its letters."""
    return [text for _, _, text, *_ in _Layout(chart, lang).labels()] + [
        chart.value_label,
        *(label for _, label, _ in _Layout(chart, lang).x_ticks()),
        *(label for _, label in _Layout(chart, lang).y_ticks()),
    ]


def draw(chart: Chart, lang: Lang) -> bytes:
    """The chart as PNG bytes of SIZE pixels."""
    layout = _Layout(chart, lang)
    image = Image.new("RGB", (SIZE[0] * SCALE, SIZE[1] * SCALE), "white")
    pen = ImageDraw.Draw(image)
    layout.frame(pen, image)
    layout.series(pen)
    for x, y, text, colour, align, vertical in layout.labels():
        _text(pen, (x, y), text, 8, colour, align, vertical)
    output = io.BytesIO()
    small = _white(image.reduce(SCALE).quantize(128, method=Image.Quantize.FASTOCTREE))
    small.save(output, format="PNG", compress_level=6)
    return output.getvalue()


def _white(image: Image.Image) -> Image.Image:
    """`image` (128 colours: a third of the bytes, and as fast to write) with the near-white
    colours of its palette made white, as the page is."""
    palette = image.getpalette() or []
    for at in range(0, len(palette) - 2, 3):
        if min(palette[at : at + 3]) >= 250:
            palette[at : at + 3] = [255, 255, 255]
    image.putpalette(palette)
    return image


class _Layout:
    """Where each part of one chart goes on the drawing (pixels, y down)."""

    def __init__(self, chart: Chart, lang: Lang) -> None:
        self.chart, self.lang = chart, lang
        self.axis: Axis = value_axis(chart)
        width, height = SIZE[0] * SCALE, SIZE[1] * SCALE
        self.widest = max(font(9).getlength(label) for _, label in self.y_ticks())
        self.label_left = 4 * PX
        """Where the value axis's name starts: the plot moves right to make room for it."""
        room = self.label_left + 9 * PX * 1.2 + (4 + TICK + PAD) * PX + self.widest
        self.left, self.right = max(PLOT["left"] * width, room), PLOT["right"] * width
        self.top, self.bottom = (1 - PLOT["top"]) * height, (1 - PLOT["bottom"]) * height
        self.plot_points = (PLOT["top"] - PLOT["bottom"]) * HEIGHT_CM / 2.54 * 72

    def x(self, year: float) -> float:
        first, last = self.chart.first_year - 0.5, self.chart.last_year + 0.5
        return self.left + (year - first) / (last - first) * (self.right - self.left)

    def y(self, value: float) -> float:
        axis = self.axis
        return self.bottom - (value - axis.low) / axis.span * (self.bottom - self.top)

    def y_ticks(self) -> list[tuple[float, str]]:
        """The value axis's ticks and their labels: round steps within its limits."""
        low, high = self.axis.low, self.axis.high
        step = round_step(high - low)
        first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        values = [k * step for k in range(first, last + 1)]
        return [(v, format_number(round(v, 6), self.lang)) for v in values]

    def x_ticks(self) -> list[tuple[int, str, bool]]:
        """Every year of the span; one without a value is named a gap under it."""
        return [
            (year, str(year) if has else f"{year}\n{self.chart.gap_label}", has)
            for year, has in year_ticks(self.chart)
        ]

    def frame(self, pen: ImageDraw.ImageDraw, image: Image.Image) -> None:
        """The grid, the target line, the axes with their ticks, labels and break."""
        thin = max(1, round(0.6 * PX))
        edge = max(1, round(0.8 * PX))
        for value, label in self.y_ticks():
            y = self.y(value)
            pen.line([(self.left, y), (self.right, y)], fill=GRID, width=thin)
            pen.line([(self.left - TICK * PX, y), (self.left, y)], fill=INK, width=edge)
            at = self.left - (TICK + PAD) * PX
            _text(pen, (at, y), label, 9, INK, "r", "m")
        if self.chart.target is not None:
            y = self.y(self.chart.target)
            _dashed(pen, (self.left, y), (self.right, y), (3.7, 1.6), 1.3, TARGET)
        pen.line([(self.left, self.top), (self.left, self.bottom)], fill=INK, width=edge)
        pen.line([(self.left, self.bottom), (self.right, self.bottom)], fill=INK, width=edge)
        for year, label, has in self.x_ticks():
            x = self.x(year)
            pen.line([(x, self.bottom), (x, self.bottom + TICK * PX)], fill=INK, width=edge)
            size, colour = (9.0, INK) if has else (7.5, GAP)
            _text(pen, (x, self.bottom + (TICK + PAD) * PX), label, size, colour, "m", "a")
        edge_at = self.left - (TICK + PAD + 4) * PX - self.widest
        _upright(image, (edge_at, (self.top + self.bottom) / 2), self.chart.value_label)
        if self.axis.broken:
            self._axis_break(pen)

    def _axis_break(self, pen: ImageDraw.ImageDraw) -> None:
        """Two slanted strokes across the foot of the value axis: it does not start at 0."""
        height, width = self.bottom - self.top, self.right - self.left
        foot = [self.bottom - f * height for f in (0.03, 0.07)]
        pen.line([(self.left, foot[0]), (self.left, foot[1])], fill="white", width=round(3 * PX))
        for y in foot:
            dx, dy = 0.012 * width, 0.02 * height
            start, end = (self.left - dx, y + dy), (self.left + dx, y - dy)
            pen.line([start, end], fill=INK, width=round(PX))

    def series(self, pen: ImageDraw.ImageDraw) -> None:
        """The values: a line that stops at a year without one (a dotted line bridges it), a
        dot on each value, and the baseline as a diamond."""
        chart = self.chart
        points = [(self.x(y), self.y(v)) for y, v in zip(chart.years, chart.values, strict=True)]
        for k in range(1, len(points)):
            if chart.years[k] - chart.years[k - 1] > 1:
                _dashed(pen, points[k - 1], points[k], (1, 3), 1, LINE)
        if chart.baseline is not None and chart.baseline_year is not None:
            size = 9 if baseline_apart(chart) else 11
            x, y = self.x(chart.baseline_year), self.y(chart.baseline)
            r = size / 2 * PX * 0.75
            diamond = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            pen.polygon(diamond, outline=BASELINE, width=round(PX))
        for run in _runs(chart.years, points):
            if len(run) > 1:
                pen.line(run, fill=LINE, width=round(2 * PX), joint="curve")
        r = 2.5 * PX
        for x, y in points:
            pen.ellipse([(x - r, y - r), (x + r, y + r)], fill=LINE)

    def labels(self) -> Iterator[tuple[float, float, str, str, Align, str]]:
        """Each value's label, the baseline's and the target's, where charts.py puts them:
        where, what, its colour, and how it is aligned there (see `_text`)."""
        chart, lang = self.chart, self.lang
        sides = label_sides(chart, self.axis, self.plot_points)
        apart = baseline_apart(chart)
        for year, value, side in zip(chart.years, chart.values, sides, strict=True):
            text = figure_text(value, chart, lang)
            if year == chart.baseline_year and not apart:
                text = f"{chart.baseline_label}: {text}"
            yield self._label(year, value, text, LINE, side)
        if chart.baseline is not None and chart.baseline_year is not None and apart:
            text = f"{chart.baseline_label}: {figure_text(chart.baseline, chart, lang)}"
            side = baseline_side(chart, self.axis, self.plot_points, sides)
            yield self._label(chart.baseline_year, chart.baseline, text, BASELINE, side)
        if chart.target is not None:
            text = f"{chart.target_label}:\n{figure_text(chart.target, chart, lang)}"
            yield self.right + 6 * PX, self.y(chart.target), text, TARGET, "l", "centre"

    def _label(
        self, year: int, value: float, text: str, colour: str, side: Side
    ) -> tuple[float, float, str, str, Align, str]:
        """At either end of the span a label runs inwards, never over the axis or past it."""
        chart = self.chart
        align: Align = "l" if year == chart.first_year else "r" if year == chart.last_year else "m"
        shift = {"l": -4, "r": 4, "m": 0}[align] * PX
        offset = OFFSET_POINTS * PX
        y = self.y(value) - offset if side == "above" else self.y(value) + offset
        return self.x(year) + shift, y, text, colour, align, "d" if side == "above" else "a"


def _runs(years: list[int], points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The points in runs of consecutive years."""
    runs: list[list[tuple[float, float]]] = []
    for k, point in enumerate(points):
        if k and years[k] - years[k - 1] == 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def _dashed(
    pen: ImageDraw.ImageDraw,
    start: tuple[float, float],
    end: tuple[float, float],
    pattern: tuple[float, float],
    width: float,
    colour: str,
) -> None:
    """A dashed line: `pattern` is the dash and the space, in multiples of its `width`."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    on, off = (p * width * PX for p in pattern)
    at = 0.0
    while at < length:
        stop = min(at + on, length)
        a, b = at / length, stop / length
        segment = [
            (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
            (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
        ]
        pen.line(segment, fill=colour, width=max(1, round(width * PX)))
        at = stop + off


def _text(
    pen: ImageDraw.ImageDraw,
    at: tuple[float, float],
    text: str,
    points: float,
    colour: str,
    align: Align,
    vertical: str,
) -> None:
    """`text` (lines split at \\n) aligned on `at`: `vertical` is a (its top there), m (its
    middle), d (its bottom) or centre (a block of lines centred there)."""
    face = font(points)
    lines = text.split("\n")
    height = points * PX * 1.2
    x, y = at
    if vertical == "centre":
        y -= height * len(lines) / 2
        vertical = "a"
    elif vertical == "d":
        y -= height * (len(lines) - 1)
    for k, line in enumerate(lines):
        pen.text((x, y + k * height), line, font=face, fill=colour, anchor=align + vertical)


def _upright(image: Image.Image, at: tuple[float, float], text: str) -> None:
    """`text` turned a quarter anticlockwise, ending left of `at` and centred on its height
    (the value axis's name)."""
    face = font(9)
    left, top, right, bottom = face.getbbox(text, anchor="ls")
    mask = Image.new("L", (math.ceil(right - left) + 2, math.ceil(bottom - top) + 2), 0)
    ImageDraw.Draw(mask).text((1 - left, 1 - top), text, font=face, fill=255, anchor="ls")
    turned = mask.transpose(Image.Transpose.ROTATE_90)
    x, y = round(at[0] - turned.width), round(at[1] - turned.height / 2)
    image.paste(INK, (x, y, x + turned.width, y + turned.height), turned)
