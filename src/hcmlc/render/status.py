"""Reporters of the status view: Rich tables on a terminal, plain columns when piped (the JSON
is status_json.py)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import Obligation, Row, Status, Tally
from hcmlc.core.unit_groups import UnitGroup, split_rows
from hcmlc.i18n import N_, _, counted, current_language
from hcmlc.models.registry import AgencyKind
from hcmlc.render.city_figures import render_city_figures
from hcmlc.render.open_cycles import render_earlier
from hcmlc.render.receipts import render_dates, told
from hcmlc.render.standing import agency_names, render_standing
from hcmlc.render.table import Cell, Column, Table, print_table

_STATE_STYLE = {"supplied": "green", "late": "yellow", "due": "yellow", "overdue": "bold red"}
STATE_WORDS = {
    "supplied": N_("supplied"),
    "late": N_("supplied late"),
    "due": N_("due"),
    "overdue": N_("overdue"),
}
KIND_WORDS = {"indicator": N_("indicator"), "answer": N_("answer")}
"""How the tables name states and kinds of item; JSON keeps the codes."""
NOTHING_OWED = "—"
"""The progress of a row that owes nothing: there is no share to show, least of all 100%."""


def render_table(
    console: Console,
    status: Status,
    catalog: Catalog,
    *,
    units: bool = False,
    criteria: bool = False,
) -> None:
    """The whole picture: header, the departments and city organisations, the local units by
    kind (each unit with `units`), standards (and their criteria with `criteria`), city
    figures, items nobody owes, totals: a screen or two by default, at any number of units."""
    _header(console, status)
    rows, groups = split_rows(catalog, status.agencies)
    agencies = _table(_("Agencies"), _("Agency"), split=True)
    for row in rows:
        _tally_row(agencies, row.id, _agency_cell(catalog, row), row.tally, split=_split(row))
    print_table(console, agencies)
    _unit_groups(console, groups, catalog, listed=units)
    title = _("Indicators by standard and criterion") if criteria else _("Indicators by standard")
    table = _table(title, _("Standard / criterion") if criteria else _("Standard"))
    for standard in status.standards:
        _tally_row(table, standard.id, standard.name, standard.tally, style="bold")
        for row in status.criteria if criteria else ():
            if catalog.standard_of[row.id].id == standard.id:
                _tally_row(table, f"  {row.id}", row.name, row.tally)
    print_table(console, table)
    render_city_figures(console, status.city_figures, catalog)
    render_dates(console, status)
    render_earlier(console, status.earlier, catalog)
    _unowned(console, status, catalog)
    _totals(console, status)
    more = [_("each unit: `hcmlc status --units`")] if groups and not units else []
    more += [] if criteria else [_("each criterion: `hcmlc status --criteria`")]
    if more:
        console.print(Text(_("More: {views}.").format(views="; ".join(more)), style="dim"))


UNIT_KIND_WORDS = {
    AgencyKind.DISTRICT: N_("Districts"),
    AgencyKind.WARD: N_("Wards"),
    AgencyKind.COMMUNE: N_("Communes"),
    AgencyKind.SPECIAL_ZONE: N_("Special zones"),
}


def _unit_groups(
    console: Console, groups: list[UnitGroup], catalog: Catalog, *, listed: bool
) -> None:
    """One line per kind of local unit: how many, complete, with items overdue, the summed
    tally; with `listed`, then a table of each kind's units."""
    if not groups:
        return
    table = _table(_("Local units by kind"), _("Kind"), first=_("Units"))
    for group in groups:
        name = _("{kind}: {complete} complete, {overdue} with items overdue").format(
            kind=_(UNIT_KIND_WORDS[group.kind]),
            complete=group.complete,
            overdue=group.with_overdue,
        )
        _tally_row(table, str(group.units), name, group.tally)
    print_table(console, table)
    for group in groups if listed else ():
        units = _table(f"{_(UNIT_KIND_WORDS[group.kind])} ({group.units})", _("Agency"), split=True)
        for row in group.rows:
            _tally_row(units, row.id, _agency_cell(catalog, row), row.tally, split=_split(row))
        print_table(console, units)


def render_todo(console: Console, status: Status, catalog: Catalog, agency: str) -> None:
    """One agency's to-do list with each deadline and the days left, overdue or late."""
    name = catalog.agency_name(agency, current_language())
    _header(console, status, _("To-do list of {agency} — {name}").format(agency=agency, name=name))
    render_standing(console, status, catalog, agency)
    todo = status.todo(agency)
    if todo:
        table = Table(
            [
                Column(_("State")),
                Column(_("Item")),
                Column(_("Text"), wrap=True),
                Column(_("Deadline")),
                Column(_("When")),
            ]
        )
        for o in todo:
            table.add(
                Cell(_(STATE_WORDS[o.state]), _STATE_STYLE[o.state]),
                f"{_(KIND_WORDS[o.kind])} {o.item}",
                _item_text(catalog, o),
                o.deadline.isoformat(),
                _when(o),
            )
        print_table(console, table)
    _totals(console, status, agency)


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
    if status.source is not None and status.source.worth_saying:
        source = status.source
        style = "" if source.kind in ("commit", "working-tree") else "yellow"
        console.print(Text(source.note(), style=style))
    advice = status.next_cycle
    if advice is not None:
        console.print(
            Text(
                _(
                    "Cycle {next} is due from {due} (`next_cycle_from` in data/assignments.yaml) "
                    "and does not exist yet: open it with "
                    "`hcmlc new-cycle {next} --deadline YYYY-MM-DD`."
                ).format(due=advice.due or advice.last_deadline, next=advice.suggested_id),
                style="yellow",
            )
        )


def _unowned(console: Console, status: Status, catalog: Catalog) -> None:
    _unassigned(console, status, catalog)
    ended = [u for u in status.unowned if u.formerly]
    if not ended:
        return
    table = Table(
        [Column(_("Item")), Column(_("Text"), wrap=True), Column(_("Formerly owed by"), wrap=True)],
        title=_("Items nobody owes in cycle {cycle}").format(cycle=status.cycle.id),
    )
    lang = current_language()
    for u in ended:
        text = (
            catalog.indicators[u.item].text.get(lang)
            if u.kind == "indicator"
            else catalog.questions[u.item].text.get(lang)
        )
        table.add(f"{_(KIND_WORDS[u.kind])} {u.item}", text, agency_names(catalog, u.formerly))
    print_table(console, table)
    console.print(
        Text(
            _(
                "Their agencies ended without a successor: name who takes them over "
                "(`successor:` in data/assignments.yaml)."
            ),
            style="yellow",
        )
    )


def _table(title: str, name: str, split: bool = False, first: str | None = None) -> Table:
    kinds = (_("Indicators"), _("Answers")) if split else ()
    tallies = (
        _("Owed"),
        _("Supplied"),
        _("Late"),
        _("Missing"),
        _("Overdue"),
        _("Days overdue"),
        _("Progress"),
    )
    columns = [Column(first or _("Id")), Column(name, wrap=True)]
    columns += [Column(header, justify="right") for header in (*kinds, *tallies)]
    return Table(columns, title=title)


def _split(row: Row) -> tuple[Tally | None, ...]:
    return (row.indicators, row.answers)


def _agency_cell(catalog: Catalog, row: Row) -> str:
    if not row.formerly:
        return row.name
    return _("{name} (also for {formerly})").format(
        name=row.name, formerly=agency_names(catalog, row.formerly)
    )


def _tally_row(
    table: Table,
    row_id: str,
    name: str,
    tally: Tally,
    style: str = "",
    split: tuple[Tally | None, ...] = (),
) -> None:
    """One table line; `split` adds a "supplied/owed" cell per kind of item."""
    overdue = Cell(str(tally.overdue), "bold red" if tally.overdue else "")
    kinds = [f"{part.supplied}/{part.owed}" if part and part.owed else "" for part in split]
    table.add(
        row_id,
        name,
        *kinds,
        str(tally.owed),
        str(tally.supplied),
        str(tally.late or ""),
        str(tally.missing),
        overdue,
        str(tally.most_days_overdue or ""),
        _progress(tally),
        style=style,
    )


def _progress(tally: Tally) -> str:
    return NOTHING_OWED if tally.progress is None else f"{tally.progress:.0f}%"


def _totals(console: Console, status: Status, agency: str | None = None) -> None:
    total = status.tally(agency=agency)
    if total.progress is None:
        line = _("Progress: nothing owed in cycle {cycle}").format(cycle=status.cycle.id)
    else:
        line = _(
            "Progress: {supplied} of {owed} supplied ({progress:.0f}%), {overdue} overdue"
        ).format(
            supplied=total.supplied,
            owed=total.owed,
            progress=total.progress,
            overdue=total.overdue,
        )
        if total.late:
            line += ", " + counted(total.late, "{n} supplied late", "{n} supplied late")
    if agency is None:
        indicators, answers = status.tally("indicator"), status.tally("answer")
        line += " — " + _("indicators {indicators}, answers {answers}").format(
            indicators=f"{indicators.supplied}/{indicators.owed}",
            answers=f"{answers.supplied}/{answers.owed}",
        )
    console.print(Text(line, style="bold"))
    if status.undated:
        console.print(
            Text(
                _(
                    "{files} of cycle {cycle} give no `submitted:` date and are not committed: "
                    "counted as delivered on any day ({paths})."
                ).format(
                    files=counted(len(status.undated), "{n} file", "{n} files"),
                    cycle=status.cycle.id,
                    paths=", ".join(status.undated[:3])
                    + (", …" if len(status.undated) > 3 else ""),
                ),
                style="yellow",
            )
        )
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
    more = told(o)
    if o.state == "late":
        late = counted(o.late_days, "{n} day late", "{n} days late")
        when = f"{late} ({o.delivered.isoformat()})" if o.delivered else late
        return f"{when}; {more}" if more else when
    return more if o.supplied else _days(o.days_left)


def _days(days_left: int) -> str:
    if days_left < 0:
        return counted(-days_left, "{n} day overdue", "{n} days overdue")
    return _("due today") if days_left == 0 else counted(days_left, "{n} day left", "{n} days left")


def _unassigned(console: Console, status: Status, catalog: Catalog) -> None:
    """The items of the cycle no agency was ever assigned (a new city's repository)."""
    never = [u for u in status.unowned if not u.formerly]
    if not never:
        return
    indicators = [u.item for u in never if u.kind == "indicator"]
    questions = [u.item for u in never if u.kind == "answer"]
    console.print(
        Text(
            _(
                "Not assigned to any agency yet in cycle {cycle}: {indicators}, {questions}. "
                "Assign them under `assign:` in data/frameworks.yaml and `owners:` in "
                "data/assignments.yaml, or from a spreadsheet with `hcmlc assign`."
            ).format(
                cycle=status.cycle.id,
                indicators=counted(len(indicators), "{n} indicator", "{n} indicators"),
                questions=counted(len(questions), "{n} question", "{n} questions"),
            ),
            style="yellow",
        )
    )
    shown = ", ".join([*indicators, *questions][:SHOWN_UNASSIGNED])
    more = len(never) - SHOWN_UNASSIGNED
    console.print(shown + (_(", and {n} more").format(n=more) if more > 0 else ""), markup=False)


SHOWN_UNASSIGNED = 12
