"""The parts of an .xlsx file that `import` reads, parsed with expat: sheets, cells, merges.

Import needs little of a workbook: each sheet's name and cells (value, type, number format,
formula) and its merged ranges. Reading only that, in one pass over each part, is several
times faster than a general reader, and gives a formula's text and its computed value together
(openpyxl needs two loads for that). It follows SpreadsheetML as Excel, LibreOffice and others
write it: shared or inline strings (rich text joined, phonetic runs left out), numbers, booleans,
errors, ISO dates, number formats from the styles (built-in ones by number), the dates they
mean, the 1904 date system, cells and rows without a reference, the strict
namespace. The archive has passed `guard` already: sizes are bounded and no part has a DTD.
The package's own parts (relationships, strings, styles) are read by `xlsx_parts`.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from xml.parsers import expat

from hcmlc.workbook.cells import RawCell
from hcmlc.workbook.formats import (
    MAC_EPOCH,
    WINDOWS_EPOCH,
    from_serial,
    is_date_format,
)
from hcmlc.workbook.unzip import ArchiveProblem, read_parts
from hcmlc.workbook.xlsx_parts import Package, int_attribute, of_type
from hcmlc.workbook.xlsx_parts import XlsxError as XlsxError  # raised by read_xlsx

MAX_CELLS = 200_000
"""Cells read from one workbook: an agency's has a few thousand."""
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


XCell = RawCell
"""A cell as stored: value (str, int, float, bool, a date for date formats, or None), its
number format, its formula's text, and whether the value is an error such as `#DIV/0!`. It is
the cell `read` hands on as it is (immutable), not copied into another object per cell."""
EMPTY = XCell(None)
"""Every cell the sheet does not hold: one value, shared (a data row reads each of its cells)."""


@dataclass
class XSheet:
    """One sheet: its name, visibility, cells by (row, column), and merged ranges as
    (first row, first column, last row, last column)."""

    name: str
    state: str
    cells: dict[tuple[int, int], XCell] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def max_row(self) -> int:
        return max((row for row, _ in self.cells), default=0)

    def value(self, row: int, column: int) -> XCell:
        return self.cells.get((row, column), EMPTY)


@dataclass
class XBook:
    """A workbook as read: its sheets in order, and its date system."""

    sheets: dict[str, XSheet]
    epoch: dt.datetime = WINDOWS_EPOCH
    modified: str | None = None
    """When the file was last saved, as its writer recorded it (`dcterms:modified`)."""


def read_xlsx(data: bytes, only: str | None = None) -> XBook:
    """Read the sheets of an .xlsx archive, or only the sheet named `only` (the others are
    left out of the book unread); XlsxError when its structure is broken."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        return _Reader(read_parts(archive, data)).book(only)
    except (
        ArchiveProblem,
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        expat.ExpatError,
        UnicodeError,
        OSError,
        EOFError,
    ) as exc:
        raise XlsxError(str(exc) or type(exc).__name__) from None


class _Reader:
    """Reads a workbook's sheets, cell by cell, from its package."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.package = Package(parts)
        self.cells = 0

    def book(self, only: str | None = None) -> XBook:
        main = self.package.target("", "_rels/.rels", "/officeDocument") or "xl/workbook.xml"
        folder = posixpath.dirname(main)
        rels_path = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
        relations = self.package.relations(folder, rels_path)
        sheets, date1904 = self.package.workbook(main)
        strings = self.package.strings(of_type(relations, "/sharedStrings"))
        formats = self.package.formats(of_type(relations, "/styles"))
        book = XBook({}, MAC_EPOCH if date1904 else WINDOWS_EPOCH)
        for name, state, rid in sheets:
            if only is not None and name != only:
                continue
            target = relations.get(rid, ("", ""))[1]
            if target not in self.package.names:
                raise XlsxError(f"the sheet {name!r} has no part")
            sheet = XSheet(name, state)
            self._sheet(target, sheet, strings, formats, book.epoch)
            book.sheets[name] = sheet
        book.modified = self.package.modified(
            self.package.target("", "_rels/.rels", "/core-properties")
        )
        return book

    def _sheet(
        self,
        path: str,
        sheet: XSheet,
        strings: list[str],
        formats: list[str],
        epoch: dt.datetime,
    ) -> None:
        text: list[str] = []
        where = {"row": 0, "column": 0}
        at = [(0, 0)]
        """The (row, column) of the cell being read."""
        cell: dict[str, object] = {}
        collect = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "row":
                where["row"] = int_attribute(attrs.get("r")) or where["row"] + 1
                where["column"] = 0
            elif name == "c":
                at[0] = _position(attrs.get("r"), where["row"], where["column"] + 1)
                where["column"] = at[0][1]
                cell.clear()
                cell.update(t=attrs.get("t", "n"), s=int_attribute(attrs.get("s")))
            elif name in ("v", "f", "t"):
                text.clear()
                collect[0] = True
            elif name == "mergeCell":
                sheet.merged.append(_range(attrs.get("ref", "")))

        def end(name: str) -> None:
            if name in ("v", "f"):
                cell[name] = "".join(text)
                collect[0] = False
            elif name == "t":
                cell["is"] = str(cell.get("is", "")) + "".join(text)
                collect[0] = False
            elif name == "c":
                self.cells += 1
                if self.cells > MAX_CELLS:
                    raise XlsxError(f"it holds more than {MAX_CELLS:,} cells")
                sheet.cells[at[0]] = _cell(cell, strings, formats, epoch)

        def data(chunk: str) -> None:
            if collect[0]:
                text.append(chunk)

        self.package.parse(path, start, end, data)


def _cell(
    cell: dict[str, object], strings: list[str], formats: list[str], epoch: dt.datetime
) -> XCell:
    kind = str(cell.get("t"))
    raw = cell.get("v")
    style = int(str(cell.get("s") or 0))
    number_format = formats[style] if 0 <= style < len(formats) else "General"
    formula = f"={cell['f']}" if "f" in cell else None
    value: object
    if kind == "s":
        index = int_attribute(str(raw)) if raw is not None else -1
        value = strings[index] if 0 <= index < len(strings) else None
    elif kind == "inlineStr":
        value = cell.get("is")
    elif kind in ("str", "e"):
        value = raw
    elif kind == "b":
        value = None if raw is None else str(raw).strip() in ("1", "true")
    elif kind == "d":
        value = _iso(str(raw)) if raw else None
    else:
        value = _number(str(raw), number_format, epoch) if raw not in (None, "") else None
    return XCell(value, number_format, formula, kind == "e")


def _number(text: str, number_format: str, epoch: dt.datetime) -> object:
    try:
        number: int | float = int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text
    if is_date_format(number_format):
        try:
            return from_serial(number, epoch)
        except (ValueError, OverflowError):
            return number
    return number


def _iso(text: str) -> object:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text


def _position(reference: str | None, row: int, column: int) -> tuple[int, int]:
    """A cell's (row, column): from its reference (`E12`), else the next after the last."""
    found = _reference(reference) if reference else None
    return found if found is not None else (row, column)


@functools.lru_cache(maxsize=4096)
def _reference(reference: str) -> tuple[int, int] | None:
    found = _REFERENCE.fullmatch(reference)
    if found is None:
        return None
    letters, number = found.groups()
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return int(number), index


def _range(reference: str) -> tuple[int, int, int, int]:
    first, _, last = reference.partition(":")
    top, left = _position(first, 0, 0)
    bottom, right = _position(last or first, top, left)
    return top, left, bottom, right
