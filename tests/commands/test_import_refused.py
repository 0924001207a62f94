"""`hcmlc import` with bad workbooks: each refused with a located message and its fix, and
nothing written for it."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from workbook_files import Filled, make, with_cached_value

from hcmlc.workbook.guard import MAX_BYTES

FILE = "submissions/2023/so-gddt.yaml"
RESEND = "hint: ask the agency to send the workbook again, saved as an Excel Workbook (.xlsx)"
SAVE_AS = (
    "hint: in Excel, File → Save As → Excel Workbook (*.xlsx); in LibreOffice, File → Save As → "
    "Excel 2007-365 (.xlsx); then send that file"
)


def refused(hcmlc, root: Path, *paths: Path, args: tuple[str, ...] = ()) -> list[str]:
    """The problem lines of an import that must fail and leave the agency's file alone."""
    before = (root / FILE).read_bytes() if (root / FILE).exists() else None
    code, output, errors = hcmlc("import", "--root", str(root), *args, *map(_short, paths))
    assert (code, errors) == (1, ""), output + errors
    after = (root / FILE).read_bytes() if (root / FILE).exists() else None
    assert after == before
    found = output.splitlines()
    return [line.strip() for line in found if "not imported" not in line][:-1]


def _short(path: Path) -> str:
    """The path as the coordinator types it, from the folder the workbooks are in."""
    return path.name if path.parent == Path.cwd() else str(path)


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    """Run from the folder the workbooks are saved in, as a coordinator would."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def workbook(hcmlc, repo, tmp_path) -> Path:
    return make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")


@pytest.fixture
def own_workbook(hcmlc, repo, tmp_path) -> Path:
    """A workbook of a city that keeps UNESCO's framework as a file of its own."""
    repo.own_frameworks()
    return make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")


def test_a_formula_gives_its_computed_value(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    cell = book.set("indicators", "1.1.1.a", "value", "=98+0.9")
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(workbook)
    with_cached_value(workbook, "Chỉ số", cell, "98.9")
    code, output, _ = hcmlc("import", "--root", str(repo.root), str(workbook))
    assert code == 0, output
    assert "    value: 98.9\n" in (repo.root / FILE).read_text(encoding="utf-8")


def test_a_formula_without_a_computed_value(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    cell = book.set("indicators", "1.1.1.a", "value", "=B4*100")
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!{cell}: error: the cell holds the formula `=B4*100` but no computed "
        "value [HCMLC-E075]",
        "hint: open the workbook in Excel or LibreOffice Calc and save it again, so that the "
        "result is stored; or type the value itself",
    ]


def test_a_formula_giving_an_error(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    cell = book.set("indicators", "1.1.1.a", "value", "=1/0")
    book.save(workbook)
    with_cached_value(workbook, "Chỉ số", cell, "#DIV/0!", error=True)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!{cell}: error: the formula `=1/0` gives the error #DIV/0! [HCMLC-E075]",
        "hint: correct the formula, or type the value itself",
    ]


def test_merged_heading_cells(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    book.sheet("indicators").merge_cells("E3:F3")
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!F3: error: the heading cells E3:F3 are merged, so the heading "
        "“Năm số liệu” is lost [HCMLC-E071]",
        "hint: unmerge them (Home → Merge & Center → Unmerge Cells) and type “Năm số liệu” back",
    ]


def test_a_deleted_heading(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    book.sheet("indicators")["G3"] = None
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!G3: error: the heading of column G was cleared; it was "
        "“Nguồn số liệu” [HCMLC-E071]",
        "hint: type “Nguồn số liệu” back in G3",
    ]


def test_merged_input_cells(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    book.sheet("indicators").merge_cells("E4:E6")
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!E4: error: the cells E4:E6 are merged; each value needs a cell of "
        "its own [HCMLC-E071]",
        "hint: unmerge them (Home → Merge & Center → Unmerge Cells)",
    ]


def test_a_renamed_sheet(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    book.sheet("indicators").title = "Sheet1"
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Sheet1!A1: error: the sheet “Chỉ số” is missing; the workbook has a "
        "sheet “Sheet1” instead: was it renamed? [HCMLC-E071]",
        "hint: rename the sheet back to “Chỉ số” (right-click its tab → Rename)",
    ]


def test_a_deleted_sheet(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    del book.book["Câu trả lời"]
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Hướng dẫn!A1: error: the sheet “Câu trả lời” was deleted [HCMLC-E071]",
        "hint: ask the coordinator for a repaired workbook, holding what the other sheets say, "
        "and type this sheet's values again",
    ]


def test_an_id_turned_into_a_date_a_repeated_id_and_values_without_an_id(
    hcmlc, repo, workbook
) -> None:
    import datetime as dt

    book = Filled(workbook)
    sheet = book.sheet("indicators")
    first = book.row("indicators", "1.1.1.a")
    sheet.cell(first, 1).value = dt.datetime(2001, 1, 1)
    sheet.cell(first + 1, 1).value = "1.3.3.a"  # 1.1.3.b's row now repeats 1.3.3.a
    sheet.cell(first + 3, 1).value = None
    sheet.cell(first + 3, 5).value = "có"
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!A4: error: the id cell holds the date 2001-01-01, not an id: a "
        "spreadsheet turned the id into a date or a number [HCMLC-E071]",
        "hint: type the id again with an apostrophe first ('1.1.1.a), or make a fresh workbook",
        f"{workbook.name}:Chỉ số!A6: error: the id `1.3.3.a` is on row 5 already [HCMLC-E071]",
        "hint: keep one row for each id: delete the copy, or merge their values",
        f"{workbook.name}:Chỉ số!A7: error: row 7 has values but no id [HCMLC-E071]",
        "hint: each row is known by its id in column A: restore it, or make a fresh workbook",
    ]


def test_an_answer_typed_in_the_locked_column_of_a_one_answer_row(hcmlc, repo, workbook) -> None:
    book = Filled(workbook)
    cell = book.set("answers", "language", "second", "french")
    book.save(workbook)
    first = cell.replace("F", "E")
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Câu trả lời!{cell}: error: this row takes one answer, in column E "
        "[HCMLC-E071]",
        f"hint: move the text to {first}, or delete it",
    ]


def test_a_workbook_for_another_agency(hcmlc, repo, workbook) -> None:
    assert refused(hcmlc, repo.root, workbook, args=("--agency", "so-y-te")) == [
        f"{workbook.name}:Hướng dẫn!B4: error: the workbook is for `so-gddt`, not `so-y-te` "
        "[HCMLC-E073]",
        "hint: check who sent it; without --agency it is written into "
        "submissions/2023/so-gddt.yaml",
    ]


def test_a_workbook_for_another_cycle(hcmlc, repo, tmp_path) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "2024.xlsx", "--cycle", "2024")
    assert refused(hcmlc, repo.root, out) == [
        f"{out.name}:Hướng dẫn!B5: error: the workbook is for cycle 2024, not cycle 2023 [HCMLC-E073]",
        "hint: to correct cycle 2024, import it with `--cycle 2024`; for cycle 2023, send the "
        "agency a fresh workbook (`hcmlc workbook --agency so-gddt --cycle 2023`)",
    ]


def test_a_workbook_made_from_an_older_data_folder_says_what_changed(
    hcmlc, repo, own_workbook
) -> None:
    workbook = own_workbook
    criteria = repo.root / "data/criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    start = text.index('- id: "1.1.1.a"')
    unit = text.index('unit: "percent"', start)
    criteria.write_text(text[:unit] + 'unit: "count"' + text[unit + 15 :], encoding="utf-8")
    book = Filled(workbook)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook) == [
        f"{workbook.name}:Chỉ số!A4: error: data/ changed since the workbook was made: indicator "
        "1.1.1.a is now measured in `count`, not `percent` [HCMLC-E072]",
        "hint: make a fresh workbook with `hcmlc workbook --agency so-gddt --cycle 2023` and "
        "enter this row again",
    ]


def test_a_data_change_the_workbook_does_not_depend_on_is_only_noted(hcmlc, repo, workbook) -> None:
    criteria = repo.root / "data/frameworks.yaml"
    criteria.write_text(criteria.read_text(encoding="utf-8") + "# a comment\n", "utf-8")
    book = Filled(workbook)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(workbook)
    code, output, _ = hcmlc("import", "--root", str(repo.root), str(workbook))
    assert code == 0
    assert output.splitlines()[2] == (
        "    note: data/frameworks.yaml changed since the workbook was made; nothing this "
        "workbook asks changed"
    )


def test_a_row_of_an_item_no_longer_owed(hcmlc, repo, workbook) -> None:
    uses = repo.root / "data/frameworks.yaml"
    text = uses.read_text(encoding="utf-8")
    assert '"1.1.1.a": ["so-gddt"]' in text
    uses.write_text(text.replace('"1.1.1.a": ["so-gddt"]', '"1.1.1.a": ["so-y-te"]'), "utf-8")
    book = Filled(workbook)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.save(workbook)
    assert refused(hcmlc, repo.root, workbook)[0] == (
        f"{workbook.name}:Chỉ số!A4: error: data/ changed since the workbook was made: `so-gddt` no "
        "longer owes indicator 1.1.1.a in cycle 2023 [HCMLC-E072]"
    )


def test_a_cell_changed_in_the_workbook_and_in_the_file_since(hcmlc, bundled, tmp_path) -> None:
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    path = bundled / FILE
    path.write_text(path.read_text(encoding="utf-8").replace("value: 98.9", "value: 98.7"), "utf-8")
    book = Filled(out)
    cell = book.set("indicators", "1.1.1.a", "value", 99.1)
    book.save(out)
    assert refused(hcmlc, bundled, out, args=("--cycle", "2023")) == [
        f"{out.name}:Chỉ số!{cell}: error: {cell} (Giá trị) was “98.9” when the workbook was "
        "made, the file now says “98.7”, and the workbook says “99.1” [HCMLC-E074]",
        "hint: both changed it: check which is right, then correct the file, or make a fresh "
        "workbook and enter the change there",
    ]


def test_two_workbooks_of_one_agency_in_one_run(hcmlc, repo, workbook, tmp_path) -> None:
    book = Filled(workbook)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(workbook)
    second = shutil.copy(workbook, tmp_path / "copy.xlsx")
    assert refused(hcmlc, repo.root, workbook, Path(second)) == [
        f"{workbook.name}:Hướng dẫn!B4: error: copy.xlsx is a second workbook of `so-gddt` for cycle "
        "2023 in this run [HCMLC-E027]",
        "hint: import them one at a time, so that the second is checked against the first",
        "copy.xlsx:Hướng dẫn!B4: error: a second submission of `so-gddt` for cycle 2023: "
        "so-gddt.xlsx is the first [HCMLC-E027]",
        "hint: import them one at a time, so that the second is checked against the first",
    ]
    assert not (repo.root / FILE).exists()


def test_an_empty_workbook_has_nothing_to_import(hcmlc, repo, workbook) -> None:
    code, output, _ = hcmlc("import", "--root", str(repo.root), workbook.name)
    assert (code, output.splitlines()) == (
        0,
        [f"{workbook.name}: nothing to import: every input cell is empty"],
    )
    assert not (repo.root / FILE).exists()


def test_the_hidden_sheet_missing_damaged_or_newer(hcmlc, repo, workbook, tmp_path) -> None:
    book = Filled(workbook)
    del book.book["hcmlc"]
    missing = book.save(tmp_path / "missing.xlsx")
    book = Filled(workbook)
    book.book["hcmlc"]["A2"] = "agent"
    damaged = book.save(tmp_path / "damaged.xlsx")
    book = Filled(workbook)
    book.book["hcmlc"]["B1"] = "3"
    newer = book.save(tmp_path / "newer.xlsx")
    hint = (
        "hint: import only workbooks made by `hcmlc workbook`, as the agency returned them; for "
        "another file, make a fresh workbook and copy the values into it"
    )
    assert refused(hcmlc, repo.root, missing, damaged, newer) == [
        "missing.xlsx:1:1: error: the workbook was not made by `hcmlc workbook`: it has no sheet "
        "`hcmlc` [HCMLC-E073]",
        hint,
        "damaged.xlsx:hcmlc!A2: error: the hidden sheet `hcmlc` is damaged: row 2 is not one "
        "hcmlc writes [HCMLC-E073]",
        hint,
        "newer.xlsx:hcmlc!A1: error: the workbook was made by a newer hcmlc (format version 3) "
        "[HCMLC-E073]",
        "hint: update hcmlc, then import it",
    ]


def _zip(parts: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


def test_files_that_are_no_workbook_hcmlc_reads(hcmlc, repo, workbook, tmp_path) -> None:
    real = {n: zipfile.ZipFile(workbook).read(n) for n in zipfile.ZipFile(workbook).namelist()}
    cases = {
        "text.xlsx": b"agency: so-gddt\n",
        "empty.xlsx": b"",
        "encrypted.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "EncryptedPackage".encode("utf-16-le"),
        "old.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "word.xlsx": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
        "macros.xlsx": _zip(
            {
                **real,
                "[Content_Types].xml": real["[Content_Types].xml"].replace(
                    b"sheet.main+xml", b"sheet.macroEnabled.main+xml"
                ),
            }
        ),
        "bomb.xlsx": _zip({**real, "xl/media/zeros.bin": b"\0" * 60_000_000}),
        "dtd.xlsx": _zip(
            {
                **real,
                "xl/workbook.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + real["xl/workbook.xml"],
            }
        ),
        "torn.xlsx": workbook.read_bytes()[:4000],
    }
    paths = []
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    macro_ext = shutil.copy(workbook, tmp_path / "so-gddt.xlsm")
    big = tmp_path / "big.xlsx"
    with big.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    found = refused(hcmlc, repo.root, *paths, Path(macro_ext), big, tmp_path / "absent.xlsx")
    unpacked = sum(i.file_size for i in zipfile.ZipFile(tmp_path / "bomb.xlsx").infolist())
    assert found == [
        "text.xlsx:1:1: error: the file is not an Excel workbook (.xlsx) [HCMLC-E070]",
        RESEND,
        "empty.xlsx:1:1: error: the file is empty, not a workbook [HCMLC-E070]",
        RESEND,
        "encrypted.xlsx:1:1: error: the workbook is protected by a password (encrypted), so it "
        "cannot be read [HCMLC-E070]",
        "hint: remove the password and send it again: in Excel, File → Info → Protect Workbook "
        "→ Encrypt with Password, delete the password, save; in LibreOffice, File → Save As, "
        "untick “Save with password”, save",
        "old.xlsx:1:1: error: the file is an old Excel 97–2003 workbook (.xls), not an .xlsx "
        "workbook [HCMLC-E070]",
        SAVE_AS,
        "word.xlsx:1:1: error: the file is a Word document, not an Excel workbook [HCMLC-E070]",
        RESEND,
        "macros.xlsx:1:1: error: the workbook is macro-enabled (.xlsm); hcmlc reads only .xlsx "
        "workbooks [HCMLC-E070]",
        SAVE_AS,
        f"bomb.xlsx:1:1: error: the workbook unpacks to {unpacked:,} bytes, over the limit of "
        "20,000,000 [HCMLC-E070]",
        RESEND,
        "dtd.xlsx:1:1: error: the part xl/workbook.xml of the workbook declares a DTD or "
        "entities [HCMLC-E070]",
        "hint: a workbook saved by Excel or LibreOffice has none: save it again as .xlsx",
        "torn.xlsx:1:1: error: the workbook is damaged: File is not a zip file [HCMLC-E070]",
        RESEND,
        "so-gddt.xlsm:1:1: error: the workbook is macro-enabled (.xlsm); hcmlc reads only .xlsx "
        "workbooks [HCMLC-E070]",
        SAVE_AS,
        "big.xlsx:1:1: error: the file is 5,000,001 bytes, over the limit of 5,000,000 "
        "[HCMLC-E050]",
        "hint: a workbook holds figures and texts only: delete pictures and other sheets, or make "
        "a fresh workbook with `hcmlc workbook`",
        "absent.xlsx:1:1: error: cannot read the file: no such file [HCMLC-E006]",
    ]


def test_items_owed_since_the_workbook_was_made_are_noted(hcmlc, repo, workbook) -> None:
    uses = repo.root / "data/frameworks.yaml"
    text = uses.read_text(encoding="utf-8")
    old = '"2.4.2.b": ["so-tttt"]'  # an indicator of so-tttt, now so-gddt's too
    assert old in text
    uses.write_text(text.replace(old, '"2.4.2.b": ["so-gddt", "so-tttt"]'), "utf-8")
    book = Filled(workbook)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.sheet("indicators").delete_rows(book.row("indicators", "1.1.3.b"))  # deleted: not new
    book.save(workbook)
    code, output, _ = hcmlc("import", "--root", str(repo.root), workbook.name)
    assert code == 0, output
    note = next(line for line in output.splitlines() if "lacks" in line)
    assert note == (
        "    note: the workbook lacks 1 item owed now (2.4.2.b): send the agency a fresh workbook"
    )
