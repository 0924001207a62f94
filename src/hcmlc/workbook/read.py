"""A returned workbook read back into its rows, found by their ids, and its hidden sheet.

Only reads: the file is never saved again. Sheets are found by the names the hidden sheet
recorded, columns by their headings, rows by the id in their first column, so sorted, moved or
deleted rows are fine. A renamed or deleted sheet, a missing or merged heading, merged input
cells, an id that is not text or that repeats, values in a row without an id: each is a
located problem (HCMLC-E071), with the fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, Severity, column_letters
from hcmlc.i18n import Lang, _
from hcmlc.workbook import labels, removal
from hcmlc.workbook.cells import Cell, RawCell
from hcmlc.workbook.formats import WINDOWS_EPOCH
from hcmlc.workbook.guard import resend_hint
from hcmlc.workbook.layout import find_columns
from hcmlc.workbook.meta import (
    META_COLUMNS,
    TOP,
    UNSIGNED_VERSION,
    Meta,
    MetaProblem,
    NewerFormat,
    parse_meta,
)
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.ods import is_ods, read_ods
from hcmlc.workbook.plan import COLUMNS, HEADER_ROW, SheetKey
from hcmlc.workbook.xlsx import EMPTY, XBook, XlsxError, XSheet, read_xlsx

MAX_ROWS = 10_000
"""Rows read from a data sheet: an agency's workbook has at most a few hundred."""
_TOP_ROWS = 200
"""Rows of the instructions sheet searched for its input labels."""


@dataclass(frozen=True)
class Input:
    """One input cell as returned: what it holds, and where it is."""

    raw: RawCell
    at: Cell


@dataclass(frozen=True)
class ReturnedRow:
    """A data row: its id, where the id is, and its input cells by column key."""

    key: str
    at: Cell
    inputs: dict[str, Input]


@dataclass
class Returned:
    """A workbook as read: the hidden sheet's record, its rows and the problems found."""

    path: str
    meta: Meta
    rows: dict[SheetKey, list[ReturnedRow]] = field(default_factory=dict)
    top: dict[str, Input] = field(default_factory=dict)
    identity: Cell | None = None
    """The cell of the instructions sheet that names the agency (the cycle's is below)."""
    epoch: dt.datetime = WINDOWS_EPOCH
    problems: list[Diagnostic] = field(default_factory=list)
    saved: str | None = None
    """When this copy was saved, as its spreadsheet recorded it: orders copies of one issue."""


class Unreadable(Exception):
    """The workbook cannot be read at all; `problems` say why."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


def read_workbook(
    data: bytes,
    display: str,
    agency_row: int,
    vet: Callable[[Meta], list[Diagnostic]] | None = None,
) -> Returned:
    """Read `data` (already past `guard`); Unreadable when its identity or layout is lost, or
    when `vet` (the check of its signature) finds an error in its hidden sheet."""
    try:
        book = read_ods(data) if is_ods(data) else read_xlsx(data)
    except XlsxError as exc:
        message = _("the workbook is damaged: {detail}").format(detail=str(exc)[:300])
        raise Unreadable(
            [Diagnostic(display, 1, 1, "HCMLC-E070", message, resend_hint())]
        ) from None
    meta = _meta(book, display)
    vetted = vet(meta) if vet is not None else []
    if any(problem.severity is Severity.ERROR for problem in vetted):
        raise Unreadable(vetted)
    returned = Returned(display, meta, epoch=book.epoch, saved=book.modified)
    layout: list[Diagnostic] = []
    sheets = _sheets(book, meta, display, layout)
    if TOP not in sheets:
        raise Unreadable([*vetted, *layout])
    # the sheets still there are read (refused all the same), for `import --repair-to`
    instructions = sheets[TOP]
    returned.identity = Cell(instructions.name, agency_row, 2)
    returned.top = _top(instructions, meta.lang)
    keys: tuple[SheetKey, ...] = ("indicators", "answers")
    for key in keys:
        if key in sheets:
            returned.rows[key] = _rows(sheets[key], key, meta, display, layout)
    if layout and not any(returned.rows.values()):
        raise Unreadable([*vetted, *layout])
    returned.problems = [*vetted, *layout]
    return returned


def _meta(book: XBook, display: str) -> Meta:
    hint = _(
        "import only workbooks made by `hcmlc workbook`, as the agency returned them; for "
        "another file, make a fresh workbook and copy the values into it"
    )
    sheet = book.sheets.get(META_SHEET)
    if sheet is None:
        message = _("the workbook was not made by `hcmlc workbook`: it has no sheet `{sheet}`")
        problem = Diagnostic(display, 1, 1, "HCMLC-E073", message.format(sheet=META_SHEET), hint)
        raise Unreadable([problem])
    try:
        return parse_meta(_meta_grid(sheet))
    except NewerFormat as problem:
        message = _("the workbook was made by a newer hcmlc ({detail})").format(detail=problem)
        raise Unreadable(
            [
                _at(
                    display,
                    Cell(sheet.name, problem.row, 1),
                    "HCMLC-E073",
                    message,
                    _("update hcmlc, then import it"),
                )
            ]
        ) from None
    except MetaProblem as problem:
        message = _("the hidden sheet `{sheet}` is damaged: {detail}").format(
            sheet=META_SHEET, detail=problem
        )
        at = Cell(sheet.name, problem.row, problem.column)
        raise Unreadable([_at(display, at, "HCMLC-E073", message, hint)]) from None


def _meta_grid(sheet: XSheet) -> list[tuple[object, ...]]:
    """The hidden sheet's rows, built from the cells present (never from its largest reference:
    one cell at ZZZ10000 costs one cell); a value past the columns hcmlc writes is a problem."""
    found: dict[int, dict[int, object]] = {}
    for (row, column), cell in sheet.cells.items():
        if row > MAX_ROWS or cell.value in (None, ""):
            continue
        if column > META_COLUMNS:
            raise MetaProblem(
                _("{cell} holds a value where hcmlc writes none").format(
                    cell=Cell(sheet.name, row, column).reference
                ),
                row,
                column,
            )
        found.setdefault(row, {})[column] = cell.value
    return [
        tuple(found[r].get(c) for c in range(1, max(found[r]) + 1)) if r in found else ()
        for r in range(1, max(found, default=0) + 1)
    ]


def _sheets(book: XBook, meta: Meta, display: str, problems: list[Diagnostic]) -> dict[str, XSheet]:
    """The sheets the hidden sheet names, by key; a missing one is a problem."""
    found: dict[str, XSheet] = {}
    expected = {TOP: labels.SHEETS[TOP][meta.lang]} | meta.sheets
    strangers = [n for n in book.sheets if n != META_SHEET and n not in expected.values()]
    for key, name in expected.items():
        if name in book.sheets:
            found[key] = book.sheets[name]
            continue
        if strangers:
            message = _(
                "the sheet “{sheet}” is missing; the workbook has a sheet “{other}” instead: "
                "was it renamed?"
            ).format(sheet=name, other=strangers[0])
            hint = _("rename the sheet back to “{sheet}” (right-click its tab → Rename)").format(
                sheet=name
            )
            at = Cell(strangers[0], 1, 1)
        else:
            message = _("the sheet “{sheet}” was deleted").format(sheet=name)
            hint = _(
                "ask the coordinator for a repaired workbook, holding what the other sheets say, "
                "and type this sheet's values again"
            )
            at = Cell(next(n for n in book.sheets if n != META_SHEET), 1, 1)
        problems.append(_at(display, at, "HCMLC-E071", message, hint))
    return found


def _top(sheet: XSheet, lang: Lang) -> dict[str, Input]:
    """The inputs of the instructions sheet, found by their labels in column A."""
    wanted = {labels.text(name, lang): name for name in ("prepared_by", "submitted")}
    found: dict[str, Input] = {}
    for row in range(1, min(sheet.max_row, _TOP_ROWS) + 1):
        label = sheet.value(row, 1).value
        name = wanted.get(label.strip()) if isinstance(label, str) else None
        if name is not None and name not in found:
            found[name] = _input(sheet, row, 2)
    return found


def _rows(
    sheet: XSheet, key: SheetKey, meta: Meta, display: str, problems: list[Diagnostic]
) -> list[ReturnedRow]:
    """The sheet's data rows by id; no rows when its headings are lost."""
    columns = _columns(sheet, key, meta, display, problems)
    if columns is None:
        return []
    problems += _merged(sheet, columns, display)
    rows: list[ReturnedRow] = []
    first_row: dict[str, int] = {}
    cells, name, id_column = sheet.cells, sheet.name, columns["id"]
    wanted = [(c, column) for c, column in columns.items() if c != "id"]
    last = min(sheet.max_row, HEADER_ROW + MAX_ROWS)
    # the rows holding a cell, in order: a row holding none has neither an id nor a value
    for number in sorted({row for row, _column in cells if HEADER_ROW < row <= last}):
        at = Cell(name, number, id_column)
        value = cells.get((number, id_column), EMPTY).value
        if value is None or (isinstance(value, str) and not value.strip()):
            if any(_filled(cells.get((number, column), EMPTY)) for _c, column in wanted):
                problems.append(_without_id(display, at))
            continue
        if not isinstance(value, str):
            problems.append(_not_text(display, at, value))
            continue
        row_key = value.strip()
        if row_key in first_row:
            problems.append(_repeated_id(display, at, row_key, first_row[row_key]))
            continue
        first_row[row_key] = number
        inputs = {c: _input(sheet, number, column) for c, column in wanted}
        rows.append(ReturnedRow(row_key, at, inputs))
    return rows


def _columns(
    sheet: XSheet,
    key: SheetKey,
    meta: Meta,
    display: str,
    problems: list[Diagnostic],
) -> dict[str, int] | None:
    """Column key → column number of the id and input columns found with certainty (as the
    hidden sheet says they were issued, `layout.py`); None when the id column is lost. A
    workbook of format 1 records no columns and has no removal column: nothing can be removed
    from it."""
    issued = [
        (column, heading)
        for column, heading in meta.columns.get(key)
        or [(c.key, labels.HEADINGS[c.key][meta.lang]) for c in COLUMNS[key]]
        if column != removal.COLUMN or meta.version > UNSIGNED_VERSION
    ]
    keys = {k for k, _heading in issued}
    wanted = {c.key for c in COLUMNS[key] if (c.input or c.key == "id") and c.key in keys}
    last = min(sheet.max_row, HEADER_ROW + MAX_ROWS)
    columns, changes = find_columns(sheet, issued, wanted, last)
    for change in changes:
        merged = _merged_at(sheet, change.at)
        if merged and change.heading:
            heading = change.heading
            message = _(
                "the heading cells {cells} are merged, so the heading “{heading}” is lost"
            ).format(cells=merged, heading=heading)
            hint = _(
                "unmerge them (Home → Merge & Center → Unmerge Cells) and type “{heading}” back"
            ).format(heading=heading)
            problems.append(_at(display, change.at, "HCMLC-E071", message, hint))
        else:
            problems.append(_at(display, change.at, "HCMLC-E071", change.message, change.hint))
    return columns if "id" in columns else None


def _merged(sheet: XSheet, columns: dict[str, int], display: str) -> list[Diagnostic]:
    """Merged ranges over the id or input cells of data rows: as many as are listed (one more
    says that there are more), however many the sheet has."""
    problems: list[Diagnostic] = []
    watched = set(columns.values())
    for top, left, bottom, right in sheet.merged:
        if bottom <= HEADER_ROW or not any(left <= c <= right for c in watched):
            continue
        if len(problems) > MAX_PER_FILE:
            break
        at = Cell(sheet.name, max(top, HEADER_ROW + 1), left)
        message = _("the cells {cells} are merged; each value needs a cell of its own").format(
            cells=_coord(top, left, bottom, right)
        )
        hint = _("unmerge them (Home → Merge & Center → Unmerge Cells)")
        problems.append(_at(display, at, "HCMLC-E071", message, hint))
    return problems


def _merged_at(sheet: XSheet, at: Cell) -> str | None:
    for top, left, bottom, right in sheet.merged:
        if top <= at.row <= bottom and left <= at.column <= right:
            return _coord(top, left, bottom, right)
    return None


def _coord(top: int, left: int, bottom: int, right: int) -> str:
    first, last = Cell("", top, left).reference, Cell("", bottom, right).reference
    return first if first == last else f"{first}:{last}"


def _input(sheet: XSheet, row: int, column: int) -> Input:
    return Input(sheet.value(row, column), Cell(sheet.name, row, column))


def _filled(cell: RawCell) -> bool:
    """Whether an input cell holds something: a value or a formula."""
    return cell.value not in (None, "") or bool(cell.formula)


def _without_id(display: str, at: Cell) -> Diagnostic:
    """A row with values whose id cell `at` is empty."""
    message = _("row {row} has values but no id").format(row=at.row)
    hint = _(
        "each row is known by its id in column {column}: restore it, or make a fresh workbook"
    ).format(column=column_letters(at.column))
    return _at(display, at, "HCMLC-E071", message, hint)


def _repeated_id(display: str, at: Cell, key: str, first: int) -> Diagnostic:
    """The id `key` at `at`, already on row `first`."""
    message = _("the id `{id}` is on row {first} already").format(id=key, first=first)
    hint = _("keep one row for each id: delete the copy, or merge their values")
    return _at(display, at, "HCMLC-E071", message, hint)


def _not_text(display: str, at: Cell, value: object) -> Diagnostic:
    if isinstance(value, dt.datetime | dt.date):
        what = _("the date {date}").format(date=value.strftime("%Y-%m-%d"))
    else:
        what = _("the number {number}").format(number=value)
    message = _(
        "the id cell holds {value}, not an id: a spreadsheet turned the id into a date or a number"
    ).format(value=what)
    hint = _("type the id again with an apostrophe first ('1.1.1.a), or make a fresh workbook")
    return _at(display, at, "HCMLC-E071", message, hint)


def _at(display: str, at: Cell, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(display, at.row, at.column, code, message, hint, sheet=at.sheet)
