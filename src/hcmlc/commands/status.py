"""`hcmlc status`: who owes what in a cycle, what arrived, what is late."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console

from hcmlc.core.status import build_status, check_agency
from hcmlc.i18n import current_language
from hcmlc.render import status as reporters
from hcmlc.render.diagnostics import write_json
from hcmlc.repository.load import load


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
    repo = load(root, cache=cache, keep=False)
    catalog = repo.require_catalog()
    cycle = repo.cycle(cycle_id)
    if agency is not None:
        check_agency(catalog, agency)
    lang = current_language()
    status = build_status(
        catalog,
        repo.supplied,
        cycle,
        as_of,
        repo.error_count,
        lang,
        repo.deliveries(),
        repo.figures,
    )
    signoffs = (root / "signoffs").is_dir()  # their modules are imported only when needed
    if output == "json":
        document = reporters.status_document(status, agency, catalog)
        if signoffs:
            from hcmlc.render.signoff_sections import signoff_documents

            document |= signoff_documents(root, catalog, repo.supplied, cycle, agency)
        write_json(console, document, indent)
        return 1 if repo.error_count else 0
    if agency:
        reporters.render_todo(console, status, catalog, agency)
    else:
        reporters.render_table(console, status, catalog)
    if signoffs:
        from hcmlc.render.signoff_sections import render_signoffs

        render_signoffs(console, root, catalog, repo.supplied, cycle, agency)
    return 1 if repo.error_count else 0
