"""A plan written as an .xlsx workbook (openpyxl): instructions, data sheets, the hidden sheet.

Every cell but the inputs is locked (sheet protection without a password) and the workbook's
structure is locked, so sheets keep their names and the layout survives; inputs are yellow,
each with a data validation whose input message says the unit and the rule. Ids are written
as text in text-formatted cells, so no spreadsheet turns `1.1.1.a` or `2023` into a date or a
number. Made fresh every time: a workbook that came back is read, never saved again.
"""

from __future__ import annotations

import functools
import io
import math
import zipfile
from collections import defaultdict
from collections.abc import Iterable

from hcmlc.workbook.looks import OVER, UNDER, OoxmlFont, Styler  # first: see looks.py

# isort: split
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Color
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.properties import CalcProperties
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from hcmlc.diagnostics import cell_reference, column_letters
from hcmlc.workbook import labels, removal
from hcmlc.workbook.cells import FieldKind
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.meta import meta_rows
from hcmlc.workbook.parts import share_formula
from hcmlc.workbook.plan import (
    AGENCY_ROW,
    COLUMNS,
    FORMAT_VERSION,
    HEADER_ROW,
    Plan,
    Row,
    SheetKey,
)
from hcmlc.workbook.recorded import RecordingStyler, Unrecorded
from hcmlc.workbook.rules import Rule
from hcmlc.workbook.writer import InMemoryWriter

_LINE_HEIGHT = 12.75
_CHARS_PER_WIDTH = 1.4
"""Characters of 10-point Arial per unit of column width, about."""
_DEFLATE_LEVEL = 1
"""The fastest deflate: a third less time compressing than the default level (6), for files
about 15% larger (16 kB rather than 14 kB for a ward's workbook)."""
_PROTECTION = {"sheet": True, "formatCells": False, "formatColumns": False, "formatRows": False}
"""Locked, without a password; cells may still be formatted (a % format) and resized."""


def build_workbook(plan: Plan, secret: bytes, *, recorded: bool = True) -> bytes:
    """The .xlsx file of `plan`, its hidden sheet signed with `secret` (the coordinator's key).
    Its cells are records (recorded.py) unless one cannot be, or not `recorded`: then openpyxl
    cells, the same workbook made the slower way."""
    if recorded:
        try:
            return _built(plan, secret, RecordingStyler(standard=True))
        except Unrecorded:
            pass
    return _built(plan, secret, Styler())


def new_book() -> Workbook:
    """A workbook as openpyxl makes one, its default font's children in the schema's order."""
    book = Workbook()
    default = OoxmlFont(name="Calibri", family=2, sz=11, scheme="minor", color=Color(theme=1))
    book._fonts = IndexedList([default])  # openpyxl's default font, in the same order
    return book


def _built(plan: Plan, secret: bytes, styler: Styler) -> bytes:
    book = new_book()
    names = {key: name[plan.lang] for key, name in labels.SHEETS.items()}
    used = {"instructions": names["instructions"]} | {s: names[s] for s in plan.sheets}
    instructions = book.active
    assert instructions is not None
    instructions.title = names["instructions"]
    _instructions(instructions, plan, styler)
    for sheet in plan.sheets:
        _data_sheet(book.create_sheet(names[sheet]), plan, sheet, styler)
    meta = book.create_sheet(META_SHEET)
    for number, row in enumerate(meta_rows(plan, used, secret), start=1):
        for column, value in enumerate(row, start=1):
            styler.put(meta, number, column, value, "meta")
    meta.sheet_state = "hidden"
    meta.protection = SheetProtection(**_PROTECTION)
    book.security = WorkbookProtection(lockStructure=True)
    # no recalculation of everything on load: what hcmlc wrote is values and texts; the word
    # counts and the shares of part rows, its only formulas, are calculated as a spreadsheet
    # calculates any formula
    book.calculation = CalcProperties(fullCalcOnLoad=False)
    stream = io.BytesIO()
    archive = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL)
    records = styler.records if isinstance(styler, RecordingStyler) else None
    InMemoryWriter(book, archive, records).save()
    return stream.getvalue()


def _instructions(sheet: Worksheet, plan: Plan, styler: Styler) -> None:
    lang = plan.lang
    put = styler.put
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
    sheet.sheet_view.showGridLines = False
    cycle = plan.cycle.title.get(lang)
    put(sheet, 1, 1, labels.text("title", lang, agency=plan.agency_name), "title")
    put(sheet, 2, 1, labels.text("subtitle", lang, cycle=cycle, id=plan.agency), "quiet")
    answers = len({r.item for r in plan.answers}) + len(plan.elsewhere)
    indicators = len({r.item for r in plan.indicators})
    owed = labels.text("owed", lang, indicators=indicators, answers=answers)
    facts = [
        ("agency", f"{plan.agency_name} ({plan.agency})"),
        ("cycle", cycle if plan.cycle.id in cycle else f"{cycle} ({plan.cycle.id})"),
        ("due-indicators", labels.date(plan.cycle.deadlines.indicators, lang) or "—"),
        ("due-answers", labels.date(plan.cycle.deadlines.answers, lang) or "—"),
        ("owed-label", owed),
    ]
    row = AGENCY_ROW
    for key, value in facts:
        put(sheet, row, 1, labels.text(key, lang), "label")
        put(sheet, row, 2, value, "text")
        row += 1
    row += 1
    rules: list[tuple[Rule, tuple[int, int]]] = []
    for name, top in plan.top.items():
        put(sheet, row, 1, labels.text(name, lang), "label")
        put(sheet, row, 2, top.value, f"input-{top.kind}")
        rules.append((top.rule, (row, 2)))
        row += 1
    contact = plan.contact or labels.text("ask-default", lang)
    sections = [
        ("how", labels.STEPS[lang]),
        ("return", labels.RETURN_STEPS[lang]),
        ("ask", (labels.text("ask-text", lang, contact=contact),)),
    ]
    if plan.elsewhere:
        photos = tuple(labels.text("photos", lang, question=q) for q in plan.elsewhere)
        sections.append(("not-here", photos))
    for key, lines in sections:
        row += 1
        put(sheet, row, 1, labels.text(key, lang), "label")
        for line in lines:
            put(sheet, row, 2, line, "text")
            styler.height(sheet, row, _height([(line, 100)]))
            row += 1
    put(sheet, row + 1, 1, labels.text("format", lang, version=FORMAT_VERSION), "quiet")
    _validate(sheet, rules)
    _page(sheet, landscape=False)
    sheet.protection = SheetProtection(**_PROTECTION)


def _data_sheet(sheet: Worksheet, plan: Plan, key: SheetKey, styler: Styler) -> None:
    lang = plan.lang
    columns = COLUMNS[key]
    cycle = plan.cycle.title.get(lang)
    title = labels.text(f"{key}-title", lang, agency=plan.agency_name, cycle=cycle)
    styler.put(sheet, 1, 1, title, "title")
    styler.put(sheet, 2, 1, labels.text("sheet-note", lang), "quiet")
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[column_letters(index)].width = column.width
        styler.put(sheet, HEADER_ROW, index, labels.HEADINGS[column.key][lang], "heading")
    styler.height(sheet, HEADER_ROW, 27)
    position = {column.key: index for index, column in enumerate(columns, start=1)}
    widths = {column.key: column.width for column in columns}
    rules: list[tuple[Rule, tuple[int, int]]] = []
    limits: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for number, row in enumerate(plan.rows(key), start=HEADER_ROW + 1):
        _data_row(sheet, number, row, position, styler)
        styler.height(sheet, number, _row_height(row, widths))
        for name, cell in row.inputs.items():
            rules.append((cell.rule, (number, position[name])))
        styler.put(sheet, number, position[removal.COLUMN], None, "remove")
        rules.append((removal.remove_rule(lang), (number, position[removal.COLUMN])))
        if row.words is not None:
            for count in _word_counts(sheet, number, position, styler):
                if row.words.max is not None:
                    limits[("over", row.words.max)].append(count)
                if row.words.min is not None:
                    limits[("under", row.words.min)].append(count)
    _validate(sheet, rules)
    _word_limits(sheet, limits)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _page(sheet, landscape=True)
    sheet.protection = SheetProtection(**_PROTECTION)


def _data_row(
    sheet: Worksheet, number: int, row: Row, position: dict[str, int], styler: Styler
) -> None:
    styler.put(sheet, number, position["id"], row.key, "id")
    for column, value in row.cells.items():
        styler.put(
            sheet, number, position[column], value, "centred" if column == "deadline" else "cell"
        )
    for column, cell in row.inputs.items():
        styler.put(sheet, number, position[column], cell.value, _input_look(cell.kind))
    for column in row.unused:
        styler.put(sheet, number, position[column], None, "unused")
    if row.computed == "":
        styler.put(sheet, number, position["value"], None, "unused")
    elif row.computed is not None:  # a ratio's share, from the part rows below
        formula = share_formula(row.computed, number + 1, position["value"], row.parts)
        look = "share" if row.computed == "percent" else f"share-{row.computed}"
        styler.put(sheet, number, position["value"], formula, look, formula=True)
    if "second" in position and "second" not in row.inputs:
        styler.put(sheet, number, position["second"], None, "unused")  # locked: nothing to type
        for column in ("words_first", "words_second"):
            styler.put(sheet, number, position[column], "—", "unused")


def _input_look(kind: FieldKind) -> str:
    return f"input-{kind}"


def _word_counts(
    sheet: Worksheet, number: int, position: dict[str, int], styler: Styler
) -> list[tuple[int, int]]:
    """A live word count of each language's answer: what spaces separate, leaving out lone
    dashes (`import` counts by hcmlc's own rule). Returns the count cells."""
    cells = []
    for answer, count in (("first", "words_first"), ("second", "words_second")):
        source = cell_reference(number, position[answer])
        spaced = f'TRIM(SUBSTITUTE({source},CHAR(10)," "))'
        for dash in ("-", "–", "—"):
            spaced = f'SUBSTITUTE({spaced}," {dash} "," ")'
        formula = f'=IF(LEN({spaced})=0,0,LEN({spaced})-LEN(SUBSTITUTE({spaced}," ",""))+1)'
        styler.put(sheet, number, position[count], formula, "centred", formula=True)
        cells.append((number, position[count]))
    return cells


def _word_limits(sheet: Worksheet, limits: dict[tuple[str, int], list[tuple[int, int]]]) -> None:
    """Word counts turn red over their limit, amber under their minimum."""
    for (side, limit), cells in limits.items():
        if side == "over":
            rule = CellIsRule(operator="greaterThan", formula=[str(limit)], fill=OVER)
        else:
            rule = CellIsRule(operator="between", formula=["1", str(limit - 1)], fill=UNDER)
        sheet.conditional_formatting.add(_ranges(cells), rule)


def _validate(sheet: Worksheet, rules: Iterable[tuple[Rule, tuple[int, int]]]) -> None:
    """One data validation per distinct rule, over all the cells it governs."""
    cells: dict[Rule, list[tuple[int, int]]] = defaultdict(list)
    for rule, cell in rules:
        cells[rule].append(cell)
    for rule, governed in cells.items():
        sheet.add_data_validation(_validation(rule, _ranges(governed)))


@functools.lru_cache(maxsize=1024)
def _validation(rule: Rule, ranges: str) -> DataValidation:
    """The data validation of `rule` over `ranges`: made once, for every workbook that has it
    (never changed once made, as `InMemoryWriter` writes it)."""
    return DataValidation(
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
        sqref=ranges,
    )


def _ranges(cells: list[tuple[int, int]]) -> str:
    """`E4:E9 E12`: cells as ranges of consecutive rows in each column."""
    ranges = []
    for column in sorted({c for _, c in cells}):
        rows = sorted(r for r, c in cells if c == column)
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            first, last = cell_reference(start, column), cell_reference(previous, column)
            ranges.append(first if start == previous else f"{first}:{last}")
            if row is not None:
                start = previous = row
    return " ".join(ranges)


def _page(sheet: Worksheet, *, landscape: bool) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _row_height(row: Row, widths: dict[str, float]) -> float:
    texts = [(value, widths[column]) for column, value in row.cells.items()]
    texts += [(row.key.replace("/", "/\n"), widths["id"] * 0.75)]  # bold; wraps after `/`
    texts += [(str(i.value), widths[c]) for c, i in row.inputs.items() if i.value is not None]
    return _height(texts)


def _height(texts: Iterable[tuple[str, float]]) -> float:
    """A row's height to show its longest wrapped text whole (Excel does not fit it itself)."""
    lines = 1
    for text, width in texts:
        per_line = max(1, int(width * _CHARS_PER_WIDTH))
        lines = max(
            lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        )
    return min(409.0, lines * _LINE_HEIGHT + 3)
