"""`hcmlc status`: who owes what in a cycle, what arrived, what is late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console

from hcmlc.core.open_cycles import still_open
from hcmlc.core.status import check_agency
from hcmlc.documents.snapshot import lead_files, take, targets_document
from hcmlc.i18n import current_language
from hcmlc.render import status as reporters
from hcmlc.render import status_json
from hcmlc.repository.load import Repository, collector_paused
from hcmlc.repository.past import load_as_of


@dataclass(frozen=True)
class StatusOptions:
    """What `hcmlc status` was asked for."""

    as_of: dt.date
    cycle: str | None = None
    agency: str | None = None
    output: str = "table"
    cache: bool = False
    indent: int | None = None
    units: bool = False
    criteria: bool = False


def show_status(console: Console, root: Path, options: StatusOptions) -> int:
    """Status of the repository as it stood at the end of `options.as_of` (past.py)."""
    # the collector paused: the obligations of every ward, linear in the data (issue 29)
    as_of = options.as_of
    # no figure compared across cycles: its warnings are validate's (issue 29)
    with (
        load_as_of(root, as_of, cache=options.cache, keep=False, compare=False) as repo,
        collector_paused(),
    ):
        return _show(console, repo, options)


def _show(console: Console, repo: Repository, options: StatusOptions) -> int:
    cycle_id, as_of, agency, output = options.cycle, options.as_of, options.agency, options.output
    catalog = repo.require_catalog()
    # JSON carries the assessment against the targets: it reads the lead agencies' files
    with_targets = output == "json" and agency is None
    files = lead_files(repo) if with_targets else None
    cycle = repo.cycle(cycle_id)
    if agency is not None:
        check_agency(catalog, agency)
    lang = current_language()
    snapshot = take(repo, cycle, as_of, lang, submissions=files)
    status = snapshot.status
    root = repo.root  # the sign-offs as the repository held them on the day (past.py)
    signoffs = (root / "signoffs").is_dir()  # their modules are imported only when needed
    if agency is None:
        earlier = still_open(catalog, repo.supplied, cycle, as_of, snapshot.deliveries)
        status = replace(status, earlier=earlier)
    if output == "json":
        extra = {"targets": targets_document(snapshot)} if with_targets else {}
        if signoffs:
            from hcmlc.render.signoff_sections import signoff_documents

            extra |= signoff_documents(root, catalog, repo.supplied, cycle, agency)
        status_json.render_json(console, status, agency, catalog, options.indent, extra)
        return 1 if repo.error_count else 0
    if agency:
        reporters.render_todo(console, status, catalog, agency)
    else:
        reporters.render_table(
            console, status, catalog, units=options.units, criteria=options.criteria
        )
    if signoffs:
        from hcmlc.render.signoff_sections import render_signoffs

        render_signoffs(console, root, catalog, repo.supplied, cycle, agency)
    return 1 if repo.error_count else 0
