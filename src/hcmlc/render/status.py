"""Reporters of the status view: Rich tables on a terminal, plain columns when piped, JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hcmlc.catalog import Catalog
from hcmlc.i18n import N_, _, counted, current_language
from hcmlc.render.diagnostics import write_json
from hcmlc.status import Obligation, Row, Status, Tally

_STATE_STYLE = {"supplied": "green", "due": "yellow", "overdue": "bold red"}
STATE_WORDS = {"supplied": N_("supplied"), "due": N_("due"), "overdue": N_("overdue")}
KIND_WORDS = {"indicator": N_("indicator"), "answer": N_("answer")}
"""How the tables name states and kinds of item; JSON keeps the codes."""


def render_table(console: Console, status: Status, catalog: Catalog) -> None:
    """The whole picture: header, agencies, standards and criteria, totals."""
    _header(console, status)
    agencies = _table(console, _("Agencies"), _("Agency"), split=True)
    for row in status.agencies:
        _tally_row(agencies, row.id, row.name, row.tally, split=(row.indicators, row.answers))
    console.print(agencies)
    criteria = _table(console, _("Indicators by standard and criterion"), _("Standard / criterion"))
    for standard in status.standards:
        _tally_row(criteria, standard.id, standard.name, standard.tally, style="bold")
        for row in status.criteria:
            if catalog.standard_of[row.id].id == standard.id:
                _tally_row(criteria, f"  {row.id}", row.name, row.tally)
    console.print(criteria)
    _totals(console, status)


def render_todo(console: Console, status: Status, catalog: Catalog, agency: str) -> None:
    """One agency's to-do list with each deadline and the days left or overdue."""
    name = catalog.agency_name(agency, current_language())
    _header(console, status, _("To-do list of {agency} — {name}").format(agency=agency, name=name))
    table = Table(box=_box(console), title=None, show_edge=console.is_terminal)
    for header in (_("State"), _("Item"), _("Text"), _("Deadline"), _("When")):
        table.add_column(header, overflow="fold")
    for o in status.todo(agency):
        table.add_row(
            Text(_(STATE_WORDS[o.state]), style=_STATE_STYLE[o.state]),
            f"{_(KIND_WORDS[o.kind])} {o.item}",
            _item_text(catalog, o),
            o.deadline.isoformat(),
            _when(o),
        )
    console.print(table)
    _totals(console, status, agency)


def render_json(console: Console, status: Status, agency: str | None) -> None:
    write_json(console, status_document(status, agency))


def status_document(status: Status, agency: str | None) -> dict[str, Any]:
    """The status as JSON: stable keys, ids and state codes; only names follow the language."""
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
    heading = _("Cycle {cycle} — {title}").format(
        cycle=cycle.id, title=cycle.title.get(current_language())
    )
    console.print(Text(heading, style="bold"))
    if title:
        console.print(Text(title, style="bold"))
    parts = [_("as of {date}").format(date=status.as_of.isoformat())]
    for template, deadline in (
        (_("indicators due {date} ({when})"), cycle.deadlines.indicators),
        (_("answers due {date} ({when})"), cycle.deadlines.answers),
    ):
        if deadline:
            when = _days((deadline - status.as_of).days)
            parts.append(template.format(date=deadline.isoformat(), when=when))
    console.print(Text(" · ".join(parts)))


def _table(console: Console, title: str | None, first: str, split: bool = False) -> Table:
    table = Table(
        box=_box(console), title=title, title_justify="left", show_edge=console.is_terminal
    )
    table.add_column(_("Id"))
    table.add_column(first, overflow="fold", max_width=70)
    kinds = (_("Indicators"), _("Answers")) if split else ()
    tallies = (_("Owed"), _("Supplied"), _("Missing"), _("Overdue"), _("Days late"), _("Progress"))
    for header in (*kinds, *tallies):
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
    line = _("Progress: {supplied} of {owed} supplied ({progress:.0f}%), {overdue} overdue").format(
        supplied=total.supplied, owed=total.owed, progress=total.progress, overdue=total.overdue
    )
    if agency is None:
        indicators, answers = status.tally("indicator"), status.tally("answer")
        line += " — " + _("indicators {indicators}, answers {answers}").format(
            indicators=f"{indicators.supplied}/{indicators.owed}",
            answers=f"{answers.supplied}/{answers.owed}",
        )
    console.print(Text(line, style="bold"))
    if status.problems:
        console.print(
            Text(
                _(
                    "{errors} in the data: run `hcmlc validate`; "
                    "entries with errors count as missing."
                ).format(errors=counted(status.problems, "{n} error", "{n} errors")),
                style="yellow",
            )
        )


def _item_text(catalog: Catalog, o: Obligation) -> str:
    lang = current_language()
    if o.kind == "indicator":
        return catalog.indicators[o.item].text.get(lang)
    return catalog.questions[o.item].text.get(lang)


def _when(o: Obligation) -> str:
    return "" if o.supplied else _days(o.days_left)


def _days(days_left: int) -> str:
    if days_left < 0:
        return counted(-days_left, "{n} day overdue", "{n} days overdue")
    return _("due today") if days_left == 0 else counted(days_left, "{n} day left", "{n} days left")


def _tally(t: Tally) -> dict[str, Any]:
    return {**asdict(t), "missing": t.missing, "progress": round(t.progress, 1)}


def _row(r: Row) -> dict[str, Any]:
    row = {"id": r.id, "name": r.name, **_tally(r.tally)}
    for kind, part in (("indicators", r.indicators), ("answers", r.answers)):
        if part is not None:
            row[kind] = _tally(part)
    return row
