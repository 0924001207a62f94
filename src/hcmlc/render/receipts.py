"""How status tells the dates of delivery: the fact received, the sender's claim beside it, who
confirmed a claim, and a revision after the deadline (receiving.py); a table and JSON fields."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from hcmlc.core.obligations import Obligation
from hcmlc.core.status import Status
from hcmlc.dashboard import dates
from hcmlc.i18n import _, current_language
from hcmlc.render.table import Column, Table, print_table

SHOWN = 20
"""Rows of the table on a terminal; JSON has them all."""


def dates_dict(o: Obligation) -> dict[str, Any]:
    """The JSON fields of an obligation's dates (None where not told)."""
    dated = o.dated
    return {
        "date_source": dated.source if dated else None,
        "received": _iso(dated.received if dated else None),
        "claimed": _iso(dated.claimed if dated else None),
        "confirmed_by": dated.confirmed_by if dated else None,
        "revised": _iso(dated.revised if dated else None),
    }


def told(o: Obligation) -> str:
    """What the dates say beyond the day counted, e.g. "claimed 14/12/2025, received
    10/01/2026", in the interface's language (the page's words, dashboard/dates.py)."""
    return dates.told(o, current_language(), lambda day, _lang: _short(day))


def render_dates(console: Console, status: Status) -> None:
    """The supplied items whose dates say more than the day counted: claims beside the fact,
    confirmations, revisions after the deadline."""
    rows = [o for o in status.obligations if o.supplied and o.dated and o.dated.says_more]
    if not rows:
        return
    table = Table(
        [Column(_("Agency")), Column(_("Item")), Column(_("Counted from")), Column(_("Dates"))],
        title=_("Dates of delivery: claims and revisions"),
    )
    for o in rows[:SHOWN]:
        day = o.delivered.isoformat() if o.delivered else ""
        table.add(o.agency, o.item, day, told(o))
    print_table(console, table)
    if len(rows) > SHOWN:
        console.print(
            Text(_("… and {n} more: `--format json` lists them all.").format(n=len(rows) - SHOWN))
        )


def _short(day: Any) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None
