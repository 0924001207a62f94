"""The coordinator's record of the workbooks imported: `imports/<cycle>/<agency>.json`.

An agency that corrects a workbook it sent and sends it again sends a later copy of the same
issued workbook: the same hidden sheet (agency, cycle, data fingerprint, rows and pre-filled
values), so the same issue id. For each issue id the record keeps what the last imported copy
held (each input cell that differed from what the workbook was issued with), when that copy was
saved (its own `modified` time) and the day it was imported (the receiving side's date). A
later copy is then judged against the last import: only its cells changed since are applied,
and a conflict is only a field someone else changed in the file since. An older copy than the
last imported one is refused, saying which is newer.

The record is the receiving side's, beside the submissions, not inside them: a submission file
says what the agency supplied; when and from which copy the coordinator read it is the
coordinator's fact. It is committed with the submission it changed. Read as hostile all the
same (a pull request can change it): a size cap, and its shape checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hcmlc.diagnostics import Diagnostic
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.workbook.meta import Meta

FOLDER = "imports"
MAX_BYTES = 4_000_000
Place = tuple[str, str, str]
"""(sheet key, row key, column key) of an input cell, as the hidden sheet records it."""


@dataclass(frozen=True)
class LastImport:
    """What the last imported copy of one issued workbook held, and when."""

    saved: str | None
    imported: str
    file: str
    cells: dict[Place, str]


@dataclass
class ImportRecord:
    """The record of one agency in one cycle."""

    path: Path
    relative: str
    issues: dict[str, LastImport] = field(default_factory=dict)

    def save(self) -> None:
        issues = {
            issue: {
                "saved": last.saved,
                "imported": last.imported,
                "file": last.file,
                "cells": [[*place, text] for place, text in sorted(last.cells.items())],
            }
            for issue, last in sorted(self.issues.items())
        }
        text = json.dumps({"format": 1, "issues": issues}, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (text + "\n").encode())


def issue_id(meta: Meta) -> str:
    """What identifies an issued workbook: its hidden sheet's agency, cycle, language, data
    fingerprint, rows and pre-filled values."""
    issued = [
        meta.agency,
        meta.cycle,
        meta.lang,
        sorted(meta.data.items()),
        sorted(meta.sheets.items()),
        sorted([*k, v] for k, v in meta.signatures.items()),
        sorted([*k, v] for k, v in meta.bases.items()),
    ]
    text = json.dumps(issued, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def load_record(root: Path, cycle: str, agency: str) -> ImportRecord | Diagnostic:
    """The record of `agency` in `cycle` (empty when none), or why it cannot be read."""
    relative = f"{FOLDER}/{cycle}/{agency}.json"
    record = ImportRecord(root / relative, relative)
    try:
        with record.path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return record
    except OSError as exc:
        return _damaged(relative, exc.strerror or str(exc))
    if len(raw) > MAX_BYTES:
        return _damaged(relative, _("it is larger than {n} bytes").format(n=MAX_BYTES))
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        record.issues = {issue: _last(entry) for issue, entry in data["issues"].items()}
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return _damaged(relative, _("it is not a record hcmlc writes"))
    return record


def _last(entry: Any) -> LastImport:
    saved, imported, file = entry["saved"], entry["imported"], entry["file"]
    if not (saved is None or isinstance(saved, str)) or not isinstance(imported, str):
        raise TypeError
    cells: dict[Place, str] = {}
    for cell in entry["cells"]:
        if not (
            isinstance(cell, list) and len(cell) == 4 and all(isinstance(p, str) for p in cell)
        ):
            raise TypeError
        cells[(cell[0], cell[1], cell[2])] = cell[3]
    return LastImport(saved, imported, str(file), cells)


def older(saved: str | None, than: str | None) -> bool:
    """Whether a copy saved at `saved` is older than one saved at `than` (a copy without a
    saved time is taken as older than one with it)."""
    later = _time(than)
    if later is None:
        return False
    earlier = _time(saved)
    return earlier is None or earlier < later


def shown_time(saved: str | None) -> str:
    time = _time(saved)
    return time.strftime("%Y-%m-%d %H:%M:%S UTC") if time else _("an unknown time")


def _time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    text = re.sub(r"(\.[0-9]{6})[0-9]+", r"\1", text.strip())  # LibreOffice: nanoseconds
    try:
        time = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if time.tzinfo is None:
        time = time.replace(tzinfo=dt.UTC)
    return time.astimezone(dt.UTC)


def _damaged(relative: str, detail: str) -> Diagnostic:
    return Diagnostic(
        relative,
        1,
        1,
        "HCMLC-E073",
        _("the record of imported workbooks is damaged: {detail}").format(detail=detail),
        _(
            "restore it from git; or delete it, and a corrected copy is judged against the "
            "workbook as it was issued"
        ),
    )
