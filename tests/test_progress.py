"""Progress against targets, on a small repository whose every figure is chosen by the test:
statuses, trends, series across cycles and across the 2025 reorganisation, the report's wording."""

from __future__ import annotations

import pytest

from hcmlc.core.progress import Status, Trend, assess, city_series, path_value
from hcmlc.documents.report import build_report, cycle_of_year
from hcmlc.repository.load import load

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
          3.3.4.a: {parts: {households-sharing: 60, households: 500}, year: 2023}
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
    "3.1.1": Status.NO_DATA,  # "cao" is a 2024 value: shown, not judged as 2025's
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
    current_from = cycle_of_year(catalog, year).first_year
    return {
        c.criterion.id: c for c in assess(catalog, series, city.targets.targets, year, current_from)
    }


def test_each_criterion_has_the_status_its_figures_give(city) -> None:
    criteria = progress_of(city, 2025)
    assert {k: c.status for k, c in criteria.items() if c.status is not Status.NO_TARGET} == (
        STATUS_2025
    )
    # 42 criteria of UNESCO's framework and 5 of the national learning models
    assert sum(c.status is Status.NO_TARGET for c in criteria.values()) == 47 - len(STATUS_2025)


def test_a_year_sees_only_the_values_up_to_it(city) -> None:
    criteria = progress_of(city, 2024)
    # 99 is due in 2025: in 2024 the path from 98.0 (2022) stands at 98.67, and 98.5 is short
    assert criteria["1.1.1"].status is Status.BEHIND
    literacy = criteria["1.1.1"].indicators[0]
    assert path_value(literacy.target, literacy.points, 2024) == pytest.approx(98 + 2 / 3)
    # without a baseline the path starts at the first value: 3.5 in 2024 is on it
    assert criteria["1.2.2"].status is Status.ON_TRACK
    assert criteria["1.2.2"].indicators[0].trend is Trend.SINGLE
    # "không" is a 2022 value: the 2024 cycle covers 2024 only, so 2024 has no data
    assert criteria["2.1.1"].status is Status.NO_DATA
    assert criteria["2.1.1"].indicators[0].stale


def test_a_target_ahead_is_on_track_or_behind_never_not_met(city) -> None:
    criteria = progress_of(city, 2023)  # every target is due in 2025 or has no year
    statuses = {i.status for c in criteria.values() for i in c.indicators if i.target}
    assert Status.NOT_MET not in {
        i.status
        for c in criteria.values()
        for i in c.indicators
        if i.target and i.target.target is not None
    }
    assert Status.NOT_MET in statuses  # 2.1.1 (không) and 3.1.1 (thấp): states have no year


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


def test_an_indicator_led_by_a_group_without_aggregate_has_no_city_figure(repo) -> None:
    """3.2.2.a is owed by every department and district and forms no city figure: a
    department's answer is a local one, not the city's."""
    repo.write(
        "submissions/2023/so-y-te.yaml",
        """
        agency: so-y-te
        cycle: "2023"
        indicators:
          3.2.2.a: {value: có, year: 2023}
        """,
    )
    loaded = load(repo.root)
    assert loaded.problems == []
    series = city_series(
        loaded.require_catalog(), loaded.submissions, loaded.supplied, loaded.figures
    )
    assert "3.2.2.a" not in series


def test_a_city_figure_formed_from_the_units_is_shown_with_its_coverage_not_judged(city) -> None:
    """3.3.4.a forms its city figure from the districts' counts: Quận 1's 60 of 500 households
    is a city figure of 12% from 1 of 22 units, shown but never judged (a stale one in 2025)."""
    indicator = progress_of_figures(city, 2023)["3.3.4"].indicators[0]
    [point] = indicator.points
    assert (point.year, point.value, point.parts) == (2023, 12.0, (60.0, 500.0))
    assert indicator.city is not None
    assert (len(indicator.city.supplied), len(indicator.city.owed)) == (1, 22)
    assert "thu-duc" in indicator.city.missing
    assert indicator.status is Status.NO_DATA  # 21 districts still missing: not "not met"


def progress_of_figures(city, year: int) -> dict:
    catalog = city.require_catalog()
    series = city_series(catalog, city.submissions, city.supplied, city.figures)
    current_from = cycle_of_year(catalog, year).first_year
    return {
        c.criterion.id: c for c in assess(catalog, series, city.targets.targets, year, current_from)
    }


def test_the_report_words_the_unmet_criteria_with_responsibility_and_delivery(city) -> None:
    report = build_report(city.facts(), 2025, "vi")
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
    report = build_report(city.facts(), 2025, "en")
    assert report.total.counts == {
        Status.MET: 2,  # 1.1.1, 2.1.1
        Status.ON_TRACK: 0,
        Status.BEHIND: 0,
        Status.NOT_MET: 1,  # 1.2.2
        Status.NO_DATA: 3,  # 1.1.4, 3.1.1 (a 2024 value), 3.3.4
        Status.NO_TARGET: 41,  # and the 5 criteria of the learning models
    }
    assert report.total.previous == {
        Status.MET: 1,  # 3.1.1 (cao in 2024)
        Status.ON_TRACK: 1,  # 1.2.2
        Status.BEHIND: 1,  # 1.1.1
        Status.NOT_MET: 0,
        Status.NO_DATA: 3,  # 1.1.4, 2.1.1 (a 2022 value), 3.3.4
        Status.NO_TARGET: 41,
    }
    assert report.total.cell(Status.MET) == "2 (+1)"
    assert report.total.cell(Status.NO_DATA) == "3"


def test_the_annex_lists_missing_data_and_indicators_nobody_owes(city) -> None:
    report = build_report(city.facts(), 2025, "en")
    missing = {m.agency: m.indicators for m in report.missing}
    assert "Department of Home Affairs" in missing  # owes more than 1.2.2.a
    assert not any(i.startswith("1.2.2.a ") for i in missing["Department of Home Affairs"])
    # 3.3.4.a has owners again: the wards and communes in the districts' place
    assert "No responsible agency" not in missing
    # the 168 units, all missing the same items, share one entry
    [(units, ward)] = [(k, v) for k, v in missing.items() if k.startswith("168 wards")]
    assert units.startswith("168 wards, communes and special zones: Thu Dau Mot Ward, ")
    assert "Sai Gon Ward" in units and units.endswith("Thanh An Commune (27676)")
    assert ward[0].startswith("2.6.2.a ") and any(i.startswith("3.3.4.a ") for i in ward)
    assert any(i.startswith("mh.1.1.a ") for i in ward)  # and the learning models
    assert "District 1 People's Committee" not in missing  # abolished on 1 July 2025


def test_a_year_without_any_value_is_refused(city) -> None:
    from hcmlc.errors import HcmlcError

    with pytest.raises(HcmlcError, match="no indicator has a value for 2019 or before"):
        build_report(city.facts(), 2019, "vi")  # covered by the 2023 cycle (2019–2023)


def test_a_year_without_a_cycle_is_a_usage_error_naming_the_cycles(city) -> None:
    from hcmlc.errors import HcmlcError

    with pytest.raises(HcmlcError, match="no reporting cycle covers 2026") as raised:
        build_report(city.facts(), 2026, "vi")
    assert raised.value.exit_code == 2
    assert raised.value.hint == (
        "the cycles cover: 2023 (2019–2023), 2024 (2024), 2025 (2025); "
        "open one with `hcmlc new-cycle`"
    )


def test_a_stale_value_is_shown_with_its_year_and_never_met(city) -> None:
    report = build_report(city.facts(), 2025, "vi")
    [row] = next(c for s in report.standards for c in s.criteria if c.id == "3.1.1").rows
    assert (row.latest, row.status) == ("cao (năm 2024; chưa có số liệu năm 2025)", Status.NO_DATA)
