"""`hcmlc workbook`: what an agency owes as an Excel workbook, protected, validated, pre-filled."""

from __future__ import annotations

from openpyxl import load_workbook
from workbook_files import make

from hcmlc.documents.scaffold import owed
from hcmlc.repository.load import load
from hcmlc.workbook.meta import parse_meta
from hcmlc.workbook.source import fingerprint


def cells_of(sheet, column: int) -> list[object]:
    return [sheet.cell(row, column).value for row in range(4, sheet.max_row + 1)]


def validations(sheet) -> dict[str, object]:
    """Cell → its data validation."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            for row in sheet.iter_rows(
                min_row=cell_range.min_row,
                max_row=cell_range.max_row,
                min_col=cell_range.min_col,
                max_col=cell_range.max_col,
            ):
                for cell in row:
                    found[cell.coordinate] = validation
    return found


def test_the_workbook_holds_what_the_agency_owes_as_rows_found_by_their_ids(
    hcmlc, bundled, tmp_path
) -> None:
    code, output, _ = hcmlc(
        "workbook",
        "--root",
        str(bundled),
        "--agency",
        "so-gddt",
        "--cycle",
        "2023",
        "--out",
        str(tmp_path / "wb.xlsx"),
    )
    assert code == 0
    assert (
        output == f"Wrote {tmp_path / 'wb.xlsx'}: 27 indicators, 16 answers (37 rows pre-filled).\n"
    )
    book = load_workbook(tmp_path / "wb.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Chỉ số", "Câu trả lời", "hcmlc"]
    assert book["hcmlc"].sheet_state == "hidden"
    catalog = load(bundled).require_catalog()
    cycle = catalog.cycles["2023"]
    indicators, answers = book["Chỉ số"], book["Câu trả lời"]
    assert cells_of(indicators, 1) == owed(catalog, "so-gddt", cycle, "indicator")
    assert [c.value for c in indicators[3]] == [
        "Mã",
        "Tiêu chí",
        "Chỉ số",
        "Đơn vị / thang đo",
        "Giá trị",
        "Năm số liệu",
        "Nguồn số liệu",
        "Minh chứng",
        "Ghi chú",
        "Hạn nộp",
        "Xoá mục này",
    ]
    assert [c.value for c in indicators[4]] == [
        "1.1.1.a",
        "1.1.1 Bảo đảm xóa mù chữ cơ bản vững chắc và mọi công dân đạt được những kỹ năng cơ bản",
        "Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên",
        "phần trăm (từ 0 đến 100)",
        98.9,
        2022,
        "Báo cáo công tác xóa mù chữ năm 2022 (minh họa)",
        None,
        None,
        "31/08/2023",
        None,
    ]
    keys = cells_of(answers, 1)
    assert keys[:4] == [
        "city-info/name",
        "city-info/country",
        "city-info/website",
        "city-info/facebook",
    ]
    assert {
        "slogan",
        "language",
        "years-of-schooling/value",
        "mayor-quote",
        "mayor-quote/date",
    } <= set(keys)
    slogan = keys.index("slogan") + 4
    assert [answers.cell(slogan, c).value for c in (4, 5, 6)] == [
        "tối đa 8 từ",
        "Học tập suốt đời – Thành phố phát triển",
        "Lifelong learning for a thriving city",
    ]
    assert str(answers.cell(slogan, 7).value).startswith("=IF(LEN(")


def test_ids_are_text_every_input_is_validated_and_everything_else_locked(
    hcmlc, repo, tmp_path
) -> None:
    book = load_workbook(make(hcmlc, repo.root, "so-gddt", tmp_path / "wb.xlsx"))
    assert book.security.lockStructure
    for name in ("Hướng dẫn", "Chỉ số", "Câu trả lời", "hcmlc"):
        sheet = book[name]
        assert sheet.protection.sheet and not sheet.protection.password, name
        rules = validations(sheet)
        inputs = [c for row in sheet.iter_rows() for c in row if not c.protection.locked]
        assert {c.coordinate for c in inputs} == set(rules), name
    indicators = book["Chỉ số"]
    for row in range(4, indicators.max_row + 1):
        cell = indicators.cell(row, 1)
        assert isinstance(cell.value, str) and cell.number_format == "@"
    rules = validations(indicators)
    percent, level, count = (rules[f"{col}{row}"] for col, row in (("E", 4), ("E", 6), ("E", 13)))
    assert (percent.type, percent.operator, percent.formula1, percent.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )
    assert percent.prompt.startswith(
        "Một số từ 0 đến 100 (phần trăm), không kèm chữ; số thập phân ghi như máy tính hiển thị "
        "(98,5 hoặc 98.5)."
    )
    assert (level.type, level.formula1) == ("list", '"cao,trung bình,thấp,không có"')
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    year = rules["F4"]
    assert (year.type, year.formula1, year.formula2) == ("whole", "2019", "2023")
    assert year.prompt == "Năm mà số liệu phản ánh: từ 2019 đến 2023."
    answers = book["Câu trả lời"]
    language = next(
        r for r in range(4, answers.max_row + 1) if answers.cell(r, 1).value == "language"
    )
    assert validations(answers)[f"E{language}"].formula1 == '"english,french,spanish"'
    assert answers.cell(language, 6).protection.locked


def test_the_instructions_say_who_what_when_how_and_whom_to_ask(hcmlc, repo, tmp_path) -> None:
    book = load_workbook(make(hcmlc, repo.root, "so-tttt", tmp_path / "wb.xlsx"))
    sheet = book["Hướng dẫn"]
    rows = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)}
    assert sheet["A1"].value == "Biểu nhập số liệu Thành phố học tập — Sở Thông tin và Truyền thông"
    assert rows["Đơn vị"] == "Sở Thông tin và Truyền thông (so-tttt)"
    assert rows["Chu kỳ báo cáo"].endswith("(2023)")
    assert rows["Hạn nộp số liệu chỉ số"] == "31/08/2023"
    assert rows["Hạn nộp câu trả lời"] == "30/09/2023"
    assert rows["Nội dung cần cung cấp"] == "4 chỉ số, 4 câu trả lời"
    assert "Người lập biểu" in rows and "Ngày gửi biểu" in rows
    assert rows["Cần hỏi?"].startswith("Liên hệ đơn vị điều phối: Phòng Giáo dục thường xuyên")
    assert (
        rows["Không nhập trong biểu này"].startswith("Vui lòng gửi")
        or "ảnh" in rows["Không nhập trong biểu này"]
    )


def test_the_hidden_sheet_records_what_the_workbook_was_made_for_and_from(
    hcmlc, bundled, tmp_path
) -> None:
    book = load_workbook(make(hcmlc, bundled, "so-gddt", tmp_path / "wb.xlsx"))
    meta = parse_meta(book["hcmlc"].iter_rows(values_only=True))
    assert (meta.version, meta.agency, meta.cycle, meta.lang) == (2, "so-gddt", "2023", "vi")
    assert meta.data == fingerprint(bundled)
    assert meta.sheets == {
        "instructions": "Hướng dẫn",
        "indicators": "Chỉ số",
        "answers": "Câu trả lời",
    }
    assert meta.signatures[("indicators", "1.1.1.a")] == "unit:percent"
    assert meta.signatures[("indicators", "1.3.3.a")] == "scale:level"
    assert meta.base("indicators", "1.1.1.a", "value") == "98.9"
    assert meta.base("indicators", "1.1.1.a", "note") == ""


def test_english_workbooks_have_english_sheets_and_words(hcmlc, repo, tmp_path) -> None:
    book = load_workbook(make(hcmlc, repo.root, "so-gddt", tmp_path / "wb.xlsx", "--lang", "en"))
    assert book.sheetnames == ["Instructions", "Indicators", "Answers", "hcmlc"]
    assert book["Indicators"]["D4"].value == "percent (from 0 to 100)"
    assert (
        book["Indicators"]["D6"].value
        == "cao (high) / trung bình (medium) / thấp (low) / không có (none)"
    )


def test_all_writes_one_workbook_per_agency_that_owes(hcmlc, bundled, tmp_path) -> None:
    folder = tmp_path / "out"
    code, output, _ = hcmlc("workbook", "--root", str(bundled), "--all", "--out", str(folder))
    assert code == 0
    catalog = load(bundled).require_catalog()
    cycle = catalog.cycles["2025"]
    owing = [
        a.id
        for a in catalog.assignments.agencies
        if owed(catalog, a.id, cycle, "indicator") or owed(catalog, a.id, cycle, "answer")
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"workbook-2025-{agency}-vi.xlsx" for agency in owing
    )
    assert output.splitlines()[-1] == f"{len(owing)} workbooks written in {folder}."
    assert "so-khdt" not in output  # merged into so-tai-chinh before the 2025 cycle


def test_usage_errors(hcmlc, bundled, tmp_path) -> None:
    def run(*args: str) -> tuple[int, str]:
        code, _, errors = hcmlc("workbook", "--root", str(bundled), *args)
        return code, errors

    assert run() == (
        2,
        "error: give either --agency ID or --all\n"
        "hint: --agency writes one agency's workbook, --all one for every agency that owes\n",
    )
    assert run("--agency", "so-gdd")[0] == 2
    assert run("--agency", "so-khdt") == (
        2,
        "error: `so-khdt` owes nothing in cycle 2025\n"
        "hint: `so-khdt` ended on 2025-03-01: `so-tai-chinh` reports its items now\n",
    )
    (tmp_path / "file").write_text("x")
    assert run("--all", "--out", str(tmp_path / "file"))[0] == 2


def test_an_unreadable_submission_gets_no_workbook_and_is_shown(hcmlc, bundled, tmp_path) -> None:
    broken = bundled / "submissions/2025/so-gddt.yaml"
    broken.write_text("agency: so-gddt\ncycle: '2025\n", encoding="utf-8")
    code, output, _ = hcmlc("workbook", "--root", str(bundled), "--all", "--out", str(tmp_path))
    assert code == 1
    assert not (tmp_path / "workbook-2025-so-gddt-vi.xlsx").exists()
    assert (tmp_path / "workbook-2025-so-vhtt-vi.xlsx").exists()
    problem = next(line for line in output.splitlines() if "so-gddt.yaml:" in line)
    assert problem.startswith("submissions/2025/so-gddt.yaml:")  # located as validate locates it
    assert problem.endswith("[HCMLC-E001]")


def test_out_may_name_a_folder(hcmlc, repo, tmp_path) -> None:
    code, output, _ = hcmlc(
        "workbook", "--root", str(repo.root), "--agency", "so-vhtt", "--out", str(tmp_path)
    )
    assert code == 0, output
    assert (tmp_path / "workbook-2023-so-vhtt-vi.xlsx").is_file()
