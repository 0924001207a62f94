"""The bundled data files hold annex I and annex II of plan 1256/KH-UBND in full.

The expected tables below were written from the plan independently of the YAML files.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from hcmlc.core.catalog import Catalog
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[1]

D = "all-districts"
C = "all-communes"  # the wards and communes in the districts' place from 1 July 2025
# criterion → (indicator letters with unit or scale, supplying agencies per indicator)
ANNEX_I: dict[str, list[tuple[str, str, list[str]]]] = {
    "1.1.1": [("a", "percent", ["so-gddt"])],
    "1.1.2": [("a", "percent", ["vp-doan-dbqh-hdnd"]), ("b", "percent", ["thanh-doan"])],
    "1.1.3": [
        ("a", "percent", ["so-noi-vu"]),
        ("b", "percent", ["so-gddt"]),
        ("c", "percent", ["so-cong-thuong"]),
    ],
    "1.1.4": [("a", "per_100k", ["toa-an"]), ("b", "percent", ["so-ldtbxh"])],
    "1.2.1": [("a", "usd", ["cuc-thong-ke"]), ("b", "percent", ["cuc-thong-ke"])],
    "1.2.2": [("a", "percent", ["so-ldtbxh"])],
    "1.2.3": [("a", "percent", ["so-khcn"]), ("b", "per_100k", ["so-khcn"])],
    "1.2.4": [("a", "percent", ["so-vhtt"])],
    "1.2.5": [("a", "percent", ["so-vhtt"])],
    "1.3.1": [("a", "tonnes_per_capita", ["so-tnmt"]), ("b", "kg_per_capita", ["so-tnmt"])],
    "1.3.2": [("a", "percent", ["so-gtvt"]), ("b", "level", ["so-gtvt"])],
    "1.3.3": [("a", "level", ["so-gddt"]), ("b", "level", ["so-tnmt"])],
    "2.1.1": [("a", "existence", ["so-gddt"]), ("b", "percent", ["so-gddt"])],
    "2.1.2": [("a", "years", ["so-gddt"])],
    "2.1.3": [("a", "percent", ["so-gddt"])],
    # 2.1.4.a, 3.3.3.a: also Sở NN&MT (poverty) and Sở DT&TG (ethnic minorities) from 2025
    "2.1.4": [("a", "level", ["so-ldtbxh", "so-nn-mt", "so-dt-tg"]), ("b", "level", ["so-ldtbxh"])],
    "2.2.1": [
        ("a", "percent", ["so-gddt"]),
        ("b", "percent", ["so-vhtt"]),
        ("c", "percent", ["so-vhtt"]),
        ("d", "level", ["so-gddt"]),
    ],
    "2.2.2": [("a", "percent", ["hoi-khuyen-hoc"]), ("b", "percent", ["hoi-khuyen-hoc"])],
    "2.2.3": [("a", "count", ["so-gddt"])],
    "2.3.1": [("a", "percent", ["ldld"])],
    "2.3.2": [("a", "existence", ["so-gddt", "so-ldtbxh"])],
    "2.3.3": [("a", "percent", ["so-khdt"])],
    "2.3.4": [("a", "percent", ["so-gddt"]), ("b", "percent", ["so-ldtbxh"])],
    "2.4.1": [("a", "percent", ["so-gddt"])],
    "2.4.2": [
        ("a", "percent", ["so-gddt"]),
        ("b", "percent", ["so-tttt"]),
        ("c", "percent", ["so-tttt"]),
        ("d", "hours_per_week", ["so-tttt"]),
    ],
    "2.5.1": [("a", "existence", ["so-gddt"])],
    "2.5.2": [("a", "percent", ["so-gddt"])],
    "2.5.3": [("a", "percent", ["so-gddt"])],
    "2.5.4": [("a", "percent", ["so-gddt"])],
    "2.6.1": [("a", "existence", ["so-gddt"])],
    "2.6.2": [("a", "percent", ["so-gddt", D, C])],
    "2.6.3": [("a", "existence", ["so-gddt", D, C])],
    "3.1.1": [("a", "level", ["so-gddt"])],
    "3.1.2": [("a", "existence", ["so-gddt"])],
    "3.1.3": [("a", "existence", ["so-gddt"])],
    "3.2.1": [("a", "existence", ["so-gddt"])],
    "3.2.2": [("a", "existence", ["all-departments", D, C])],
    "3.3.1": [
        ("a", "percent", ["so-tai-chinh"]),
        ("b", "percent", ["so-tai-chinh"]),
        ("c", "percent", ["so-tai-chinh"]),
    ],
    "3.3.2": [("a", "level", ["so-gddt", D, C])],
    "3.3.3": [("a", "level", ["so-ldtbxh", "so-nn-mt", "so-dt-tg", D, C])],
    "3.3.4": [("a", "percent", [D, C])],
    "3.3.5": [("a", "level", ["so-ngoai-vu"])],
}

# question id → (kind, min words, max words, owners)
ANNEX_II: dict[str, tuple[str, int | None, int | None, list[str]]] = {
    "city-info": ("contact", None, None, ["so-gddt"]),
    "mayor": ("contact", None, None, ["so-gddt"]),
    "contact-person": ("contact", None, None, ["so-gddt"]),
    "language": ("choice", None, None, ["so-gddt"]),
    "population": ("figure", None, None, ["cuc-thong-ke"]),
    "area-km2": ("figure", None, None, ["cuc-thong-ke"]),
    "gdp-per-capita-city": ("figure", None, None, ["cuc-thong-ke"]),
    "gdp-per-capita-country": ("figure", None, None, ["cuc-thong-ke"]),
    "years-of-schooling": ("figure", None, None, ["so-gddt"]),
    "intro-sentence": ("text", 20, 30, ["so-gddt"]),
    "context": ("text", None, 200, ["so-gddt"]),
    "slogan": ("text", None, 8, ["so-gddt"]),
    "goals": ("text", None, 400, ["so-gddt"]),
    "sustainability-health": ("text", None, 200, ["so-y-te"]),
    "equity-inclusion": ("text", None, 200, ["so-ldtbxh"]),
    "decent-work": ("text", None, 200, ["so-khdt"]),
    "coordination-body": ("text", None, 200, ["so-gddt"]),
    "resources": ("text", None, 200, ["so-gddt", "so-tai-chinh", D, C]),
    "access-policies": ("text", None, 200, ["so-ldtbxh"]),
    "access-initiatives": ("text", None, 200, ["so-ldtbxh"]),
    "learning-information": ("text", None, 200, ["so-tttt", "so-vhtt"]),
    "events": ("text", None, 200, ["so-tttt", "so-vhtt"]),
    "events-impact": ("text", None, 200, ["so-tttt", "so-vhtt"]),
    "monitoring": ("text", None, 200, ["so-gddt"]),
    "monitoring-indicators": ("text", None, 200, ["so-gddt", "hoi-khuyen-hoc"]),
    "best-practices": ("text", None, 400, ["so-khdt"]),
    "best-practices-impact": ("text", None, 200, ["so-khdt"]),
    "mayor-quote": ("quote", None, 30, ["so-gddt"]),
    "gnlc-priorities": ("text", None, 200, ["so-gddt"]),
    "gnlc-contribution": ("text", None, 200, ["so-gddt"]),
    "photos": ("photos", None, None, ["so-tttt"]),
}

DISTRICTS = {
    "thu-duc",
    "quan-1",
    "quan-3",
    "quan-4",
    "quan-5",
    "quan-6",
    "quan-7",
    "quan-8",
    "quan-10",
    "quan-11",
    "quan-12",
    "binh-thanh",
    "binh-tan",
    "go-vap",
    "phu-nhuan",
    "tan-binh",
    "tan-phu",
    "huyen-binh-chanh",
    "huyen-can-gio",
    "huyen-cu-chi",
    "huyen-hoc-mon",
    "huyen-nha-be",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    repo = load(PROJECT)
    assert repo.problems == []
    assert repo.catalog is not None
    return repo.catalog


def test_framework_has_3_areas_12_standards_42_criteria(catalog: Catalog) -> None:
    fw = catalog.framework
    assert [a.id for a in fw.areas] == ["1", "2", "3"]
    assert [s.id for s in fw.standards()] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "3.1",
        "3.2",
        "3.3",
    ]
    assert [c.id for c in fw.criteria()] == list(ANNEX_I)


def test_every_annex_i_indicator_with_its_kind_and_agencies(catalog: Catalog) -> None:
    found = {
        c.id: [
            (i.id.rsplit(".", 1)[1], (i.unit or i.scale).value, i.agencies) for i in c.indicators
        ]
        for c in catalog.framework.criteria()
    }
    assert found == ANNEX_I
    assert sum(1 for _ in catalog.framework.indicators()) == 63
    # the flat index spans every framework: UNESCO's 63 and the 5 of the learning models
    assert len(catalog.indicators) == 63 + 5


def test_the_168_units_of_1_july_2025_with_the_codes_of_the_source(catalog: Catalog) -> None:
    """Resolution 1685/NQ-UBTVQH15: 113 wards, 54 communes, 1 special zone; codes and names as
    vietnam-provinces 2026.9.0 gives them (the statistics office's list)."""
    units = [a for a in catalog.agencies.values() if a.code is not None]
    kinds = Counter(a.kind.value for a in units)
    assert (len(units), kinds) == (168, {"ward": 113, "commune": 54, "special_zone": 1})
    assert len({a.code for a in units}) == 168
    assert all(a.started == dt.date(2025, 7, 1) and a.ended is None for a in units)
    sample = {a.code: a.short.vi for a in units if a.code in SOURCE_SAMPLE and a.short}
    assert sample == SOURCE_SAMPLE
    assert set(catalog.assignments.expand(["all-communes"])) == {a.id for a in units}
    # the districts' territories: the old District 1 is now four wards
    assert catalog.territories["quan-1"] == [
        "phuong-tan-dinh",
        "phuong-sai-gon",
        "phuong-ben-thanh",
        "phuong-cau-ong-lanh",
    ]
    assert set(catalog.territories) == DISTRICTS


def test_no_two_units_share_an_english_name() -> None:
    """Xã Thanh An and Xã Thạnh An are one name without diacritics: each keeps its code."""
    catalog = load(PROJECT).require_catalog()
    units = [a for a in catalog.agencies.values() if a.code is not None]
    english = [unit.short.en for unit in units if unit.short is not None]
    assert len(set(english)) == len(english) == 168
    assert {u.code: u.short.en for u in units if u.short and "Thanh An" in (u.short.en or "")} == {
        "25807": "Thanh An Commune (25807)",
        "27676": "Thanh An Commune (27676)",
    }


SOURCE_SAMPLE = {
    "25747": "Phường Thủ Dầu Một",
    "25807": "Xã Thanh An",
    "26536": "Phường Rạch Dừa",  # printed with a doubled space in vietnam-provinces 2025.x
    "26732": "Đặc khu Côn Đảo",
    "26740": "Phường Sài Gòn",
    "26800": "Phường Linh Xuân",  # 26794 in vietnam-provinces 2025.10.1, before the NSO list
    "27664": "Xã Cần Giờ",
    "27676": "Xã Thạnh An",
}
"""Codes read from vietnam-provinces 2026.9.0 when data/units.yaml was generated."""


def test_units_file_is_what_the_tool_generates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where vietnam-provinces (≥ 2026.1, Python ≥ 3.12) is installed, the committed file is
    exactly what tools/units_from_vietnam_provinces.py writes from it."""
    pytest.importorskip("vietnam_provinces._ward_conversion_2025")
    import importlib.util

    monkeypatch.syspath_prepend(str(PROJECT / "tools"))  # its generated_file.py
    spec = importlib.util.spec_from_file_location(
        "units_tool", PROJECT / "tools/units_from_vietnam_provinces.py"
    )
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.render() == (PROJECT / "data/units.yaml").read_text(encoding="utf-8")


def test_printed_labels_kept_where_unesco_numbering_differs(catalog: Catalog) -> None:
    labels = {c.id: c.label for c in catalog.framework.criteria() if c.label}
    assert labels == {"3.3.4": "3.3.3", "3.3.5": "3.3.4"}


def test_every_title_has_english(catalog: Catalog) -> None:
    fw = catalog.framework
    for item in [*fw.areas, *fw.standards(), *fw.criteria()]:
        assert item.title.en, item.id
    assert all(i.text.en for i in fw.indicators())


def test_every_annex_ii_question_with_its_limit_and_owners(catalog: Catalog) -> None:
    found = {
        q.id: (q.kind, q.words.min if q.words else None, q.words.max if q.words else None, q.owners)
        for q in catalog.assignments.questions()
    }
    assert found == ANNEX_II
    assert all(q.text.en for q in catalog.assignments.questions())


def test_years_of_schooling_is_indicator_2_1_2(catalog: Catalog) -> None:
    assert catalog.questions["years-of-schooling"].indicator == "2.1.2.a"


def test_agency_registry_and_groups(catalog: Catalog) -> None:
    assert set(catalog.assignments.expand(["all-districts"])) == DISTRICTS
    departments = catalog.assignments.expand(["all-departments"])
    assert "so-gddt" in departments and "hoi-khuyen-hoc" in departments
    assert "ban-to-chuc-thanh-uy" not in departments and not DISTRICTS & set(departments)
    # the plan's, three formed in 2025, the 11 bodies named from 2025 (Decree 45/2025/NĐ-CP's
    # departments the plan does not name, HCMC's own, the Fatherland Front and its members), the
    # districts, and the 168 units of data/units.yaml
    assert len(catalog.agencies) == 20 + 3 + 11 + 22 + 168
    # "Các sở, ban ngành, đoàn thể" owes 3.2.2.a: 19 bodies in 2023, 27 on the 2025 deadline
    for cycle, count in (("2023", 19), ("2025", 27)):
        owners = catalog.owners("indicator", catalog.cycles[cycle])["3.2.2.a"]
        assert len([o for o in owners if o in departments]) == count, cycle


def test_cycles_carry_the_plan_deadlines(catalog: Catalog) -> None:
    application = catalog.cycles["2023"]
    assert application.deadlines.indicators.isoformat() == "2023-08-31"
    assert application.deadlines.answers.isoformat() == "2023-09-30"
    assert catalog.cycles["2024"].kind == "progress"
    assert catalog.cycles["2024"].deadlines.answers is None


@pytest.mark.parametrize("name", ["data/frameworks.yaml", "data/assignments.yaml"])
def test_data_text_is_nfc(name: str) -> None:
    """The files themselves are NFC (the reader normalises too, but the source must not rely on it)."""
    assert unicodedata.is_normalized("NFC", (PROJECT / name).read_text(encoding="utf-8"))
