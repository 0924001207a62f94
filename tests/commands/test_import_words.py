"""What a workbook's sender reads: each problem at its cell, in the workbook's words (its column
headings), told once; never a YAML key or YAML syntax. The YAML channel keeps its YAML words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from workbook_files import Filled, make

from hcmlc.models.submission import FigureAnswer, IndicatorValue, Submission, TextAnswer

KEYS = {
    *Submission.model_fields,
    *IndicatorValue.model_fields,
    *TextAnswer.model_fields,
    *FigureAnswer.model_fields,
    "date",
    "choice",
}
"""The keys of a submission file: none may show in a workbook's problems as YAML."""
YAML = re.compile(
    r"`[^`]*`"  # anything quoted as code: a key, `key:`, a YAML value
    r"|\b(" + "|".join(sorted(KEYS, key=len, reverse=True)) + r"):(\s|$)"  # a `key:` form
    r"|\bunder\b"  # where a key goes in YAML ("add year: under 1.1.1.a")
)
CELL = re.compile(r"^[A-Z]{1,3}[0-9]+$")


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def problems(hcmlc, root: Path, path: Path, *args: str) -> list[dict[str, object]]:
    code, output, errors = hcmlc(
        "import", "--root", str(root), "--format", "json", *args, path.name
    )
    assert code == 1 and errors == "", output + errors
    return list(json.loads(output)["problems"])


def told_in_cells(found: list[dict[str, object]]) -> None:
    """Every problem at a cell of the workbook, once, without YAML."""
    seen = set()
    for problem in found:
        text = f"{problem['message']} · {problem.get('hint') or ''}"
        assert problem.get("sheet") and CELL.match(str(problem.get("cell"))), problem
        assert not YAML.search(text), text
        place = (problem["sheet"], problem["cell"], problem["code"])
        assert place not in seen, f"told twice: {problem}"
        seen.add(place)


def test_a_departments_mistakes_are_each_told_once_at_their_cell(hcmlc, repo, tmp_path) -> None:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx"))
    book.set("indicators", "1.1.1.a", "value", 98.5)  # no year
    book.set("indicators", "1.1.3.b", "value", "98,5%")  # as the computer shows it: read
    book.set("indicators", "1.1.3.b", "year", 2022)
    book.set("indicators", "1.3.3.a", "value", "rất cao")  # not a state
    book.set("indicators", "1.3.3.a", "year", 2022)
    book.set("indicators", "2.1.1.a", "year", 2022)  # a year without its value
    book.set("indicators", "2.1.1.b", "value", 50)
    book.set("indicators", "2.1.1.b", "year", 1990)  # out of the cycle
    book.set("indicators", "2.1.2.a", "value", "12 năm")  # words with the figure
    book.set("indicators", "2.1.2.a", "year", "2022-23")  # a span of years
    book.set("answers", "mayor-quote/date", "first", "31/08/2023")
    book.set("answers", "context", "second", "English only")  # no Vietnamese
    book.set("answers", "years-of-schooling/value", "first", "12,5 năm")  # and no year
    book.set("answers", "language", "first", "xx")
    book.set("answers", "mayor/first-name", "first", "Phan Văn")  # the others missing
    found = problems(hcmlc, repo.root, book.save(tmp_path / "bad.xlsx"))
    told_in_cells(found)
    by_cell = {(p["sheet"], p["cell"]): (p["message"], p.get("hint")) for p in found}
    assert by_cell[("Chỉ số", "F4")] == (
        "F4 (Năm số liệu) is empty",
        "type the year the figure describes, four digits (e.g. 2023) in F4",
    )
    assert by_cell[("Chỉ số", "E7")] == (
        "E7 (Giá trị) is empty",
        "type the figure, or choose the state from the list in E7",
    )
    message, hint = by_cell[("Chỉ số", "F9")]
    assert message.startswith("F9 (Năm số liệu): “2022-23” is a span of years")
    assert hint is not None and hint.endswith("and give the period in I9 (Ghi chú)")
    assert by_cell[("Câu trả lời", "E31")] == (
        "E31 (Trả lời (tiếng Việt)) is empty",
        "type the answer in Vietnamese in E31",
    )
    assert ("Chỉ số", "E5") not in by_cell
    assert len(found) == 13  # one mistake, one message


def test_the_yaml_channel_keeps_its_yaml_words(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        """
        agency: so-gddt
        cycle: "2023"
        indicators:
          1.1.1.a:
            value: 98.5
        """,
    )
    code, output, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    assert "error: `year` is missing [HCMLC-E010]" in output
    assert "hint: add `year:` under `1.1.1.a`" in output
    assert output.count("HCMLC-E010") == 1


def test_the_parts_and_layout_problems_of_a_ward_are_told_in_cells(hcmlc, repo, tmp_path) -> None:
    ward = "phuong-phu-loi"
    made = make(hcmlc, repo.root, ward, tmp_path / f"{ward}.xlsx", "--cycle", "2025")
    book = Filled(made)
    book.set("indicators", "mh.1.1.a/learning-families", "value", 79.6)  # a share
    book.set("indicators", "mh.1.2.a/learning-clans", "value", 18)  # the other empty
    book.set("indicators", "mh.1.3.a/learning-communities", "value", "1.234")
    book.set("indicators", "mh.1.3.a/communities", "value", 2000)
    book.set("indicators", "mh.2.1.a/learning-units", "value", 60)
    book.set("indicators", "mh.2.1.a/units", "value", 59)  # above its denominator
    book.set("indicators", "mh.3.1.a", "value", 97.4)  # over the share's formula
    book.set("indicators", "3.3.4.a/households", "year", 2025)  # on a part row
    book.set("indicators", "2.6.2.a", "value", 101)
    found = problems(hcmlc, repo.root, book.save(tmp_path / "bad.xlsx"), "--cycle", "2025")
    told_in_cells(found)
    assert len(found) == 8, [(p["cell"], p["message"]) for p in found]


def test_a_decimal_is_asked_for_as_the_computer_shows_it_not_with_a_yaml_dot(
    hcmlc, repo, tmp_path
) -> None:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx"))
    book.set("indicators", "1.1.1.a", "value", "khoảng 87%")  # words with the figure
    book.set("indicators", "1.1.1.a", "year", 2022)
    found = problems(hcmlc, repo.root, book.save(tmp_path / "words.xlsx"))
    told_in_cells(found)
    hints = [str(p.get("hint")) for p in found if p["cell"] == "E4"]
    assert len(hints) == 1
    assert "with the decimal mark your computer shows (98,5 or 98.5)" in hints[0]
    assert "dot for decimals" not in hints[0]
    code, output, _ = hcmlc(
        "--lang", "vi", "import", "--root", str(repo.root), str(tmp_path / "words.xlsx")
    )
    assert code == 1
    assert "dấu thập phân như máy tính hiển thị (98,5 hoặc 98.5)" in output
    assert "dấu chấm cho phần thập phân" not in output
