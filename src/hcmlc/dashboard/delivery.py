"""Who delivered what, as the page words it: the status of the cycle (`status.build_status`),
the same tallies `status --format json` prints, never counted again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.core.status import Row, Status, Tally
from hcmlc.core.unit_groups import split_rows
from hcmlc.dashboard.words import counted, progress_text, word
from hcmlc.i18n import Lang
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number

NEW_CYCLE = "hcmlc new-cycle {next} --deadline YYYY-MM-DD"


@dataclass(frozen=True)
class Line:
    """A row of a delivery table (an agency, area, standard or criterion) with its tally."""

    id: str
    name: str
    tally: Tally
    progress: str
    """The share supplied as shown, `28%`; `—` when nothing is owed."""
    note: str | None = None


@dataclass(frozen=True)
class DeadlineLine:
    kind: ItemKind
    label: str
    day: str
    when: str
    overdue: bool


@dataclass(frozen=True)
class Headline:
    """The summary a reader sees first: supplied of owed, overdue, late, the deadlines."""

    total: Tally
    progress: str
    supplied_note: str
    """`of 78 items owed (28%)`; when nothing is owed, a sentence saying so."""
    kinds: list[str]
    """Supplied of owed per kind of item, when the cycle owes both."""
    deadlines: list[DeadlineLine]


@dataclass(frozen=True)
class StandardBlock:
    line: Line
    criteria: list[Line]


@dataclass(frozen=True)
class AreaBlock:
    line: Line
    summary: str
    standards: list[StandardBlock]


@dataclass(frozen=True)
class UnitBlock:
    """One kind of local unit: its summed line, and each unit's line to expand."""

    line: Line
    listed: str
    """What the list of units is called: `Danh sách 113 phường`."""
    units: list[Line]


@dataclass(frozen=True)
class UnownedLine:
    kind: str
    item: str
    text: str
    formerly: str


class DeliveryWriter:
    """Words one cycle's status in one language."""

    def __init__(self, catalog: Catalog, status: Status, lang: Lang) -> None:
        self.catalog, self.status, self.lang = catalog, status, lang

    def line(self, row: Row, note: str | None = None) -> Line:
        return Line(row.id, row.name, row.tally, progress_text(row.tally, self.lang), note)

    def headline(self) -> Headline:
        lang, status = self.lang, self.status
        total = status.tally()
        progress = progress_text(total, lang)
        kinds = [
            word(
                f"kind-tally-{kind}",
                lang,
                supplied=format_number(part.supplied, lang),
                owed=format_number(part.owed, lang),
            )
            for kind in ("indicator", "answer")
            if (part := status.tally(kind)).owed
        ]
        if len(kinds) < 2:  # one kind only: the total says it
            kinds = []
        if total.owed:
            note = word(
                "fig-supplied-note", lang, owed=format_number(total.owed, lang), progress=progress
            )
        else:
            note = word("nothing-owed", lang, cycle=status.cycle.id)
        return Headline(total, progress, note, kinds, self.deadlines())

    def deadlines(self) -> list[DeadlineLine]:
        lang, cycle, as_of = self.lang, self.status.cycle, self.status.as_of
        lines = []
        for kind in ("indicator", "answer"):
            deadline = cycle.deadlines.of(kind)
            if deadline is not None:
                left = (deadline - as_of).days
                label = word(f"deadline-{kind}", lang)
                lines.append(
                    DeadlineLine(kind, label, day_text(deadline, lang), self.days(left), left < 0)
                )
        return lines

    def days(self, left: int) -> str:
        if left < 0:
            return counted("days-overdue", -left, self.lang)
        return word("due-today", self.lang) if left == 0 else counted("days-left", left, self.lang)

    def notes(self) -> list[str]:
        """Advice to open the next cycle; files counted as delivered without a date."""
        lang, status = self.lang, self.status
        notes = []
        if status.next_cycle is not None:
            notes.append(
                word(
                    "next-cycle",
                    lang,
                    cycle=status.cycle.id,
                    day=day_text(status.next_cycle.last_deadline, lang),
                    command=NEW_CYCLE.format(next=status.next_cycle.suggested_id),
                )
            )
        if status.undated:
            files = counted("files", len(status.undated), lang)
            notes.append(word("undated", lang, files=files, cycle=status.cycle.id))
        return notes

    def agencies(self) -> list[Line]:
        """The departments and city organisations owing something, the most overdue first
        (then the most missing); the local units are in `unit_groups`."""
        return self.lines(split_rows(self.catalog, self.status.agencies)[0])

    def lines(self, rows: list[Row]) -> list[Line]:
        rows = sorted(rows, key=lambda r: (-r.tally.overdue, -r.tally.missing))
        return [
            self.line(r, word("also-for", self.lang, names=self.names(r.formerly)))
            if r.formerly
            else self.line(r)
            for r in rows
        ]

    def unit_groups(self) -> list[UnitBlock]:
        """The local units by kind: one line each with the summed tally, and every unit's
        line (the most overdue first) for the page to list on demand."""
        lang = self.lang
        blocks = []
        for group in split_rows(self.catalog, self.status.agencies)[1]:
            name = word(f"unit-kind-{group.kind.value}", lang)
            units = format_number(group.units, lang)
            row = Row(group.kind.value, f"{name} ({units})", group.tally)
            note = word(
                "unit-group-note",
                lang,
                complete=format_number(group.complete, lang),
                overdue=format_number(group.with_overdue, lang),
            )
            listed = word("unit-group-list", lang, units=units, kind=name.lower())
            blocks.append(UnitBlock(self.line(row, note), listed, self.lines(group.rows)))
        return blocks

    def unowned(self) -> list[UnownedLine]:
        catalog, lang = self.catalog, self.lang
        return [
            UnownedLine(
                word(f"kind-{u.kind}", lang),
                u.item,
                catalog.indicators[u.item].text.get(lang)
                if u.kind == "indicator"
                else catalog.questions[u.item].text.get(lang),
                self.names(u.formerly),
            )
            for u in self.status.unowned
        ]

    def names(self, agencies: Iterable[str]) -> str:
        """Short names, `Sở KH&ĐT`; at most five, then a count."""
        ids = list(agencies)
        shown = [self.catalog.agencies[a].short_name(self.lang) for a in ids[:5]]
        if len(ids) > 5:
            shown.append(word("and-more", self.lang, n=len(ids) - 5))
        return ", ".join(shown)

    def areas(self) -> list[AreaBlock]:
        """Each area's indicators, then its standards and their criteria."""
        lang, status = self.lang, self.status
        standards = {r.id: r for r in status.standards}
        criteria = {r.id: r for r in status.criteria}
        blocks = []
        for area, row in zip(self.catalog.areas(), status.areas, strict=True):
            summary = word(
                "area-tally",
                lang,
                supplied=format_number(row.tally.supplied, lang),
                owed=format_number(row.tally.owed, lang),
                progress=progress_text(row.tally, lang),
                overdue=format_number(row.tally.overdue, lang),
            )
            blocks.append(
                AreaBlock(
                    self.line(row),
                    summary,
                    [
                        StandardBlock(
                            self.line(standards[s.id]),
                            [self.line(criteria[c.id]) for c in s.criteria],
                        )
                        for s in area.standards
                    ],
                )
            )
        return blocks
