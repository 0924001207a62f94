"""Returned workbooks into the repository: each read, judged by the rules `validate` runs, and
written into its agency's submission file only when nothing is wrong with it.

For each workbook: the file is guarded (size, kind, archive), read (hidden sheet, sheets,
headings, rows by id), checked against what the run expects (its seal, cycle and agency:
`provenance`; one workbook per agency), applied to the submission (the cells the agency
changed), and the result validated with the submission model and `checks.check_submission`,
problems located at their cells. Only then
is the file edited (keeping its comments) and replaced atomically. A workbook with any error
writes nothing; the others are still written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from hcmlc.checks.submission import check_submission
from hcmlc.clock import today
from hcmlc.core.catalog import Catalog
from hcmlc.core.results import SubmissionFile
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, Severity
from hcmlc.documents.scaffold import scaffold
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.workbook.cells import Cell
from hcmlc.workbook.guard import guarded_bytes
from hcmlc.workbook.locate import CellDocument
from hcmlc.workbook.merge import merge
from hcmlc.workbook.merged import Merged
from hcmlc.workbook.meta import Meta
from hcmlc.workbook.plan import AGENCY_ROW, Plan, Planner
from hcmlc.workbook.plausible import check_merged
from hcmlc.workbook.provenance import at_cell, identity, sealed
from hcmlc.workbook.read import Returned, Unreadable, read_workbook
from hcmlc.workbook.received import set_aside_claim, stamp_received
from hcmlc.workbook.record import LastImport, issue_id, load_record, older, shown_time
from hcmlc.workbook.repair import repaired_plan
from hcmlc.workbook.seal import load_key
from hcmlc.workbook.source import SubmissionSource, entry_order, fingerprint, submission_source
from hcmlc.yamlfiles.edit import edit
from hcmlc.yamlfiles.reader import parse_yaml

SCHEMA = "../../schema/submission.schema.json"
"""The schema line of a new file, as `new-submission` writes it from submissions/<cycle>/."""


@dataclass
class Imported:
    """What became of one workbook."""

    path: str
    agency: str | None = None
    cycle: str | None = None
    target: str | None = None
    merged: Merged | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    written: bool = False
    data_changed: list[str] = field(default_factory=list)
    """The data/ files changed since the workbook was made."""
    received: dt.date | None = None
    """The day recorded as `received:` when the submission changes (the import's day)."""
    claimed: str | None = None
    """The sender's own "date sent", a claim shown beside `received`, never written."""
    repair: Plan | None = None
    """For a refused workbook that could be read: a fresh one pre-filled with what was read
    with certainty (`repair.py`)."""

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def import_workbooks(
    root: Path,
    catalog: Catalog,
    paths: list[tuple[Path, str]],
    expected_cycle: Cycle,
    expected_agency: str | None = None,
    *,
    write: bool = True,
    received: dt.date | None = None,
) -> list[Imported]:
    """Import each workbook (path, how to show it) into `expected_cycle`; with `write` False,
    judge them all and write nothing. A changed submission records `received` (default: today)
    as the day its content arrived."""
    day = received or today()
    key = load_key(root, create=False)
    results: list[Imported] = []
    read: list[tuple[Imported, Returned]] = []
    seen: set[Path] = set()
    for path, display in paths:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        result = Imported(display)
        results.append(result)
        returned = _read(
            path,
            display,
            result,
            partial(sealed, catalog, display=display, key=key, agency=expected_agency),
        )
        if returned is not None:
            result.problems += identity(catalog, returned, expected_cycle, expected_agency)
            result.agency, result.cycle = returned.meta.agency, returned.meta.cycle
            read.append((result, returned))
    _one_per_agency(read)
    data = fingerprint(root)
    planners: dict[str, Planner] = {}
    for result, returned in read:
        # a layout problem (returned.problems) still lets the rest be read and judged, for
        # `--repair-to`; a workbook of another agency or cycle, or a second one, is not
        judged = [p for p in result.problems if p not in returned.problems]
        if not any(p.severity is Severity.ERROR for p in judged):
            lang = returned.meta.lang
            planner = planners.setdefault(lang, Planner(catalog, expected_cycle, lang, data))
            result.received = day
            _import(root, catalog, planner, returned, result, write)
    for result in results:
        result.problems = capped(result.problems)
    return results


def capped(problems: list[Diagnostic]) -> list[Diagnostic]:
    """The first MAX_PER_FILE problems of each file (as `validate` lists them), in their order;
    where a file has more, an HCMLC-E053 at the first one not listed. Each kept once."""
    kept: list[Diagnostic] = []
    counts: dict[str, int] = {}
    seen: set[Diagnostic] = set()
    for problem in problems:
        if problem in seen:
            continue
        seen.add(problem)
        count = counts[problem.path] = counts.get(problem.path, 0) + 1
        if count <= MAX_PER_FILE:
            kept.append(problem)
        elif count == MAX_PER_FILE + 1:
            message = _("more than {limit} problems in this file: the rest are not listed")
            kept.append(
                replace(
                    problem,
                    code="HCMLC-E053",
                    message=message.format(limit=MAX_PER_FILE),
                    hint=_("fix these first, then import the workbook again"),
                    related=(),
                )
            )
    return kept


def _read(
    path: Path, display: str, result: Imported, vet: Callable[[Meta], list[Diagnostic]]
) -> Returned | None:
    guarded = guarded_bytes(path, display)
    if isinstance(guarded, Diagnostic):
        result.problems.append(guarded)
        return None
    try:
        returned = read_workbook(guarded, display, AGENCY_ROW, vet)
    except Unreadable as exc:
        result.problems += exc.problems
        return None
    result.problems += returned.problems
    return returned


def _one_per_agency(read: list[tuple[Imported, Returned]]) -> None:
    """Two workbooks of one agency and cycle in a run: neither is written, for which is right
    cannot be told; imported one at a time, the second is judged against the first's changes."""
    first: dict[tuple[str, str], Imported] = {}
    for result, returned in read:
        key = (returned.meta.agency, returned.meta.cycle)
        cell = returned.identity or Cell("", 1, 1)
        if key not in first:
            first[key] = result
            continue
        hint = _("import them one at a time, so that the second is checked against the first")
        message = _("a second submission of `{agency}` for cycle {cycle}: {first} is the first")
        result.problems.append(
            at_cell(
                returned,
                cell,
                "HCMLC-E027",
                message.format(agency=key[0], cycle=key[1], first=first[key].path),
                hint,
            )
        )
        earlier = first[key]
        if not any(p.code == "HCMLC-E027" for p in earlier.problems):
            message = _("{other} is a second workbook of `{agency}` for cycle {cycle} in this run")
            earlier.problems.append(
                Diagnostic(
                    earlier.path,
                    cell.row,
                    cell.column,
                    "HCMLC-E027",
                    message.format(other=result.path, agency=key[0], cycle=key[1]),
                    hint,
                    sheet=cell.sheet or None,
                )
            )


def _import(
    root: Path,
    catalog: Catalog,
    planner: Planner,
    returned: Returned,
    result: Imported,
    write: bool,
) -> None:
    """Apply one workbook to its agency's file, check the result, and write it if sound.
    `planner` makes the workbook the agency would get today: how each row is read now."""
    meta, cycle, data = returned.meta, planner.cycle, planner.data
    source = submission_source(root, cycle.id, meta.agency)
    result.target = source.relative
    result.data_changed = [name for name, digest in data.items() if meta.data.get(name) != digest]
    problems = source.problems()
    if problems:
        result.problems += problems
        return
    record = load_record(root, cycle.id, meta.agency)
    if isinstance(record, Diagnostic):
        result.problems.append(record)
        return
    issue = issue_id(meta)
    last = record.issues.get(issue)
    if last is not None and older(returned.saved, last.saved):
        result.problems.append(_older(returned, last))
        return
    text, current = _starting_point(catalog, cycle, meta.agency, source)
    now = planner.plan(meta.agency, None)
    merged = merge(catalog, cycle, returned, current, now, last.cells if last else None)
    result.claimed = set_aside_claim(merged, current)
    assert result.received is not None
    stamp_received(merged, result.received)
    result.merged = merged
    result.problems += merged.problems
    result.problems += _keep_approved(root, cycle, meta.agency, current, merged, returned)
    try:
        _judge(root, catalog, returned, result, source, text, current, merged, write)
        if result.written:
            cells = {p: t for p, t in merged.read.items() if t != meta.base(*p)}
            imported = today().isoformat()
            name = Path(returned.path).name
            record.issues[issue] = LastImport(returned.saved, imported, name, cells)
            record.save()
    finally:
        if result.failed:
            result.repair = repaired_plan(planner, meta.agency, current, merged.data)


def _judge(
    root: Path,
    catalog: Catalog,
    returned: Returned,
    result: Imported,
    source: SubmissionSource,
    text: str,
    current: dict[str, Any],
    merged: Merged,
    write: bool,
) -> None:
    """Check the merged submission and write it if sound."""
    if not merged.touched:
        return
    # the rules on the rest, whatever the merge refused: one fault hides no other
    result.problems += _check(root, catalog, returned, source, merged)
    meta = returned.meta
    cycle = catalog.cycles[meta.cycle]
    result.problems += check_merged(
        root, catalog, cycle, meta.agency, current, merged, returned.path, meta.lang
    )
    result.problems.sort(key=Diagnostic.sort_key)
    if result.failed:
        return
    new_text = edit(text, current, merged.data, entry_order(catalog), source.relative)
    if write:
        write_atomic(source.path, (b"\xef\xbb\xbf" if source.bom else b"") + new_text.encode())
        result.written = True


def _older(returned: Returned, last: LastImport) -> Diagnostic:
    """A copy older than the last one imported of the same issued workbook."""
    cell = returned.identity or Cell("", 1, 1)
    return at_cell(
        returned,
        cell,
        "HCMLC-E073",
        _(
            "this copy of the workbook was saved at {saved}; a newer copy of it, saved at "
            "{newer}, was imported on {day} ({file})"
        ).format(
            saved=shown_time(returned.saved),
            newer=shown_time(last.saved),
            day=last.imported,
            file=last.file,
        ),
        _("import the newest copy; if this one is the right one, save it again and send it"),
    )


def _keep_approved(
    root: Path,
    cycle: Cycle,
    agency: str,
    current: dict[str, Any],
    merged: Merged,
    returned: Returned,
) -> list[Diagnostic]:
    """Refuse the workbook's changes to approved items (signoffs/), keeping the rest."""
    from hcmlc.signoffs.locking import SECTIONS, keep_approved, kept_problem

    problems = []
    for kind, item, record in keep_approved(root, cycle.id, agency, current, merged.data):
        merged.changes[(kind, item)] = "unchanged"
        merged.details.pop((kind, item), None)
        section = SECTIONS[kind]
        cell = merged.cells.get((section, item, "value")) or merged.cells.get((section, item))
        cell = cell or Cell("", 1, 1)
        problems.append(at_cell(returned, cell, *kept_problem(record)))
    return problems


def _starting_point(
    catalog: Catalog, cycle: Cycle, agency: str, source: SubmissionSource
) -> tuple[str, dict[str, Any]]:
    """The file's text and data, or, for an agency without a file, what `new-submission` writes."""
    if source.doc is not None and source.doc.text is not None and source.data is not None:
        return source.doc.text, source.data
    text = scaffold(catalog, agency, cycle, SCHEMA)
    data = parse_yaml(text, source.relative).data
    assert isinstance(data, dict)  # the scaffold is a valid, empty submission
    return text, data


def _check(
    root: Path, catalog: Catalog, returned: Returned, source: SubmissionSource, merged: Merged
) -> list[Diagnostic]:
    """The rules of `validate` on the submission as it would be written, located at cells."""
    doc = CellDocument(
        source.relative,
        merged.data,
        None,
        workbook=returned.path,
        cells=merged.cells,
        file=source.doc,
        headings=merged.headings,
    )
    # The checker reads the file entry by entry, its schema included (as `validate` does):
    # the model's own errors would tell each of those problems a second time.
    found = check_submission(catalog, SubmissionFile(doc, None), root)
    return list(found.problems)
