"""`hcmlc import`: returned workbooks back into their agencies' submission files."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ImportOptions:
    """What `hcmlc import` was asked for."""

    paths: tuple[Path, ...]
    received: dt.date
    check: bool = False
    cycle: str | None = None
    agency: str | None = None
    output: str | None = None
    repair_to: Path | None = None
    receipts: Path | None = None
    """Where a folder's receipts go: asking for them makes even single workbooks a folder's."""


def import_returned(console: Console, root: Path, options: ImportOptions) -> int:
    """Import returned workbooks: folders of mail (and zips) with receipts (import_inbox.py),
    else each workbook on its own; exit 1 if any is refused."""
    paths = options.paths
    if options.receipts is not None or any(p.is_dir() or p.suffix.lower() == ".zip" for p in paths):
        from hcmlc.commands.import_inbox import import_folder

        return import_folder(console, root, options)
    return _import_files(console, root, options)


def _import_files(console: Console, root: Path, options: ImportOptions) -> int:
    """Import each workbook into `submissions/<cycle>/<agency>.yaml`; exit 1 if any is refused."""
    agency, check, output = options.agency, options.check, options.output
    catalog = load(root, submissions=False).require_catalog()
    cycle = pick_cycle(catalog, options.cycle)
    if agency is not None:
        check_agency(catalog, agency)
    shown = [(path, str(path)) for path in options.paths]
    results = import_workbooks(
        root, catalog, shown, cycle, agency, write=not check, received=options.received
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
    if options.repair_to is not None:
        _repair(console, root, results, options.repair_to, cycle.id, output == "json")
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
