"""How a workbook looks: the fonts, fills and borders of each kind of cell (`LOOKS`), and the
`Styler` that writes a value with its look. Imported before any other use of openpyxl, which
it imports without numpy."""

from __future__ import annotations

import datetime as dt
import sys
from copy import copy
from dataclasses import dataclass
from typing import Any

# openpyxl imports numpy when it can, only to take numpy numbers as cell values, which hcmlc
# never writes; numpy, where installed, would add a fifth of a second to every run.
if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # importing numpy now fails
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.text.controls import shown_controls  # shown, not refused (openpyxl would)
from hcmlc.workbook.cells import NUMBER_FORMAT, CellValue
from hcmlc.workbook.parts import SHARE_FORMAT

FONT = "Arial"
"""Arial, or its metric twin Liberation Sans in LibreOffice: both have every Vietnamese letter."""
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NONE = Border()
_WRAP = Alignment(wrap_text=True, vertical="top")
_LINE = Alignment(vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Look:
    """How a kind of cell looks, and whether it is locked."""

    font: Font
    alignment: Alignment = _WRAP
    fill: PatternFill | None = None
    border: Border = _NONE
    number_format: str = "General"
    locked: bool = True


class OoxmlFont(Font):  # type: ignore[misc]
    """openpyxl's font, its children written in the order of the Open XML SDK's schema (b …
    sz, color, name, family, scheme), which Excel's validator expects; openpyxl writes name
    first and color before sz."""

    __elements__ = (
        "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign",
        "sz", "color", "name", "family", "charset", "scheme",
    )  # fmt: skip
    __nested__ = Font.__nested__  # openpyxl's metaclass fills these only from a class's own
    __attrs__ = Font.__attrs__  # descriptors, which a subclass inherits instead


def font(size: float = 10, *, bold: bool = False, color: str = "000000") -> Font:
    """Arial at `size` points."""
    return OoxmlFont(name=FONT, size=size, bold=bold, color=color)


def fill(color: str) -> PatternFill:
    """A solid fill of `color` (RGB hex)."""
    return PatternFill("solid", fgColor=color)


LOOKS: dict[str, Look] = {
    "title": Look(font(14, bold=True, color="1F4E79"), _LINE),
    "quiet": Look(font(9, color="666666"), _LINE),
    "label": Look(font(bold=True)),
    "text": Look(font()),
    "heading": Look(font(bold=True, color="FFFFFF"), _CENTRE, fill("1F4E79"), _BOX),
    "id": Look(font(bold=True), border=_BOX, number_format="@"),
    "cell": Look(font(), border=_BOX),
    "centred": Look(font(), _CENTRE, border=_BOX),
    "unused": Look(font(9, color="666666"), _CENTRE, fill("EDEDED"), _BOX),
    "meta": Look(font(), number_format="@"),
    "remove": Look(font(), _CENTRE, fill("F8D7DA"), _BOX, "@", False),
    "share": Look(font(bold=True), _CENTRE, fill("DDEBF7"), _BOX, SHARE_FORMAT["percent"]),
    "share-per_100k": Look(
        font(bold=True), _CENTRE, fill("DDEBF7"), _BOX, SHARE_FORMAT["per_100k"]
    ),
} | {
    f"input-{kind}": Look(
        font(),
        _CENTRE if kind == "year" else _WRAP,
        fill("FFF2CC"),
        _BOX,
        NUMBER_FORMAT[kind],
        False,
    )
    for kind in NUMBER_FORMAT
}
_ROWS = 1_048_577
"""One past the last row of a sheet."""
_TEXT = 32_767
"""Characters of a cell's text at most (openpyxl cuts a longer one)."""
OVER = fill("F4B6B6")
UNDER = fill("FCE4B6")
"""The fills of a word count over, or under, its limit."""


class Styler:
    """Puts values with a look; the look's styles are registered once per workbook.

    Setting a font, fill or border registers it in the workbook's style tables, which costs a
    hash of every style object each time; a cell's style array (its indexes in those tables)
    copied from the first cell of a look gives the same result at a fraction of the cost, as
    openpyxl's own copy of a worksheet does."""

    def __init__(self) -> None:
        self._styles: dict[str, Any] = {}

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
        """Write `value` with `look`. A text is always a text (an inline string), whatever it
        starts with (`=`, `+`, `#N/A`): only hcmlc's own formulas are written `formula`."""
        text, shown = as_written(value, formula=formula)
        known = self._styles.get(look)
        fresh = 0 < row < _ROWS and column > 0 and (row, column) not in sheet._cells
        if known is not None and fresh and not isinstance(value, dt.date):
            return _new_cell(sheet, row, column, shown, known, text=text)
        cell = sheet.cell(row, column, shown)
        if text:
            cell.data_type = "s"  # openpyxl would make `=…` a formula and `#N/A` an error
        if known is not None:
            cell._style = copy(known)
            return cell
        self._register(cell, look)
        return cell

    def height(self, sheet: Worksheet, row: int, height: float) -> None:
        """Give `row` of `sheet` its `height` (points)."""
        sheet.row_dimensions[row].height = height

    def _register(self, cell: Cell, look: str) -> None:
        """Give `cell` the styles of `look`, registering them in its workbook's tables, and
        keep its style array for the look's next cells."""
        style = LOOKS[look]
        cell.font = style.font
        cell.alignment = style.alignment
        if style.fill is not None:
            cell.fill = style.fill
        cell.border = style.border
        cell.number_format = style.number_format
        if not style.locked:
            cell.protection = Protection(locked=False)
        self._styles[look] = copy(cell._style)


def as_written(value: CellValue, *, formula: bool) -> tuple[bool, CellValue]:
    """Whether `value` is written as a text, and the value written: a text is always a text
    (not a formula, an error or a number), its control characters shown (`shown_controls`);
    only hcmlc's own formulas are `formula`."""
    text = isinstance(value, str) and not formula
    return text, shown_controls(value) if isinstance(value, str) and text else value


def _new_cell(
    sheet: Worksheet, row: int, column: int, value: CellValue, style: Any, *, text: bool
) -> Cell:
    """A new cell of a known look, made with its style array (copied): what `sheet.cell` and
    setting the look give, without the look-ups between. A text is stored as openpyxl binds one
    free of controls (`shown_controls`): cut to a cell's length. (A date is never given here:
    `sheet.cell` gives it a date format, in the workbook's table, before the look replaces it.)"""
    if text:
        cell = Cell(sheet, row, column, None, style)
        cell._value = str(value)[:_TEXT]
        cell.data_type = "s"
    else:
        cell = Cell(sheet, row, column, value, style)
    sheet._add_cell(cell)
    return cell
