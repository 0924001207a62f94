"""The parts of an .ods file (LibreOffice's own format) that `import` reads, as `xlsx.py` reads
an .xlsx: each sheet's name, visibility and cells (value, number format, formula, error), merged
ranges, and the time the file was saved; parsed with expat in one pass over `content.xml`.

OpenDocument stores a run of equal cells or rows once with a repeat count
(`table:number-columns-repeated`, up to the sheet's 16,384 columns and 1,048,576 rows): an empty
run only moves the position, a filled one is written out within `MAX_CELLS`, and a position
beyond the sheet's bounds is refused, so a small file cannot make a large one. The archive has
passed `guard` already: sizes are bounded, no part is encrypted or declares a DTD.

A cell's value comes from its `office:value-type`: `float`, `percentage` (kept as the fraction,
with a % format, as an .xlsx holds it), `currency`, `date`, `time`, `boolean`, `string` (its
paragraphs joined by line breaks); a formula (`of:=[.E12]/[.E13]`) keeps its computed value,
and `calcext:value-type="error"` marks an error such as `#DIV/0!`.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from xml.parsers import expat

from hcmlc.workbook.xlsx import MAX_CELLS, XBook, XCell, XlsxError, XSheet

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
_SEP = "}"
"""expat's separator between a name's namespace and its local name."""
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_PREFIX = re.compile(r"^of:")


def is_ods(data: bytes) -> bool:
    """Whether `data` is an OpenDocument spreadsheet (its `mimetype` part says so)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return archive.read("mimetype").strip() == MIMETYPE
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        return False


def read_ods(data: bytes) -> XBook:
    """Read the sheets of an .ods archive; XlsxError when its structure is broken."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        reader = _Reader()
        _parse(archive.read("content.xml"), reader)
        book = XBook(reader.sheets)
        if "meta.xml" in archive.namelist():
            book.modified = _modified(archive.read("meta.xml"))
        return book
    except (zipfile.BadZipFile, zlib.error, KeyError, expat.ExpatError, UnicodeError) as exc:
        raise XlsxError(str(exc) or type(exc).__name__) from None
    except (OSError, EOFError) as exc:
        raise XlsxError(str(exc) or type(exc).__name__) from None


@dataclass
class _Cell:
    """The cell being read: its attributes and its text so far."""

    attrs: dict[str, str] = field(default_factory=dict)
    paragraphs: list[list[str]] = field(default_factory=list)
    repeat: int = 1


class _Reader:
    """expat handlers over `content.xml`."""

    def __init__(self) -> None:
        self.sheets: dict[str, XSheet] = {}
        self.hidden_styles: set[str] = set()
        self.style = ""
        self.sheet: XSheet | None = None
        self.row = 0
        self.row_repeat = 1
        self.row_cells: list[tuple[int, XCell]] = []
        self.column = 0
        self.cell: _Cell | None = None
        self.annotation = 0
        self.count = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        space, _sep, local = name.rpartition(_SEP)
        if space == _STYLE and local == "style":
            self.style = attrs.get(f"{_STYLE}{_SEP}name", "")
        elif space == _STYLE and local == "table-properties":
            if attrs.get(f"{_TABLE}{_SEP}display") == "false":
                self.hidden_styles.add(self.style)
        elif space == _TABLE and local == "table":
            name_ = attrs.get(f"{_TABLE}{_SEP}name", "")
            hidden = attrs.get(f"{_TABLE}{_SEP}style-name", "") in self.hidden_styles
            self.sheet = XSheet(name_, "hidden" if hidden else "visible")
            self.sheets[name_] = self.sheet
            self.row = 0
        elif space == _TABLE and local == "table-row":
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
            self.row_cells = []
            self.column = 0
            self._move_row(1)
        elif space == _TABLE and local in ("table-cell", "covered-table-cell"):
            self.cell = _Cell(attrs, [], _repeat(attrs, "number-columns-repeated"))
        elif space == _OFFICE and local == "annotation":
            self.annotation += 1
        elif self.cell is not None and not self.annotation and space == _TEXT:
            if local == "p":
                self.cell.paragraphs.append([])
            elif local == "s" and self.cell.paragraphs:
                self.cell.paragraphs[-1].append(" " * min(_repeat(attrs, "c", _TEXT), 1000))
            elif local == "tab" and self.cell.paragraphs:
                self.cell.paragraphs[-1].append("\t")
            elif local == "line-break" and self.cell.paragraphs:
                self.cell.paragraphs[-1].append("\n")

    def end(self, name: str) -> None:
        space, _sep, local = name.rpartition(_SEP)
        if space == _OFFICE and local == "annotation":
            self.annotation -= 1
        elif space == _TABLE and local in ("table-cell", "covered-table-cell"):
            self._end_cell()
        elif space == _TABLE and local == "table-row":
            self._end_row()

    def data(self, chunk: str) -> None:
        if self.cell is not None and not self.annotation and self.cell.paragraphs:
            self.cell.paragraphs[-1].append(chunk)

    def _move_row(self, by: int) -> None:
        self.row += by
        if self.row > MAX_ROWS:
            raise XlsxError(f"a row beyond {MAX_ROWS:,}")

    def _end_cell(self) -> None:
        cell, self.cell = self.cell, None
        assert cell is not None and self.sheet is not None
        first = self.column + 1
        self.column += cell.repeat
        if self.column > MAX_COLUMNS:
            raise XlsxError(f"a column beyond {MAX_COLUMNS:,}")
        rows = _repeat(cell.attrs, "number-rows-spanned")
        columns = _repeat(cell.attrs, "number-columns-spanned")
        if (rows, columns) != (1, 1):
            self.sheet.merged.append((self.row, first, self.row + rows - 1, first + columns - 1))
        read = _value(cell)
        if read is None:
            return  # an empty run only moves the position
        for column in range(first, first + cell.repeat):
            self.row_cells.append((column, read))
        self._count(cell.repeat * self.row_repeat)

    def _end_row(self) -> None:
        assert self.sheet is not None
        for offset in range(self.row_repeat if self.row_cells else 1):
            for column, read in self.row_cells:
                self.sheet.cells[(self.row + offset, column)] = read
        self._move_row(self.row_repeat - 1)

    def _count(self, cells: int) -> None:
        self.count += cells
        if self.count > MAX_CELLS:
            raise XlsxError(f"more than {MAX_CELLS:,} cells")


def _value(cell: _Cell) -> XCell | None:
    """The cell as `xlsx.py` gives it; None for an empty cell."""
    attrs = cell.attrs

    def office(name: str) -> str | None:
        return attrs.get(f"{_OFFICE}{_SEP}{name}")

    kind = office("value-type")
    formula = attrs.get(f"{_TABLE}{_SEP}formula")
    formula = "=" + _PREFIX.sub("", formula).lstrip("=") if formula else None
    text = "\n".join("".join(p) for p in cell.paragraphs)
    if attrs.get(f"{_CALCEXT}{_SEP}value-type") == "error":
        return XCell(text or "#VALUE!", "General", formula, True)
    value: object
    number_format = "General"
    if kind in ("float", "currency", "percentage"):
        value = _number(office("value"))
        number_format = "0%" if kind == "percentage" else "General"
    elif kind == "date":
        value = _date(office("date-value"))
        number_format = "yyyy-mm-dd"
    elif kind == "time":
        value = office("time-value") or text
    elif kind == "boolean":
        value = office("boolean-value") == "true"
    elif kind == "string":
        value = office("string-value") or text
    elif formula is not None:
        value = None  # a formula without a computed value
    else:
        return None
    return XCell(value, number_format, formula)


def _number(text: str | None) -> int | float | None:
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _date(text: str | None) -> object:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text[:26])
    except ValueError:
        return text


def _repeat(attrs: dict[str, str], name: str, space: str = _TABLE) -> int:
    try:
        return max(1, min(int(attrs.get(f"{space}{_SEP}{name}", "1")), MAX_ROWS))
    except ValueError:
        return 1


def _parse(xml: bytes, reader: _Reader) -> None:
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.Parse(xml, True)


def _modified(xml: bytes) -> str | None:
    """`dc:date` of `meta.xml`: when the file was last saved."""
    found: list[str] = []
    inside = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        inside[0] = name == f"{_DC}{_SEP}date"

    def end(name: str) -> None:
        inside[0] = False

    def data(chunk: str) -> None:
        if inside[0] and len(found) < 8:
            found.append(chunk)

    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.Parse(xml, True)
    text = "".join(found).strip()[:40]
    return text or None
