"""Columns found as `workbook` issued them: a moved column realigned, a deleted, renamed or
added one refused saying exactly what changed; following the hints never gives one column's
cells to another field; `--repair-to` writes a fresh workbook with what was read for certain."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

FILE = "submissions/2023/so-gddt.yaml"
TYPED = {
    "value": 98.5,
    "year": 2022,
    "source": "Niên giám thống kê",
    "evidence": "https://example.org/nien-giam",
    "note": "Số liệu của Sở",
}


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def filled(hcmlc, repo, tmp_path) -> Filled:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx"))
    for column, value in TYPED.items():
        book.set("indicators", "1.1.1.a", column, value)
    return book


def run(hcmlc, root: Path, path: Path, *args: str) -> tuple[int, list[str]]:
    before = (root / FILE).read_bytes() if (root / FILE).exists() else None
    code, output, errors = hcmlc("import", "--root", str(root), *args, path.name)
    assert errors == "", errors
    if code:
        after = (root / FILE).read_bytes() if (root / FILE).exists() else None
        assert after == before  # nothing written for a refused workbook
    return code, [line.strip() for line in output.splitlines()]


def entry(root: Path) -> dict[str, str]:
    data = parse_yaml((root / FILE).read_text(encoding="utf-8"), FILE).data
    return dict(data["indicators"]["1.1.1.a"])


def test_a_deleted_column_followed_hint_by_hint_never_misfiles(
    hcmlc, repo, filled, tmp_path
) -> None:
    sheet = filled.sheet("indicators")
    sheet.delete_cols(8)  # Minh chứng: Ghi chú is now H, Hạn nộp I
    path = filled.save(tmp_path / "deleted.xlsx")
    code, lines = run(hcmlc, repo.root, path)
    assert code == 1
    assert lines[1:3] == [
        "deleted.xlsx:Chỉ số!H3: error: the column “Minh chứng” was deleted: it stood before "
        "column H [HCMLC-E071]",
        "hint: insert an empty column before column H (right-click the letter H → Insert "
        "Columns Before) and type “Minh chứng” in H3; or ask the coordinator for a repaired "
        "workbook",
    ]
    book = Filled(path)  # the hint, step by step
    book.sheet("indicators").insert_cols(8)
    book.sheet("indicators")["H3"] = "Minh chứng"
    code, lines = run(hcmlc, repo.root, book.save(tmp_path / "mended.xlsx"))
    assert code == 0, lines
    assert entry(repo.root) == {
        "value": "98.5",
        "unit": "percent",
        "year": "2022",
        "source": "Niên giám thống kê",
        "note": "Số liệu của Sở",  # the note stays a note; the lost evidence is no one's
    }


def test_a_heading_typed_over_another_is_never_offered(hcmlc, repo, filled, tmp_path) -> None:
    """The hint of the old reader (write the heading back where it stood) put the notes under
    the evidence heading; now a cell holding another issued heading is never named."""
    filled.sheet("indicators").delete_cols(8)
    filled.sheet("indicators")["H3"] = "Minh chứng"  # over Ghi chú
    code, lines = run(hcmlc, repo.root, filled.save(tmp_path / "over.xlsx"))
    assert code == 1
    assert lines[1] == (
        "over.xlsx:Chỉ số!I3: error: the column “Ghi chú” was deleted: it stood before column I "
        "[HCMLC-E071]"
    )


def test_repair_to_writes_what_was_read_for_certain(hcmlc, repo, filled, tmp_path) -> None:
    filled.sheet("indicators").delete_cols(8)
    path = filled.save(tmp_path / "deleted.xlsx")
    code, lines = run(hcmlc, repo.root, path, "--repair-to", "repaired.xlsx")
    assert code == 1
    assert (
        lines[-1]
        == "deleted.xlsx: a repaired workbook, pre-filled with what was read: repaired.xlsx"
    )
    repaired = Filled(tmp_path / "repaired.xlsx")
    row = repaired.row("indicators", "1.1.1.a")
    sheet = repaired.sheet("indicators")
    assert [sheet.cell(row, c).value for c in range(5, 11)] == [
        98.5,
        2022,
        "Niên giám thống kê",
        None,
        "Số liệu của Sở",
        "31/08/2023",
    ]
    code, lines = run(hcmlc, repo.root, tmp_path / "repaired.xlsx")
    assert code == 0, lines
    assert entry(repo.root)["note"] == "Số liệu của Sở"


def test_a_moved_column_is_realigned_by_its_heading(hcmlc, repo, filled, tmp_path) -> None:
    sheet = filled.sheet("indicators")
    sheet.move_range("G3:G4", cols=5)  # Nguồn số liệu to L, beyond the last column (Xoá)
    sheet.delete_cols(7)
    code, lines = run(hcmlc, repo.root, filled.save(tmp_path / "moved.xlsx"))
    assert code == 0, lines
    assert entry(repo.root)["source"] == "Niên giám thống kê"
    assert entry(repo.root)["note"] == "Số liệu của Sở"


def test_a_renamed_heading(hcmlc, repo, filled, tmp_path) -> None:
    filled.sheet("indicators")["I3"] = "Ghi chú thêm"
    code, lines = run(hcmlc, repo.root, filled.save(tmp_path / "renamed.xlsx"))
    assert code == 1
    assert lines[1:3] == [
        "renamed.xlsx:Chỉ số!I3: error: the heading of column I was changed to “Ghi chú thêm”; "
        "it was “Ghi chú” [HCMLC-E071]",
        "hint: type “Ghi chú” back in I3",
    ]


def test_an_inserted_column(hcmlc, repo, filled, tmp_path) -> None:
    sheet = filled.sheet("indicators")
    sheet.insert_cols(6)
    sheet["F3"] = "Ghi chú riêng"
    code, lines = run(hcmlc, repo.root, filled.save(tmp_path / "empty.xlsx"))
    assert code == 0, lines  # an empty column is no one's business
    (repo.root / FILE).unlink()
    sheet["F4"] = "riêng"
    code, lines = run(hcmlc, repo.root, filled.save(tmp_path / "inserted.xlsx"))
    assert code == 1
    assert lines[1:3] == [
        "inserted.xlsx:Chỉ số!F3: error: column F (“Ghi chú riêng”) was not in the workbook as "
        "issued: its values are not read [HCMLC-E071]",
        "hint: move its values into the yellow cells of the issued columns, then delete column F",
    ]


def test_the_issued_layout_is_in_the_hidden_sheet(hcmlc, repo, tmp_path) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    rows = [tuple(r) for r in load_workbook(made)["hcmlc"].iter_rows(values_only=True)]
    assert ("columns", "indicators", "id", "criterion", "indicator", "measure") in [
        r[:6] for r in rows
    ]
    assert ("headings", "indicators", "Mã", "Tiêu chí") in [r[:4] for r in rows]


def test_a_deleted_sheet_is_refused_and_repaired_with_the_other_sheets(
    hcmlc, repo, filled, tmp_path
) -> None:
    del filled.book["Câu trả lời"]
    path = filled.save(tmp_path / "no-answers.xlsx")
    code, lines = run(hcmlc, repo.root, path, "--repair-to", "repaired.xlsx")
    assert code == 1
    assert lines[1] == (
        "no-answers.xlsx:Hướng dẫn!A1: error: the sheet “Câu trả lời” was deleted [HCMLC-E071]"
    )
    repaired = load_workbook(tmp_path / "repaired.xlsx")
    assert "Câu trả lời" in repaired.sheetnames
    assert (
        Filled(tmp_path / "repaired.xlsx").sheet("indicators")["G4"].value == "Niên giám thống kê"
    )
