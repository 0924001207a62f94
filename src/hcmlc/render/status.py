"""Reporters of the status view: Rich tables on a terminal, plain columns when piped, JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hcmlc.catalog import Catalog
from hcmlc.plural import count
from hcmlc.render.diagnostics import write_json
from hcmlc.status import Obligation, Row, Status, Tally

_STATE_STYLE = {"supplied": "green", "due": "yellow", "overdue": "bold red"}


def render_table(console: Console, status: Status, catalog: Catalog) -> None:
    """The whole picture: header, agencies, standards and criteria, totals."""
    _header(console, status)
    agencies = _table(console, "Agencies", "Agency", split=True)
    for row in status.agencies:
        _tally_row(agencies, row.id, row.name, row.tally, split=(row.indicators, row.answers))
    console.print(agencies)
    criteria = _table(console, "Indicators by standard and criterion", "Standard / criterion")
    for standard in status.standards:
        _tally_row(criteria, standard.id, standard.name, standard.tally, style="bold")
        for row in status.criteria:
            if catalog.standard_of[row.id].id == standard.id:
                _tally_row(criteria, f"  {row.id}", row.name, row.tally)
    console.print(criteria)
    _totals(console, status)


def render_todo(console: Console, status: Status, catalog: Catalog, agency: str) -> None:
    """One agency's to-do list with each deadline and the days left or overdue."""
    _header(console, status, f"To-do list of {agency} — {catalog.agency_name(agency)}")
    table = Table(box=_box(console), title=None, show_edge=console.is_terminal)
    for header in ("State", "Item", "Text", "Deadline", "When"):
        table.add_column(header, overflow="fold")
    for o in status.todo(agency):
        table.add_row(
            Text(o.state, style=_STATE_STYLE[o.state]),
            f"{o.kind} {o.item}",
            _item_text(catalog, o),
            o.deadline.isoformat(),
            _when(o),
        )
    console.print(table)
    _totals(console, status, agency)


def render_json(console: Console, status: Status, agency: str | None) -> None:
    write_json(console, status_document(status, agency))


def status_document(status: Status, agency: str | None) -> dict[str, Any]:
    """The status as stable, language-independent JSON."""
    obligations = status.todo(agency) if agency else status.obligations

    document: dict[str, Any] = {
        "cycle": status.cycle.id,
        "as_of": status.as_of.isoformat(),
        "total": _tally(status.tally(agency=agency)),
        "indicators": _tally(status.tally("indicator", agency)),
        "answers": _tally(status.tally("answer", agency)),
        "problems": status.problems,
        "obligations": [
            {**asdict(o), "deadline": o.deadline.isoformat(), "state": o.state} for o in obligations
        ],
    }
    if agency:
        document["agency"] = agency
    else:
        document["agencies"] = [_row(r) for r in status.agencies]
        document["standards"] = [_row(r) for r in status.standards]
        document["criteria"] = [_row(r) for r in status.criteria]
    return document


def _header(console: Console, status: Status, title: str | None = None) -> None:
    cycle = status.cycle
    console.print(Text(f"Cycle {cycle.id} — {cycle.title.vi}", style="bold"))
    if title:
        console.print(Text(title, style="bold"))
    parts = [f"as of {status.as_of.isoformat()}"]
    for label, deadline in (
        ("indicators", cycle.deadlines.indicators),
        ("answers", cycle.deadlines.answers),
    ):
        if deadline:
            parts.append(
                f"{label} due {deadline.isoformat()} ({_days((deadline - status.as_of).days)})"
            )
    console.print(Text(" · ".join(parts)))


def _table(console: Console, title: str | None, first: str, split: bool = False) -> Table:
    table = Table(
        box=_box(console), title=title, title_justify="left", show_edge=console.is_terminal
    )
    table.add_column("Id")
    table.add_column(first, overflow="fold", max_width=70)
    kinds = ("Indicators", "Answers") if split else ()
    for header in (*kinds, "Owed", "Supplied", "Missing", "Overdue", "Days late", "Progress"):
        table.add_column(header, justify="right")
    return table


def _box(console: Console) -> box.Box | None:
    return box.SIMPLE_HEAD if console.is_terminal else None


def _tally_row(
    table: Table,
    row_id: str,
    name: str,
    tally: Tally,
    style: str | None = None,
    split: tuple[Tally | None, ...] = (),
) -> None:
    """One table line; `split` adds a "supplied/owed" cell per kind of item."""
    overdue = Text(str(tally.overdue), style="bold red" if tally.overdue else "")
    kinds = [f"{part.supplied}/{part.owed}" if part and part.owed else "" for part in split]
    table.add_row(
        row_id,
        name,
        *kinds,
        str(tally.owed),
        str(tally.supplied),
        str(tally.missing),
        overdue,
        str(tally.most_days_overdue or ""),
        f"{tally.progress:.0f}%",
        style=style,
    )


def _totals(console: Console, status: Status, agency: str | None = None) -> None:
    total = status.tally(agency=agency)
    line = (
        f"Progress: {total.supplied} of {total.owed} supplied ({total.progress:.0f}%),"
        f" {total.overdue} overdue"
    )
    if agency is None:
        indicators, answers = status.tally("indicator"), status.tally("answer")
        line += (
            f" — indicators {indicators.supplied}/{indicators.owed},"
            f" answers {answers.supplied}/{answers.owed}"
        )
    console.print(Text(line, style="bold"))
    if status.problems:
        console.print(
            Text(
                f"{count(status.problems, 'error')} in the data: run `hcmlc validate`; "
                "entries with errors count as missing.",
                style="yellow",
            )
        )


def _item_text(catalog: Catalog, o: Obligation) -> str:
    if o.kind == "indicator":
        return catalog.indicators[o.item].text.vi
    return catalog.questions[o.item].text.vi


def _when(o: Obligation) -> str:
    return "" if o.supplied else _days(o.days_left)


def _days(days_left: int) -> str:
    if days_left < 0:
        return f"{count(-days_left, 'day')} overdue"
    return "due today" if days_left == 0 else f"{count(days_left, 'day')} left"


def _tally(t: Tally) -> dict[str, Any]:
    return {**asdict(t), "missing": t.missing, "progress": round(t.progress, 1)}


def _row(r: Row) -> dict[str, Any]:
    row = {"id": r.id, "name": r.name, **_tally(r.tally)}
    for kind, part in (("indicators", r.indicators), ("answers", r.answers)):
        if part is not None:
            row[kind] = _tally(part)
    return row
