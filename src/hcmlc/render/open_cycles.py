"""How status shows the earlier cycles not closed: a section each, agencies most overdue first
(open_cycles.py); and in JSON, every overdue item."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.text import Text

from hcmlc.core.catalog import Catalog
from hcmlc.core.obligations import Obligation
from hcmlc.core.open_cycles import OpenCycle
from hcmlc.i18n import _, current_language
from hcmlc.render.json_stream import Streamed
from hcmlc.render.table import Column, Table, print_table

SHOWN = 15
"""Agencies listed per cycle on a terminal; JSON has them all."""


def earlier_dicts(
    earlier: list[OpenCycle], obligation: Callable[[Obligation], dict[str, Any]]
) -> list[dict[str, Any]]:
    """The JSON of the earlier cycles not closed, each cycle's overdue items streamed."""
    return [
        {
            "cycle": found.cycle.id,
            "overdue": len(found.overdue),
            "agencies": [{"agency": a, "overdue": n} for a, n in found.by_agency()],
            "obligations": Streamed(found.overdue, obligation),
        }
        for found in earlier
    ]


def render_earlier(console: Console, earlier: list[OpenCycle], catalog: Catalog) -> None:
    """A section per earlier cycle not closed: its overdue items by agency."""
    lang = current_language()
    for found in earlier:
        cycle = found.cycle
        table = Table(
            [
                Column(_("Id")),
                Column(_("Agency"), wrap=True),
                Column(_("Overdue"), justify="right"),
            ],
            title=_("Cycle {cycle}, not closed: {n} items still overdue").format(
                cycle=cycle.id, n=len(found.overdue)
            ),
        )
        agencies = found.by_agency()
        for agency, count in agencies[:SHOWN]:
            table.add(agency, catalog.agency_name(agency, lang), str(count))
        print_table(console, table)
        more = len(agencies) - SHOWN
        if more > 0:
            console.print(Text(_("… and {n} more agencies.").format(n=more)))
        console.print(
            Text(
                _(
                    "Reminders still go out for them; once settled, close the cycle with "
                    "`hcmlc close-cycle {cycle}`."
                ).format(cycle=cycle.id),
                style="yellow",
            )
        )
