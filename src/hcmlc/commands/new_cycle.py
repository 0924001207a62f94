"""`hcmlc new-cycle`: open the next reporting cycle in data/assignments.yaml, comments kept."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.checks.data import check_data
from hcmlc.checks.schema_errors import validate
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.documents.json_schema import SCHEMA_PATH, schema_text
from hcmlc.errors import DataError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.models.registry import Assignments
from hcmlc.render.diagnostics import render_text
from hcmlc.repository.load import ASSIGNMENTS, CRITERIA, Repository, load, read_document
from hcmlc.yamlfiles.cycle_edit import NewCycle, Opened, open_cycle
from hcmlc.yamlfiles.reader import parse_yaml

FIXES = "HCMLC-E091"
"""The one problem of data/ new-cycle may start from: `current_cycle` naming no cycle yet."""


def add_cycle(console: Console, root: Path, wanted: NewCycle) -> int:
    """Add the cycle and make it current; write nothing unless the result validates."""
    repo = load(root, keep=False)
    catalog = repo.require_catalog()
    blocking = blocking_problems(repo)
    if blocking:
        render_text(console, blocking, 2)
        raise DataError(
            _("data/ has errors, so no cycle was added"), _("fix them first, then run new-cycle")
        )
    raw, doc = read_document(root, ASSIGNMENTS)
    opened = open_cycle(doc, catalog.assignments, wanted)
    new_catalog = _check(root, opened.text, catalog)
    bom = b"\xef\xbb\xbf" if raw and raw.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(root / ASSIGNMENTS, bom + opened.text.encode("utf-8"))
    schema = root / SCHEMA_PATH
    if schema.is_file():  # it lists the cycle ids editors may use
        write_atomic(schema, schema_text(new_catalog).encode("utf-8"))
    _say(console, opened, schema.is_file())
    return 0


def blocking_problems(repo: Repository) -> list[Diagnostic]:
    """The errors of data/ that stop a command rewriting data/assignments.yaml."""
    return [
        p
        for p in repo.problems
        if p.path in (CRITERIA, ASSIGNMENTS) and p.severity is Severity.ERROR and p.code != FIXES
    ]


def _check(root: Path, text: str, catalog: Catalog) -> Catalog:
    """The catalog of the edited file, which must read back sound; else nothing is written."""
    doc = parse_yaml(text, ASSIGNMENTS)
    problems = list(doc.problems)
    assignments = None
    if isinstance(doc.data, dict):
        assignments, found = validate(Assignments, doc.data, doc)
        problems += found
    if assignments is not None:
        hand_kept = len(assignments.agencies)
        new_catalog = catalog.reassigned(assignments)
        problems += check_data(new_catalog, read_document(root, CRITERIA)[1], doc, hand_kept)
        if not problems:
            return new_catalog
    detail = problems[0].message if problems else ASSIGNMENTS
    raise DataError(
        _("the new cycle would break {file}: {problem}").format(file=ASSIGNMENTS, problem=detail),
        _("write the cycle by hand in {file}").format(file=ASSIGNMENTS),
    )


def _say(console: Console, opened: Opened, schema: bool) -> None:
    cycle = opened.cycle
    due = []
    if cycle.deadlines.indicators:
        due.append(_("indicators due {date}").format(date=cycle.deadlines.indicators))
    if cycle.deadlines.answers:
        due.append(_("answers due {date}").format(date=cycle.deadlines.answers))
    years = (
        str(cycle.first_year)
        if cycle.first_year == cycle.last_year
        else f"{cycle.first_year}–{cycle.last_year}"
    )
    lines = [
        _(
            "Opened cycle {cycle} in {file} (lines {first}–{last}), copied from cycle {template}: "
            "{kind}, years {years}, {due}."
        ).format(
            cycle=cycle.id,
            file=ASSIGNMENTS,
            first=opened.lines[0],
            last=opened.lines[1],
            template=opened.template.id,
            kind=cycle.kind,
            years=years,
            due=", ".join(due),
        ),
        _("`current_cycle` is now {cycle} (was {previous}).").format(
            cycle=cycle.id, previous=opened.previous_current
        ),
    ]
    if schema:
        lines.append(_("Updated {file} with the new cycle id.").format(file=SCHEMA_PATH))
    lines.append(
        _(
            "Next: check the title in {file} and commit; each agency starts its file with "
            "`hcmlc new-submission --agency ID`."
        ).format(file=ASSIGNMENTS)
    )
    for line in lines:
        console.print(line, markup=False, highlight=False)
