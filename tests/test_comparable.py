"""Trends compare like with like (issue 26): two years of a city figure formed from the units'
figures are compared (the trend, "▲ tiến bộ", a line on a chart) only when they sum the same
units or each at least 90% of the units owing it; otherwise the view says why not. Charts print
a ratio's value to two decimals, as every other view does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure, comparable
from hcmlc.core.progress import IndicatorProgress, Observation, Trend, assess
from hcmlc.dashboard.targets import _Writer as PageWriter
from hcmlc.documents.report_words import ValueWords
from hcmlc.documents.report_writer import ReportWriter
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundled_repo():
    return load(PROJECT)


def units(catalog: Catalog, n: int, start: int = 0) -> tuple[str, ...]:
    return tuple(a.id for a in catalog.agencies.values() if a.code is not None)[start : start + n]


def figure(catalog: Catalog, year: int, supplied: tuple[str, ...], parts=(303.0, 468.0)):
    owed = units(catalog, 168)
    value = 100 * parts[0] / parts[1]
    city = CityFigure("mh.1.3.a", str(year), year, value, parts, supplied, owed)
    return Observation(year, value, str(year), "all-communes", parts=parts, city=city)


def progress_of(repo, points: list[Observation], year: int) -> IndicatorProgress:
    catalog = repo.require_catalog()
    targets = repo.targets.targets
    found = assess(catalog, {"mh.1.3.a": points}, targets, year, year)
    return next(i for c in found for i in c.indicators if i.indicator.id == "mh.1.3.a")


def test_the_rule(bundled_repo) -> None:
    catalog = bundled_repo.require_catalog()
    twelve, one = (
        figure(catalog, 2025, units(catalog, 12)),
        figure(catalog, 2026, units(catalog, 1)),
    )
    assert not comparable(twelve.city, one.city)
    assert comparable(twelve.city, figure(catalog, 2026, units(catalog, 12)).city)  # same units
    most, others = units(catalog, 152), units(catalog, 152, start=16)  # 90.5% each
    assert comparable(figure(catalog, 2025, most).city, figure(catalog, 2026, others).city)
    assert not comparable(figure(catalog, 2025, units(catalog, 150)).city, None)  # 89.3%
    assert comparable(figure(catalog, 2025, units(catalog, 168)).city, None)  # the whole city


def test_twelve_wards_then_one_ward_read_not_comparable_not_improving(bundled_repo) -> None:
    catalog = bundled_repo.require_catalog()
    points = [
        figure(catalog, 2025, units(catalog, 12), (303.0, 468.0)),  # 64.74%
        figure(catalog, 2026, units(catalog, 1), (46.0, 50.0)),  # 92%
    ]
    progress = progress_of(bundled_repo, points, 2026)
    assert progress.trend is Trend.INCOMPARABLE
    assert [p.year for p in progress.comparable] == [2026]
    assert ValueWords("vi", 2026).trend(progress) == (
        "không so sánh được: năm 2025 từ 12/168 đơn vị, năm 2026 từ 1/168 đơn vị"
    )
    assert ValueWords("en", 2026).trend(progress) == (
        "not comparable: 2025 from 12 of 168 units, 2026 from 1 of 168 units"
    )
    page = PageWriter(catalog, "vi").indicator(_row(catalog, progress), progress)
    assert page.series == [(2026, 92.0)]  # no line from the 12 wards to the one ward


def test_the_same_units_compare_and_chart_rounded(bundled_repo) -> None:
    catalog = bundled_repo.require_catalog()
    twelve = units(catalog, 12)
    points = [
        figure(catalog, 2025, twelve, (303.0, 468.0)),  # 64.743589…%
        figure(catalog, 2026, twelve, (920.0, 6600.0)),  # 13.939393…%
    ]
    progress = progress_of(bundled_repo, points, 2026)
    assert progress.trend is Trend.WORSENING
    chart = ReportWriter(catalog, "vi", catalog.cycles["2025"], [], 2026).chart(progress, 1)
    assert chart.values == [64.74, 13.94]
    page = PageWriter(catalog, "vi").indicator(_row(catalog, progress), progress)
    assert page.series == [(2025, 64.74), (2026, 13.94)]


def _row(catalog: Catalog, progress: IndicatorProgress):
    from hcmlc.documents.report import IndicatorRow
    from hcmlc.documents.report_words import STATUS_WORDS

    words = ValueWords("vi", 2026)
    return IndicatorRow(
        progress.indicator.id,
        progress.indicator.text.get("vi"),
        words.latest(progress),
        words.target(progress.indicator, progress.target),
        progress.status,
        STATUS_WORDS[progress.status]["vi"],
        progress.trend,
        words.trend(progress),
    )


def test_the_demonstration_does_not_compare_districts_with_wards(hcmlc, bundled) -> None:
    """3.3.4.a: 2 of 22 districts in 2023, 12 of 168 wards in 2025: was "▲ tiến bộ"."""
    code, out, _ = hcmlc(
        "status", "--root", str(bundled), "--as-of", "2025-12-20", "--format", "json"
    )
    assert code == 0
    targets = json.loads(out)["targets"]
    [row] = [i for c in targets["criteria"] for i in c["indicators"] if i["id"] == "3.3.4.a"]
    assert (row["trend"], row["compared_years"]) == ("not-comparable", [2025])
    code, _, _ = hcmlc(
        "report", "--root", str(bundled), "--format", "md", "--out", str(bundled / "r.md")
    )
    text = (bundled / "r.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("| 3.3.4.a |"))
    assert "không so sánh được: năm 2023 từ 2/22 đơn vị, năm 2025 từ 12/168 đơn vị" in line
    assert "tiến bộ" not in line
    assert not (bundled / "r-charts/3.3.4.a.png").exists()
