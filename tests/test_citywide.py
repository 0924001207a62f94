"""City figures formed from the units' own: 150 of the 168 wards and communes report their
learning families, and status (JSON and table) and the report give the city's figure, its
coverage and the 18 units still missing; bad parts are located errors."""

from __future__ import annotations

import json

import pytest

from hcmlc.repository.load import load

UNITS_REPORTING = 150


def units(repo) -> list[str]:
    """The 168 unit ids, in registry order."""
    catalog = load(repo.root).require_catalog()
    return [a.id for a in catalog.agencies.values() if a.code is not None]


@pytest.fixture
def wards(repo) -> tuple[list[str], list[str], int, int]:
    """150 units supply their learning families (700 + k out of 1,000 + 2k); 18 do not."""
    every = units(repo)
    reporting, missing = every[:UNITS_REPORTING], every[UNITS_REPORTING:]
    learning = families = 0
    for k, unit in enumerate(reporting):
        repo.write(
            f"submissions/2025/{unit}.yaml",
            f"""
            agency: {unit}
            cycle: "2025"
            submitted: 2025-12-01
            indicators:
              mh.1.1.a:
                parts:
                  learning-families: {700 + k}
                  families: {1000 + 2 * k}
                year: 2025
            """,
        )
        learning, families = learning + 700 + k, families + 1000 + 2 * k
    return reporting, missing, learning, families


def test_status_json_gives_the_city_figure_its_coverage_and_the_missing_units(
    hcmlc, repo, wards
) -> None:
    reporting, missing, learning, families = wards
    assert len(missing) == 168 - 150 == 18
    code, out, err = hcmlc(
        "status", "--root", str(repo.root), "--cycle", "2025", "--as-of", "2025-12-20",
        "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    figures = {f["indicator"]: f for f in json.loads(out)["city_figures"]}
    family = figures["mh.1.1.a"]
    assert family == {
        "indicator": "mh.1.1.a",
        "cycle": "2025",
        "year": 2025,
        "value": round(100 * learning / families, 4),
        "parts": [float(learning), float(families)],
        "supplied": 150,
        "owed": 168,
        "complete": False,
        "missing": missing,
        "illustrative": False,
    }
    # every unit owes the other models too; none has reported them
    assert (figures["mh.1.2.a"]["supplied"], figures["mh.1.2.a"]["value"]) == (0, None)
    assert figures["mh.1.2.a"]["missing"] == [*reporting, *missing]


def test_a_file_delivered_after_the_as_of_day_is_not_counted(hcmlc, repo, wards) -> None:
    reporting = wards[0]
    _, out, _ = hcmlc(
        "status", "--root", str(repo.root), "--cycle", "2025", "--as-of", "2025-11-30",
        "--format", "json",
    )  # fmt: skip
    family = next(f for f in json.loads(out)["city_figures"] if f["indicator"] == "mh.1.1.a")
    assert (family["supplied"], family["value"], family["missing"][:2]) == (0, None, reporting[:2])


def test_the_status_table_shows_the_coverage(hcmlc, repo, wards) -> None:
    code, out, _ = hcmlc(
        "--lang", "en", "status", "--root", str(repo.root), "--cycle", "2025",
        "--as-of", "2025-12-20",
    )  # fmt: skip
    assert code == 0
    line = next(line for line in out.splitlines() if line.lstrip().startswith("mh.1.1.a "))
    assert "from 150 of 168 units" in line and "and 13 more" in line


def test_the_report_gives_the_city_figure_its_coverage_and_the_missing_units(
    hcmlc, repo, wards
) -> None:
    _, missing, learning, families = wards
    catalog = load(repo.root).require_catalog()
    out = repo.root / "report.md"
    code, _, err = hcmlc(
        "report", "--root", str(repo.root), "--year", "2025", "--format", "md", "--out", str(out)
    )
    assert (code, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    percent = f"{100 * learning / families:.2f}".replace(".", ",")
    counts = f"{learning:,}/{families:,}".replace(",", ".")
    row = next(line for line in text.splitlines() if line.startswith("| mh.1.1.a |"))
    # shown with its coverage, not judged while 18 units are missing
    assert f"{percent}% ({counts}) (năm 2025; từ 150/168 đơn vị)" in row
    assert "| Chưa có số liệu |" in row
    section = text[text.index("## Số liệu thành phố tổng hợp từ các đơn vị") :]
    block = section[section.index("**mh.1.1.a ") : section.index("**mh.1.2.a ")]
    assert "- Mức độ bao phủ: từ 150/168 đơn vị" in block
    names = [catalog.agencies[u].short.vi for u in missing]
    assert f"- Đơn vị chưa báo cáo: {', '.join(names)}" in block


def test_once_every_unit_reported_the_figure_is_judged(hcmlc, repo, wards) -> None:
    _, missing, _, _ = wards
    for unit in missing:
        repo.write(
            f"submissions/2025/{unit}.yaml",
            f"""
            agency: {unit}
            cycle: "2025"
            indicators:
              mh.1.1.a: {{parts: {{learning-families: 990, families: 1000}}, year: 2025}}
            """,
        )
    from hcmlc.documents.report import build_report

    report = build_report(load(repo.root).facts(), 2025, "en")
    row = next(
        r for s in report.standards for c in s.criteria for r in c.rows if r.id == "mh.1.1.a"
    )
    assert "from 168 of 168 units" in row.latest
    assert row.status_text == "Met"  # above QĐ 387's 70% for 2025 (70.4%)
    [block] = [f for f in report.city_figures if f.id == "mh.1.1.a"]
    assert (block.coverage, block.missing) == ("from 168 of 168 units", [])


@pytest.mark.parametrize(
    ("entry", "where", "code", "message"),
    [
        (
            "{parts: {learning-families: 900}, year: 2025}",
            "{learning-families",
            "HCMLC-E064",
            "indicator mh.1.1.a is a ratio: the denominator `families` is missing",
        ),
        (
            "{parts: {learning-families: 1200, families: 1000}, year: 2025}",
            "1200",
            "HCMLC-E064",
            "indicator mh.1.1.a: the numerator `learning-families` (1200) is above the "
            "denominator `families` (1000)",
        ),
        (
            "{parts: {learning-families: 0, families: 0}, year: 2025}",
            "0}",
            "HCMLC-E064",
            "indicator mh.1.1.a: the denominator `families` is 0",
        ),
        (
            "{value: 71.3, year: 2025}",
            "71.3",
            "HCMLC-E064",
            "indicator mh.1.1.a asks for `learning-families`, `families` under `parts:`, not "
            "one `value`",
        ),
        (
            "{parts: {learning-families: 9, families: 10, households: 12}, year: 2025}",
            "households",
            "HCMLC-E064",
            "indicator mh.1.1.a has no part `households`",
        ),
        (
            "{parts: {learning-families: 9.5, families: 10}, year: 2025}",
            "9.5",
            "HCMLC-E022",
            "indicator mh.1.1.a, part `learning-families`: 9.5 does not fit the unit `count`: "
            "it must be a whole number",
        ),
    ],
)
def test_bad_parts_are_located(hcmlc, repo, entry, where, code, message) -> None:
    text = f'agency: phuong-sai-gon\ncycle: "2025"\nindicators:\n  mh.1.1.a: {entry}\n'
    repo.write("submissions/2025/phuong-sai-gon.yaml", text)
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [problem] = json.loads(out)["problems"]
    line = text.splitlines()[3]
    assert (problem["code"], problem["message"], problem["line"]) == (code, message, 4)
    assert problem["column"] == line.index(where) + 1
    assert problem["hint"]


def test_two_figures_of_one_indicator_are_both_held(hcmlc, repo) -> None:
    """1.1.4.a asks for cases and persons convicted per 100,000: the entry holds both, the first
    is the indicator's value, and the report prints both."""
    repo.write(
        "submissions/2024/toa-an.yaml",
        'agency: toa-an\ncycle: "2024"\nindicators:\n'
        "  1.1.4.a: {parts: {cases: 45.2, persons: 53.1}, year: 2024}\n",
    )
    loaded = load(repo.root)
    assert loaded.problems == []
    from hcmlc.core.progress import city_series

    [point] = city_series(loaded.require_catalog(), loaded.submissions, loaded.supplied)["1.1.4.a"]
    assert (point.value, point.parts) == (45.2, (45.2, 53.1))
    from hcmlc.documents.report import build_report

    report = build_report(loaded.facts(), 2024, "vi")
    row = next(r for s in report.standards for c in s.criteria for r in c.rows if r.id == "1.1.4.a")
    assert row.latest == "45,2 / 53,1 trên 100.000 dân (năm 2024)"
    repo.write(
        "submissions/2024/toa-an.yaml",
        'agency: toa-an\ncycle: "2024"\nindicators:\n  1.1.4.a: {value: 45.2, year: 2024}\n',
    )
    [problem] = load(repo.root).problems
    assert problem.message == (
        "indicator 1.1.4.a asks for `cases`, `persons` under `parts:`, not one `value`"
    )
