"""A returned workbook is hostile: what it must be before openpyxl may read it.

An .xlsx file (and an .ods, LibreOffice's own format) is a zip archive of XML parts. Before any
of it is parsed, the file's size is bounded, its kind is recognised from its first bytes (an
encrypted or old-format Office file, a macro-enabled workbook, a Word document, an Apple Numbers
document, a CSV renamed, not an archive at all), and the archive's directory is checked: how
many parts, how large they declare they unpack, no encrypted parts; then every part is inflated
within bounds that count the bytes as they come (`unzip`: so a zip bomb, or a part that lies
about its size, or entries that overlap, are refused before anything is parsed), and no part,
whatever its name, may declare a DTD or entities.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.workbook.unzip import MAX_UNPACKED, ArchiveProblem, read_parts

MAX_BYTES = 5_000_000
"""A workbook of an agency is a few tens of kilobytes; a larger one is refused unread."""
MAX_PARTS = 1_000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an OLE compound file: an encrypted .xlsx, or an old .xls or .doc."""
_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MACRO_TYPES = (b"macroEnabled", b"vbaProject")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def guarded_bytes(path: Path, display: str) -> bytes | Diagnostic:
    """The workbook's bytes, when it is an .xlsx or .ods workbook hcmlc may read; else the
    problem."""
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb"):
        return _refuse(display, _macro_message(suffix), _save_as_hint())
    if suffix == ".numbers":
        return _refuse(
            display, _("the file is an Apple Numbers document, not a workbook"), _numbers_hint()
        )
    try:
        if not path.is_file():
            reason = _("it is a folder") if path.is_dir() else _("no such file")
            return _unreadable(display, reason)
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Diagnostic(
                display,
                1,
                1,
                "HCMLC-E050",
                _("the file is {size} bytes, over the limit of {limit}").format(
                    size=f"{size:,}", limit=f"{MAX_BYTES:,}"
                ),
                _(
                    "a workbook holds figures and texts only: delete pictures and other sheets, "
                    "or make a fresh workbook with `hcmlc workbook`"
                ),
            )
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(display, exc.strerror or str(exc))
    return check_bytes(data, display)


def check_bytes(data: bytes, display: str) -> bytes | Diagnostic:
    """`data`, when it is an .xlsx workbook hcmlc may read; else the problem."""
    if not data:
        return _refuse(display, _("the file is empty, not a workbook"), resend_hint())
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            return _refuse(
                display,
                _("the workbook is protected by a password (encrypted), so it cannot be read"),
                _password_hint(),
            )
        return _refuse(
            display,
            _("the file is an old Excel 97–2003 workbook (.xls), not an .xlsx workbook"),
            _save_as_hint(),
        )
    if not data.startswith(_ZIP):
        if _is_text(data):
            return _refuse(
                display,
                _("the file is text (comma-separated values, CSV), not a workbook"),
                _(
                    "a CSV export loses the sheets hcmlc reads: open the workbook the "
                    "coordinator sent, type the values there, and save it with File → Save As → "
                    "Excel Workbook (.xlsx), or in LibreOffice ODF Spreadsheet (.ods)"
                ),
            )
        return _refuse(display, _("the file is not an Excel workbook (.xlsx)"), resend_hint())
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return _check_archive(archive, data, display)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ArchiveProblem,
        ValueError,
        NotImplementedError,  # a later zip version or a compression method Python lacks
    ) as exc:
        return _refuse(
            display,
            _("the workbook is damaged: {detail}").format(detail=exc),
            resend_hint(),
        )


def _check_archive(archive: zipfile.ZipFile, data: bytes, display: str) -> bytes | Diagnostic:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return _refuse(
            display,
            _("the workbook has {parts} parts, over the limit of {limit}").format(
                parts=f"{len(parts):,}", limit=f"{MAX_PARTS:,}"
            ),
            resend_hint(),
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        return _refuse(
            display,
            _("the workbook unpacks to {size} bytes, over the limit of {limit}").format(
                size=f"{unpacked:,}", limit=f"{MAX_UNPACKED:,}"
            ),
            resend_hint(),
        )
    if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
        return _refuse(
            display,
            _("the workbook is packed with a compression method Excel does not use"),
            resend_hint(),
        )
    if any(part.flag_bits & 0x1 for part in parts):
        return _refuse(
            display,
            _("the workbook is protected by a password (encrypted), so it cannot be read"),
            resend_hint(),
        )
    names = {part.filename for part in parts}
    if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        return _check_ods(archive, data, display)
    if "Index/Document.iwa" in names or any(n.startswith("Index/") for n in names):
        return _refuse(
            display, _("the file is an Apple Numbers document, not a workbook"), _numbers_hint()
        )
    if "xl/workbook.xml" not in names:
        what = (
            _("the file is a Word document, not an Excel workbook")
            if "word/document.xml" in names
            else _("the file is not an Excel workbook (.xlsx)")
        )
        return _refuse(display, what, resend_hint())
    parts_read = read_parts(archive, data)
    types = parts_read.get("[Content_Types].xml", b"")
    if "xl/vbaProject.bin" in names or any(word in types for word in _MACRO_TYPES):
        return _refuse(display, _macro_message(".xlsm"), _save_as_hint())
    for name, part in parts_read.items():
        if _declares_dtd(part):
            return _refuse(
                display,
                _("the part {part} of the workbook declares a DTD or entities").format(part=name),
                _("a workbook saved by Excel or LibreOffice has none: save it again as .xlsx"),
            )
    return data


def _check_ods(archive: zipfile.ZipFile, data: bytes, display: str) -> bytes | Diagnostic:
    """An OpenDocument spreadsheet: not encrypted, no part declaring a DTD."""
    names = set(archive.namelist())
    manifest = "META-INF/manifest.xml"
    if manifest in names and b"encryption-data" in archive.read(manifest):
        return _refuse(
            display,
            _("the workbook is protected by a password (encrypted), so it cannot be read"),
            _password_hint(),
        )
    if "content.xml" not in names:
        return _refuse(
            display, _("the file is not a spreadsheet: it has no content"), resend_hint()
        )
    for part in archive.infolist():
        if part.filename.endswith((".xml", ".rdf")) and _declares_dtd(archive.read(part)):
            return _refuse(
                display,
                _("the part {part} of the workbook declares a DTD or entities").format(
                    part=part.filename
                ),
                _("a workbook saved by Excel or LibreOffice has none: save it again as .xlsx"),
            )
    return data


def _is_text(data: bytes) -> bool:
    """Whether `data` reads as lines of text with separators (a CSV, whatever its name)."""
    head = data[:4096]
    try:
        text = head.decode("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("utf-16")
        except UnicodeDecodeError:
            return False
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return printable >= 0.95 * len(text) and any(sep in text for sep in ",;\t")


def _password_hint() -> str:
    return _(
        "remove the password and send it again: in Excel, File → Info → Protect Workbook → "
        "Encrypt with Password, delete the password, save; in LibreOffice, File → Save As, "
        "untick “Save with password”, save"
    )


def _numbers_hint() -> str:
    return _(
        "in Numbers, File → Export To → Excel…, choose .xlsx, and send that file; or open it "
        "in LibreOffice and save it as Excel 2007-365 (.xlsx) or ODF Spreadsheet (.ods)"
    )


def _declares_dtd(xml: bytes) -> bool:
    """Whether an XML part declares a document type or entities (never needed; a way to make a
    parser expand or fetch things). XML parts are UTF-8 or UTF-16."""
    head = xml.replace(b"\x00", b"")
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _macro_message(suffix: str) -> str:
    return _("the workbook is macro-enabled ({suffix}); hcmlc reads only .xlsx workbooks").format(
        suffix=suffix
    )


def _save_as_hint() -> str:
    return _(
        "in Excel, File → Save As → Excel Workbook (*.xlsx); in LibreOffice, File → Save As → "
        "Excel 2007-365 (.xlsx); then send that file"
    )


def resend_hint() -> str:
    return _("ask the agency to send the workbook again, saved as an Excel Workbook (.xlsx)")


def _unreadable(display: str, reason: str) -> Diagnostic:
    message = _("cannot read the file: {reason}").format(reason=reason)
    return Diagnostic(display, 1, 1, "HCMLC-E006", message)


def _refuse(display: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(display, 1, 1, "HCMLC-E070", message, hint)
