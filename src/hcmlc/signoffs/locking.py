"""An approved item is locked: it may change only after the coordinator reopens it.

`validate --changed-since REF` fails on a pull request that changes an approved item without a
reopen record (HCMLC-E103); `import` keeps the approved content of such an item and imports
the rest of the workbook (HCMLC-W104)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.repository.load import SUBMISSIONS, read_document
from hcmlc.signoffs.content import digests_at
from hcmlc.signoffs.digest import ItemKind, entry_digests
from hcmlc.signoffs.names import Verdict
from hcmlc.signoffs.records import ReviewRecord, latest, read_reviews

LOCKED = "HCMLC-E103"
KEPT = "HCMLC-W104"
SECTIONS: dict[ItemKind, str] = {"indicator": "indicators", "answer": "answers"}


def approvals(root: Path, cycle_id: str, agency: str) -> dict[tuple[ItemKind, str], ReviewRecord]:
    """(kind, item) → the approval that is the item's last record (a broken file: none)."""
    reviews = read_reviews(root, cycle_id)[0]
    if reviews is None:
        return {}
    return {
        (kind, item): record  # type: ignore[misc]
        for (who, kind, item), record in latest(reviews.reviews).items()
        if who == agency and record.verdict is Verdict.APPROVED
    }


def locked_changes(root: Path, ref: str, changed: set[str]) -> list[Diagnostic]:
    """Each approved item a changed submission file changes (or removes) since `ref`, with no
    reopen record after the approval."""
    problems: list[Diagnostic] = []
    for relative in sorted(changed):
        parts = relative.split("/")
        if len(parts) != 3 or parts[0] != SUBMISSIONS or not (root / relative).is_file():
            continue
        doc = read_document(root, relative)[1]
        if not isinstance(doc.data, dict):
            continue
        cycle_id, agency = str(doc.data.get("cycle", parts[1])), str(doc.data.get("agency", ""))
        held = approvals(root, cycle_id, agency)
        if not held:
            continue
        before, now = digests_at(root, ref, relative), entry_digests(doc.data)
        for (kind, item), record in held.items():
            was = before.get((kind, item))
            if was == record.digest and now.get((kind, item)) != was:
                loc = (SECTIONS[kind], item) if (kind, item) in now else (SECTIONS[kind],)
                problems.append(
                    doc.problem(
                        loc, LOCKED, _locked_message(record), _reopen_hint(record), key=True
                    )
                )
    return problems


def keep_approved(
    root: Path, cycle_id: str, agency: str, current: dict[str, Any], merged: dict[str, Any]
) -> list[tuple[ItemKind, str, ReviewRecord]]:
    """Put back, in `merged`, the approved content of each approved item it changes; the
    items kept, with their approval."""
    held = approvals(root, cycle_id, agency)
    if not held:
        return []
    before, after = entry_digests(current), entry_digests(merged)
    kept = []
    for (kind, item), record in held.items():
        if before.get((kind, item)) != record.digest or after.get((kind, item)) == record.digest:
            continue
        section = SECTIONS[kind]
        merged.setdefault(section, {})
        if merged[section] is None:
            merged[section] = {}
        merged[section][item] = copy.deepcopy(current[section][item])
        kept.append((kind, item, record))
    return kept


def _locked_message(record: ReviewRecord) -> str:
    return _(
        "{item} was approved by {by} on {day}; it may not change until the coordinator reopens it"
    ).format(item=record.item, by=record.by, day=record.at.date().isoformat())


def _reopen_hint(record: ReviewRecord) -> str:
    return _(
        "restore the approved content, or ask the coordinator to reopen it: "
        '`hcmlc review reopen --agency {agency} {item} --comment "…"`'
    ).format(agency=record.agency, item=record.item)


def kept_problem(record: ReviewRecord) -> tuple[str, str, str]:
    """The code, message and hint of an approved item an import kept."""
    message = _(
        "{item} was approved by {by} on {day}: the workbook's change to it is refused and the "
        "approved content kept; the rest of the workbook is imported"
    ).format(item=record.item, by=record.by, day=record.at.date().isoformat())
    return KEPT, message, _reopen_hint(record)
