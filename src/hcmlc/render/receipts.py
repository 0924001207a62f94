"""How status tells the dates of delivery: the fact received, the sender's claim beside it, who
confirmed a claim, and a revision after the deadline (receiving.py); a table and JSON fields."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from hcmlc.core.obligations import Obligation
from hcmlc.core.status import Status
from hcmlc.i18n import _
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
    """What the dates say beyond the day counted, e.g. "claimed 14/12, received 10/01"."""
    dated = o.dated
    if dated is None:
        return ""
    parts = []
    if dated.claimed is not None and dated.received is not None:
        parts.append(
            _("claimed {claimed}, received {received}").format(
                claimed=_short(dated.claimed), received=_short(dated.received)
            )
        )
    if dated.confirmed_by is not None:
        parts.append(_("confirmed by {who}").format(who=dated.confirmed_by))
    if dated.revised is not None:
        parts.append(_("revised after the deadline, on {day}").format(day=_short(dated.revised)))
    if dated.source == "uncommitted":
        parts.append(_("not committed yet"))
    elif dated.source == "declared":
        parts.append(_("date declared by the sender"))
    return "; ".join(parts)


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
