"""Who owes what in a cycle, what arrived, what is late: the coordinator's main view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from hcmlc.catalog import Catalog
from hcmlc.checks import Entry, ItemKind
from hcmlc.errors import HcmlcError
from hcmlc.i18n import Lang, _
from hcmlc.models.registry import Cycle
from hcmlc.suggest import did_you_mean


@dataclass(frozen=True)
class Obligation:
    """One indicator or answer that one agency owes by a deadline."""

    agency: str
    kind: ItemKind
    item: str
    deadline: dt.date
    supplied: bool
    days_left: int
    """Days from the as-of date to the deadline; negative once overdue."""

    @property
    def state(self) -> Literal["supplied", "due", "overdue"]:
        if self.supplied:
            return "supplied"
        return "overdue" if self.days_left < 0 else "due"


@dataclass(frozen=True)
class Tally:
    """Counts over a set of obligations."""

    owed: int
    supplied: int
    overdue: int
    most_days_overdue: int

    @property
    def missing(self) -> int:
        return self.owed - self.supplied

    @property
    def progress(self) -> float:
        """Share supplied, in percent (100 when nothing is owed)."""
        return 100.0 * self.supplied / self.owed if self.owed else 100.0

    @classmethod
    def of(cls, obligations: list[Obligation], kind: ItemKind | None = None) -> Tally:
        """Counts over `obligations`, or over those of one kind of item."""
        obligations = [o for o in obligations if kind in (None, o.kind)]
        overdue = [o for o in obligations if o.state == "overdue"]
        return cls(
            owed=len(obligations),
            supplied=sum(o.supplied for o in obligations),
            overdue=len(overdue),
            most_days_overdue=max((-o.days_left for o in overdue), default=0),
        )


@dataclass(frozen=True)
class Row:
    """A line of a status table: an agency, a standard or a criterion, with its tally."""

    id: str
    name: str
    tally: Tally
    indicators: Tally | None = None
    answers: Tally | None = None
    """For agencies: the tally of each kind of item separately."""


@dataclass(frozen=True)
class Status:
    """The state of one cycle on one day."""

    cycle: Cycle
    as_of: dt.date
    obligations: list[Obligation]
    agencies: list[Row]
    standards: list[Row]
    criteria: list[Row]
    problems: int

    def tally(self, kind: ItemKind | None = None, agency: str | None = None) -> Tally:
        """Counts over the cycle or one agency, for one kind of item or both."""
        return Tally.of([o for o in self.obligations if agency in (None, o.agency)], kind)

    def todo(self, agency: str) -> list[Obligation]:
        """One agency's obligations, the most urgent first."""
        mine = [o for o in self.obligations if o.agency == agency]
        return sorted(mine, key=lambda o: (o.supplied, o.days_left, o.kind, o.item))


def pick_cycle(catalog: Catalog, cycle_id: str | None) -> Cycle:
    """The cycle asked for, or the registry's current cycle."""
    wanted = cycle_id or catalog.assignments.current_cycle
    if wanted not in catalog.cycles:
        hint = did_you_mean(wanted, catalog.cycles) or _("cycles: {cycles}").format(
            cycles=", ".join(catalog.cycles)
        )
        raise HcmlcError(_("unknown cycle `{ref}`").format(ref=wanted), hint)
    return catalog.cycles[wanted]


def latest_cycle_asking(catalog: Catalog, kind: ItemKind) -> Cycle:
    """The last cycle of the registry that asks for items of `kind` (e.g. the application)."""
    asking = [c for c in catalog.assignments.cycles if c.deadlines.of(kind) is not None]
    if not asking:
        raise HcmlcError(
            _("no cycle asks for indicators")
            if kind == "indicator"
            else _("no cycle asks for form answers"),
            _("give a cycle a deadline for them in data/assignments.yaml"),
        )
    return max(asking, key=lambda c: c.reference_date)


def check_agency(catalog: Catalog, agency: str) -> str:
    """`agency`, when the registry knows it; else a usage error suggesting the nearest id."""
    if agency not in catalog.agencies:
        hint = did_you_mean(agency, catalog.agencies)
        raise HcmlcError(
            _("unknown agency `{ref}`").format(ref=agency),
            hint or _("see the agency ids in data/assignments.yaml"),
        )
    return agency


def build_status(
    catalog: Catalog,
    supplied: set[Entry],
    cycle: Cycle,
    as_of: dt.date,
    problems: int = 0,
    lang: Lang = "vi",
) -> Status:
    """Every obligation of `cycle` and the tallies per agency, standard and criterion; rows are
    named in `lang`, or in Vietnamese where the data has no English name."""
    obligations = list(obligations_of(catalog, supplied, cycle, as_of))
    indicator_obligations = [o for o in obligations if o.kind == "indicator"]
    by_criterion: dict[str, list[Obligation]] = {c.id: [] for c in catalog.framework.criteria()}
    for o in indicator_obligations:
        by_criterion[catalog.criterion_of[o.item].id].append(o)

    by_agency: dict[str, list[Obligation]] = {}
    for o in obligations:
        by_agency.setdefault(o.agency, []).append(o)
    agencies = [
        _agency_row(a.id, a.name.get(lang), by_agency[a.id])
        for a in catalog.assignments.agencies
        if a.id in by_agency
    ]
    criteria = [
        Row(c.id, c.title.get(lang), Tally.of(by_criterion[c.id]))
        for c in catalog.framework.criteria()
    ]
    standards = [
        Row(s.id, s.title.get(lang), Tally.of([o for c in s.criteria for o in by_criterion[c.id]]))
        for s in catalog.framework.standards()
    ]
    return Status(
        cycle=cycle,
        as_of=as_of,
        obligations=obligations,
        agencies=agencies,
        standards=standards,
        criteria=criteria,
        problems=problems,
    )


def _agency_row(agency: str, name: str, obligations: list[Obligation]) -> Row:
    return Row(
        agency,
        name,
        Tally.of(obligations),
        indicators=Tally.of(obligations, "indicator"),
        answers=Tally.of(obligations, "answer"),
    )


def obligations_of(
    catalog: Catalog, supplied: set[Entry], cycle: Cycle, as_of: dt.date
) -> Iterator[Obligation]:
    """Every item each agency owes in `cycle`, and whether it is supplied, as of `as_of`."""
    kinds: tuple[ItemKind, ...] = ("indicator", "answer")
    for kind in kinds:
        deadline = cycle.deadlines.of(kind)
        if deadline is None:
            continue
        for item, agencies in catalog.owners(kind, cycle).items():
            for agency in agencies:
                yield Obligation(
                    agency=agency,
                    kind=kind,
                    item=item,
                    deadline=deadline,
                    supplied=(cycle.id, agency, kind, item) in supplied,
                    days_left=(deadline - as_of).days,
                )
