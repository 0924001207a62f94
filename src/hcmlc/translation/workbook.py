"""The answers to translate as a workbook for a translator in Excel: one row per answer,
Vietnamese | English | state | comment, and the same workbook back (read with the defences of
`import`: guard.py, then the expat reader of xlsx.py)."""

from __future__ import annotations

import io
from pathlib import Path

from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.signoffs.english import Translations
from hcmlc.translation.segments import Segment, segment_id
from hcmlc.workbook.guard import guarded_bytes
from hcmlc.workbook.looks import OoxmlFont  # imports openpyxl without numpy
from hcmlc.workbook.xlsx import XlsxError, read_xlsx

SHEET = "Translation"
HEADINGS = ("Answer", "Vietnamese", "English", "State", "Comment")
STATE_WORDS = {
    "untranslated": "untranslated",
    "translated": "translated",
    "stale": "stale",
    "verified": "verified",
    "verified-stale": "verified, then changed",
}
"""The state column's words; a verifier writes `verified` to verify a row."""


def write_workbook(translations: Translations) -> bytes:
    """The workbook: headings, then each answer; only English, state and comment are for input."""
    import openpyxl
    from openpyxl.styles import Alignment, Color, Protection
    from openpyxl.utils.indexed_list import IndexedList

    book = openpyxl.Workbook()
    # openpyxl writes a font's children out of the schema's order: build.py's font keeps it
    book._fonts = IndexedList(
        [OoxmlFont(name="Calibri", family=2, sz=11, scheme="minor", color=Color(theme=1))]
    )
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(HEADINGS))
    for cell in sheet[1]:
        cell.font = OoxmlFont(name="Calibri", family=2, sz=11, bold=True, color=Color(theme=1))
    for answer in translations.answers:
        sheet.append(
            [segment_id(answer), answer.vi, answer.en or "", STATE_WORDS[answer.state], ""]
        )
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            cell.protection = Protection(locked=cell.column < 3)
    for letter, width in zip("ABCDE", (24, 60, 60, 20, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.protection.sheet = True
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_workbook(path: Path, display: str) -> tuple[list[Segment], list[Diagnostic]]:
    """The segments of a returned translation workbook, or why it cannot be read."""
    guarded = guarded_bytes(path, display)
    if isinstance(guarded, Diagnostic):
        return [], [guarded]
    try:
        book = read_xlsx(guarded)
    except XlsxError as exc:
        message = _("the workbook is damaged: {detail}").format(detail=str(exc)[:300])
        return [], [Diagnostic(display, 1, 1, "HCMLC-E070", message)]
    sheet = book.sheets.get(SHEET)
    headings = tuple(_text(sheet.value(1, c).value) for c in range(1, 6)) if sheet else ()
    if sheet is None or headings != HEADINGS:
        message = _("the workbook has no sheet `{sheet}` with the columns {columns}").format(
            sheet=SHEET, columns=" | ".join(HEADINGS)
        )
        hint = _("export a fresh one with `hcmlc translation export --format xlsx`")
        return [], [Diagnostic(display, 1, 1, "HCMLC-E071", message, hint)]
    segments = []
    for row in range(2, sheet.max_row + 1):
        answer_id = _text(sheet.value(row, 1).value)
        if not answer_id:
            continue
        english = _text(sheet.value(row, 3).value)
        segments.append(
            Segment(
                answer_id,
                _text(sheet.value(row, 2).value),
                english or None,
                _state(_text(sheet.value(row, 4).value)),
                row,
                3,
                SHEET,
                _text(sheet.value(row, 5).value) or None,
            )
        )
    return segments, []


def _state(word: str) -> str | None:
    """The XLIFF-like state of the state column: `verified` is the verifier's pass."""
    word = word.strip().lower()
    return "final" if word == "verified" else (word or None)


def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
