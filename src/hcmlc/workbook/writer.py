"""openpyxl's writer of an .xlsx file (openpyxl 3.1), cheaper when one process writes many
workbooks (`workbook --all`, `remind`): each sheet's XML kept in memory rather than in a
temporary file, its cells written from records where they are (recorded.py), and the
stylesheet, which workbooks of the same looks share, serialised once and reused for every
workbook whose style tables are equal to it, entry for entry."""

from __future__ import annotations

import io
from typing import Any

import hcmlc.workbook.looks  # noqa: F401  # first: openpyxl without numpy

# isort: split
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.workbook._writer import WorkbookWriter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.writer.theme import theme_xml
from openpyxl.xml.constants import (
    ARC_APP,
    ARC_CORE,
    ARC_ROOT_RELS,
    ARC_STYLE,
    ARC_THEME,
    ARC_WORKBOOK,
    ARC_WORKBOOK_RELS,
)
from openpyxl.xml.functions import tostring

from hcmlc.workbook.recorded import Record, Recorded, dimension, every_cell, recorded_rows
from hcmlc.workbook.sheet_rows import sheet_data

Records = dict[int, Recorded]
"""The recorded cells of a workbook's sheets (recorded.py), by the identity of the sheet."""

_STYLESHEETS: dict[tuple[Any, ...], bytes] = {}
"""Serialised stylesheets by the style tables they were made of."""
_VALIDATIONS: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}
"""Serialised data validations of a sheet (an element), by the identities of its validation
objects, kept with them (so that no identity is reused while its entry is kept)."""
_KEPT = 256
"""Entries kept at most in each (a run makes a few stylesheets, and a few hundred lists of
validations at city scale)."""


class InMemoryWriter(ExcelWriter):  # type: ignore[misc]
    """`ExcelWriter` with the parts of a workbook hcmlc makes (no macros, charts, images,
    comments, tables, pivots, external links or custom properties), its sheets' XML in memory
    and its stylesheet from `_STYLESHEETS` when an equal one was serialised before."""

    def __init__(self, workbook: Workbook, archive: Any, records: Records | None = None) -> None:
        super().__init__(workbook, archive)
        self._records = records or {}
        self._cell_styles: dict[tuple[int, ...], int] = {}
        """The cell formats of the recorded cells written so far, by style array."""

    def write_data(self) -> None:
        """The steps of `ExcelWriter.write_data` (openpyxl 3.1) for hcmlc's workbooks."""
        archive, book = self._archive, self.workbook
        if book.vba_archive or len(book.custom_doc_props) or book._external_links:
            super().write_data()  # parts hcmlc never writes: openpyxl's own steps
            return
        archive.writestr(ARC_APP, tostring(ExtendedProperties().to_tree()))
        archive.writestr(ARC_CORE, tostring(book.properties.to_tree()))
        archive.writestr(ARC_THEME, book.loaded_theme or theme_xml)
        self._write_worksheets()
        archive.writestr(ARC_STYLE, stylesheet(book))
        writer = WorkbookWriter(book)
        archive.writestr(ARC_ROOT_RELS, writer.write_root_rels())
        archive.writestr(ARC_WORKBOOK, writer.write())
        archive.writestr(ARC_WORKBOOK_RELS, writer.write_rels())
        self.manifest._write(archive, book)

    def write_worksheet(self, ws: Worksheet) -> None:
        """`ExcelWriter.write_worksheet` (openpyxl 3.1), the sheet's XML kept in memory: on a
        busy disk, creating and deleting a file per sheet took a fifth of the save."""
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        stream = io.BytesIO()
        writer = _SheetWriter(ws, out=stream)
        recorded = self._records.get(id(ws))
        if recorded is not None:
            cells = every_cell(ws, recorded.cells)
            writer.recorded = cells, recorded.heights, self._cell_styles
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], stream.getvalue())
        self.manifest.append(ws)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's writer of a sheet, its rows made as one string (sheet_rows.py) and its data
    validations serialised once for all the sheets that have the very same validation objects
    (`build._validation` makes each once)."""

    recorded: (
        tuple[dict[tuple[int, int], Record], dict[int, float], dict[tuple[int, ...], int]] | None
    ) = None
    """The sheet's cells, when they are records (recorded.py), its rows' heights, and the
    workbook's cell formats written so far."""

    def write_dimensions(self) -> None:
        """`WorksheetWriter.write_dimensions` (openpyxl 3.1), of the records when recorded."""
        if self.recorded is None:
            super().write_dimensions()
            return
        self.xf.send(SheetDimension(dimension(self.recorded[0])).to_tree())

    def write_rows(self) -> None:
        """`WorksheetWriter.write_rows` (openpyxl 3.1): the same bytes, written past lxml's
        writer (flushed first, so that they land in order); openpyxl's own for a sheet holding
        cells hcmlc does not write."""
        if self.recorded is not None:
            data: bytes | None = recorded_rows(self.ws, *self.recorded)
        else:
            data = sheet_data(self.ws, self.rows())
        if data is None:
            super().write_rows()
            return
        xf = self.xf.send(True)
        xf.flush()
        self.out.write(data)
        self.xf.send(None)

    def write_validations(self) -> None:
        """`WorksheetWriter.write_validations` (openpyxl 3.1), from `_VALIDATIONS` when known."""
        validations = self.ws.data_validations
        if not validations:
            return
        listed = tuple(validations.dataValidation)
        key = (
            tuple(map(id, listed)),
            validations.disablePrompts,
            validations.xWindow,
            validations.yWindow,
        )
        known = _VALIDATIONS.get(key)
        if known is None or any(a is not b for a, b in zip(known[0], listed, strict=True)):
            known = listed, validations.to_tree()
            if len(_VALIDATIONS) >= _KEPT:
                _VALIDATIONS.clear()
            _VALIDATIONS[key] = known
        self.xf.send(known[1])


def stylesheet(book: Workbook) -> bytes:
    """`xl/styles.xml` of `book`: serialised once for all workbooks with equal style tables."""
    key = _tables(book)
    known = _STYLESHEETS.get(key)
    if known is None:
        known = tostring(write_stylesheet(book))
        if len(_STYLESHEETS) >= _KEPT:
            _STYLESHEETS.clear()
        _STYLESHEETS[key] = known
    return known


def _tables(book: Workbook) -> tuple[Any, ...]:
    """Everything `write_stylesheet` reads of `book`, as a key compared entry for entry."""
    named = tuple(
        (
            style.name,
            style.font,
            style.fill,
            style.border,
            style.alignment,
            style.number_format,
            style.protection,
            style.builtinId,
            style.hidden,
            tuple(style.as_tuple()),
        )
        for style in book._named_styles
    )
    return (
        tuple(book._fonts),
        tuple(book._fills),
        tuple(book._borders),
        tuple(book._alignments),
        tuple(book._protections),
        tuple(book._number_formats),
        tuple(book._cell_styles),
        tuple(book._differential_styles.styles),
        tuple(book._colors),
        named,
    )
