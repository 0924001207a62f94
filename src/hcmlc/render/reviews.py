"""The review section of `status`: per agency the items awaiting review, with issues (and the
comment), approved, and approved then changed; JSON with the state codes."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.i18n import _, current_language
from hcmlc.render.table import Cell, Column, Table, print_table
from hcmlc.signoffs.states import REVIEW_STATES, REVIEW_WORDS, ItemReview, Reviews

_STYLE = {"awaiting": "yellow", "issues": "bold red", "approved": "green", "stale": "bold red"}


def render_reviews(
    console: Console, reviews: Reviews, catalog: Catalog, agency: str | None = None
) -> None:
    """Counts per agency (or one agency's items), then each item with issues or changed."""
    lang = current_language()
    if agency is None:
        table = Table(
            [
                Column(_("Agency")),
                *(Column(_(REVIEW_WORDS[s]), justify="right") for s in REVIEW_STATES),
            ],
            title=_("Review of cycle {cycle}").format(cycle=reviews.cycle),
        )
        for agency_id, counts in reviews.by_agency().items():
            table.add(agency_id, *(str(counts[s]) for s in REVIEW_STATES))
        print_table(console, table)
        shown = reviews.shown(("issues", "stale"))
    else:
        shown = reviews.of(agency)
    if not shown:
        return
    columns = [Column(_("Review")), Column(_("Item")), Column(_("Comment"), wrap=True)]
    if agency is None:
        columns.insert(2, Column(_("Agency"), wrap=True))
    title = _("Review of {agency}").format(agency=agency) if agency else None
    items = Table(columns, title=title)
    for r in shown:
        cells = [Cell(_(REVIEW_WORDS[r.state]), _STYLE[r.state]), Cell(r.item), Cell(_comment(r))]
        if agency is None:
            cells.insert(2, Cell(catalog.agency_name(r.agency, lang)))
        items.add(*cells)
    print_table(console, items)


def _comment(r: ItemReview) -> str:
    if r.record is None:
        return ""
    signed = _("{by}, {day}").format(by=r.record.by, day=r.record.day)
    return f"{r.comment} ({signed})" if r.comment else signed


def reviews_dict(reviews: Reviews, agency: str | None = None) -> dict[str, Any]:
    """The review section of the status JSON: counts and one entry per supplied item."""
    return {
        "counts": reviews.counts(agency),
        "items": [_item(r) for r in reviews.items if agency in (None, r.agency)],
    }


def _item(r: ItemReview) -> dict[str, Any]:
    found: dict[str, Any] = {"agency": r.agency, "kind": r.kind, "item": r.item, "state": r.state}
    if r.record is not None:
        found |= {
            "verdict": r.record.verdict,
            "by": r.record.by,
            "at": r.record.at,
            "comment": r.record.comment,
        }
    return found
