"""A sheet's rows made as one string (workbook/sheet_rows.py) are byte for byte what openpyxl's
own writer makes of the same sheet; a sheet holding a cell hcmlc does not write is left to it."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.workbook import sheet_rows
from hcmlc.workbook.sheet_rows import sheet_data
from hcmlc.workbook.writer import _SheetWriter

TEXTS = [
    "Phường Sài Gòn",
    "  lề hai bên  ",
    "a & b < c > d \"e\" 'f'",
    "dòng một\r\ndòng hai\ttab",
    "=SUM(A1) viết như chữ",
    "#N/A",
    "😀 ngoài BMP",
    "\u0085\u00a0\u2028",
]


def _sheet() -> Worksheet:
    """A sheet with every kind of cell hcmlc writes, styled and not, and row heights."""
    book = Workbook()
    ws = book.active
    for row, text in enumerate(TEXTS, start=1):
        cell = ws.cell(row, 1)
        cell._value, cell.data_type = text, "s"
    numbers: list[object] = [0, -7, 12_345_678_901, 0.1, 1e-300, 2.5e20, math.nan, math.inf, True]
    for row, number in enumerate(numbers, start=1):
        ws.cell(row, 2, number)
    ws.cell(1, 3, "=SUM(B1:B3)")
    ws.cell(2, 3, dt.date(2026, 12, 7))
    ws.cell(3, 3, dt.datetime(2026, 12, 7, 9, 30))
    styled = ws.cell(4, 3)
    styled.font = Font(bold=True)
    ws.cell(5, 3, "tô màu").fill = PatternFill("solid", fgColor="FFF2CC")
    ws.cell(6, 3, "")
    ws.row_dimensions[2].height = 30
    ws.row_dimensions[20].hidden = True  # a row of no cells
    return ws


def _rows(ws: Worksheet, writer: type[WorksheetWriter] = WorksheetWriter) -> bytes:
    """The rows of `ws` as `writer` writes them: openpyxl's own by default, else hcmlc's."""
    out = io.BytesIO()
    made = writer(ws, out=out)
    made.write_rows()
    made.xf.close()
    return out.getvalue()


def _ours(ws: Worksheet) -> bytes:
    return _rows(ws, _SheetWriter)


def test_every_cell_hcmlc_writes_is_written_as_openpyxl_writes_it() -> None:
    ws = _sheet()
    made = sheet_data(ws, WorksheetWriter(ws, out=io.BytesIO()).rows())
    assert made is not None
    expected = _rows(_sheet())
    assert made in expected  # the sheetData element, within the writer's worksheet element
    assert _ours(_sheet()) == expected
    assert b"Ph&#432;&#7901;ng S&#224;i G&#242;n" in made  # Vietnamese, as lxml writes it
    assert b'<t xml:space="preserve">  l&#7873; hai b&#234;n  </t>' in made


def _rich(ws: Worksheet) -> None:
    ws.cell(1, 1).value = CellRichText([TextBlock(InlineFont(b=True), "đậm"), " thường"])


def _comment(ws: Worksheet) -> None:
    ws.cell(1, 1).comment = Comment("ghi chú", "hcmlc")


def _link(ws: Worksheet) -> None:
    ws.cell(1, 1).hyperlink = "https://www.uil.unesco.org/"


def _error(ws: Worksheet) -> None:
    ws.cell(1, 1).value = "#N/A"  # openpyxl's inference: an error value


def _zoned(ws: Worksheet) -> None:
    ws.cell(1, 1).value = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)


def _control(ws: Worksheet) -> None:
    cell = ws.cell(1, 1)
    cell._value, cell.data_type = "chuông \x07", "s"


@pytest.mark.parametrize("add", [_rich, _comment, _link, _error, _control])
def test_a_sheet_with_a_cell_hcmlc_does_not_write_is_left_to_openpyxl(
    add: Callable[[Worksheet], None],
) -> None:
    ws = _sheet()
    add(ws)
    assert sheet_data(ws, WorksheetWriter(ws, out=io.BytesIO()).rows()) is None
    again = _sheet()
    add(again)
    try:
        expected: bytes | type[Exception] = _rows(again)
    except Exception as exc:  # what openpyxl refuses, it still refuses
        expected = type(exc)
    if isinstance(expected, bytes):
        assert _ours(ws) == expected
    else:
        with pytest.raises(expected):
            _ours(ws)


def test_a_time_with_a_zone_is_refused_as_openpyxl_refuses_it() -> None:
    ws = _sheet()
    _zoned(ws)
    assert sheet_data(ws, WorksheetWriter(ws, out=io.BytesIO()).rows()) is None
    with pytest.raises(TypeError, match="timezones"):
        _ours(ws)


TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
"""What lxml escapes in a text node."""


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("&<>\r\n aàỹ😀;#"), max_size=30) | st.text(max_size=30))
def test_a_text_is_escaped_as_the_escapes_say(text: str) -> None:
    """`_text` replaces one character after another, `&` first: what one pass of
    `str.translate` over lxml's escapes of a text node gives (an `&` it writes is never escaped
    again)."""
    assert sheet_rows._text(text) == text.translate(TEXT_ESCAPES)
