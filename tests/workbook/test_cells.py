"""A cell read as the text a submission file would hold, and the text written back into a cell."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hcmlc.workbook.cells import CellProblem, RawCell, cell_text, normalise, prefill, shown
from hcmlc.workbook.formats import MAC_EPOCH


@pytest.mark.parametrize(
    ("value", "number_format", "kind", "percent", "text"),
    [
        (98.9, "General", "number", True, "98.9"),
        (0.985, "0.0%", "number", True, "98.5"),  # Excel keeps 98.5% as 0.985
        (0.985, "0%", "number", True, "98.5"),
        (1, "0%", "number", True, "100"),
        (0.5, "0%", "number", False, "50%"),  # a count shown as % is not a count
        (0.1 + 0.2, "General", "number", False, "0.3"),  # Excel's 15 significant digits
        (100.0, "General", "number", False, "100"),
        (1e-7, "General", "number", False, "0.0000001"),
        (145, "General", "number", False, "145"),
        (2022, "General", "year", False, "2022"),
        (2022.5, "General", "year", False, "2022.5"),
        (45166, "General", "date", False, "2023-08-28"),  # a date typed as its serial number
        (45166.75, "General", "date", False, "2023-08-28"),
        (dt.datetime(2023, 8, 28), "yyyy-mm-dd", "date", False, "2023-08-28"),
        (dt.datetime(2023, 8, 28, 9, 30), "yyyy-mm-dd hh:mm", "text", False, "2023-08-28 09:30:00"),
        (dt.datetime(2022, 1, 1), "d/m/yyyy", "year", False, "2022-01-01"),
        (True, "General", "state", False, "TRUE"),
        ("  trung bình \r\n", "@", "state", False, "trung bình"),
        ("1.234,5", "@", "number", True, "1.234,5"),  # typed text stays as typed
        (None, "General", "text", False, ""),
        ('0.0"%"', "General", "text", False, '0.0"%"'),
    ],
)
def test_a_cell_reads_as_the_text_a_yaml_file_would_hold(
    value: object, number_format: str, kind: str, percent: bool, text: str
) -> None:
    raw = RawCell(value, number_format)
    assert cell_text(raw, kind, percent=percent) == text  # type: ignore[arg-type]


def test_a_literal_percent_sign_in_a_format_is_no_percentage() -> None:
    assert cell_text(RawCell(98.5, '0.0" %"'), "number", percent=True) == "98.5"


def test_the_1904_date_system_is_followed() -> None:
    assert cell_text(RawCell(43704, "General"), "date", epoch=MAC_EPOCH) == "2023-08-28"


def test_a_formula_gives_its_computed_value() -> None:
    raw = RawCell(98.9, "General", formula="=98+0.9")
    assert cell_text(raw, "number", percent=True) == "98.9"


def test_a_formula_without_a_computed_value_is_refused() -> None:
    with pytest.raises(CellProblem) as caught:
        cell_text(RawCell(None, "General", formula="=B4*100"), "number")
    assert caught.value.code == "HCMLC-E075"
    assert str(caught.value) == "the cell holds the formula `=B4*100` but no computed value"
    assert caught.value.hint == (
        "open the workbook in Excel or LibreOffice Calc and save it again, so that the result "
        "is stored; or type the value itself"
    )


def test_an_error_value_is_refused_with_its_formula() -> None:
    with pytest.raises(CellProblem) as caught:
        cell_text(RawCell("#DIV/0!", formula="=1/0", error=True), "number")
    assert str(caught.value) == "the formula `=1/0` gives the error #DIV/0!"
    with pytest.raises(CellProblem) as caught:
        cell_text(RawCell("#N/A", error=True), "number")
    assert str(caught.value) == "the cell holds the error #N/A"


def test_text_is_normalised_as_yaml_would_keep_it() -> None:
    nfd = "Thu\u0309 \u0111o\u0302\u0301  \r\nline two   \r\n\r\n"
    assert normalise(nfd) == "Thủ đố\nline two"


@pytest.mark.parametrize(
    ("text", "kind", "written"),
    [
        ("98.9", "number", 98.9),
        ("100", "number", 100),
        ("2022", "year", 2022),
        ("12.000", "number", "12.000"),  # not its shortest form: written as typed
        ("98.90", "number", "98.90"),
        ("1e3", "number", "1e3"),
        ("80%", "number", "80%"),
        ("2023-08-28", "date", dt.date(2023, 8, 28)),
        ("2023-8-28", "date", "2023-8-28"),
        ("có", "state", "có"),
    ],
)
def test_a_value_is_prefilled_as_a_number_or_date_only_when_it_reads_back_the_same(
    text: str, kind: str, written: object
) -> None:
    assert prefill(text, kind) == written  # type: ignore[arg-type]
    assert type(prefill(text, kind)) is type(written)  # type: ignore[arg-type]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_a_prefilled_text_reads_back_as_what_it_shows(text: str) -> None:
    for kind in ("number", "year", "date", "text", "state"):
        written = shown(text, kind)  # type: ignore[arg-type]
        assert shown(written, kind) == written  # type: ignore[arg-type]
