"""A returned workbook read back into its rows, found by their ids, and its hidden sheet.

Only reads: the file is never saved again (openpyxl would drop what it does not know). Sheets
are found by the names the hidden sheet recorded, columns by their headings, rows by the id in
their first column, so sorted, moved or deleted rows are fine. A renamed or deleted sheet, a
missing or merged heading, merged input cells, an id that is not text or that repeats, values
in a row without an id: each is a located problem (HCMLC-E071), with the fix.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.datetime import WINDOWS_EPOCH
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.diagnostics import Diagnostic, column_letters
from hcmlc.i18n import Lang, _
from hcmlc.workbook import labels
from hcmlc.workbook.cells import Cell, RawCell
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.meta import TOP, Meta, MetaProblem, NewerFormat, parse_meta
from hcmlc.workbook.plan import COLUMNS, HEADER_ROW, SheetKey

MAX_ROWS = 10_000
"""Rows read from a data sheet: an agency's workbook has at most a few hundred."""


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


class Unreadable(Exception):
    """The workbook cannot be read at all; `problems` say why."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


def read_workbook(data: bytes, display: str, agency_row: int) -> Returned:
    """Read `data` (already past `guard`); Unreadable when its identity or layout is lost."""
    book = _load(data, display, formulas=True)
    meta = _meta(book, display)
    returned = Returned(display, meta, epoch=book.epoch)
    layout: list[Diagnostic] = []
    sheets = _sheets(book, meta, display, layout)
    if layout:
        raise Unreadable(layout)
    instructions = sheets[TOP]
    returned.identity = Cell(instructions.title, agency_row, 2)
    returned.top = _top(instructions, meta, display, layout)
    keys: tuple[SheetKey, ...] = ("indicators", "answers")
    for key in keys:
        if key in sheets:
            returned.rows[key] = _rows(sheets[key], key, meta, display, layout)
    if layout and not any(rows for rows in returned.rows.values()):
        raise Unreadable(layout)
    returned.problems = layout
    if any(i.raw.formula for i in _inputs(returned)):
        _computed_values(returned, _load(data, display, formulas=False))
    return returned


def _load(data: bytes, display: str, *, formulas: bool) -> Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # extensions openpyxl does not read: not ours
            return load_workbook(
                io.BytesIO(data), data_only=not formulas, keep_links=False, rich_text=False
            )
    except Exception as exc:  # a hostile or damaged file: openpyxl raises what it meets
        raise Unreadable(
            [
                Diagnostic(
                    display,
                    1,
                    1,
                    "HCMLC-E070",
                    _("the workbook is damaged: {detail}").format(
                        detail=f"{type(exc).__name__}: {exc}"[:300]
                    ),
                    _(
                        "ask the agency to send the workbook again, saved as an Excel "
                        "Workbook (.xlsx)"
                    ),
                )
            ]
        ) from None


def _meta(book: Workbook, display: str) -> Meta:
    hint = _(
        "import only workbooks made by `hcmlc workbook`, as the agency returned them; for "
        "another file, make a fresh workbook and copy the values into it"
    )
    if META_SHEET not in book.sheetnames:
        raise Unreadable(
            [
                Diagnostic(
                    display,
                    1,
                    1,
                    "HCMLC-E073",
                    _(
                        "the workbook was not made by `hcmlc workbook`: it has no sheet `{sheet}`"
                    ).format(sheet=META_SHEET),
                    hint,
                )
            ]
        )
    sheet = book[META_SHEET]
    try:
        return parse_meta(sheet.iter_rows(max_row=MAX_ROWS, values_only=True))
    except NewerFormat as problem:
        message = _("the workbook was made by a newer hcmlc ({detail})").format(detail=problem)
        return _raise(display, sheet.title, problem.row, message, _("update hcmlc, then import it"))
    except MetaProblem as problem:
        message = _("the hidden sheet `{sheet}` is damaged: {detail}").format(
            sheet=META_SHEET, detail=problem
        )
        return _raise(display, sheet.title, problem.row, message, hint)


def _raise(display: str, sheet: str, row: int, message: str, hint: str) -> Meta:
    raise Unreadable([Diagnostic(display, row, 1, "HCMLC-E073", message, hint, sheet=sheet)])


def _sheets(
    book: Workbook, meta: Meta, display: str, problems: list[Diagnostic]
) -> dict[str, Worksheet]:
    """The sheets the hidden sheet names, by key; a missing one is a problem."""
    found: dict[str, Worksheet] = {}
    expected = {TOP: labels.SHEETS[TOP][meta.lang]} | meta.sheets
    strangers = [n for n in book.sheetnames if n != META_SHEET and n not in expected.values()]
    for key, name in expected.items():
        if name in book.sheetnames:
            found[key] = book[name]
            continue
        if strangers:
            message = _(
                "the sheet `{sheet}` is missing; the workbook has a sheet `{other}` instead: "
                "was it renamed?"
            ).format(sheet=name, other=strangers[0])
            hint = _("rename the sheet back to `{sheet}` (right-click its tab → Rename)").format(
                sheet=name
            )
        else:
            message = _("the sheet `{sheet}` was deleted").format(sheet=name)
            hint = _(
                "make a fresh workbook with `hcmlc workbook --agency {agency} --cycle {cycle}` "
                "and enter the values again"
            ).format(agency=meta.agency, cycle=meta.cycle)
        problems.append(Diagnostic(display, 1, 1, "HCMLC-E071", message, hint))
    return found


def _top(
    sheet: Worksheet, meta: Meta, display: str, problems: list[Diagnostic]
) -> dict[str, Input]:
    """The inputs of the instructions sheet, found by their labels in column A."""
    wanted = {labels.text(name, meta.lang): name for name in ("prepared_by", "submitted")}
    found: dict[str, Input] = {}
    for (label,) in sheet.iter_rows(min_col=1, max_col=1, max_row=200):
        name = wanted.get(label.value) if isinstance(label.value, str) else None
        if name is not None and name not in found:
            found[name] = _input(sheet, label.row, 2)
    return found


def _rows(
    sheet: Worksheet, key: SheetKey, meta: Meta, display: str, problems: list[Diagnostic]
) -> list[ReturnedRow]:
    """The sheet's data rows by id; no rows when its headings are lost."""
    columns = _columns(sheet, key, meta.lang, _headings(sheet), display, problems)
    if columns is None:
        return []
    merged = _merged(sheet, columns, display)
    problems += merged
    rows: list[ReturnedRow] = []
    first_row: dict[str, int] = {}
    last = min(sheet.max_row, HEADER_ROW + MAX_ROWS)
    for number in range(HEADER_ROW + 1, last + 1):
        id_cell = sheet.cell(number, columns["id"])
        inputs = {c: _input(sheet, number, column) for c, column in columns.items() if c != "id"}
        filled = any(i.raw.value is not None or i.raw.formula for i in inputs.values())
        at = Cell(sheet.title, number, columns["id"])
        value = id_cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            if filled:
                problems.append(
                    _layout(
                        display,
                        at,
                        _("row {row} has values but no id").format(row=number),
                        _(
                            "each row is known by its id in column {column}: restore it, or "
                            "make a fresh workbook"
                        ).format(column=column_letters(columns["id"])),
                    )
                )
            continue
        if not isinstance(value, str):
            problems.append(_not_text(display, at, value))
            continue
        row_key = value.strip()
        if row_key in first_row:
            problems.append(
                _layout(
                    display,
                    at,
                    _("the id `{id}` is on row {first} already").format(
                        id=row_key, first=first_row[row_key]
                    ),
                    _("keep one row for each id: delete the copy, or merge their values"),
                )
            )
            continue
        first_row[row_key] = number
        rows.append(ReturnedRow(row_key, at, inputs))
    return rows


def _headings(sheet: Worksheet) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for cell in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW), ()):
        if isinstance(cell.value, str):
            found.setdefault(cell.value.strip(), []).append(cell.column)
    return found


def _columns(
    sheet: Worksheet,
    key: SheetKey,
    lang: Lang,
    found: dict[str, list[int]],
    display: str,
    problems: list[Diagnostic],
) -> dict[str, int] | None:
    """Column key → column number of the id and input columns, found by their headings."""
    columns: dict[str, int] = {}
    for planned, column in enumerate(COLUMNS[key], start=1):
        if column.key != "id" and not column.input:
            continue
        heading = labels.HEADINGS[column.key][lang]
        places = found.get(heading, [])
        if len(places) == 1:
            columns[column.key] = places[0]
            continue
        at = Cell(sheet.title, HEADER_ROW, planned)
        merged = _merged_at(sheet, at)
        if merged:
            message = _(
                "the heading cells {cells} are merged, so the heading `{heading}` is lost"
            ).format(cells=merged, heading=heading)
            hint = _(
                "unmerge them (Home → Merge & Center → Unmerge Cells) and write `{heading}` back"
            ).format(heading=heading)
        else:
            message = _(
                "the column `{heading}` is missing: its heading in row {row} was deleted or changed"
            ).format(heading=heading, row=HEADER_ROW)
            hint = _(
                "write the heading `{heading}` back in {cell}, or make a fresh workbook"
            ).format(heading=heading, cell=at.reference)
        problems.append(_layout(display, at, message, hint))
    return (
        columns
        if len(columns) == sum(1 for c in COLUMNS[key] if c.input or c.key == "id")
        else None
    )


def _merged(sheet: Worksheet, columns: dict[str, int], display: str) -> list[Diagnostic]:
    """Merged ranges over the id or input cells of data rows."""
    problems = []
    watched = set(columns.values())
    for merged in sheet.merged_cells.ranges:
        if merged.max_row <= HEADER_ROW:
            continue
        if any(merged.min_col <= c <= merged.max_col for c in watched):
            at = Cell(sheet.title, max(merged.min_row, HEADER_ROW + 1), merged.min_col)
            problems.append(
                _layout(
                    display,
                    at,
                    _("the cells {cells} are merged; each value needs a cell of its own").format(
                        cells=merged.coord
                    ),
                    _("unmerge them (Home → Merge & Center → Unmerge Cells)"),
                )
            )
    return problems


def _merged_at(sheet: Worksheet, at: Cell) -> str | None:
    for merged in sheet.merged_cells.ranges:
        if (
            merged.min_row <= at.row <= merged.max_row
            and merged.min_col <= at.column <= merged.max_col
        ):
            return str(merged.coord)
    return None


def _input(sheet: Worksheet, row: int, column: int) -> Input:
    cell = sheet.cell(row, column)
    value = cell.value
    formula = None
    if cell.data_type == "f":
        formula = value if isinstance(value, str) else str(getattr(value, "text", value))
        value = None
    raw = RawCell(value, str(cell.number_format or "General"), formula, cell.data_type == "e")
    return Input(raw, Cell(sheet.title, row, column))


def _inputs(returned: Returned) -> Iterator[Input]:
    yield from returned.top.values()
    for rows in returned.rows.values():
        for row in rows:
            yield from row.inputs.values()


def _computed_values(returned: Returned, computed: Workbook) -> None:
    """Give each formula cell the value its spreadsheet computed and saved (None if none)."""

    def value_of(at: Cell) -> RawCell:
        cell = computed[at.sheet].cell(at.row, at.column)
        return RawCell(
            cell.value, str(cell.number_format or "General"), None, cell.data_type == "e"
        )

    def fill(i: Input) -> Input:
        if not i.raw.formula:
            return i
        found = value_of(i.at)
        return Input(RawCell(found.value, found.number_format, i.raw.formula, found.error), i.at)

    returned.top = {k: fill(v) for k, v in returned.top.items()}
    for key, rows in returned.rows.items():
        returned.rows[key] = [
            ReturnedRow(r.key, r.at, {c: fill(i) for c, i in r.inputs.items()}) for r in rows
        ]


def _not_text(display: str, at: Cell, value: object) -> Diagnostic:
    if isinstance(value, dt.datetime | dt.date):
        what = _("the date {date}").format(date=value.strftime("%Y-%m-%d"))
    else:
        what = _("the number {number}").format(number=value)
    return _layout(
        display,
        at,
        _(
            "the id cell holds {value}, not an id: a spreadsheet turned the id into a date "
            "or a number"
        ).format(value=what),
        _("type the id again with an apostrophe first ('1.1.1.a), or make a fresh workbook"),
    )


def _layout(display: str, at: Cell, message: str, hint: str) -> Diagnostic:
    return Diagnostic(display, at.row, at.column, "HCMLC-E071", message, hint, sheet=at.sheet)
