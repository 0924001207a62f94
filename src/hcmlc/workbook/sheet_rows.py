"""A sheet's rows as openpyxl 3.1 writes them (`WorksheetWriter.write_rows` with lxml), byte for
byte, made as one string rather than an element at a time: the cells are most of a workbook's
XML, and openpyxl's writer spent a quarter of `workbook --all` opening and closing their
elements. Only the cells hcmlc writes are made here (texts, numbers, booleans, days, its own
formulas); a sheet holding anything else (an error, rich text, a comment, a hyperlink, a time
with a zone, a text XML cannot hold) is None, and openpyxl writes it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.compat import safe_string
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters lxml refuses in a text: such a sheet is left to openpyxl, which says so."""
_PLAIN_ATTRIBUTE = re.compile(r"[0-9A-Za-z.:\- ]*")
"""A row attribute written as it is (row heights and flags are numbers)."""
_CELL_TYPES = frozenset({"s", "n", "b", "f"})


def sheet_data(ws: Worksheet, rows: Iterable[tuple[int, list[Any]]]) -> bytes | None:
    """`<sheetData>` of `ws` from its `rows` (WorksheetWriter.rows), as openpyxl writes it;
    None when a cell is not one hcmlc writes (see the module)."""
    dimensions = ws.row_dimensions
    parts = ["<sheetData>"]
    add = parts.append
    for index, cells in rows:
        opening = row_element(index, dimensions.get(index, {}))
        if opening is None:
            return None
        add(opening)
        for cell in cells:
            if cell._comment is not None or cell.hyperlink:
                return None
            styled = cell.has_style
            if cell._value is None and not styled:
                continue
            written = _cell(cell, styled)
            if written is None:
                return None
            add(written)
        add("</row>")
    add("</sheetData>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _cell(cell: Any, styled: bool) -> str | None:
    """One cell's element as lxml_write_cell writes it, or None when it is left to openpyxl."""
    kind = cell.data_type
    value = cell._value
    if kind == "d":
        kind, value = "n", excel_day(cell.parent.parent, value)
        if value is None:
            return None
    elif kind not in _CELL_TYPES:
        return None
    return cell_element(cell.coordinate, cell.style_id if styled else None, kind, value)


def excel_day(book: Any, value: Any) -> float | int | None:
    """A day or a time as Excel's serial number, as openpyxl writes it in `book` (its
    `iso_dates` off); None when openpyxl would write it otherwise (ISO dates, a time zone)."""
    if book.iso_dates or getattr(value, "tzinfo", None) is not None:
        return None
    return to_excel(value, book.epoch)  # type: ignore[no-any-return]


def row_element(index: int, dimension: Any) -> str | None:
    """A row's opening tag, its attributes those of its `dimension` (a RowDimension, or {});
    None when one is not a plain number or flag."""
    attributes = {"r": f"{index}"}
    attributes.update(dimension)
    if not all(_PLAIN_ATTRIBUTE.fullmatch(value) for value in attributes.values()):
        return None
    return "<row" + "".join(f' {k}="{v}"' for k, v in attributes.items()) + ">"


def cell_element(coordinate: str, style_id: int | None, kind: str, value: Any) -> str | None:
    """A cell's element of data type `kind` (`s`, `n`, `b`, `f`; a day already a number) as
    lxml_write_cell writes it, or None when it is left to openpyxl."""
    if kind not in _CELL_TYPES:
        return None
    head = f'<c r="{coordinate}"'
    if style_id is not None:
        head += f' s="{style_id}"'
    if kind == "s":
        head += ' t="inlineStr"'
    elif kind != "f":
        head += f' t="{kind}"'
    if value == "" or value is None:
        return head + "></c>"
    if kind == "f":
        if not isinstance(value, str):
            return None  # an array or data-table formula
        return f"{head}><f>{_text(value[1:])}</f><v></v></c>" if _writable(value) else None
    if kind == "s":
        if not isinstance(value, str) or not _writable(value):
            return None
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f"{head}><is><t{space}>{_text(value)}</t></is></c>"
    return f"{head}><v>{_text(safe_string(value))}</v></c>"


def _writable(text: str) -> bool:
    return _NOT_XML.search(text) is None


def _text(text: str) -> str:
    """`text` escaped as lxml escapes a text node (`&`, `<`, `>`, a carriage return); beyond
    ASCII it writes a character reference (the sheet is written in ASCII), as
    `encode("ascii", "xmlcharrefreplace")` does. Four replacements, `&` first: a fortieth of the
    time `str.translate` takes on a Vietnamese text (a workbook has 10,000s)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )
