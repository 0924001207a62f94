"""A data sheet's columns found again as `workbook` issued them, or refused saying what changed.

The hidden sheet records each data sheet's headings in order. A returned sheet's columns are
found by those headings, wherever they now are (a column moved with its heading is still
itself). An issued column whose heading is gone is placed by its neighbours that are still
there: with no column left between them it was deleted; with one column there, its heading was
changed or cleared. Either is refused naming the column and the exact cell to mend (insert an
empty column there, or type the heading back), and a hint never names a cell that holds another
issued heading, so that following the hints can never give one column's cells to another field.
A column that was not issued is ignored when empty and refused when it holds values. The
columns found with certainty are read all the same, for `import --repair-to`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hcmlc.diagnostics import column_letters
from hcmlc.i18n import _
from hcmlc.workbook.cells import Cell
from hcmlc.workbook.plan import HEADER_ROW
from hcmlc.workbook.xlsx import XSheet

Issued = list[tuple[str, str]]
"""A sheet's columns as issued: (column key, heading), in order from column A."""


@dataclass(frozen=True)
class Change:
    """What changed of a sheet's columns: where, the message and the fix."""

    at: Cell
    message: str
    hint: str
    heading: str = ""
    """The issued heading that is missing, if one is."""


def find_columns(
    sheet: XSheet, issued: Issued, wanted: set[str], last_row: int
) -> tuple[dict[str, int], list[Change]]:
    """Column key → column number of each `wanted` column found with certainty, and what
    changed (deleted, renamed, duplicated or added columns)."""
    headings = _headings(sheet)
    places: dict[str, list[int]] = {}
    for column, text in headings.items():
        places.setdefault(text, []).append(column)
    found: dict[str, int] = {}
    changes: list[Change] = []
    issued_texts = {text for _, text in issued}
    for key, text in issued:
        where = places.get(text, [])
        if len(where) == 1:
            found[key] = where[0]
        elif len(where) > 1 and key in wanted:
            columns = ", ".join(column_letters(c) for c in where)
            changes.append(
                Change(
                    Cell(sheet.name, HEADER_ROW, where[1]),
                    _("the heading “{heading}” is in columns {columns}").format(
                        heading=text, columns=columns
                    ),
                    _("keep one column “{heading}”: delete the column that was copied").format(
                        heading=text
                    ),
                )
            )
    strangers = {c: t for c, t in headings.items() if t not in issued_texts}
    explained: set[int] = set()
    for index, (key, text) in enumerate(issued):
        if key in found or key not in wanted or text in places:
            continue
        change, used = _missing(sheet, issued, index, found, strangers, last_row)
        changes.append(change)
        explained |= used
    for column in sorted(set(strangers) | _unnamed(sheet, headings, last_row)):
        if column in explained or not _holds_values(sheet, column, last_row):
            continue
        letter = column_letters(column)
        shown = strangers.get(column, "")
        changes.append(
            Change(
                Cell(sheet.name, HEADER_ROW, column),
                _(
                    "column {column} (“{heading}”) was not in the workbook as issued: its values "
                    "are not read"
                ).format(column=letter, heading=shown),
                _(
                    "move its values into the yellow cells of the issued columns, then delete "
                    "column {column}"
                ).format(column=letter),
            )
        )
    return {k: c for k, c in found.items() if k in wanted}, changes


def _missing(
    sheet: XSheet,
    issued: Issued,
    index: int,
    found: dict[str, int],
    strangers: dict[int, str],
    last_row: int,
) -> tuple[Change, set[int]]:
    """Why an issued column is missing: deleted, or its heading changed; placed by the nearest
    issued columns still found on either side."""
    text = issued[index][1]
    before = next((found[k] for k, _ in reversed(issued[:index]) if k in found), 0)
    after = next((found[k] for k, _ in issued[index + 1 :] if k in found), None)
    if after is None:
        after = max([before, *strangers, *_data_columns(sheet, last_row)]) + 1
    between = list(range(before + 1, after)) if after > before else []
    if not between:
        letter = column_letters(after)
        return (
            Change(
                Cell(sheet.name, HEADER_ROW, after),
                _("the column “{heading}” was deleted: it stood before column {column}").format(
                    heading=text, column=letter
                ),
                _(
                    "insert an empty column before column {column} (right-click the letter "
                    "{column} → Insert Columns Before) and type “{heading}” in {cell}; or ask "
                    "the coordinator for a repaired workbook"
                ).format(column=letter, heading=text, cell=f"{letter}{HEADER_ROW}"),
                text,
            ),
            set(),
        )
    if len(between) == 1:
        column = between[0]
        cell = Cell(sheet.name, HEADER_ROW, column)
        now = strangers.get(column)
        message = (
            _("the heading of column {column} was changed to “{now}”; it was “{heading}”")
            if now
            else _("the heading of column {column} was cleared; it was “{heading}”")
        )
        return (
            Change(
                cell,
                message.format(column=column_letters(column), now=now, heading=text),
                _("type “{heading}” back in {cell}").format(heading=text, cell=cell.reference),
                text,
            ),
            {column},
        )
    letters = ", ".join(column_letters(c) for c in between)
    return (
        Change(
            Cell(sheet.name, HEADER_ROW, between[0]),
            _(
                "the column “{heading}” is missing, and columns {columns} where it stood hold "
                "other headings"
            ).format(heading=text, columns=letters),
            _("ask the coordinator for a repaired workbook, and type the values there"),
            text,
        ),
        set(between),
    )


def _headings(sheet: XSheet) -> dict[int, str]:
    """Column → its heading's text, for the headed columns."""
    return {
        column: cell.value.strip()
        for (row, column), cell in sheet.cells.items()
        if row == HEADER_ROW and isinstance(cell.value, str) and cell.value.strip()
    }


def _data_columns(sheet: XSheet, last_row: int) -> Iterator[int]:
    for (row, column), cell in sheet.cells.items():
        if HEADER_ROW < row <= last_row and cell.value not in (None, ""):
            yield column


def _unnamed(sheet: XSheet, headings: dict[int, str], last_row: int) -> set[int]:
    """Columns without a heading that hold values in data rows."""
    return {c for c in _data_columns(sheet, last_row) if c not in headings}


def _holds_values(sheet: XSheet, column: int, last_row: int) -> bool:
    return any(
        HEADER_ROW < row <= last_row and c == column and cell.value not in (None, "")
        for (row, c), cell in sheet.cells.items()
    )
