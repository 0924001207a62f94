"""`hcmlc close-cycle`: end a reporting cycle in data/assignments.yaml, comments kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.checks.schema_errors import validate
from hcmlc.commands.new_cycle import blocking_problems
from hcmlc.errors import DataError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.models.registry import Assignments
from hcmlc.render.diagnostics import render_text
from hcmlc.repository.load import ASSIGNMENTS, load, read_document
from hcmlc.yamlfiles import cycle_close
from hcmlc.yamlfiles.reader import parse_yaml


@dataclass(frozen=True)
class CloseOptions:
    """What `hcmlc close-cycle` was asked for."""

    cycle: str
    day: dt.date


def close_cycle(console: Console, root: Path, options: CloseOptions) -> int:
    """Write `closed: <day>` into the cycle; write nothing unless the result validates."""
    cycle_id, day = options.cycle, options.day
    repo = load(root, keep=False)
    catalog = repo.require_catalog()
    blocking = blocking_problems(repo)
    if blocking:
        render_text(console, blocking, 2)
        raise DataError(
            _("data/ has errors, so no cycle was closed"),
            _("fix them first, then run close-cycle"),
        )
    raw, doc = read_document(root, ASSIGNMENTS)
    closed = cycle_close.close_cycle(doc, catalog.assignments, cycle_id, day)
    check = parse_yaml(closed.text, ASSIGNMENTS)
    problems = list(check.problems)
    if isinstance(check.data, dict):
        problems += validate(Assignments, check.data, check)[1]
    if problems or not isinstance(check.data, dict):
        raise DataError(
            _("closing the cycle would break {file}: {problem}").format(
                file=ASSIGNMENTS, problem=problems[0].message if problems else ASSIGNMENTS
            ),
            _("write `closed: YYYY-MM-DD` in the cycle by hand"),
        )
    bom = b"\xef\xbb\xbf" if raw and raw.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(root / ASSIGNMENTS, bom + closed.text.encode("utf-8"))
    console.print(
        _(
            "Closed cycle {cycle} on {day} in {file} (line {line}): status and remind no longer "
            "list its overdue items, and its report is no longer interim."
        ).format(cycle=cycle_id, day=day.isoformat(), file=ASSIGNMENTS, line=closed.line),
        markup=False,
        highlight=False,
    )
    return 0
