"""A plan written as an .xlsx workbook (openpyxl): instructions, data sheets, the hidden sheet.

Every cell but the inputs is locked (sheet protection without a password) and the workbook's
structure is locked, so sheets keep their names and the layout survives; inputs are yellow,
each with a data validation whose input message says the unit and the rule. Ids are written
as text in text-formatted cells, so no spreadsheet turns `1.1.1.a` or `2023` into a date or a
number. Made fresh every time: a workbook that came back is read, never saved again.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.diagnostics import cell_reference, column_letters
from hcmlc.workbook import labels
from hcmlc.workbook.cells import NUMBER_FORMAT
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.meta import meta_rows
from hcmlc.workbook.plan import (
    COLUMNS,
    FORMAT_VERSION,
    HEADER_ROW,
    Input,
    Plan,
    Row,
    Rule,
    SheetKey,
)

FONT = "Arial"
"""Arial, or its metric twin Liberation Sans in LibreOffice: both have every Vietnamese letter."""
_TEXT = Font(name=FONT, size=10)
_BOLD = Font(name=FONT, size=10, bold=True)
_TITLE = Font(name=FONT, size=14, bold=True, color="1F4E79")
_HEADING = Font(name=FONT, size=10, bold=True, color="FFFFFF")
_QUIET = Font(name=FONT, size=9, color="666666")
_HEADING_FILL = PatternFill("solid", fgColor="1F4E79")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_UNUSED_FILL = PatternFill("solid", fgColor="EDEDED")
_OVER_FILL = PatternFill("solid", fgColor="F4B6B6")
_UNDER_FILL = PatternFill("solid", fgColor="FCE4B6")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
_UNLOCKED = Protection(locked=False)
_PROTECTION = {
    "sheet": True,
    "formatCells": False,
    "formatColumns": False,
    "formatRows": False,
}
"""Locked, without a password; cells may still be formatted (a % format) and resized."""

AGENCY_ROW = 4
"""Row of the agency on the instructions sheet (the cycle's is the next): where a problem with
the workbook's agency or cycle is shown."""
_LINE_HEIGHT = 12.75
_CHARS_PER_WIDTH = 1.4
"""Characters of 10-point Arial per unit of column width, about."""


def build_workbook(plan: Plan) -> bytes:
    """The .xlsx file of `plan`."""
    book = Workbook()
    names = {key: name[plan.lang] for key, name in labels.SHEETS.items()}
    used = {"instructions": names["instructions"]} | {s: names[s] for s in plan.sheets}
    instructions = book.active
    assert instructions is not None
    instructions.title = names["instructions"]
    _instructions(instructions, plan)
    for sheet in plan.sheets:
        _data_sheet(book.create_sheet(names[sheet]), plan, sheet)
    meta = book.create_sheet(META_SHEET)
    for row in meta_rows(plan, used):
        meta.append(list(row))
    for cells in meta.iter_rows():
        for cell in cells:
            cell.number_format = "@"
    meta.sheet_state = "hidden"
    meta.protection = SheetProtection(**_PROTECTION)
    book.security = WorkbookProtection(lockStructure=True)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _instructions(sheet: Worksheet, plan: Plan) -> None:
    lang = plan.lang
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
    sheet.sheet_view.showGridLines = False
    _put(sheet, 1, 1, labels.text("title", lang, agency=plan.agency_name), _TITLE, _NOWRAP)
    _put(
        sheet,
        2,
        1,
        labels.text("subtitle", lang, cycle=plan.cycle.title.get(lang), id=plan.agency),
        _QUIET,
        _NOWRAP,
    )
    facts = [
        ("agency", f"{plan.agency_name} ({plan.agency})"),
        ("cycle", f"{plan.cycle.title.get(lang)} ({plan.cycle.id})"),
        ("due-indicators", labels.date(plan.cycle.deadlines.indicators, lang) or "—"),
        ("due-answers", labels.date(plan.cycle.deadlines.answers, lang) or "—"),
        (
            "owed-label",
            labels.text(
                "owed",
                lang,
                indicators=len(plan.indicators),
                answers=len({r.item for r in plan.answers}) + len(plan.elsewhere),
            ),
        ),
    ]
    row = AGENCY_ROW
    for key, value in facts:
        _put(sheet, row, 1, labels.text(key, lang), _BOLD, _WRAP)
        _put(sheet, row, 2, value, _TEXT, _WRAP)
        row += 1
    row += 1
    rules: list[tuple[Rule, str]] = []
    for name, top in plan.top.items():
        _put(sheet, row, 1, labels.text(name, lang), _BOLD, _WRAP)
        _input_cell(sheet, row, 2, top)
        rules.append((top.rule, cell_reference(row, 2)))
        row += 1
    sections = [
        ("how", labels.STEPS[lang]),
        ("return", labels.RETURN_STEPS[lang]),
        (
            "ask",
            (
                labels.text(
                    "ask-text", lang, contact=plan.contact or labels.text("ask-default", lang)
                ),
            ),
        ),
    ]
    if plan.elsewhere:
        sections.append(
            ("not-here", tuple(labels.text("photos", lang, question=q) for q in plan.elsewhere))
        )
    for key, lines in sections:
        row += 1
        _put(sheet, row, 1, labels.text(key, lang), _BOLD, _WRAP)
        for line in lines:
            _put(sheet, row, 2, line, _TEXT, _WRAP)
            sheet.row_dimensions[row].height = _height([(line, 100)])
            row += 1
    row += 1
    _put(sheet, row, 1, labels.text("format", lang, version=FORMAT_VERSION), _QUIET, _NOWRAP)
    _validate(sheet, rules)
    _page(sheet, landscape=False)
    sheet.protection = SheetProtection(**_PROTECTION)


def _data_sheet(sheet: Worksheet, plan: Plan, key: SheetKey) -> None:
    lang = plan.lang
    columns = COLUMNS[key]
    title = labels.text(
        f"{key}-title", lang, agency=plan.agency_name, cycle=plan.cycle.title.get(lang)
    )
    _put(sheet, 1, 1, title, _TITLE, _NOWRAP)
    _put(sheet, 2, 1, labels.text("sheet-note", lang), _QUIET, _NOWRAP)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[column_letters(index)].width = column.width
        heading = _put(
            sheet, HEADER_ROW, index, labels.HEADINGS[column.key][lang], _HEADING, _CENTRE
        )
        heading.fill = _HEADING_FILL
        heading.border = _BORDER
    sheet.row_dimensions[HEADER_ROW].height = 27
    position = {column.key: index for index, column in enumerate(columns, start=1)}
    rules: list[tuple[Rule, str]] = []
    for number, row in enumerate(plan.rows(key), start=HEADER_ROW + 1):
        _data_row(sheet, number, row, position, columns_text=[(c.key, c.width) for c in columns])
        for name, cell in row.inputs.items():
            rules.append((cell.rule, cell_reference(number, position[name])))
        if row.words is not None:
            _word_counts(sheet, number, row, position)
    _validate(sheet, rules)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _page(sheet, landscape=True)
    sheet.protection = SheetProtection(**_PROTECTION)


def _data_row(
    sheet: Worksheet,
    number: int,
    row: Row,
    position: dict[str, int],
    columns_text: list[tuple[str, float]],
) -> None:
    id_cell = _put(sheet, number, position["id"], row.key, _BOLD, _WRAP)
    id_cell.number_format = "@"
    id_cell.border = _BORDER
    for column, value in row.cells.items():
        cell = _put(
            sheet,
            number,
            position[column],
            value,
            _TEXT,
            _CENTRE if column == "deadline" else _WRAP,
        )
        cell.border = _BORDER
    for column, top in row.inputs.items():
        _input_cell(sheet, number, position[column], top)
    if "second" in position and "second" not in row.inputs:
        unused = sheet.cell(number, position["second"])  # locked and grey: nothing to type
        unused.fill = _UNUSED_FILL
        unused.border = _BORDER
        for column in ("words_first", "words_second"):
            count = _put(sheet, number, position[column], "—", _QUIET, _CENTRE)
            count.fill = _UNUSED_FILL
            count.border = _BORDER
    widths = dict(columns_text)
    texts = [(value, widths[column]) for column, value in row.cells.items()]
    texts += [(str(i.value), widths[c]) for c, i in row.inputs.items() if i.value is not None]
    sheet.row_dimensions[number].height = _height(texts)


def _input_cell(sheet: Worksheet, row: int, column: int, top: Input) -> None:
    cell = sheet.cell(row, column, top.value)
    cell.number_format = NUMBER_FORMAT[top.kind]
    cell.font = _TEXT
    cell.alignment = _WRAP
    cell.fill = _INPUT_FILL
    cell.border = _BORDER
    cell.protection = _UNLOCKED


def _word_counts(sheet: Worksheet, number: int, row: Row, position: dict[str, int]) -> None:
    """A live, approximate word count of each language's answer, red when over the limit."""
    assert row.words is not None
    for answer, count in (("first", "words_first"), ("second", "words_second")):
        source = cell_reference(number, position[answer])
        spaced = f'TRIM(SUBSTITUTE({source},CHAR(10)," "))'
        formula = f'=IF(LEN({spaced})=0,0,LEN({spaced})-LEN(SUBSTITUTE({spaced}," ",""))+1)'
        target = cell_reference(number, position[count])
        cell = _put(sheet, number, position[count], formula, _TEXT, _CENTRE)
        cell.border = _BORDER
        if row.words.max is not None:
            sheet.conditional_formatting.add(
                target,
                CellIsRule(operator="greaterThan", formula=[str(row.words.max)], fill=_OVER_FILL),
            )
        if row.words.min is not None:
            sheet.conditional_formatting.add(
                target,
                CellIsRule(
                    operator="between", formula=["1", str(row.words.min - 1)], fill=_UNDER_FILL
                ),
            )


def _validate(sheet: Worksheet, rules: Iterable[tuple[Rule, str]]) -> None:
    """One data validation per distinct rule, over all the cells it governs."""
    cells: dict[Rule, list[str]] = defaultdict(list)
    for rule, reference in rules:
        cells[rule].append(reference)
    for rule, references in cells.items():
        validation = DataValidation(
            type=rule.type,
            operator=None if rule.type == "list" else rule.operator,
            formula1=rule.formula1,
            formula2=rule.formula2,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorStyle="stop",
            errorTitle=rule.title[:32],
            error=rule.error[:255],
            promptTitle=rule.title[:32],
            prompt=rule.prompt[:255],
        )
        validation.sqref = " ".join(references)
        sheet.add_data_validation(validation)


def _page(sheet: Worksheet, *, landscape: bool) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


_NOWRAP = Alignment(vertical="top")


def _put(
    sheet: Worksheet, row: int, column: int, value: str, font: Font, alignment: Alignment
) -> Cell:
    cell = sheet.cell(row, column, value)
    cell.font = font
    cell.alignment = alignment
    return cell


def _height(texts: Iterable[tuple[str, float]]) -> float:
    """A row's height to show its longest wrapped text whole (Excel does not fit it itself)."""
    lines = 1
    for text, width in texts:
        per_line = max(1, int(width * _CHARS_PER_WIDTH))
        lines = max(
            lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        )
    return min(409.0, lines * _LINE_HEIGHT + 3)
