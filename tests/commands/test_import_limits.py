"""What the workbook lets through, `import` accepts: one limit of 10,000 characters for every
text, in the cell's data validation and in the checks; and a too-long answer is told to be
shortened, not sent to `evidence` (an answer has none)."""

from __future__ import annotations

from openpyxl import load_workbook
from workbook_files import Filled, make

from hcmlc.models.common import MAX_TEXT

ANSWER_HINT = (
    "hint: shorten it: the form prints the answer as it is written, so keep to what the "
    "question asks and its word limit"
)


def test_every_text_cell_takes_what_import_accepts(hcmlc, repo, tmp_path) -> None:
    book = load_workbook(make(hcmlc, repo.root, "so-gddt", tmp_path / "wb.xlsx"))
    lengths = {
        (sheet.title, v.formula1)
        for sheet in book.worksheets
        for v in sheet.data_validations.dataValidation
        if v.type == "textLength"
    }
    assert {sheet for sheet, _ in lengths} == {"Hướng dẫn", "Chỉ số", "Câu trả lời"}
    assert {limit for _, limit in lengths} == {str(MAX_TEXT)}


def test_a_text_at_the_limit_goes_through_and_one_more_is_refused_without_evidence(
    hcmlc, repo, tmp_path
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "wb.xlsx")
    book = Filled(made)
    book.set("answers", "slogan", "first", "a" * MAX_TEXT)
    book.set("answers", "slogan", "second", "b" * MAX_TEXT)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.set("indicators", "1.1.1.a", "source", "s" * MAX_TEXT)
    book.save(tmp_path / "at-limit.xlsx")
    code, output, _ = hcmlc(
        "import", "--root", str(repo.root), "--check", str(tmp_path / "at-limit.xlsx")
    )
    assert (code, ": error: " in output) == (0, False), output
    cell = book.set("answers", "slogan", "first", "a" * (MAX_TEXT + 1))
    book.save(tmp_path / "over.xlsx")
    code, output, _ = hcmlc("import", "--root", str(repo.root), str(tmp_path / "over.xlsx"))
    lines = output.splitlines()
    at = next(n for n, line in enumerate(lines) if "10,001 characters long" in line)
    assert code == 1
    assert lines[at].endswith(
        f"Câu trả lời!{cell}: error: {cell} (Trả lời (tiếng Việt)) is 10,001 characters long, "
        "over the limit of 10,000 [HCMLC-E012]"
    )  # in the workbook's words: its cell and column heading, no YAML key
    assert "shorten" in lines[at + 1] and "evidence" not in lines[at + 1]


def test_validate_tells_a_long_answer_to_be_shortened(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        f'agency: so-gddt\ncycle: "2023"\nanswers:\n  slogan:\n    vi: {"a" * 10_001}\n',
    )
    code, output, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    lines = output.splitlines()
    assert lines[0].endswith(
        "`vi` is 10,001 characters long, over the limit of 10,000 [HCMLC-E012]"
    )
    assert lines[1].strip() == ANSWER_HINT
    assert "evidence" not in output
