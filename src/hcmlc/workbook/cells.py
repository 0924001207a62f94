"""A cell's content as the text a submission file would hold, and back.

A workbook route must end where the YAML route starts: plain text that the same models and
checks type and judge. So a cell is read into the text a person would have typed in YAML — a
number in its shortest exact form, a date as YYYY-MM-DD, a text normalised — and only the
conversions that exist because of the spreadsheet happen here: a percent cell (0.985 shown as
98.5%) is 98.5, a date field holding a serial number is that day, a formula in a number, year
or date field gives its computed value (in a text field it is refused: no formula crosses).
Text typed in a cell (`1.234,5`, `98,5%`) is left as typed, for the value rules to read.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from hcmlc.diagnostics import cell_reference, excerpt
from hcmlc.i18n import _
from hcmlc.workbook.formats import WINDOWS_EPOCH, from_serial, is_percent_format

FieldKind = Literal["number", "state", "year", "date", "text", "choice"]
"""How an input cell is read: a figure, a state of a scale, a year, a date, a text, an option."""

CellValue = str | int | float | dt.date | None
"""What a workbook cell holds, as openpyxl reads and writes it."""

NUMBER_FORMAT: dict[FieldKind, str] = {
    "number": "General",
    "year": "General",
    "date": "yyyy-mm-dd",
    "state": "@",
    "text": "@",
    "choice": "@",
}
"""Each kind's number format: `@` (text) keeps Excel from turning `1/2` or an id into a date."""

TEXT_KINDS: frozenset[FieldKind] = frozenset({"text", "state", "choice"})
"""Kinds whose cell must hold what was typed: a formula there is refused. In a number, year or
date field, a formula's computed value is taken (and reported)."""

_LAST_SERIAL = 2_958_465
"""Excel's last day, 9999-12-31; larger numbers are no dates."""


@dataclass(frozen=True)
class Cell:
    """Where a value is: a sheet's cell (`Chỉ số`, row 12, column 5 → `Chỉ số!E12`)."""

    sheet: str
    row: int
    column: int

    @property
    def reference(self) -> str:
        return cell_reference(self.row, self.column)


@dataclass(frozen=True)
class RawCell:
    """A cell as read: its value (for a formula, the computed value, None when there is none)."""

    value: object
    number_format: str = "General"
    formula: str | None = None
    error: bool = False
    """The value is an error such as `#DIV/0!`."""


class CellProblem(ValueError):
    """A cell that cannot be read as a value, with its code and a hint."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


def cell_text(
    raw: RawCell, kind: FieldKind, *, percent: bool = False, epoch: dt.datetime = WINDOWS_EPOCH
) -> str:
    """The text `raw` stands for in a field of `kind` ('' when empty); `percent` when the field
    is a percentage, so that a cell formatted as % (0.985) reads 98.5."""
    if raw.formula is not None and kind in TEXT_KINDS:
        raise CellProblem(
            "HCMLC-E075",
            _("the cell holds the formula `{formula}`: type the text, not a formula").format(
                formula=excerpt(raw.formula)
            ),
            _(
                "a text field keeps what is typed, never what a formula computes: type the text "
                "itself (a text that starts with = goes in after an apostrophe: '=)"
            ),
        )
    if raw.error:
        raise _error_value(raw)
    if raw.formula is not None and raw.value is None:
        raise CellProblem(
            "HCMLC-E075",
            _("the cell holds the formula `{formula}` but no computed value").format(
                formula=excerpt(raw.formula)
            ),
            _(
                "open the workbook in Excel or LibreOffice Calc and save it again, so that the "
                "result is stored; or type the value itself"
            ),
        )
    value = raw.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return _number(value, raw.number_format, kind, percent, epoch)
    if isinstance(value, dt.datetime):
        if kind == "date" or value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return normalise(str(value))


def normalise(text: str) -> str:
    """A typed text as YAML would keep it: NFC, `\\n` line breaks, no spaces at line ends, no
    blank lines or spaces around it."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def shortest(number: float) -> str:
    """A number in its shortest exact form, as Excel shows it (15 significant digits):
    `98.9`, `100`, `0.0000001`."""
    if isinstance(number, int):
        return str(number)
    if not math.isfinite(number):
        return str(number)
    rounded = Decimal(f"{number:.15g}").normalize()
    return format(rounded, "f") if rounded else "0"


def prefill(text: str, kind: FieldKind) -> CellValue:
    """What to write in a cell for the text a submission holds: a number or a date where the
    text is exactly one (so Excel sorts and validates it), the text itself otherwise."""
    if kind in ("number", "year"):
        try:
            number = float(text)
        except ValueError:
            return text
        if math.isfinite(number) and shortest(number) == text:
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        return text
    if kind == "date":
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return text
        return day if day.isoformat() == text else text
    return text


def shown(value: object, kind: FieldKind, *, percent: bool = False) -> str:
    """The text a submission's `value` shows as in a cell of `kind`, read back: what "the cell
    was not changed" compares with. A mapping or list (not a cell's value) shows as empty."""
    if not isinstance(value, str):
        return ""
    written = prefill(value, kind)
    return cell_text(RawCell(written, NUMBER_FORMAT[kind]), kind, percent=percent)


def _number(
    value: float, number_format: str, kind: FieldKind, percent: bool, epoch: dt.datetime
) -> str:
    if kind == "date" and 1 <= value <= _LAST_SERIAL:
        return from_serial(value, epoch).date().isoformat()
    if is_percent_format(number_format) and math.isfinite(value):
        hundredfold = shortest(float(Decimal(shortest(value)) * 100))
        return hundredfold if percent else f"{hundredfold}%"
    return shortest(value)


def _error_value(raw: RawCell) -> CellProblem:
    hint = _("correct the formula, or type the value itself")
    if raw.formula is not None:
        return CellProblem(
            "HCMLC-E075",
            _("the formula `{formula}` gives the error {error}").format(
                formula=excerpt(raw.formula), error=raw.value
            ),
            hint,
        )
    return CellProblem(
        "HCMLC-E075", _("the cell holds the error {error}").format(error=raw.value), hint
    )
