"""Charts that tell the truth: the axis, the years, the labels are decided by pure functions of
the chart's data (charts.py), checked here without drawing; the drawing is checked last."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys

import pytest
from PIL import Image

from hcmlc.documents.report import build_report
from hcmlc.documents.report_content import Chart
from hcmlc.render.chart_png import SIZE, missing_glyphs, texts
from hcmlc.render.charts import (
    MIN_SPAN_SHARE,
    OFFSET_POINTS,
    TEXT_POINTS,
    Axis,
    baseline_apart,
    baseline_side,
    label_sides,
    render_chart,
    value_axis,
    year_ticks,
)
from hcmlc.repository.load import load

PLOT_POINTS = 150.0


def chart(values: dict[int, float], **given: object) -> Chart:
    base = Chart(
        indicator="9.9.9.z",
        caption="Biểu đồ 1. 9.9.9.z Chỉ số thử",
        percent=True,
        years=list(values),
        values=list(values.values()),
        first_year=min(values),
        last_year=max(values),
        target=None,
        target_label=None,
        baseline=None,
        baseline_year=None,
        baseline_label=None,
        value_label="Giá trị (%)",
        gap_label="chưa có số liệu",
    )
    return dataclasses.replace(base, **given)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def bundled_charts(tmp_path_factory):
    import shutil
    from pathlib import Path

    project = Path(__file__).resolve().parents[1]
    root = tmp_path_factory.mktemp("bundled")
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(project / name, root / name)
    report = build_report(load(root).facts(), 2025, "vi")
    return {c.indicator: c for c in report.charts}


def test_a_percent_axis_stays_within_0_and_100(bundled_charts) -> None:
    # 2.2.1.a is 100% every year, with a target of 100%: once drawn from 92.5 to 107.5
    axis = value_axis(bundled_charts["2.2.1.a"])
    assert 0 <= axis.low < axis.high == 100
    for c in bundled_charts.values():
        if c.percent:
            found = value_axis(c)
            assert found.low >= 0 and found.high <= 100, c.indicator


def test_a_small_change_is_not_made_steep(bundled_charts) -> None:
    # 1.1.1.a moves by 0.2 points (98.9 → 99.1): once shown as the whole height of the chart
    c = bundled_charts["1.1.1.a"]
    axis = value_axis(c)
    assert axis.broken  # the axis starts above 0, and says so
    assert axis.span >= MIN_SPAN_SHARE * axis.high
    assert (max(c.values) - min(c.values)) / axis.span < 0.02


def test_an_axis_starts_at_0_unless_it_draws_a_break() -> None:
    counts = chart({2023: 80, 2024: 150, 2025: 180}, percent=False)
    assert value_axis(counts) == Axis(0.0, value_axis(counts).high, False)
    high = chart({2023: 1200, 2024: 1250}, percent=False)
    found = value_axis(high)
    assert found.broken and found.low > 0
    for c in (counts, high):
        axis = value_axis(c)
        assert axis.broken or axis.low == 0
        assert all(axis.low <= v <= axis.high for v in c.values)


def test_the_target_and_baseline_are_on_the_axis() -> None:
    c = chart({2024: 61.0, 2025: 62.0}, percent=False, target=50.0, baseline=60.0)
    axis = value_axis(c)
    assert axis.low <= 50 <= axis.high


def test_every_year_of_the_span_has_its_place_and_gaps_are_named(bundled_charts) -> None:
    # 2.2.2.a has values for 2022 and 2024 only: 2023 and the report's year 2025 are gaps
    c = bundled_charts["2.2.2.a"]
    assert year_ticks(c) == [(2022, True), (2023, False), (2024, True), (2025, False)]
    assert c.gap_label == "chưa có số liệu"


def test_the_axis_runs_from_the_baseline_to_the_report_year(bundled_charts) -> None:
    c = bundled_charts["1.1.2.b"]  # baseline 2023, values 2024 and 2025
    assert (c.first_year, c.last_year, c.baseline_year) == (2023, 2025, 2023)
    assert year_ticks(c)[0] == (2023, False)


def test_no_label_is_crossed_by_the_target_line(bundled_charts) -> None:
    for c in bundled_charts.values():
        if c.target is None:
            continue
        axis = value_axis(c)
        scale = axis.span / PLOT_POINTS
        for value, side in zip(c.values, label_sides(c, axis, PLOT_POINTS), strict=True):
            near, far = OFFSET_POINTS * scale, (OFFSET_POINTS + TEXT_POINTS) * scale
            low, high = (
                (value + near, value + far) if side == "above" else (value - far, value - near)
            )
            assert not low < c.target < high, (c.indicator, value, side)
            assert axis.low - 1e-9 <= low and high <= axis.high + 1e-9, (c.indicator, value)


def test_a_label_goes_where_neither_the_line_nor_the_target_runs() -> None:
    peak_and_trough = chart({2022: 30.0, 2023: 45.0, 2024: 35.0, 2025: 40.0})
    axis = value_axis(peak_and_trough)
    # away from the line: below the first (the line rises from it), above the peak, below the
    # trough, above the last (the line rises into it)
    assert label_sides(peak_and_trough, axis, PLOT_POINTS) == ["below", "above", "below", "above"]
    under_target = chart({2023: 45.0, 2024: 40.0, 2025: 41.0}, target=41.5)
    axis = value_axis(under_target)
    assert label_sides(under_target, axis, PLOT_POINTS)[-1] == "below"  # above, it would be crossed


def test_the_baseline_is_a_labelled_point(bundled_charts) -> None:
    c = bundled_charts["1.1.2.b"]  # baseline 2023 (25%): a year without a value
    assert (c.baseline, c.baseline_label) == (25.0, "Cơ sở 2023")
    assert baseline_apart(c)
    same = bundled_charts["1.1.1.a"]  # baseline 2022 = the value of 2022: one point, one label
    assert same.baseline == same.values[0] and not baseline_apart(same)
    apart = chart({2022: 30.0, 2024: 35.0}, baseline=20.0, baseline_year=2022, baseline_label="B")
    axis = value_axis(apart)
    sides = label_sides(apart, axis, PLOT_POINTS)
    assert baseline_side(apart, axis, PLOT_POINTS, sides) != sides[0]


def test_the_caption_is_the_only_title(bundled_charts) -> None:
    c = bundled_charts["1.2.5.a"]
    assert c.caption.startswith("Biểu đồ ") and "1.2.5.a" in c.caption
    assert not hasattr(c, "title")


def test_drawing_is_a_pure_function_of_the_chart(bundled_charts) -> None:
    c = bundled_charts["2.2.2.a"]
    first = render_chart(c, "vi")
    assert first == render_chart(dataclasses.replace(c), "vi")
    with Image.open(io.BytesIO(first)) as png:
        assert png.size == SIZE == (944, 442)


def test_the_font_draws_every_letter_of_every_chart(bundled_charts) -> None:
    for c in bundled_charts.values():
        assert missing_glyphs("".join(texts(c, "vi"))) == set(), c.indicator
    assert missing_glyphs("Tỷ lệ đạt được ữ ỹ Ở ặ") == set()
    assert missing_glyphs("Tỷ lệ 中") == {"中"}  # no CJK in DejaVu Sans: the check bites


def test_pillow_is_imported_only_to_draw() -> None:
    code = "import sys, hcmlc.render.charts, hcmlc.documents.report; print('PIL' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_value_axis_is_named_inside_the_image_however_wide_its_figures() -> None:
    wide = chart({2022: 19_000.0, 2024: 1_234_567.0}, percent=False, value_label="Giá trị (USD)")
    for c in (wide, chart({2024: 5.0, 2025: 6.0})):
        with Image.open(io.BytesIO(render_chart(c, "vi"))) as png:
            grey = png.convert("L")
            height = grey.size[1]
            darkest = [min(grey.getpixel((x, y)) for y in range(height)) for x in range(40)]
            assert grey.getpixel((0, 0)) == 255  # the page's white
            assert darkest[0] == 255  # nothing cut at the edge
            assert min(darkest) < 100  # the axis's name, drawn in the margin
