"""Decimals typed as the computer shows them, under Vietnamese (98,5) or English (98.5)
regional settings: read where the field's rule leaves one reading, refused where it leaves two."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

FILE = "submissions/2023/so-gddt.yaml"


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def values(hcmlc, root: Path, path: Path, file: str = FILE) -> dict[str, object]:
    code, output, errors = hcmlc("import", "--root", str(root), path.name)
    assert (code, errors) == (0, ""), output + errors
    return dict(parse_yaml((root / file).read_text("utf-8"), file).data["indicators"])


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("98,5", "98.5"),  # Vietnamese settings, typed into a cell that kept it as text
        ("98.5", "98.5"),  # English settings
        ("98,5%", "98.5"),
        ("98.5 %", "98.5"),
        ("12,000", "12"),  # 12,000 percent cannot be: 12
    ],
)
def test_a_percentage_typed_either_way(hcmlc, repo, tmp_path, typed, read) -> None:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx"))
    book.set("indicators", "1.1.1.a", "value", typed)
    book.set("indicators", "1.1.1.a", "year", 2022)
    found = values(hcmlc, repo.root, book.save(tmp_path / "typed.xlsx"))
    assert found["1.1.1.a"] == {"value": read, "unit": "percent", "year": "2022"}


def test_a_figure_that_reads_two_ways_is_refused_with_both(hcmlc, repo, tmp_path) -> None:
    book = Filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx"))
    book.set("indicators", "2.1.2.a", "value", "12,5")  # years, up to 30: one way only
    book.set("indicators", "2.1.2.a", "year", 2022)
    assert values(hcmlc, repo.root, book.save(tmp_path / "one.xlsx"))["2.1.2.a"]["value"] == "12.5"
    book.set("indicators", "2.2.3.a", "value", "12.000")  # a count: 12000 or 12
    book.set("indicators", "2.2.3.a", "year", 2022)
    code, output, _ = hcmlc(
        "import", "--root", str(repo.root), book.save(tmp_path / "two.xlsx").name
    )
    assert code == 1
    assert "“12.000” can be read two ways" in output


def test_the_figures_of_an_indicator_with_two_parts_typed_either_way(hcmlc, repo, tmp_path) -> None:
    book = Filled(make(hcmlc, repo.root, "toa-an", tmp_path / "toa-an.xlsx"))
    book.set("indicators", "1.1.4.a/cases", "value", "52,5")
    book.set("indicators", "1.1.4.a/persons", "value", "61.25")
    book.set("indicators", "1.1.4.a", "year", 2022)
    found = values(hcmlc, repo.root, book.save(tmp_path / "c.xlsx"), "submissions/2023/toa-an.yaml")
    assert found["1.1.4.a"]["parts"] == {"cases": "52.5", "persons": "61.25"}


def test_the_instructions_say_to_type_decimals_as_the_computer_shows_them(
    hcmlc, repo, tmp_path
) -> None:
    for lang, words in (
        ("vi", "máy cài đặt vùng Việt Nam ghi 98,5, cài đặt tiếng Anh ghi 98.5"),
        ("en", "98.5 under English regional settings, 98,5 under Vietnamese"),
    ):
        made = make(hcmlc, repo.root, "so-gddt", tmp_path / f"{lang}.xlsx", "--lang", lang)
        book = Filled(made, lang)
        text = " ".join(str(c.value) for row in book.sheet("instructions").iter_rows() for c in row)
        assert words in text
