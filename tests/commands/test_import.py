"""`hcmlc import`: a returned workbook written into its agency's submission file, checked by the
rules of `validate`, every problem located at its cell; nothing written for a bad workbook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from workbook_files import LETTERS, Filled, make

from hcmlc.workbook.plan import COLUMNS, HEADER_ROW
from hcmlc.yamlfiles.reader import parse_yaml

FILE = "submissions/2023/so-gddt.yaml"


def imported(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("import", "--root", str(root), *map(str, args))


def lines(output: str) -> list[str]:
    return output.splitlines()


def submission(root: Path, relative: str = FILE) -> dict:
    return parse_yaml((root / relative).read_text(encoding="utf-8"), relative).data


MAYOR = {
    "salutation": "Ông",
    "first-name": "Văn Mãi",
    "last-name": "Phan",
    "official-title": "Chủ tịch Ủy ban nhân dân Thành phố",
    "postal-address": "86 Lê Thánh Tôn, Quận 1",
    "postcode": "700000",
    "email": "vpub@tphcm.gov.vn",
}


def test_round_trip_holds_exactly_the_typed_values_then_nothing_changes(
    hcmlc, repo, tmp_path
) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.set("indicators", "1.1.1.a", "source", "Báo cáo công tác xóa mù chữ năm 2022")
    book.set("indicators", "1.3.3.a", "value", "trung bình")
    book.set("indicators", "1.3.3.a", "year", 2023)
    book.set("indicators", "1.3.3.a", "evidence", "45/BC-UBND")
    book.set("indicators", "2.2.3.a", "value", 145)
    book.set("indicators", "2.2.3.a", "year", 2022)
    book.set("indicators", "2.2.3.a", "note", "Số chương trình, không phải số lớp.")
    book.set("answers", "slogan", "first", "Học tập suốt đời – Thành phố phát triển")
    book.set("answers", "slogan", "second", "Lifelong learning for a thriving city")
    book.set("answers", "context", "first", "Dòng một.\nDòng hai: có dấu hai chấm.")
    for field, text in MAYOR.items():  # a contact block is supplied with all its fields
        book.set("answers", f"mayor/{field}", "first", text)
    book.set("answers", "language", "first", "english")
    book.set("answers", "years-of-schooling/value", "first", 10.9)
    book.set("answers", "years-of-schooling/year", "first", 2022)
    book.set("answers", "mayor-quote", "first", "Học tập là con đường phát triển.")
    book.set("answers", "mayor-quote/date", "first", dt.datetime(2023, 8, 1), "yyyy-mm-dd")
    instructions = book.sheet("instructions")
    instructions["B10"] = "Phòng Giáo dục thường xuyên"
    instructions["B11"] = dt.datetime(2023, 8, 28)
    instructions["B11"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "returned.xlsx")

    code, output, errors = imported(
        hcmlc, repo.root, tmp_path / "returned.xlsx", "--received", "2023-08-30"
    )
    assert (code, errors) == (0, "")
    assert lines(output) == [
        f"{tmp_path / 'returned.xlsx'} → {FILE}: 10 added, 0 changed, 0 removed, 0 unchanged",
        "    added: prepared_by, 1.1.1.a, 1.3.3.a, 2.2.3.a, mayor, language, "
        "years-of-schooling, context, slogan, mayor-quote",
        "    note: the workbook says it was sent on 2023-08-28: the sender's claim, not written; "
        "received on 2023-08-30",
    ]
    assert submission(repo.root) == {
        "agency": "so-gddt",
        "cycle": "2023",
        "prepared_by": "Phòng Giáo dục thường xuyên",
        "received": "2023-08-30",
        "indicators": {
            "1.1.1.a": {
                "value": "98.9",
                "unit": "percent",
                "year": "2022",
                "source": "Báo cáo công tác xóa mù chữ năm 2022",
            },
            "1.3.3.a": {"value": "trung bình", "year": "2023", "evidence": "45/BC-UBND"},
            "2.2.3.a": {
                "value": "145",
                "unit": "count",
                "year": "2022",
                "note": "Số chương trình, không phải số lớp.",
            },
        },
        "answers": {
            "mayor": MAYOR,
            "language": {"choice": "english"},
            "years-of-schooling": {"value": "10.9", "year": "2022"},
            "context": {"vi": "Dòng một.\nDòng hai: có dấu hai chấm."},
            "slogan": {
                "vi": "Học tập suốt đời – Thành phố phát triển",
                "en": "Lifelong learning for a thriving city",
            },
            "mayor-quote": {"vi": "Học tập là con đường phát triển.", "date": "2023-08-01"},
        },
    }
    text = (repo.root / FILE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/submission.schema.json")
    # the notes in the interface's language, as new-submission writes them
    assert "  ## 1.1.1.a — Literacy rate of the population aged 15 and over\n" in text
    assert "  # 1.1.3.b:\n" in text  # what the workbook left empty stays a commented stub
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0

    before = (repo.root / FILE).read_bytes()
    again = make(hcmlc, repo.root, "so-gddt", tmp_path / "again.xlsx")
    code, output, _ = imported(hcmlc, repo.root, again)
    assert (code, lines(output)) == (
        0,
        [f"{again}: nothing to import: no cell was changed since it was made"],
    )
    assert (repo.root / FILE).read_bytes() == before


def test_an_existing_file_keeps_its_comments_order_and_other_entries(
    hcmlc, bundled, tmp_path
) -> None:
    before = (bundled / FILE).read_text(encoding="utf-8")
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "2.1.2.a", "value", 11.0)
    book.set("indicators", "2.1.2.a", "source", "Tổng điều tra dân số")
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", "--received", "2023-08-30", out)
    assert code == 0
    assert lines(output)[1] == (
        "    changed: 2.1.2.a (value: 10.9 → 11, source: — → Tổng điều tra dân số)"
    )
    after = (bundled / FILE).read_text(encoding="utf-8")
    assert "submitted: 2023-08-29\nreceived: 2023-08-30\nindicators:" in after
    after = after.replace("received: 2023-08-30\n", "")
    expected = before.replace(
        "  2.1.2.a:\n    value: 10.9\n    unit: years\n    year: 2022\n    illustrative: true\n",
        "  2.1.2.a:\n    value: 11\n    unit: years\n    year: 2022\n"
        "    source: Tổng điều tra dân số\n    illustrative: true\n",
    )
    assert after == expected != before


def test_rows_are_found_by_id_so_sorted_moved_and_deleted_rows_are_fine(
    hcmlc, bundled, tmp_path
) -> None:
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    sheet = book.sheet("indicators")
    first, last = 4, sheet.max_row
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first, max_row=last)]
    for offset, values in enumerate(reversed(rows)):  # sorted the other way round
        for column, value in enumerate(values, start=1):
            sheet.cell(first + offset, column).value = value
    sheet.delete_rows(book.row("indicators", "1.1.3.b"))  # and a row deleted
    book.set("indicators", "1.1.1.a", "value", 99.0)
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert code == 0, output
    assert "changed: 1.1.1.a (value: 98.9 → 99)" in output
    entries = submission(bundled)["indicators"]
    assert entries["1.1.1.a"]["value"] == "99"
    assert entries["1.1.3.b"]["value"] == "38.5"  # the deleted row's entry is kept


def test_a_cleared_row_keeps_its_entry_and_says_so(hcmlc, bundled, tmp_path) -> None:
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    before = (bundled / FILE).read_bytes()
    book = Filled(out)
    cells = [book.set("indicators", "1.1.3.b", column, None) for column in ("value", "year")]
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert (code, lines(output)) == (
        0,
        [
            f"{out}: nothing to import: no cell was changed since it was made",
            f"    note: 2 cells cleared in the workbook (Chỉ số!{cells[0]}, Chỉ số!{cells[1]}) "
            "left the file as it is: to remove an entry, choose `Xoá` in its row's last column",
        ],
    )
    assert (bundled / FILE).read_bytes() == before


def test_every_input_of_a_pre_filled_workbook_cleared_changes_nothing(
    hcmlc, bundled, tmp_path
) -> None:
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    before = (bundled / FILE).read_bytes()
    book = Filled(out)
    for key in ("indicators", "answers"):
        sheet = book.sheet(key)
        inputs = [column.key for column in COLUMNS[key] if column.input]
        for row in range(HEADER_ROW + 1, sheet.max_row + 1):
            for column in inputs:
                sheet[f"{LETTERS[key][column]}{row}"].value = None
    for row in book.sheet("instructions").iter_rows(min_col=2, max_col=2):
        if row[0].protection.locked is False:
            row[0].value = None
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert code == 0, output
    assert lines(output)[0] == f"{out}: nothing to import: every input cell is empty"
    assert "cells cleared in the workbook" in lines(output)[1]
    assert (bundled / FILE).read_bytes() == before


def test_an_entry_is_removed_only_by_the_remove_column(hcmlc, bundled, tmp_path) -> None:
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "1.1.3.b", "remove", "Xoá")
    book.set("indicators", "1.1.1.a", "value", 99)
    wrong = book.set("indicators", "2.1.2.a", "remove", "yes")
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert code == 1
    assert lines(output)[1:3] == [
        f"{out}:Chỉ số!{wrong}: error: this column takes only `Xoá`, to remove the row's entry "
        "[HCMLC-E071]",
        "    hint: choose `Xoá` from its list, or leave it empty",
    ]
    book.set("indicators", "2.1.2.a", "remove", None)
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert code == 0, output
    assert "    removed: 1.1.3.b" in lines(output)
    entries = submission(bundled)["indicators"]
    assert "1.1.3.b" not in entries
    assert entries["1.1.1.a"]["value"] == "99"


def test_removing_what_the_file_does_not_hold_says_so(hcmlc, repo, tmp_path) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx", "--lang", "en")
    book = Filled(out, "en")
    book.set("indicators", "1.1.1.a", "remove", "remove")  # either word, in any case
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, out)
    assert (code, lines(output)) == (
        0,
        [
            f"{out}: nothing to import: no cell was changed since it was made",
            "    note: marked `Remove` but without an entry in the file, so nothing removed: "
            "1.1.1.a",
        ],
    )
    assert not (repo.root / FILE).exists()


def test_the_remove_column_offers_its_word_in_a_drop_down(hcmlc, repo, tmp_path) -> None:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "wb.xlsx", "--lang", "en"), "en")
    sheet = book.sheet("indicators")
    column = LETTERS["indicators"]["remove"]
    assert sheet[f"{column}{HEADER_ROW}"].value == "Remove entry"
    validations = [v for v in sheet.data_validations.dataValidation if column in str(v.sqref)]
    assert [(v.type, v.formula1) for v in validations] == [("list", '"Remove"')]
    assert sheet[f"{column}{HEADER_ROW + 1}"].protection.locked is False


def test_a_percent_cell_formatted_as_percent_is_read_as_its_percentage(
    hcmlc, repo, tmp_path
) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "1.1.1.a", "value", 0.985, "0.0%")
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(out)
    assert imported(hcmlc, repo.root, out)[0] == 0
    assert submission(repo.root)["indicators"]["1.1.1.a"]["value"] == "98.5"


def test_check_says_what_would_change_and_writes_nothing(hcmlc, bundled, tmp_path) -> None:
    before = (bundled / FILE).read_bytes()
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "2.1.2.a", "value", 11)
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", "--check", out)
    assert code == 0
    assert lines(output)[0] == (
        f"{out} → {FILE} (not written, --check): 0 added, 1 changed, 0 removed, 26 unchanged"
    )
    assert (bundled / FILE).read_bytes() == before


def test_a_value_problem_has_the_code_and_message_of_validate_at_its_cell(
    hcmlc, repo, tmp_path
) -> None:
    repo.write(
        FILE,
        """
        agency: so-gddt
        cycle: "2023"
        indicators:
          1.1.1.a:
            value: 120
            year: 2022
        """,
    )
    code, output, _ = hcmlc("validate", "--root", str(repo.root))
    yaml_problem = lines(output)[0].split(": error: ", 1)[1]
    (repo.root / FILE).unlink()
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    cell = book.set("indicators", "1.1.1.a", "value", 120)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, out)
    assert code == 1
    assert lines(output)[:3] == [
        f"{out}: not imported (1 error; see below)",
        # the same problem, in the workbook's words: a value quoted as typed, not as YAML code
        f"{out}:Chỉ số!{cell}: error: {yaml_problem.replace('`percent`', '“percent”')}",
        "    hint: check the figure and its unit",
    ]
    assert yaml_problem == (
        "indicator 1.1.1.a: 120 does not fit the unit `percent`: it must be at least 0 and at "
        "most 100 [HCMLC-E022]"
    )
    assert not (repo.root / FILE).exists()


def test_every_problem_is_located_at_its_cell_in_json_and_github(hcmlc, repo, tmp_path) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    value = book.set("indicators", "1.1.1.a", "value", "80%")
    book.set("indicators", "1.1.1.a", "year", 2022)
    year = book.set("indicators", "1.1.3.b", "year", 2023)
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, "--format", "json", out)
    assert code == 1
    document = json.loads(output)
    assert document["workbooks"] == [
        {
            "path": str(out),
            "agency": "so-gddt",
            "cycle": "2023",
            "file": FILE,
            "outcome": "refused",
            "added": ["1.1.1.a", "1.1.3.b"],
            "changed": [],
            "removed": [],
            "unchanged": [],
            "data_changed": [],
            "received": None,
            "claimed_sent": None,
            "missing": [],
            "computed": [],
            "cleared": [],
        }
    ]
    # Every entry is checked whatever else is wrong: the value of one, the missing value of
    # the other, each at its cell.
    assert [(p["sheet"], p["cell"], p["code"], p["message"]) for p in document["problems"]] == [
        ("Chỉ số", value, "HCMLC-E022", "indicator 1.1.1.a: “80%” is not a number"),
        (
            "Chỉ số",
            year.replace("F", "E"),
            "HCMLC-E010",
            f"{year.replace('F', 'E')} (Giá trị) is empty",
        ),
    ]
    Filled(out).save(out)  # unchanged: reopened as it is
    book = Filled(out)
    book.set("indicators", "1.1.3.b", "year", None)
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, "--format", "json", out)
    document = json.loads(output)
    assert [(p["sheet"], p["cell"], p["code"], p["message"]) for p in document["problems"]] == [
        ("Chỉ số", value, "HCMLC-E022", "indicator 1.1.1.a: “80%” is not a number"),
    ]
    assert document["problems"][0]["line"] == int(value[1:])
    code, output, _ = imported(hcmlc, repo.root, "--format", "github", out)
    assert lines(output)[0] == (
        f"::error file={out},title=HCMLC-E022 value-unit::Chỉ số!{value}: indicator 1.1.1.a: "
        "“80%25” is not a number [HCMLC-E022]%0Ahint: write the number without the %25 sign: 80"
    )


def test_numbers_typed_as_text_with_vietnamese_separators_go_through_the_value_rules(
    hcmlc, repo, tmp_path
) -> None:
    """Text cells reach the value rules of the YAML route (numerals.py): the same messages
    and hints, located at the cell; only a decimal the rule reads one way is taken as typed."""
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    thousands = book.set("indicators", "1.1.1.a", "value", "1.234,5")
    percent = book.set("indicators", "1.1.3.b", "value", "98,5%")
    for indicator in ("1.1.1.a", "1.1.3.b"):
        book.set("indicators", indicator, "year", 2022)
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, out)
    assert code == 1
    found = lines(output)
    assert (
        f"{out}:Chỉ số!{thousands}: error: indicator 1.1.1.a: 1.234,5 does not fit the unit "
        "“percent”: it must be at least 0 and at most 100 [HCMLC-E022]"
    ) in found  # read as 1234.5, Vietnamese style: no percentage
    # a decimal typed as the computer shows it is read (test_import_decimals.py)
    assert not any(f"Chỉ số!{percent}:" in line for line in found), found
    assert not (repo.root / FILE).exists()

    again = make(hcmlc, repo.root, "so-gddt", tmp_path / "again.xlsx")
    book = Filled(again)
    ambiguous = book.set("indicators", "2.2.3.a", "value", "12.000")
    book.set("indicators", "2.2.3.a", "year", 2022)
    book.save(again)
    code, output, _ = imported(hcmlc, repo.root, again)
    found = lines(output)
    at = found.index(
        f"{again}:Chỉ số!{ambiguous}: error: indicator 2.2.3.a: “12.000” can be read two ways: "
        "12000, with a dot between thousands as Vietnamese writes, or 12, with a decimal point "
        "[HCMLC-E022]"
    )
    assert (code, found[at + 1]) == (1, "    hint: write 12000 or 12, whichever you mean")
    assert not (repo.root / FILE).exists()  # nothing ambiguous is accepted silently


def test_dates_typed_as_serial_numbers_are_dates(hcmlc, repo, tmp_path) -> None:
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("answers", "mayor-quote", "first", "Học tập suốt đời.")
    book.set("answers", "mayor-quote/date", "first", 45139, "General")
    book.sheet("instructions")["B11"] = 45166
    book.sheet("instructions")["B11"].number_format = "General"
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, out)
    assert code == 0
    assert "the workbook says it was sent on 2023-08-28: the sender's claim" in output
    data = submission(repo.root)
    assert "submitted" not in data  # the sender's date is a claim, never written
    assert data["answers"]["mayor-quote"]["date"] == "2023-08-01"


def test_a_yml_file_with_a_byte_order_mark_and_windows_lines_keeps_them(
    hcmlc, repo, tmp_path
) -> None:
    text = 'agency: so-gddt\r\ncycle: "2023"\r\n# ghi chú của đơn vị\r\nindicators:\r\n'
    path = repo.root / "submissions/2023/so-gddt.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    out = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(out)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(out)
    code, output, _ = imported(hcmlc, repo.root, "--received", "2023-08-30", out)
    assert code == 0, output
    assert "submissions/2023/so-gddt.yml: 1 added" in output
    received = text.replace("# ghi", "received: 2023-08-30\r\n# ghi")
    assert (
        path.read_bytes()
        == b"\xef\xbb\xbf"
        + (
            received + "  1.1.1.a:\r\n    value: 98.9\r\n    unit: percent\r\n    year: 2022\r\n"
        ).encode()
    )
    assert not (repo.root / FILE).exists()


def test_fields_printed_in_words_have_both_languages_and_keep_them(
    hcmlc, bundled, tmp_path
) -> None:
    """A contact field marked `translate: true` gets a Vietnamese and an English cell; the
    English form needs both (form.py), and changing one keeps the other."""
    out = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx", "--cycle", "2023")
    book = Filled(out)
    answers = book.sheet("answers")
    row = book.row("answers", "mayor/official-title")
    assert answers.cell(row, 5).value == "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"
    assert answers.cell(row, 6).value == "Chairman of the Ho Chi Minh City People's Committee"
    book.set("answers", "mayor/official-title", "second", "Chairman, HCMC People's Committee")
    book.set("answers", "contact-person/salutation", "first", "Bà")  # Vietnamese only, for now
    book.save(out)
    code, output, _ = imported(hcmlc, bundled, "--cycle", "2023", out)
    assert code == 0, output
    answers = submission(bundled)["answers"]
    assert answers["mayor"]["official-title"] == {
        "vi": "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "en": "Chairman, HCMC People's Committee",
    }
    assert answers["contact-person"] == {"salutation": "Bà"}
    assert answers["city-info"]["twitter"] == {"vi": "không có", "en": "none"}  # untouched
