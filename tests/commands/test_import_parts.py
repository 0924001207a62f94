"""Indicators that ask for several figures (`parts`) in a ward's workbook: a row per part, the
share computed by the spreadsheet, `parts:` written as `new-submission` writes them; and each
way of getting the parts wrong refused at its cell, with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

WARD = "phuong-phu-loi"
FILE = f"submissions/2025/{WARD}.yaml"
COUNTS = {
    "3.3.4.a": {"households-sharing": 73, "households": 479},
    "mh.1.1.a": {"learning-families": 8133, "families": 10215},
    "mh.1.2.a": {"learning-clans": 18, "clans": 25},
    "mh.1.3.a": {"learning-communities": 37, "communities": 54},
    "mh.2.1.a": {"learning-units": 47, "units": 59},
    "mh.3.1.a": {"learning-citizens": 337, "registered": 346},
}
"""The two counts a ward types for each of its indicators with parts."""
STATES = {"2.6.2.a": 81.5, "2.6.3.a": "có", "3.2.2.a": "không", "3.3.2.a": "cao", "3.3.3.a": "thấp"}
"""And a value for each of its other indicators."""


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    """Run from the folder the workbooks are saved in, as a coordinator would."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def workbook(hcmlc, repo, tmp_path) -> Path:
    return make(hcmlc, repo.root, WARD, tmp_path / f"{WARD}.xlsx", "--cycle", "2025")


def fill(path: Path, out: Path) -> Path:
    """Every item of the ward typed, as its office would."""
    book = Filled(path)
    for item, parts in COUNTS.items():
        for part, count in parts.items():
            book.set("indicators", f"{item}/{part}", "value", count)
        book.set("indicators", item, "year", 2025)
        book.set("indicators", item, "source", "Báo cáo của phường")
    for item, value in STATES.items():
        book.set("indicators", item, "value", value)
        book.set("indicators", item, "year", 2025)
    return book.save(out)


def imported(hcmlc, root: Path, path: Path) -> str:
    code, output, errors = hcmlc("import", "--root", str(root), "--cycle", "2025", str(path))
    assert (code, errors) == (0, ""), output + errors
    return output


def refused(hcmlc, root: Path, path: Path) -> list[str]:
    """The problem lines of an import that must fail and leave the ward's file alone."""
    before = (root / FILE).read_bytes() if (root / FILE).exists() else None
    code, output, errors = hcmlc("import", "--root", str(root), "--cycle", "2025", path.name)
    assert (code, errors) == (1, ""), output + errors
    after = (root / FILE).read_bytes() if (root / FILE).exists() else None
    assert after == before
    return [line.strip() for line in output.splitlines() if "not imported" not in line][:-1]


def test_each_part_has_its_row_labelled_and_validated_and_the_share_is_a_formula(
    workbook,
) -> None:
    sheet = load_workbook(workbook)["Chỉ số"]
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    own, first, second = (
        rows[k] for k in ("mh.1.1.a", "mh.1.1.a/learning-families", "mh.1.1.a/families")
    )
    assert (own + 1, own + 2) == (first, second)
    assert [sheet.cell(first, c).value for c in (3, 4)] == [
        "Số gia đình được công nhận danh hiệu “Gia đình học tập”",
        "số lượng (số nguyên) (từ 0 trở lên)",
    ]
    assert sheet.cell(second, 3).value == "Tổng số hộ gia đình trên địa bàn"
    assert sheet.cell(own, 4).value == "phần trăm, tự tính từ 2 số ở các dòng bên dưới"
    share = sheet.cell(own, 5)
    assert (
        share.value
        == f'=IF(AND(ISNUMBER(E{first}),ISNUMBER(E{second}),E{second}>0),E{first}/E{second},"")'
    )
    assert (share.number_format, share.protection.locked) == ("0.0%", True)
    assert not sheet.cell(first, 5).protection.locked
    assert all(sheet.cell(first, c).protection.locked for c in (6, 7, 8, 9))  # year … note
    assert not sheet.cell(own, 6).protection.locked  # the year is on the indicator's row
    rules = {
        str(v.sqref): (v.type, v.operator, v.formula1, v.promptTitle)
        for v in sheet.data_validations.dataValidation
    }
    assert rules[f"E{first}"] == (
        "whole",
        "greaterThanOrEqual",
        "0",
        "Số gia đình được công nhận danh ",
    )
    assert rules[f"E{second}"][:3] == ("whole", "greaterThanOrEqual", "0")
    instructions = load_workbook(workbook)["Hướng dẫn"]
    assert instructions["B8"].value == "11 chỉ số, 0 câu trả lời"


def test_a_ward_round_trip_writes_parts_exactly_and_changes_nothing_the_second_time(
    hcmlc, repo, workbook, tmp_path
) -> None:
    output = imported(hcmlc, repo.root, fill(workbook, tmp_path / "filled.xlsx"))
    assert "11 added" in output
    data = parse_yaml((repo.root / FILE).read_text(encoding="utf-8"), FILE).data
    for item, parts in COUNTS.items():
        assert data["indicators"][item] == {
            "parts": {part: str(count) for part, count in parts.items()},
            "year": "2025",
            "source": "Báo cáo của phường",
        }
    text = (repo.root / FILE).read_text(encoding="utf-8")
    assert (
        "  mh.1.1.a:\n    parts:\n      learning-families: 8133\n      families: 10215\n"
        "    year: 2025\n    source: Báo cáo của phường\n"
    ) in text
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    code, status, _ = hcmlc("status", "--root", str(repo.root), "--cycle", "2025", "--agency", WARD)
    assert code == 0 and "Progress: 11 of 11 supplied (100%), 0 overdue" in status, status
    # received today (`received:`, the import's day), after the 2025 deadline: supplied late
    states = ("supplied  indicator ", "supplied late  indicator ")
    assert sum(line.startswith(states) for line in status.splitlines()) == 11

    again = make(hcmlc, repo.root, WARD, tmp_path / "again.xlsx", "--cycle", "2025")
    book = Filled(again)
    assert (
        book.sheet("indicators")[book.ref("indicators", "mh.1.1.a/families", "value")].value
        == 10215
    )
    before = (repo.root / FILE).read_bytes()
    output = imported(hcmlc, repo.root, again)
    assert output == f"{again}: nothing to import: no cell was changed since it was made\n"
    assert (repo.root / FILE).read_bytes() == before


def test_a_corrected_count_changes_that_part_alone(hcmlc, repo, workbook, tmp_path) -> None:
    imported(hcmlc, repo.root, fill(workbook, tmp_path / "filled.xlsx"))
    book = Filled(make(hcmlc, repo.root, WARD, tmp_path / "again.xlsx", "--cycle", "2025"))
    book.set("indicators", "mh.1.2.a/clans", "value", 26)
    output = imported(hcmlc, repo.root, book.save(tmp_path / "corrected.xlsx"))
    assert "1 changed" in output and "clans: 25 → 26" in output, output
    text = (repo.root / FILE).read_text(encoding="utf-8")
    assert "      learning-clans: 18\n      clans: 26\n" in text


OWN, FIRST, SECOND = "mh.1.1.a", "mh.1.1.a/learning-families", "mh.1.1.a/families"


def _one(hcmlc, repo, workbook, tmp_path, cells: dict[str, object] | None = None) -> list[str]:
    """mh.1.1.a with the year typed and `cells` (row id → value, or value and number format)
    set in the value column."""
    book = Filled(workbook)
    book.set("indicators", OWN, "year", 2025)
    for key, value in (cells or {}).items():
        number_format = None
        if isinstance(value, tuple):
            value, number_format = value
        book.set("indicators", key, "value", value, number_format)
    return refused(hcmlc, repo.root, book.save(tmp_path / "bad.xlsx"))


def test_a_share_typed_where_the_counts_are_asked(hcmlc, repo, workbook, tmp_path) -> None:
    assert _one(hcmlc, repo, workbook, tmp_path, {FIRST: 79.6}) == [
        "bad.xlsx:Chỉ số!E13: error: E13 (Số gia đình được công nhận danh hiệu “Gia đình học "
        "tập”) asks for a count, a whole number, not the share 79.6 [HCMLC-E064]",
        "hint: type the two counts, Số gia đình được công nhận danh hiệu “Gia đình học tập” (E13), "
        "Tổng số hộ gia đình trên địa bàn (E14): the workbook computes the share from them",
    ]
    cells = {FIRST: (0.796, "0.0%"), SECOND: 100}
    assert _one(hcmlc, repo, workbook, tmp_path, cells)[0].endswith(
        "asks for a count, a whole number, not the share 79.6% [HCMLC-E064]"
    )


def test_one_part_empty(hcmlc, repo, workbook, tmp_path) -> None:
    assert _one(hcmlc, repo, workbook, tmp_path, {FIRST: 8133}) == [
        "bad.xlsx:Chỉ số!E14: error: E14 (Tổng số hộ gia đình trên địa bàn) is empty, but E13 "
        "(Số gia đình được công nhận danh hiệu “Gia đình học tập”) is filled [HCMLC-E064]",
        "hint: type Tổng số hộ gia đình trên địa bàn in E14; to leave indicator mh.1.1.a out, "
        "clear E13 as well",
    ]


def test_both_parts_empty_but_the_year_typed(hcmlc, repo, workbook, tmp_path) -> None:
    assert _one(hcmlc, repo, workbook, tmp_path)[0] == (
        "bad.xlsx:Chỉ số!E13: error: the figures of indicator mh.1.1.a are empty (E13, E14), "
        "but F12 is filled [HCMLC-E064]"
    )


def test_a_part_typed_as_text_with_a_separator(hcmlc, repo, workbook, tmp_path) -> None:
    cells = {FIRST: "1.234", SECOND: 2000}
    assert _one(hcmlc, repo, workbook, tmp_path, cells) == [
        "bad.xlsx:Chỉ số!E13: error: E13 (Số gia đình được công nhận danh hiệu “Gia đình học "
        "tập”) holds the text 1.234, with a separator [HCMLC-E022]",
        "hint: type the number alone, without dots, commas or spaces: 1234",
    ]


def test_a_numerator_above_its_denominator(hcmlc, repo, workbook, tmp_path) -> None:
    cells = {FIRST: 120, SECOND: 100}
    assert _one(hcmlc, repo, workbook, tmp_path, cells) == [
        "bad.xlsx:Chỉ số!E13: error: E13 (Số gia đình được công nhận danh hiệu “Gia đình học "
        "tập”: 120) is above E14 (Tổng số hộ gia đình trên địa bàn: 100): the share would be "
        "over 100% [HCMLC-E064]",
        "hint: check both counts: the first, E13, is counted out of the second, E14",
    ]
    cells = {FIRST: 0, SECOND: 0}
    assert _one(hcmlc, repo, workbook, tmp_path, cells)[0] == (
        "bad.xlsx:Chỉ số!E14: error: E14 (Tổng số hộ gia đình trên địa bàn) is 0 [HCMLC-E064]"
    )


def test_the_share_overwritten_with_a_number(hcmlc, repo, workbook, tmp_path) -> None:
    cells = {OWN: 79.6, FIRST: 8133, SECOND: 10215}
    assert _one(hcmlc, repo, workbook, tmp_path, cells) == [
        "bad.xlsx:Chỉ số!E12: error: E12 (Giá trị) shows the share the workbook computes from "
        "E13 and E14, but 79.6 was typed over its formula [HCMLC-E071]",
        "hint: type the two counts in E13 (Số gia đình được công nhận danh hiệu “Gia đình học "
        "tập”) and E14 (Tổng số hộ gia đình trên địa bàn), and type the formula =E13/E14 back "
        "in E12 (or ask for a fresh workbook)",
    ]


def test_a_hand_made_share_formula_over_the_same_cells_is_fine(
    hcmlc, repo, workbook, tmp_path
) -> None:
    book = Filled(workbook)
    book.set("indicators", "mh.1.1.a", "value", "=E13/E14")
    book.set("indicators", "mh.1.1.a", "year", 2025)
    book.set("indicators", "mh.1.1.a/learning-families", "value", 8133)
    book.set("indicators", "mh.1.1.a/families", "value", 10215)
    imported(hcmlc, repo.root, book.save(tmp_path / "own.xlsx"))
    data = parse_yaml((repo.root / FILE).read_text(encoding="utf-8"), FILE).data
    assert data["indicators"]["mh.1.1.a"]["parts"] == {
        "learning-families": "8133",
        "families": "10215",
    }


def test_rows_of_parts_moved_apart(hcmlc, repo, workbook, tmp_path) -> None:
    book = Filled(workbook)
    sheet = book.sheet("indicators")
    book.set("indicators", "mh.1.1.a/families", "value", 10215)
    book.set("indicators", "mh.1.1.a/learning-families", "value", 8133)
    book.set("indicators", "mh.1.1.a", "year", 2025)
    row = book.row("indicators", "mh.1.1.a/families")
    last = sheet.max_row + 1
    for column in range(1, 11):  # the row cut and pasted below the last one
        sheet.cell(last, column).value = sheet.cell(row, column).value
        sheet.cell(row, column).value = None
    assert refused(hcmlc, repo.root, book.save(tmp_path / "moved.xlsx")) == [
        f"moved.xlsx:Chỉ số!A{last}: error: the rows of indicator mh.1.1.a were moved apart: "
        f"mh.1.1.a/families is on row {last}, not right below row 12 [HCMLC-E071]",
        f"hint: move rows 13, {last} back right below row 12, in this order: "
        "mh.1.1.a/learning-families, mh.1.1.a/families",
    ]


def test_a_year_typed_on_a_part_row(hcmlc, repo, workbook, tmp_path) -> None:
    book = Filled(workbook)
    book.set("indicators", "mh.1.1.a/learning-families", "value", 8133)
    book.set("indicators", "mh.1.1.a/families", "value", 10215)
    book.set("indicators", "mh.1.1.a/families", "year", 2025)
    assert refused(hcmlc, repo.root, book.save(tmp_path / "year.xlsx")) == [
        "year.xlsx:Chỉ số!F14: error: F14 takes nothing: the Năm số liệu of indicator mh.1.1.a "
        "goes in its own row, in F12 [HCMLC-E071]",
        "hint: move what F14 holds to F12",
    ]


def test_a_workbook_issued_before_the_parts_changed(hcmlc, repo, tmp_path) -> None:
    repo.own_frameworks()  # a city that keeps the learning models as a file of its own
    workbook = make(hcmlc, repo.root, WARD, tmp_path / f"{WARD}.xlsx", "--cycle", "2025")
    models = repo.root / "data/frameworks/learning-models.yaml"
    text = models.read_text(encoding="utf-8")
    models.write_text(text.replace('- id: "families"', '- id: "households"', 1), "utf-8")
    book = Filled(workbook)
    book.set("indicators", "mh.1.1.a/learning-families", "value", 8133)
    book.set("indicators", "mh.1.1.a/families", "value", 10215)
    book.set("indicators", "mh.1.1.a", "year", 2025)
    assert refused(hcmlc, repo.root, book.save(tmp_path / "old.xlsx")) == [
        "old.xlsx:Chỉ số!A12: error: the indicator changed since the workbook was made: "
        "indicator mh.1.1.a now asks for its figures in the rows below it (learning-families, "
        "households) [HCMLC-E072]",
        "hint: ask the coordinator for a fresh workbook (hcmlc workbook --agency "
        "phuong-phu-loi --cycle 2025) and type these figures there",
    ]


def test_two_figures_that_are_no_ratio_have_no_share(hcmlc, repo, tmp_path) -> None:
    court = make(hcmlc, repo.root, "toa-an", tmp_path / "toa-an.xlsx")
    book = Filled(court)
    own = book.row("indicators", "1.1.4.a")
    assert book.sheet("indicators").cell(own, 5).value is None
    assert book.sheet("indicators").cell(own, 4).value == (
        "trên 100.000 dân: ghi 2 số ở các dòng bên dưới"
    )
    book.set("indicators", "1.1.4.a/cases", "value", 52.5)
    book.set("indicators", "1.1.4.a/persons", "value", 61.25)
    book.set("indicators", "1.1.4.a", "year", 2022)
    code, output, errors = hcmlc(
        "import", "--root", str(repo.root), str(book.save(tmp_path / "c.xlsx"))
    )
    assert (code, errors) == (0, ""), output
    data = parse_yaml((repo.root / "submissions/2023/toa-an.yaml").read_text("utf-8"), "x").data
    assert data["indicators"]["1.1.4.a"] == {
        "parts": {"cases": "52.5", "persons": "61.25"},
        "year": "2022",
    }


def test_a_wards_figures_imported_after_a_view_are_in_the_next_view(
    hcmlc, bundled, tmp_path, private_cache, monkeypatch
) -> None:
    """The seam of a ward's channel and history without re-reading it: a view keeps each folder
    of submissions as one record (repository/cache_folders.py); a ward's workbook imported after
    it changes its folder, and the next view shows the ward's figures, as a run without any
    cache does."""

    def status() -> dict:
        args = ("status", "--root", str(bundled), "--format", "json", "--agency", WARD)
        code, out, err = hcmlc(*args)
        assert (code, err) == (0, ""), out + err
        return json.loads(out)

    before = status()
    assert list((private_cache / "records").glob("folder-*"))  # the view kept its folders
    workbook = make(hcmlc, bundled, WARD, tmp_path / f"{WARD}.xlsx", "--cycle", "2025")
    imported(hcmlc, bundled, fill(workbook, tmp_path / "filled.xlsx"))
    after = status()
    assert after["total"]["supplied"] > before["total"]["supplied"]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "no-cache-yet"))
    assert status() == after
