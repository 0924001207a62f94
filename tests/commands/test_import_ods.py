"""LibreOffice's own format: a workbook saved as .ods by LibreOffice Calc imports as its .xlsx
does (same checks, cells located as `Sheet!E12`); files of other kinds are refused with the
steps to save them right. The tests that need `soffice` are skipped without it.

Their workbooks go through Calc once in the run, all in one start of it (`prepared`,
calc_files.py: a start costs a second of CPU); each test imports them into its own repository."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from calc_files import SOFFICE, Prepared, in_process, saved_by_calc
from workbook_files import Filled, make

from hcmlc.workbook.ods import read_ods
from hcmlc.workbook.xlsx import MAX_CELLS, XlsxError
from hcmlc.yamlfiles.reader import parse_yaml
from repositories import application_repo
from shared_work import Shared

needs_calc = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
WARD, FILE = "phuong-phu-loi", "submissions/2025/phuong-phu-loi.yaml"
COUNTS = {
    "mh.1.1.a": {"learning-families": 8133, "families": 10215},
    "mh.2.1.a": {"learning-units": 47, "units": 59},
}
INDICATORS = {
    item: {"parts": {p: str(n) for p, n in parts.items()}, "year": "2025"}
    for item, parts in COUNTS.items()
}
"""The ward's submission after the import of `filled`."""


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def filled(hcmlc, root: Path, folder: Path) -> Filled:
    book = Filled(make(hcmlc, root, WARD, folder / f"{WARD}.xlsx", "--cycle", "2025"))
    for item, parts in COUNTS.items():
        for part, count in parts.items():
            book.set("indicators", f"{item}/{part}", "value", count)
        book.set("indicators", item, "year", 2025)
    return book


def merged(hcmlc, root: Path, folder: Path) -> Path:
    """The ward's workbook with a count above its total and two cells merged."""
    book = filled(hcmlc, root, folder)
    book.set("indicators", "mh.2.1.a/learning-units", "value", 60)  # above its 59 units
    sheet = book.sheet("indicators")
    sheet.merge_cells("H4:I4")
    return book.save(folder / "merged.xlsx")


def prepare(folder: Path, home: Path) -> dict[str, object]:
    """The workbooks of this module's tests saved as .ods by Calc in one start of it
    (calc_files.py): the filled and the merged ones, and the ward's copy issued again after the
    import, from a repository into which the filled workbook was imported as openpyxl saved it
    (which holds what the test's import of Calc's copy holds: asserted here and there)."""
    hcmlc, key = in_process(folder)
    root = application_repo(folder / "repo")
    made = folder / "made"
    made.mkdir()
    books = [filled(hcmlc, root, made).save(made / "filled.xlsx"), merged(hcmlc, root, made)]
    assert hcmlc("import", "--root", str(root), "--cycle", "2025", str(books[0]))[0] == 0
    assert parse_yaml((root / FILE).read_text("utf-8"), FILE).data["indicators"] == INDICATORS
    books.append(make(hcmlc, root, WARD, made / "again.xlsx", "--cycle", "2025"))
    saved = saved_by_calc(books, "ods", folder / "ods", home)
    names = ("filled", "merged", "again")
    files = {name: str(path) for name, path in zip(names, saved, strict=True)}
    return {"files": files, "key": str(key)}


@pytest.fixture(scope="session")
def prepared(tmp_path_factory, calc_home) -> Prepared:
    """This module's workbooks saved as .ods by Calc, once in the run (see calc_files.py)."""
    shared = Shared(tmp_path_factory, "calc")
    return Prepared.of(shared.get("ods", lambda folder: prepare(folder, calc_home)))


def run(hcmlc, root: Path, path: Path) -> tuple[int, list[str]]:
    code, output, errors = hcmlc("import", "--root", str(root), "--cycle", "2025", path.name)
    assert errors == ""
    return code, [line.strip() for line in output.splitlines()]


@needs_calc
def test_a_ward_round_trip_through_an_ods_saved_by_calc(
    hcmlc, repo, tmp_path, prepared, monkeypatch
) -> None:
    monkeypatch.setenv("HCMLC_KEY_FILE", str(prepared.key))  # the key that sealed them
    ods = prepared.copy("filled", tmp_path)  # filled, saved as .ods by Calc
    code, lines = run(hcmlc, repo.root, ods)
    assert code == 0, lines
    data = parse_yaml((repo.root / FILE).read_text("utf-8"), FILE).data
    assert data["indicators"] == INDICATORS
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    before = (repo.root / FILE).read_bytes()
    again = prepared.copy("again", tmp_path)  # issued after the import, saved as .ods by Calc
    code, lines = run(hcmlc, repo.root, again)
    assert code == 0 and "nothing to import" in lines[0], lines
    assert (repo.root / FILE).read_bytes() == before


@needs_calc
def test_an_ods_with_merged_cells_and_a_bad_count_is_refused_at_its_cells(
    hcmlc, repo, tmp_path, prepared, monkeypatch
) -> None:
    monkeypatch.setenv("HCMLC_KEY_FILE", str(prepared.key))  # the key that sealed it
    ods = prepared.copy("merged", tmp_path)  # merged, saved as .ods by Calc
    assert read_ods(ods.read_bytes()).sheets["Chỉ số"].merged == [(4, 8, 4, 9)]
    code, lines = run(hcmlc, repo.root, ods)
    assert code == 1
    assert lines[1:3] == [
        "merged.ods:Chỉ số!H4: error: the cells H4:I4 are merged; each value needs a cell of "
        "its own [HCMLC-E071]",
        "hint: unmerge them (Home → Merge & Center → Unmerge Cells)",
    ]
    assert any(
        "E22 (Số cơ quan, đơn vị, tổ chức" in line and "is above E23" in line for line in lines
    )
    assert not (repo.root / FILE).exists()


def test_an_ods_is_bounded_however_it_repeats_its_cells() -> None:
    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="S">'
        '<table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    with pytest.raises(XlsxError, match=f"more than {MAX_CELLS:,} cells"):
        read_ods(stream.getvalue())
    empty = content.replace(' office:value-type="float" office:value="1"><text:p>1</text:p>', ">")
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", empty)
    assert read_ods(stream.getvalue()).sheets["S"].cells == {}  # empty runs only move


def _zip(parts: dict[str, str]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message", "hint"),
    [
        (
            "ward.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "the file is an old Excel 97–2003 workbook (.xls), not an .xlsx workbook",
            "in Excel, File → Save As → Excel Workbook (*.xlsx); in LibreOffice, File → Save As "
            "→ Excel 2007-365 (.xlsx); then send that file",
        ),
        (
            "ward.xlsm",
            b"PK\x03\x04",
            "the workbook is macro-enabled (.xlsm); hcmlc reads only .xlsx workbooks",
            "in Excel, File → Save As → Excel Workbook (*.xlsx); in LibreOffice, File → Save As "
            "→ Excel 2007-365 (.xlsx); then send that file",
        ),
        (
            "ward.numbers",
            b"PK\x03\x04",
            "the file is an Apple Numbers document, not a workbook",
            "in Numbers, File → Export To → Excel…, choose .xlsx, and send that file; or open "
            "it in LibreOffice and save it as Excel 2007-365 (.xlsx) or ODF Spreadsheet (.ods)",
        ),
        (
            "ward.xlsx",
            "Mã,Giá trị,Năm số liệu\n1.1.1.a,98.5,2022\n".encode(),
            "the file is text (comma-separated values, CSV), not a workbook",
            "a CSV export loses the sheets hcmlc reads: open the workbook the coordinator "
            "sent, type the values there, and save it with File → Save As → Excel Workbook "
            "(.xlsx), or in LibreOffice ODF Spreadsheet (.ods)",
        ),
        (
            "ward.ods",
            _zip(
                {
                    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": "binary",
                    "META-INF/manifest.xml": '<manifest:encryption-data manifest:checksum="x"/>',
                }
            ),
            "the workbook is protected by a password (encrypted), so it cannot be read",
            "remove the password and send it again: in Excel, File → Info → Protect Workbook "
            "→ Encrypt with Password, delete the password, save; in LibreOffice, File → Save "
            "As, untick “Save with password”, save",
        ),
    ],
)
def test_files_of_other_kinds_are_refused_with_the_steps_to_save_them_right(
    hcmlc, repo, tmp_path, name, data, message, hint
) -> None:
    (tmp_path / name).write_bytes(data)
    code, lines = run(hcmlc, repo.root, tmp_path / name)
    assert code == 1
    assert lines[1:3] == [f"{name}:1:1: error: {message} [HCMLC-E070]", f"hint: {hint}"]
