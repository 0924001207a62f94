"""`hcmlc status`: who owes what in a cycle, what arrived, what is late."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from hcmlc.i18n import current_language
from hcmlc.open_cycles import still_open
from hcmlc.past import load_as_of
from hcmlc.render import status as reporters
from hcmlc.repository import Repository
from hcmlc.status import build_status, check_agency


def run(
    console: Console,
    root: Path,
    cycle_id: str | None,
    as_of: dt.date,
    agency: str | None,
    output: str,
    *,
    cache: bool = False,
    indent: int | None = None,
) -> int:
    with load_as_of(root, as_of, cache=cache, keep=False) as repo:
        return _show(console, repo, cycle_id, as_of, agency, output, indent)


def _show(
    console: Console,
    repo: Repository,
    cycle_id: str | None,
    as_of: dt.date,
    agency: str | None,
    output: str,
    indent: int | None,
) -> int:
    catalog = repo.require_catalog()
    cycle = repo.cycle(cycle_id)
    if agency is not None:
        check_agency(catalog, agency)
    lang = current_language()
    deliveries = repo.deliveries()
    status = build_status(
        catalog,
        repo.supplied,
        cycle,
        as_of,
        repo.error_count,
        lang,
        deliveries,
        repo.figures,
        source=repo.snapshot,
    )
    if agency is None:
        earlier = still_open(catalog, repo.supplied, cycle, as_of, deliveries)
        status = replace(status, earlier=earlier)
    if output == "json":
        reporters.render_json(console, status, agency, catalog, indent)
    elif agency:
        reporters.render_todo(console, status, catalog, agency)
    else:
        reporters.render_table(console, status, catalog)
    return 1 if repo.error_count else 0
