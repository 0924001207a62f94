"""The status as JSON: stable keys, ids and state codes; only names follow the language. What
`status --format json` prints, and what the tests compare every other view with."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import Obligation, Row, Status, Tally, Unowned, standing
from hcmlc.core.unit_groups import split_rows
from hcmlc.render.city_figures import city_figure_dict
from hcmlc.render.json_stream import Streamed, write_streamed
from hcmlc.render.open_cycles import earlier_dicts
from hcmlc.render.receipts import dates_dict
from hcmlc.render.standing import standing_dict


def render_json(
    console: Console,
    status: Status,
    agency: str | None,
    catalog: Catalog,
    indent: int | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    """The status as JSON, with `extra` keys (the assessment against the targets): written
    piece by piece, each obligation's object made only when written (json_stream.py)."""
    document = status_document(status, agency, catalog) | (extra or {})
    write_streamed(console.file.write, document, indent)


def status_document(status: Status, agency: str | None, catalog: Catalog) -> dict[str, Any]:
    """The status as JSON: stable keys, ids and state codes; only names follow the language.
    The lists of obligations are `Streamed`: made as they are written."""
    obligations = status.todo(agency) if agency else status.obligations
    document: dict[str, Any] = {
        "cycle": status.cycle.id,
        "as_of": status.as_of.isoformat(),
        "total": tally_dict(status.tally(agency=agency)),
        "indicators": tally_dict(status.tally("indicator", agency)),
        "answers": tally_dict(status.tally("answer", agency)),
        "problems": status.problems,
        "obligations": Streamed(obligations, obligation_dict),
        "undated": status.undated,
    }
    if status.source is not None:
        document["source"] = status.source.as_dict()
    if agency:
        document["agency"] = agency
        document["standing"] = standing_dict(standing(catalog, agency, status.cycle))
    else:
        document["agencies"] = [row_dict(r) for r in status.agencies]
        document["areas"] = [row_dict(r) for r in status.areas]
        document["standards"] = [row_dict(r) for r in status.standards]
        document["criteria"] = [row_dict(r) for r in status.criteria]
        document["unowned"] = [unowned_dict(u) for u in status.unowned]
        document["city_figures"] = [city_figure_dict(f) for f in status.city_figures]
        document["unit_groups"] = [
            {
                "kind": g.kind.value,
                "units": g.units,
                "complete": g.complete,
                "with_overdue": g.with_overdue,
                **tally_dict(g.tally),
            }
            for g in split_rows(catalog, status.agencies)[1]
        ]
    if status.next_cycle is not None:
        document["next_cycle"] = {
            "last_deadline": status.next_cycle.last_deadline.isoformat(),
            "suggested_id": status.next_cycle.suggested_id,
            "due": status.next_cycle.due.isoformat() if status.next_cycle.due else None,
        }
    if status.earlier:
        document["earlier_cycles"] = earlier_dicts(status.earlier, obligation_dict)
    return document


def tally_dict(t: Tally) -> dict[str, Any]:
    progress = None if t.progress is None else round(t.progress, 1)
    return {
        "owed": t.owed,
        "supplied": t.supplied,
        "late": t.late,
        "missing": t.missing,
        "overdue": t.overdue,
        "most_days_overdue": t.most_days_overdue,
        "progress": progress,
    }


def obligation_dict(o: Obligation) -> dict[str, Any]:
    return {
        "agency": o.agency,
        "kind": o.kind,
        "item": o.item,
        "deadline": o.deadline.isoformat(),
        "supplied": o.supplied,
        "days_left": o.days_left,
        "delivered": o.delivered.isoformat() if o.delivered else None,
        "late_days": o.late_days,
        "formerly": list(o.formerly),
        "state": o.state,
        **dates_dict(o),
    }


def row_dict(r: Row) -> dict[str, Any]:
    row: dict[str, Any] = {"id": r.id, "name": r.name, **tally_dict(r.tally)}
    for kind, part in (("indicators", r.indicators), ("answers", r.answers)):
        if part is not None:
            row[kind] = tally_dict(part)
    if r.indicators is not None:
        row["formerly"] = list(r.formerly)
    return row


def unowned_dict(u: Unowned) -> dict[str, Any]:
    return {"kind": u.kind, "item": u.item, "formerly": list(u.formerly)}
