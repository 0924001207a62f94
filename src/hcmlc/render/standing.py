"""Where an agency stands in a cycle, as status shows it: holding duties, or ended, and who
holds them now (a successor, the successors of a split, the units of a district's territory)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.text import Text

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import Standing, Status, standing
from hcmlc.i18n import _, current_language


def render_standing(console: Console, status: Status, catalog: Catalog, agency: str) -> None:
    """Why an agency owes nothing in the cycle, or whose duties it holds."""
    found = standing(catalog, agency, status.cycle)
    if found.active:
        formerly = dict.fromkeys(a for o in status.todo(agency) for a in o.formerly)
        if formerly:
            console.print(
                Text(
                    _("In cycle {cycle} {agency} also holds the duties of {formerly}.").format(
                        cycle=status.cycle.id,
                        agency=agency,
                        formerly=agency_names(catalog, formerly),
                    )
                )
            )
        return
    parts = ""
    if found.split:
        parts = "; ".join(
            _("{holder}: {items}").format(holder=holder, items=", ".join(items))
            if items
            else _("{holder}: the rest").format(holder=holder)
            for holder, items in found.split.items()
        )
        message = _("{agency} ended on {day}; its duties in cycle {cycle} were split: {parts}.")
    elif found.ended is not None and found.holder is not None:
        message = _(
            "{agency} ended on {day}; its duties in cycle {cycle} are {holder}'s: "
            "see `hcmlc status --agency {holder}`."
        )
    elif found.territory:
        message = _(
            "{agency} ended on {day}; its territory passed to {units} in cycle {cycle}: "
            "each owes its own items."
        )
    elif found.ended is not None:
        message = _(
            "{agency} ended on {day}; nobody holds its duties in cycle {cycle} yet "
            "(see the items nobody owes in `hcmlc status`)."
        )
    else:
        message = _("{agency} holds duties only from {day}, after cycle {cycle}.")
    console.print(
        Text(
            message.format(
                agency=agency,
                day=found.ended or found.started,
                cycle=status.cycle.id,
                holder=found.holder,
                parts=parts,
                units=agency_names(catalog, found.territory),
            ),
            style="yellow",
        )
    )


def agency_names(catalog: Catalog, agencies: Iterable[str]) -> str:
    """Agency ids as short names, `so-khdt` → `Sở KH&ĐT`; at most five, then a count."""
    ids = list(agencies)
    lang = current_language()
    shown = [catalog.agencies[a].short_name(lang) for a in ids[:5]]
    if len(ids) > 5:
        shown.append(_("and {n} more").format(n=len(ids) - 5))
    return ", ".join(shown)


def standing_dict(s: Standing) -> dict[str, Any]:
    return {
        "active": s.active,
        "ended": s.ended.isoformat() if s.ended else None,
        "started": s.started.isoformat() if s.started else None,
        "holder": s.holder,
        "split": s.split,
        "territory": list(s.territory),
    }
