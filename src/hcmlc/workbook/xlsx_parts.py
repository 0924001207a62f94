"""The package of an .xlsx file read with expat (for `xlsx`): each part parsed with namespace
prefixes stripped and no DTD, its relationships, the workbook's sheets and date system, the
shared strings, the cell styles' number formats and the time it was saved."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from xml.parsers import expat

from hcmlc.workbook.formats import BUILTIN_FORMATS, MAX_FORMAT


class XlsxError(ValueError):
    """The archive is not a readable SpreadsheetML workbook; the message says why."""


class Package:
    """The parts of one archive, by path, read on demand."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.names = set(parts)

    def modified(self, path: str | None) -> str | None:
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

        self.parse(path, start, end, data)
        found = "".join(text).strip()[:40]
        return found or None

    def target(self, folder: str, rels: str, kind: str) -> str | None:
        return of_type(self.relations(folder, rels), kind)

    def relations(self, folder: str, path: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, part path) of a `.rels` part."""
        found: dict[str, tuple[str, str]] = {}
        if path not in self.names:
            return found

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                resolved = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(resolved))

        self.parse(path, start)
        return found

    def workbook(self, path: str) -> tuple[list[tuple[str, str, str]], bool]:
        sheets: list[tuple[str, str, str]] = []
        date1904 = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "sheet":
                rid = next((v for k, v in attrs.items() if k == "id" or k.endswith(":id")), "")
                sheets.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif name == "workbookPr":
                date1904[0] = attrs.get("date1904", "0") in ("1", "true")

        self.parse(path, start)
        return sheets, date1904[0]

    def strings(self, path: str | None) -> list[str]:
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

        self.parse(path, start, end, data)
        return strings

    def formats(self, path: str | None) -> list[str]:
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
                codes[int_attribute(attrs.get("numFmtId"))] = (
                    code if len(code) <= MAX_FORMAT else "General"
                )
            elif name == "cellXfs":
                depth["cellXfs"] = True
            elif name == "xf" and depth["cellXfs"]:
                styles.append(codes.get(int_attribute(attrs.get("numFmtId")), "General"))

        def end(name: str) -> None:
            if name == "cellXfs":
                depth["cellXfs"] = False

        self.parse(path, start, end)
        return styles

    def parse(
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


def of_type(relations: dict[str, tuple[str, str]], kind: str) -> str | None:
    """The part path of the first relationship whose type ends with `kind`."""
    return next((path for rel, path in relations.values() if rel.endswith(kind)), None)


def int_attribute(text: str | None) -> int:
    """An attribute read as a whole number; 0 when absent or not one."""
    try:
        return int(text) if text is not None else 0
    except ValueError:
        return 0
