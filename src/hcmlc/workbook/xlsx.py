"""The parts of an .xlsx file that `import` reads, parsed with expat: sheets, cells, merges.

Import needs little of a workbook: each sheet's name and cells (value, type, number format,
formula) and its merged ranges. Reading only that, in one pass over each part, is several
times faster than a general reader, and gives a formula's text and its computed value together
(openpyxl needs two loads for that). It follows SpreadsheetML as Excel, LibreOffice and others
write it: shared or inline strings (rich text joined, phonetic runs left out), numbers, booleans,
errors, ISO dates, number formats from the styles (built-in ones by number), the dates they
mean, the 1904 date system, cells and rows without a reference, the strict
namespace. The archive has passed `guard` already: sizes are bounded and no part has a DTD.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from xml.parsers import expat

from hcmlc.workbook.formats import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    MAX_FORMAT,
    WINDOWS_EPOCH,
    from_serial,
    is_date_format,
)
from hcmlc.workbook.unzip import ArchiveProblem, read_parts

MAX_CELLS = 200_000
"""Cells read from one workbook: an agency's has a few thousand."""
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


class XlsxError(ValueError):
    """The archive is not a readable SpreadsheetML workbook; the message says why."""


@dataclass(frozen=True)
class XCell:
    """A cell as stored: value (str, int, float, bool, a date for date formats, or None), its
    number format, its formula's text, and whether the value is an error such as `#DIV/0!`."""

    value: object
    number_format: str = "General"
    formula: str | None = None
    error: bool = False


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
        return self.cells.get((row, column)) or XCell(None)


@dataclass
class XBook:
    """A workbook as read: its sheets in order, and its date system."""

    sheets: dict[str, XSheet]
    epoch: dt.datetime = WINDOWS_EPOCH
    modified: str | None = None
    """When the file was last saved, as its writer recorded it (`dcterms:modified`)."""


def read_xlsx(data: bytes) -> XBook:
    """Read the sheets of an .xlsx archive; XlsxError when its structure is broken."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        return _Reader(read_parts(archive, data)).book()
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
    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.names = set(parts)
        self.cells = 0

    def book(self) -> XBook:
        main = self._target("", "_rels/.rels", "/officeDocument") or "xl/workbook.xml"
        folder = posixpath.dirname(main)
        rels_path = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
        relations = self._relations(folder, rels_path)
        sheets, date1904 = self._workbook(main)
        strings = self._strings(_of_type(relations, "/sharedStrings"))
        formats = self._formats(_of_type(relations, "/styles"))
        book = XBook({}, MAC_EPOCH if date1904 else WINDOWS_EPOCH)
        for name, state, rid in sheets:
            target = relations.get(rid, ("", ""))[1]
            if target not in self.names:
                raise XlsxError(f"the sheet {name!r} has no part")
            sheet = XSheet(name, state)
            self._sheet(target, sheet, strings, formats, book.epoch)
            book.sheets[name] = sheet
        book.modified = self._modified(self._target("", "_rels/.rels", "/core-properties"))
        return book

    def _modified(self, path: str | None) -> str | None:
        """The saved time of the core properties, `2026-12-07T02:18:11Z`; None without one."""
        if path is None or path not in self.names:
            return None
        text: list[str] = []
        inside = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            inside[0] = name == "modified"

        def end(name: str) -> None:
            inside[0] = False

        def data(chunk: str) -> None:
            if inside[0] and len(text) < 8:
                text.append(chunk)

        self._parse(path, start, end, data)
        found = "".join(text).strip()[:40]
        return found or None

    # Package parts --------------------------------------------------------------------------

    def _target(self, folder: str, rels: str, kind: str) -> str | None:
        return _of_type(self._relations(folder, rels), kind)

    def _relations(self, folder: str, path: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, part path) of a `.rels` part."""
        found: dict[str, tuple[str, str]] = {}
        if path not in self.names:
            return found

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                resolved = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(resolved))

        self._parse(path, start)
        return found

    def _workbook(self, path: str) -> tuple[list[tuple[str, str, str]], bool]:
        sheets: list[tuple[str, str, str]] = []
        date1904 = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "sheet":
                rid = next((v for k, v in attrs.items() if k == "id" or k.endswith(":id")), "")
                sheets.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif name == "workbookPr":
                date1904[0] = attrs.get("date1904", "0") in ("1", "true")

        self._parse(path, start)
        return sheets, date1904[0]

    def _strings(self, path: str | None) -> list[str]:
        """The shared strings: each item's text runs joined, phonetic guides left out."""
        strings: list[str] = []
        if path is None or path not in self.names:
            return strings
        text: list[str] = []
        state = {"in_t": False, "phonetic": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "si":
                text.clear()
            elif name == "rPh":
                state["phonetic"] += 1
            elif name == "t" and not state["phonetic"]:
                state["in_t"] = True

        def end(name: str) -> None:
            if name == "t":
                state["in_t"] = False
            elif name == "rPh":
                state["phonetic"] -= 1
            elif name == "si":
                strings.append("".join(text))

        def data(chunk: str) -> None:
            if state["in_t"]:
                text.append(chunk)

        self._parse(path, start, end, data)
        return strings

    def _formats(self, path: str | None) -> list[str]:
        """Each cell style's number format code, by style index."""
        codes: dict[int, str] = dict(BUILTIN_FORMATS)
        styles: list[str] = []
        if path is None or path not in self.names:
            return styles
        depth = {"cellXfs": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "numFmt":
                code = attrs.get("formatCode", "General")
                # longer than Excel allows (255): not a format a spreadsheet wrote
                codes[_int(attrs.get("numFmtId"))] = code if len(code) <= MAX_FORMAT else "General"
            elif name == "cellXfs":
                depth["cellXfs"] = True
            elif name == "xf" and depth["cellXfs"]:
                styles.append(codes.get(_int(attrs.get("numFmtId")), "General"))

        def end(name: str) -> None:
            if name == "cellXfs":
                depth["cellXfs"] = False

        self._parse(path, start, end)
        return styles

    # Worksheets -----------------------------------------------------------------------------

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
        cell: dict[str, object] = {}
        collect = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "row":
                where["row"] = _int(attrs.get("r")) or where["row"] + 1
                where["column"] = 0
            elif name == "c":
                row, column = _position(attrs.get("r"), where["row"], where["column"] + 1)
                where["column"] = column
                cell.clear()
                cell.update(row=row, column=column, t=attrs.get("t", "n"), s=_int(attrs.get("s")))
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
                key = (int(str(cell["row"])), int(str(cell["column"])))
                sheet.cells[key] = _cell(cell, strings, formats, epoch)

        def data(chunk: str) -> None:
            if collect[0]:
                text.append(chunk)

        self._parse(path, start, end, data)

    def _parse(
        self,
        path: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None] | None = None,
        data: Callable[[str], None] | None = None,
    ) -> None:
        """Parse one part. Names are matched without namespaces: when the part's own elements
        carry a prefix (`x:c`, as some writers put it), names and attributes are stripped of
        it; otherwise the handlers get them as they are, and prefixed extension elements
        (`x14ac:…`) simply match nothing."""
        xml = self.parts[path]
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def declared(*_: object) -> None:
            raise XlsxError(f"the part {path} declares a DTD or entities")

        parser.StartDoctypeDeclHandler = declared  # `guard` refused these already: never parsed
        parser.EntityDeclHandler = declared
        parser.buffer_text = True
        if _prefixed(xml):
            parser.StartElementHandler = lambda name, attrs: start(_bare(name), _plain(attrs))
            if end is not None:
                parser.EndElementHandler = lambda name: end(_bare(name))
        else:
            parser.StartElementHandler = start
            if end is not None:
                parser.EndElementHandler = end
        if data is not None:
            parser.CharacterDataHandler = data
        parser.Parse(xml, True)


def _prefixed(xml: bytes) -> bool:
    """Whether the part's root element has a namespace prefix (`<x:worksheet …>`)."""
    found = re.search(rb"<([A-Za-z_][\w.-]*)([ >/:])", xml[:4096].split(b"?>", 1)[-1])
    return bool(found and found.group(2) == b":")


def _bare(name: str) -> str:
    return name[name.find(":") + 1 :]


def _plain(attrs: dict[str, str]) -> dict[str, str]:
    """Attributes by their local names (`r:id` → `id`); namespace declarations left out."""
    return {k[k.find(":") + 1 :]: v for k, v in attrs.items() if not k.startswith("xmlns")}


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
        index = _int(str(raw)) if raw is not None else -1
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


def _of_type(relations: dict[str, tuple[str, str]], kind: str) -> str | None:
    return next((path for rel, path in relations.values() if rel.endswith(kind)), None)


def _int(text: str | None) -> int:
    try:
        return int(text) if text is not None else 0
    except ValueError:
        return 0
