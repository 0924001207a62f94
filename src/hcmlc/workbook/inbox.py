"""A folder of returned workbooks, as saved from the mailbox: which files to import.

Replies bring more than workbooks: signatures, scans, the same workbook twice, a zip of several.
Every file is hostile. The folder is walked without following links, within bounds; a zip is
opened within bounds too (members counted, each member's declared size checked before it is
read, and never more read than declared), its workbooks written to a scratch folder under safe
names, a zip inside it refused; identical copies are imported once. Files that are not
spreadsheets are set aside with a reason; spreadsheets of any kind go on to `import`, whose
guard says how to save one that is not an .xlsx. A saved e-mail (.eml) is opened within bounds
too (mail.py): its attachments are taken like the folder's files, each remembering the e-mail
and the sender it claims, to be compared with the agency's focal point.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.workbook.guard import MAX_BYTES
from hcmlc.workbook.mail import MAX_EML_BYTES, MailProblem, open_mail

SPREADSHEETS = frozenset(
    {".xlsx", ".xlsm", ".xltm", ".xlsb", ".xls", ".xltx", ".ods", ".numbers", ".csv"}
)
"""Suffixes of files imported (or refused by the guard with the way to save them right)."""
ARCHIVES = frozenset({".zip"})
MAILS = frozenset({".eml"})
MAX_FILES = 2_000
"""Files of a folder looked at: a city's 184 agencies, each replying a few times."""
MAX_ZIP_BYTES = 50_000_000
MAX_MEMBERS = 500
MAX_ZIP_UNPACKED = 100_000_000


@dataclass(frozen=True)
class Origin:
    """The saved e-mail a file came in, and the addresses its `From:` names (one, or a finding)."""

    mail: str
    senders: tuple[str, ...]


@dataclass(frozen=True)
class Arrival:
    """A file to import: where its bytes are now, and how to name it to people."""

    path: Path
    display: str
    origin: Origin | None = None


@dataclass(frozen=True)
class SetAside:
    """A file not imported, and why: `not-a-workbook`, `link`, `no-workbook` (an e-mail without
    a workbook attached) or `duplicate` (of `original`)."""

    display: str
    reason: str
    original: str | None = None


@dataclass
class Inbox:
    """What a folder holds, sorted out."""

    arrivals: list[Arrival] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    """Files that cannot be looked into (a zip too large, damaged or nested)."""
    _digests: dict[str, str] = field(default_factory=dict)
    _kept: int = 0

    def add(
        self, path: Path, display: str, data: bytes | None = None, origin: Origin | None = None
    ) -> None:
        """A spreadsheet, unless it is a copy of one already added."""
        digest = _digest(path) if data is None else hashlib.sha256(data).hexdigest()
        first = self._digests.setdefault(digest, display)
        if first != display:
            self.set_aside.append(SetAside(display, "duplicate", first))
        else:
            self.arrivals.append(Arrival(path, display, origin))

    def keep(self, scratch: Path, name: str, data: bytes) -> Path:
        """`data` written to `scratch` under a safe name of its own."""
        self._kept += 1
        target = scratch / f"{self._kept:04d}-{_safe(name)}"
        target.write_bytes(data)
        return target


def gather(paths: list[Path], scratch: Path) -> Inbox:
    """The files of `paths` (folders walked, zips opened into `scratch`), sorted out."""
    inbox = Inbox()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, inbox):
                _file(found, str(found), scratch, inbox)
        else:
            _file(path, str(path), scratch, inbox)
    return inbox


def _walk(folder: Path, inbox: Inbox) -> list[Path]:
    """Regular files under `folder`, by name, links not followed, at most MAX_FILES."""
    found: list[Path] = []
    pending = [folder]
    while pending and len(found) < MAX_FILES:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                inbox.set_aside.append(SetAside(entry.path, "link"))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)[:MAX_FILES]


def _file(path: Path, display: str, scratch: Path, inbox: Inbox) -> None:
    suffix = path.suffix.lower()
    if suffix in ARCHIVES:
        _zip(path, display, scratch, inbox)
    elif suffix in MAILS:
        _mail(path, display, scratch, inbox)
    elif suffix in SPREADSHEETS or not path.exists():
        if path.is_file():
            inbox.add(path, display)
        else:  # the guard of `import` says what is wrong with it
            inbox.arrivals.append(Arrival(path, display))
    else:
        inbox.set_aside.append(SetAside(display, "not-a-workbook"))


def _mail(path: Path, display: str, scratch: Path, inbox: Inbox) -> None:
    """The workbooks (and zips) attached to a saved e-mail, each knowing the e-mail's sender."""
    try:
        size = path.stat().st_size
        if size > MAX_EML_BYTES:
            inbox.problems.append(_too_large(display, size, MAX_EML_BYTES))
            return
        mail = open_mail(path)
    except (MailProblem, OSError) as exc:
        inbox.problems.append(_mail_problem(display, str(exc)[:200] or type(exc).__name__))
        return
    origin = Origin(display, tuple(mail.senders))
    for name in mail.forwarded:
        inbox.problems.append(
            _mail_problem(f"{display}!{name}", _("an e-mail attached to an e-mail is not opened"))
        )
    workbooks = 0
    for name, data in mail.attachments:
        shown = f"{display}!{name}"
        suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
        if suffix in ARCHIVES:
            workbooks += 1
            _zip(inbox.keep(scratch, name, data), shown, scratch, inbox, origin)
        elif suffix not in SPREADSHEETS:
            inbox.set_aside.append(SetAside(shown, "not-a-workbook"))
        elif len(data) > MAX_BYTES:
            workbooks += 1
            inbox.problems.append(_too_large(shown, len(data), MAX_BYTES))
        else:
            workbooks += 1
            inbox.add(inbox.keep(scratch, name, data), shown, data, origin)
    if not workbooks and not mail.forwarded:
        inbox.set_aside.append(SetAside(display, "no-workbook"))


def _zip(
    path: Path, display: str, scratch: Path, inbox: Inbox, origin: Origin | None = None
) -> None:
    """The spreadsheets of a zip, each read within its declared size, into `scratch`."""
    try:
        size = path.stat().st_size
        if size > MAX_ZIP_BYTES:
            inbox.problems.append(_too_large(display, size, MAX_ZIP_BYTES))
            return
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_ZIP_UNPACKED:
                inbox.problems.append(_zip_problem(display, _("it holds too many files or bytes")))
                return
            for member in members:
                _member(archive, member, display, scratch, inbox, origin)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        detail = str(exc)[:200] or type(exc).__name__
        inbox.problems.append(
            _zip_problem(display, _("it is damaged: {detail}").format(detail=detail))
        )


def _member(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    zip_display: str,
    scratch: Path,
    inbox: Inbox,
    origin: Origin | None,
) -> None:
    name = PurePosixPath(member.filename.replace("\\", "/")).name
    display = f"{zip_display}!{member.filename}"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in ARCHIVES:
        inbox.problems.append(
            Diagnostic(
                display,
                1,
                1,
                "HCMLC-E070",
                _("a zip inside a zip is not opened"),
                _("unpack it and put its workbooks in the folder, or attach them one by one"),
            )
        )
        return
    if suffix not in SPREADSHEETS:
        inbox.set_aside.append(SetAside(display, "not-a-workbook"))
        return
    if member.file_size > MAX_BYTES:
        inbox.problems.append(_too_large(display, member.file_size, MAX_BYTES))
        return
    if member.flag_bits & 0x1:
        inbox.problems.append(_zip_problem(display, _("the file is encrypted in the zip")))
        return
    with archive.open(member) as stream:
        data = stream.read(member.file_size + 1)
    if len(data) > member.file_size:
        inbox.problems.append(_zip_problem(display, _("it is larger than the zip declares")))
        return
    inbox.add(inbox.keep(scratch, name, data), display, data, origin)


def _safe(name: str) -> str:
    """A file name made of safe characters, keeping its suffix."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[-100:] or "workbook.xlsx"


def _digest(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            return hashlib.sha256(stream.read(MAX_BYTES + 1)).hexdigest()
    except OSError:
        return str(path)


def _too_large(display: str, size: int, limit: int) -> Diagnostic:
    return Diagnostic(
        display,
        1,
        1,
        "HCMLC-E050",
        _("the file is {size} bytes, over the limit of {limit}").format(
            size=f"{size:,}", limit=f"{limit:,}"
        ),
        _("attach the workbooks one by one"),
    )


def _zip_problem(display: str, reason: str) -> Diagnostic:
    return Diagnostic(
        display,
        1,
        1,
        "HCMLC-E070",
        _("the zip is not opened: {reason}").format(reason=reason),
        _("unpack it and put its workbooks in the folder, or attach them one by one"),
    )


def _mail_problem(display: str, reason: str) -> Diagnostic:
    return Diagnostic(
        display,
        1,
        1,
        "HCMLC-E070",
        _("the e-mail is not opened: {reason}").format(reason=reason),
        _("save its workbooks from the mail program and put them in the folder"),
    )
