"""`hcmlc import`: returned workbooks back into their agencies' submission files."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from rich.console import Console

from hcmlc.commands.workbook import created_key
from hcmlc.core.status import check_agency, pick_cycle
from hcmlc.i18n import _
from hcmlc.render import github
from hcmlc.render import imports as reporters
from hcmlc.render.console import make_console
from hcmlc.repository.load import load
from hcmlc.workbook.importer import Imported, import_workbooks
from hcmlc.workbook.repair import repair_name, write_repaired
from hcmlc.workbook.seal import load_key


def run(
    console: Console,
    root: Path,
    paths: list[Path],
    check: bool,
    cycle_id: str | None,
    agency: str | None,
    output: str | None,
    repair_to: Path | None = None,
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
    if repair_to is not None:
        _repair(console, root, results, repair_to, cycle.id, output == "json")
    return 1 if any(r.failed for r in results) else 0


def _repair(
    console: Console, root: Path, results: list[Imported], to: Path, cycle: str, quiet: bool
) -> None:
    """A fresh, pre-filled workbook for each refused one that could be read: at `to` for one
    workbook (unless `to` is a folder), else in the folder `to`; sealed like any issued one."""
    repairs = [r for r in results if r.repair is not None]
    if not repairs:
        return
    key = load_key(root, create=True)
    assert key is not None
    if key.created:
        make_console(stderr=True).print(created_key(key), markup=False, highlight=False)
    folder = len(results) > 1 or to.is_dir()
    if folder and repairs:
        to.mkdir(parents=True, exist_ok=True)
    for result in repairs:
        assert result.repair is not None and result.agency is not None
        target = to / repair_name(cycle, result.agency, result.repair.lang) if folder else to
        write_repaired(result.repair, target, key.secret)
        if not quiet:
            console.print(
                _("{path}: a repaired workbook, pre-filled with what was read: {target}").format(
                    path=result.path, target=target
                ),
                markup=False,
                highlight=False,
            )
