"""A workbook's cells kept as plain records rather than openpyxl cells, and written as openpyxl
writes them, byte for byte: most of a workbook's cells are fresh cells of a look already used,
and making each an openpyxl cell, then reading it back to write it, was a third of building a
workbook. What has a side effect in openpyxl (a look's first use, which registers its styles in
the workbook's tables; a day, whose number format openpyxl registers; a cell written twice) is
still done on an openpyxl cell, by `Styler`'s own steps, and the result recorded.

A value the records do not hold as openpyxl would (a text XML cannot hold, a value of another
type, a cell beyond a sheet's edge) raises `Unrecorded`: `build_workbook` then builds the whole
workbook again the way it did before, cell by cell in openpyxl (`tests/workbook/
test_recorded.py` proves both ways make the same parts for every workbook of the bundled city).
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from hcmlc.workbook.looks import Styler, as_written  # first: see looks.py

# isort: split
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.workbook.cells import CellValue
from hcmlc.workbook.sheet_rows import cell_element, excel_day, row_element

_ROWS = 1_048_576
_COLUMNS = 16_384
"""A sheet's last row and column."""
_TEXT = 32_767
"""Characters of a cell's text at most (openpyxl cuts a longer one)."""
_NUMBERS: dict[type, str] = {int: "n", float: "n", bool: "b"}
"""openpyxl's data type of a number or a truth value."""

Record = tuple[Any, str, Any]
"""A cell's value, its openpyxl data type (`s`, `n`, `b`, `f`, `d`) and its style array."""


@dataclass
class Recorded:
    """A sheet's cells, by row and column, and the heights of its rows, by row."""

    cells: dict[tuple[int, int], Record] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)


class Unrecorded(Exception):  # a signal, caught by build_workbook
    """A cell the records do not hold as openpyxl would: build the workbook in openpyxl."""


class RecordingStyler(Styler):
    """`Styler` whose cells are records (`records`, by sheet), not openpyxl cells."""

    def __init__(self, *, standard: bool = False) -> None:
        """`standard`: the workbook's style tables start as `build.new_book`'s always do, so
        that a look's registration may be taken from an earlier workbook's (`_register`)."""
        super().__init__()
        self.records: dict[int, Recorded] = {}
        """The cells and row heights of each sheet, by its identity."""
        self._history: tuple[tuple[str, tuple[int, ...]], ...] | None = () if standard else None
        """The looks registered so far, each with the style array it was given to; None once
        a day's number format was registered beside them (see `_register`), or when the
        tables did not start `standard`."""

    def put(
        self,
        sheet: Worksheet,
        row: int,
        column: int,
        value: CellValue,
        look: str,
        *,
        formula: bool = False,
    ) -> Any:
        """`Styler.put`, recorded (see the module)."""
        if not (0 < row <= _ROWS and 0 < column <= _COLUMNS) or type(value) not in _KINDS:
            raise Unrecorded
        cells = self._recorded(sheet).cells
        text, shown = as_written(value, formula=formula)
        known = self._styles.get(look)
        at = (row, column)
        if known is not None and at not in cells and not isinstance(value, dt.date):
            if text:
                cells[at] = (str(shown)[:_TEXT], "s", known)
            elif shown is None or type(shown) in _NUMBERS:
                cells[at] = (shown, _NUMBERS.get(type(shown), "n"), known)
            else:  # a formula: its type as openpyxl binds it
                cell = Cell(sheet, row, column, shown, known)
                cells[at] = (cell._value, cell.data_type, known)
            return None
        # `sheet.cell(row, column, shown)` on a cell of its own, then `Styler.put`'s steps
        cell = Cell(sheet, row, column)
        if at in cells:
            cell._value, cell.data_type, style = cells[at]
            cell._style = copy(style)
        if isinstance(shown, dt.date):
            self._history = None  # its number format registered: the tables are the book's own
        if shown is not None:
            cell.value = shown
        if text:
            cell.data_type = "s"
        if known is not None:
            cell._style = copy(known)
        else:
            self._register(cell, look)
        cells[at] = (cell._value, cell.data_type, cell._style)
        return None

    def height(self, sheet: Worksheet, row: int, height: float) -> None:
        """`Styler.height`, recorded (as openpyxl's row dimension holds it, a float)."""
        self._recorded(sheet).heights[row] = float(height)

    def _recorded(self, sheet: Worksheet) -> Recorded:
        known = self.records.get(id(sheet))
        if known is None:
            known = self.records[id(sheet)] = Recorded()
        return known

    def _register(self, cell: Cell, look: str) -> None:
        """`Styler._register`, its result kept for the process: a standard workbook's style
        tables always start the same, and registering a look changes them as the looks registered
        before it did (`_history`), so a workbook whose looks came in the same order as an
        earlier one's is given copies of the tables it had then, without hashing every style
        object again (a sixth of a workbook's time)."""
        if self._history is None:
            super()._register(cell, look)
            return
        self._history = (*self._history, (look, tuple(cell._style or ())))
        book = cell.parent.parent
        known = _REGISTERED.get(self._history)
        if known is None:
            super()._register(cell, look)
            if len(_REGISTERED) >= _KEPT:
                _REGISTERED.clear()
            tables = {name: _copied(getattr(book, name)) for name in _TABLES}
            _REGISTERED[self._history] = copy(cell._style), tables
            return
        style, tables = known
        for name, table in tables.items():
            setattr(book, name, _copied(table))
        cell._style = copy(style)
        self._styles[look] = copy(style)


_TABLES = ("_fonts", "_fills", "_borders", "_alignments", "_protections", "_number_formats")
"""The workbook's style tables a look's styles are registered in."""
_REGISTERED: dict[tuple[tuple[str, tuple[int, ...]], ...], tuple[Any, dict[str, Any]]] = {}
"""A look's style array and the tables after registering it, by the looks registered until
then (`RecordingStyler._history`)."""
_KEPT = 1024


def _copied(table: IndexedList) -> IndexedList:
    """A copy of `table` (the same style objects, never changed once made), its index copied
    with the hashes it holds rather than made again."""
    made = IndexedList()
    list.extend(made, table)
    made.clean = table.clean
    made._dict = table._dict.copy()
    return made


_KINDS = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
"""The types of value recorded (others, never written by hcmlc, are left to openpyxl)."""


def every_cell(
    ws: Worksheet, cells: dict[tuple[int, int], Record]
) -> dict[tuple[int, int], Record]:
    """The cells of `ws`: its records, and any empty cell openpyxl made on it (a frozen pane's
    corner)."""
    every = dict(cells)
    for at, cell in ws._cells.items():
        if at in every:
            continue
        if cell._value is not None or cell.has_style:
            raise Unrecorded
        every[at] = (None, "n", None)
    return every


def recorded_rows(
    ws: Worksheet,
    cells: dict[tuple[int, int], Record],
    heights: dict[int, float],
    styles: dict[tuple[int, ...], int],
) -> bytes:
    """`<sheetData>` of `ws` holding `cells` (`every_cell`) and rows of `heights`, as openpyxl
    writes it; `styles` the workbook's cell formats written so far, each registered as openpyxl
    registers it, in the order written."""
    book = ws.parent
    dimensions = ws.row_dimensions
    if dimensions.keys() & heights.keys():
        raise Unrecorded
    rows: dict[int, list[tuple[int, Record]]] = {}
    for (row, column), record in sorted(cells.items()):
        rows.setdefault(row, []).append((column, record))
    for row in (dimensions.keys() | heights.keys()) - rows.keys():
        rows[row] = []
    parts = ["<sheetData>"]
    add = parts.append
    letters = _LETTERS
    for index, row_cells in sorted(rows.items()):
        height = heights.get(index)
        if height is None:
            opening = row_element(index, dimensions.get(index, {}))
        else:  # a row dimension of this height alone, as openpyxl lists its attributes
            opening = row_element(index, {"ht": safe_string(height), "customHeight": "1"})
        if opening is None:
            raise Unrecorded
        add(opening)
        for column, (value, kind, style) in row_cells:
            styled = style is not None and any(style)
            if value is None and not styled:
                continue
            style_id = None
            if styled:
                key = tuple(style)
                style_id = styles.get(key)
                if style_id is None:
                    style_id = styles[key] = book._cell_styles.add(style)
            if kind == "d":
                kind, value = "n", excel_day(book, value)
                if value is None:
                    raise Unrecorded
            letter = letters.get(column) or letters.setdefault(column, get_column_letter(column))
            written = cell_element(f"{letter}{index}", style_id, kind, value)
            if written is None:
                raise Unrecorded
            add(written)
        add("</row>")
    add("</sheetData>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


_LETTERS: dict[int, str] = {}


def dimension(cells: dict[tuple[int, int], Record]) -> str:
    """`Worksheet.calculate_dimension` over `cells`."""
    if not cells:
        return "A1:A1"
    rows = [row for row, _ in cells]
    columns = [column for _, column in cells]
    first, last = get_column_letter(min(columns)), get_column_letter(max(columns))
    return f"{first}{min(rows)}:{last}{max(rows)}"
