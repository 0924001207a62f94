"""Progress against targets, on a small repository whose every figure is chosen by the test:
statuses, trends, series across cycles and across the 2025 reorganisation, the report's wording."""

from __future__ import annotations

import pytest

from hcmlc.progress import Status, Trend, assess, city_series
from hcmlc.report import build_report
from hcmlc.repository import load

TARGETS = """
targets:
  "1.1.1.a":
    baseline: {value: 98.0, year: 2022}
    target: {value: 99, year: 2025}
  "1.1.4.a":
    target: {value: 50, year: 2025}
    direction: lower
  "1.2.2.a":
    target: {value: 3.0, year: 2025}
    direction: lower
  "2.1.1.a":
    required: "có"
  "3.1.1.a":
    required: "trung bình"
  "3.3.4.a":
    target: {value: 15, year: 2025}
"""

SUBMISSIONS = {
    "2023/so-gddt": """
        agency: so-gddt
        cycle: "2023"
        indicators:
          1.1.1.a: {value: 98.0, unit: percent, year: 2022}
          2.1.1.a: {value: không, year: 2022}
          3.1.1.a: {value: thấp, year: 2023}
    """,
    "2023/quan-1": """
        agency: quan-1
        cycle: "2023"
        indicators:
          3.3.4.a: {value: 12, unit: percent, year: 2023}
    """,
    "2024/so-gddt": """
        agency: so-gddt
        cycle: "2024"
        submitted: 2024-12-10
        indicators:
          1.1.1.a: {value: 98.5, unit: percent, year: 2024}
          3.1.1.a: {value: cao, year: 2024}
    """,
    "2024/so-ldtbxh": """
        agency: so-ldtbxh
        cycle: "2024"
        submitted: 2024-12-15
        indicators:
          1.2.2.a: {value: 3.5, unit: percent, year: 2024}
    """,
    "2025/so-gddt": """
        agency: so-gddt
        cycle: "2025"
        submitted: 2025-12-01
        indicators:
          1.1.1.a: {value: 99.2, unit: percent, year: 2025}
          2.1.1.a: {value: có, year: 2025}
    """,
    "2025/so-noi-vu": """
        agency: so-noi-vu
        cycle: "2025"
        submitted: 2025-12-20
        indicators:
          1.2.2.a: {value: 3.2, unit: percent, year: 2025}
    """,
}

UNMET_2025 = ["1.2.2"]
STATUS_2025 = {
    "1.1.1": Status.MET,
    "1.1.4": Status.NO_DATA,
    "1.2.2": Status.NOT_MET,
    "2.1.1": Status.MET,
    "3.1.1": Status.MET,
    "3.3.4": Status.NO_DATA,
}


@pytest.fixture
def city(repo):
    repo.write("data/targets.yaml", TARGETS)
    for name, text in SUBMISSIONS.items():
        repo.write(f"submissions/{name}.yaml", text)
    loaded = load(repo.root)
    assert loaded.problems == []
    return loaded


def progress_of(city, year: int) -> dict:
    catalog = city.require_catalog()
    series = city_series(catalog, city.submissions, city.supplied)
    return {c.criterion.id: c for c in assess(catalog, series, city.targets.targets, year)}


def test_each_criterion_has_the_status_its_figures_give(city) -> None:
    criteria = progress_of(city, 2025)
    assert {k: c.status for k, c in criteria.items() if c.status is not Status.NO_TARGET} == (
        STATUS_2025
    )
    assert sum(c.status is Status.NO_TARGET for c in criteria.values()) == 42 - len(STATUS_2025)


def test_a_year_sees_only_the_values_up_to_it(city) -> None:
    criteria = progress_of(city, 2024)
    assert criteria["1.1.1"].status is Status.NOT_MET  # 98.5 < 99
    assert criteria["2.1.1"].status is Status.NOT_MET  # "không" in 2022
    assert criteria["1.2.2"].indicators[0].trend is Trend.SINGLE


def test_trends_follow_the_direction_of_the_target(city) -> None:
    criteria = progress_of(city, 2025)
    literacy = criteria["1.1.1"].indicators[0]
    assert [(p.year, p.value) for p in literacy.points] == [
        (2022, 98.0),
        (2024, 98.5),
        (2025, 99.2),
    ]
    assert literacy.trend is Trend.IMPROVING
    unemployment = criteria["1.2.2"].indicators[0]  # lower is better: 3.5 → 3.2 improves
    assert unemployment.trend is Trend.IMPROVING
    assert unemployment.gap == pytest.approx(0.2)
    assert criteria["2.1.1"].indicators[0].trend is Trend.IMPROVING  # không → có
    assert criteria["3.1.1"].indicators[0].trend is Trend.IMPROVING  # thấp → cao


def test_a_series_continues_under_the_successor_agency(city) -> None:
    """Sở LĐ-TB&XH reports 1.2.2.a in 2024; from 1 March 2025 Sở Nội vụ does."""
    unemployment = progress_of(city, 2025)["1.2.2"].indicators[0]
    assert [(p.year, p.agency) for p in unemployment.points] == [
        (2024, "so-ldtbxh"),
        (2025, "so-noi-vu"),
    ]


def test_an_indicator_led_by_a_group_has_no_city_figure(city) -> None:
    """3.3.4.a is owed by every district: Quận 1's 12% is a local figure, not the city's."""
    indicator = progress_of(city, 2025)["3.3.4"].indicators[0]
    assert (indicator.points, indicator.status) == ([], Status.NO_DATA)


def test_the_report_words_the_unmet_criteria_with_responsibility_and_delivery(city) -> None:
    report = build_report(city, 2025, "vi")
    assert report.unmet_ids == UNMET_2025
    [item] = report.unmet[0].indicators
    assert (item.latest, item.target, item.gap) == (
        "3,2% (năm 2025)",
        "≤ 3% (năm 2025)",
        "cần giảm thêm 0,2 điểm phần trăm",
    )
    assert item.trend_text == "▲ tiến bộ"
    [who] = item.responsible
    assert (who.agency, who.delivery) == (
        "Sở NV (trước đây: Sở LĐ-TB&XH)",
        "trễ 5 ngày (20/12/2025)",
    )


def test_the_summary_compares_with_the_year_before(city) -> None:
    report = build_report(city, 2025, "en")
    assert report.total.counts == {
        Status.MET: 3,
        Status.NOT_MET: 1,
        Status.NO_DATA: 2,
        Status.NO_TARGET: 36,
    }
    assert report.total.previous == {
        Status.MET: 1,  # 3.1.1 (cao in 2024)
        Status.NOT_MET: 3,  # 1.1.1, 1.2.2, 2.1.1
        Status.NO_DATA: 2,
        Status.NO_TARGET: 36,
    }
    assert report.total.cell(Status.MET) == "3 (+2)"
    assert report.total.cell(Status.NO_DATA) == "2"


def test_the_annex_lists_missing_data_and_indicators_nobody_owes(city) -> None:
    report = build_report(city, 2025, "en")
    missing = {m.agency: m.indicators for m in report.missing}
    assert "Department of Home Affairs" in missing  # owes more than 1.2.2.a
    assert not any(i.startswith("1.2.2.a ") for i in missing["Department of Home Affairs"])
    [orphan] = missing["No responsible agency"]
    assert orphan.startswith("3.3.4.a Percentage of households with a member who taught")
    assert "District 1 People's Committee" not in missing  # abolished on 1 July 2025


def test_a_year_without_any_value_is_refused(city) -> None:
    from hcmlc.errors import HcmlcError

    with pytest.raises(HcmlcError, match="no indicator has a value for 2018 or before"):
        build_report(city, 2018, "vi")
