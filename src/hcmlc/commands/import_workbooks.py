"""`hcmlc import`: returned workbooks back into their agencies' submission files."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from rich.console import Console

from hcmlc.core.status import check_agency, pick_cycle
from hcmlc.render import github
from hcmlc.render import imports as reporters
from hcmlc.repository.load import load
from hcmlc.workbook.importer import import_workbooks


def run(
    console: Console,
    root: Path,
    paths: list[Path],
    check: bool,
    cycle_id: str | None,
    agency: str | None,
    output: str | None,
    received: dt.date | None = None,
) -> int:
    """Import each workbook into `submissions/<cycle>/<agency>.yaml`; exit 1 if any is refused."""
    catalog = load(root, submissions=False).require_catalog()
    cycle = pick_cycle(catalog, cycle_id)
    if agency is not None:
        check_agency(catalog, agency)
    shown = [(path, str(path)) for path in paths]
    results = import_workbooks(
        root, catalog, shown, cycle, agency, write=not check, received=received
    )
    output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if output == "json":
        reporters.render_json(console, results)
    elif output == "github":
        problems = [p for r in results for p in r.problems]
        github.render_github(console, problems, len(results))
        reporters.render_outcomes(console, results)
    else:
        reporters.render_text(console, results)
    return 1 if any(r.failed for r in results) else 0
