"""Hostile workbooks made from a real one (issue 24): each small, each once expensive to read.

tests/hostile/test_hostile_workbooks_bounded.py checks their outcomes, bench/hostile_workbooks.py
times them and measures their memory (each refused within 2 s and 200 MB); the fuzz hunt
(tests/test_fuzz.py) draws from them too.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable

Parts = dict[str, bytes]


def parts_of(data: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: Parts) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


def sheet_part(parts: Parts, name: str) -> str:
    """The part of the sheet called `name` (`xl/worksheets/sheet4.xml`)."""
    workbook = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(name)}"[^>]*r:id="(rId\d+)"', workbook)
    assert rid, workbook
    target = re.search(rf'Target="([^"]+)" Id="{rid.group(1)}"', rels)
    assert target, rels
    return target.group(1).lstrip("/")


def _edit(parts: Parts, part: str, edit: Callable[[str], str]) -> Parts:
    changed = edit(parts[part].decode())
    assert changed != parts[part].decode(), part
    return {**parts, part: changed.encode()}


def far_cell(data: bytes) -> bytes:
    """One cell at ZZZ10000 in the hidden sheet: a grid by the largest reference would be
    10,000 × 18,278 cells."""
    parts = parts_of(data)
    row = '<row r="10000"><c r="ZZZ10000" t="inlineStr"><is><t>x</t></is></c></row>'
    hidden = sheet_part(parts, "hcmlc")
    return zipped(
        _edit(parts, hidden, lambda xml: xml.replace("</sheetData>", row + "</sheetData>"))
    )


def superscript_version(data: bytes) -> bytes:
    """`²` as the hidden sheet's format version: a digit to `str.isdigit`, no number to `int`."""
    parts = parts_of(data)
    hidden = sheet_part(parts, "hcmlc")
    return zipped(_edit(parts, hidden, lambda xml: xml.replace("<t>2</t>", "<t>²</t>", 1)))


def bracket_format(data: bytes, brackets: int = 40_000, cells: int = 2_000) -> bytes:
    """A number format of 40,000 `[` on every style, and numbers to show with it."""
    parts = parts_of(data)
    code = "[" * brackets

    def styles(xml: str) -> str:
        xml = re.sub(r"<numFmts[^>]*>.*?</numFmts>|<numFmts[^>]*/>", "", xml, flags=re.S)
        xml = re.sub(r'numFmtId="\d+"', 'numFmtId="200"', xml)
        formats = f'<numFmts count="1"><numFmt numFmtId="200" formatCode="{code}"/></numFmts>'
        return re.sub(r"(<styleSheet[^>]*>)", r"\1" + formats, xml, count=1)

    parts = _edit(parts, "xl/styles.xml", styles)
    row = "".join(f'<c r="Z{n}" s="1"><v>{n}.5</v></c>' for n in range(1, cells + 1))
    sheet = sheet_part(parts, "Chỉ số")
    return zipped(
        _edit(
            parts, sheet, lambda xml: xml.replace("</sheetData>", f"<row>{row}</row></sheetData>")
        )
    )


def _deflated(size: int) -> tuple[bytes, int]:
    """`size` zero bytes deflated (raw), and their CRC."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece, crc, out = bytes(1 << 20), 0, []
    for _ in range(size >> 20):
        out.append(packer.compress(piece))
        crc = zlib.crc32(piece, crc)
    out.append(packer.flush())
    return b"".join(out), crc


def raw_zip(
    entries: list[tuple[str, bytes, int, int]], offsets: dict[str, str] | None = None
) -> bytes:
    """A zip archive written by hand: (name, deflated data, declared size, CRC) per entry, so
    that a size may lie; `offsets` makes the directory entry of a name point at another's."""
    out, central, at = bytearray(), bytearray(), {}
    for name, blob, size, crc in entries:
        encoded = name.encode()
        at[name] = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(blob), size, len(encoded), 0
        )
        out += encoded + blob
    for name, blob, size, crc in entries:
        encoded = name.encode()
        offset = at[(offsets or {}).get(name, name)]
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(blob),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    return bytes(out + central + end)


def _entries(parts: Parts) -> list[tuple[str, bytes, int, int]]:
    found = []
    for name, data in parts.items():
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        found.append((name, packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)))
    return found


def inflating_part(data: bytes, size: int = 1 << 30) -> bytes:
    """A part that declares 100 bytes and inflates to `size` (a gigabyte by default)."""
    blob, crc = _deflated(size)
    return raw_zip([*_entries(parts_of(data)), ("xl/media/notes.xml", blob, 100, crc)])


def overlapping(data: bytes) -> bytes:
    """Two directory entries sharing one part's bytes (an overlapping zip bomb's trick)."""
    entries = _entries(parts_of(data))
    name, blob, size, crc = next(e for e in entries if e[0] == "xl/styles.xml")
    twin = ("xl/styles.xml", blob, size, crc)
    return raw_zip([*entries, ("xl/media/twin.xml", *twin[1:])], {"xl/media/twin.xml": name})


def doctype_anywhere(data: bytes) -> bytes:
    """The hidden sheet moved to a part not named `.xml`, declaring entities (a billion laughs)."""
    parts = parts_of(data)
    hidden = sheet_part(parts, "hcmlc")
    moved = hidden.replace(".xml", ".bin")
    laughs = (
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + "]>"
    )
    head, declaration, body = parts.pop(hidden).decode().partition("?>")
    xml = head + declaration + laughs + body if declaration else laughs + head
    xml = xml.replace("<t>hcmlc</t>", "<t>&i;</t>")
    parts[moved] = xml.encode()
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        hidden.split("/", 1)[1].encode(), moved.split("/", 1)[1].encode()
    )
    return zipped(parts)


def bad_rows(data: bytes, rows: int = 4_000) -> bytes:
    """`rows` rows of the indicators sheet, each with an id of its own and an error value."""
    parts = parts_of(data)
    added = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x-{n}</t></is></c>'
        f'<c r="E{n}" t="e"><v>#DIV/0!</v></c></row>'
        for n in range(1000, 1000 + rows)
    )
    sheet = sheet_part(parts, "Chỉ số")
    return zipped(
        _edit(parts, sheet, lambda xml: xml.replace("</sheetData>", added + "</sheetData>"))
    )


def merged_ranges(data: bytes, count: int = 50_000) -> bytes:
    """`count` merged ranges over the input cells of the indicators sheet."""
    parts = parts_of(data)
    ranges = "".join(f'<mergeCell ref="E{n}:F{n}"/>' for n in range(4, 4 + count))
    merges = f'<mergeCells count="{count}">{ranges}</mergeCells>'
    sheet = sheet_part(parts, "Chỉ số")
    return zipped(
        _edit(parts, sheet, lambda xml: xml.replace("</sheetData>", "</sheetData>" + merges, 1))
    )


HOSTILE: dict[str, Callable[[bytes], bytes]] = {
    "a cell at ZZZ10000 in the hidden sheet": far_cell,
    "a number format of 40,000 [": bracket_format,
    "a part declaring 100 bytes inflating to 1 GiB": inflating_part,
    "overlapping zip entries": overlapping,
    "a DOCTYPE in a part not named .xml": doctype_anywhere,
    "4,000 bad rows": bad_rows,
    "50,000 merged ranges": merged_ranges,
    "² as the hidden sheet's version": superscript_version,
}
"""Each hostile workbook by what it is, made from a workbook of so-gddt made by hcmlc."""
