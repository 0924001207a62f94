"""Who owes what in a cycle, what arrived, what is late: the coordinator's main view.

An item is supplied on a day when its entry passed validation and its file had been
delivered by then (core/delivery.py); a delivery after the deadline is late. Items whose
agencies all ended without a successor are owed by nobody, and are listed as such, never
counted as done. Each obligation, item by item, is worked out in `obligations`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure, city_figures
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.figures import LocalFigure
from hcmlc.core.history import Snapshot
from hcmlc.core.obligations import KINDS, obligations_of
from hcmlc.core.obligations import Obligation as Obligation  # render/status imports it here
from hcmlc.core.results import Entry, ItemKind
from hcmlc.errors import HcmlcError
from hcmlc.i18n import Lang, _
from hcmlc.models.registry import Cycle
from hcmlc.text.suggest import did_you_mean

if TYPE_CHECKING:
    from hcmlc.core.open_cycles import OpenCycle


@dataclass(frozen=True)
class Tally:
    """Counts over a set of obligations."""

    owed: int
    supplied: int
    overdue: int
    most_days_overdue: int
    late: int = 0
    """Supplied after the deadline."""

    @property
    def missing(self) -> int:
        return self.owed - self.supplied

    @property
    def progress(self) -> float | None:
        """Share supplied, in percent; None when nothing is owed (there is no progress to show)."""
        return 100.0 * self.supplied / self.owed if self.owed else None

    @classmethod
    def of(cls, obligations: list[Obligation], kind: ItemKind | None = None) -> Tally:
        """Counts over `obligations`, or over those of one kind of item."""
        owed = supplied = overdue = late = most_days_overdue = 0
        for o in obligations:  # one pass, each state judged once: status counts 100,000s
            if kind is not None and o.kind != kind:
                continue
            owed += 1
            state = o.state
            if state == "overdue":
                overdue += 1
                most_days_overdue = max(most_days_overdue, -o.days_left)
            elif state != "due":
                supplied += 1
                late += state == "late"
        return cls(owed, supplied, overdue, most_days_overdue, late)

    @classmethod
    def summed(cls, tallies: Iterable[Tally]) -> Tally:
        """The counts over the obligations of all `tallies` together: a standard's from its
        criteria's, without counting each obligation again."""
        owed = supplied = overdue = late = most_days_overdue = 0
        for t in tallies:
            owed += t.owed
            supplied += t.supplied
            overdue += t.overdue
            late += t.late
            most_days_overdue = max(most_days_overdue, t.most_days_overdue)
        return cls(owed, supplied, overdue, most_days_overdue, late)


@dataclass(frozen=True)
class Row:
    """A line of a status table: an agency, an area, a standard or a criterion, with its tally."""

    id: str
    name: str
    tally: Tally
    indicators: Tally | None = None
    answers: Tally | None = None
    """For agencies: the tally of each kind of item separately."""
    formerly: tuple[str, ...] = ()
    """For agencies: the ended agencies whose duties this one holds in the cycle."""


@dataclass(frozen=True)
class Unowned:
    """An item of the cycle nobody owes: every agency it was assigned to ended unreplaced."""

    kind: ItemKind
    item: str
    formerly: tuple[str, ...]


@dataclass(frozen=True)
class Standing:
    """Where an agency stands in a cycle: holding duties, or ended (and who holds them now)."""

    agency: str
    active: bool
    ended: dt.date | None = None
    started: dt.date | None = None
    holder: str | None = None
    """The agency holding its duties in the cycle, when it ended and has a successor."""
    split: dict[str, list[str]] = field(default_factory=dict)
    """When its duties were split: each successor → the items it holds (empty: the rest)."""
    territory: tuple[str, ...] = ()
    """A former district: the units that took over its territory."""


@dataclass(frozen=True)
class NextCycle:
    """Advice when the next cycle is due (`next_cycle_from`) and no later cycle exists."""

    last_deadline: dt.date
    suggested_id: str
    due: dt.date | None = None
    """The day from which the next cycle is due (open_cycles.next_cycle_due)."""


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
    unowned: list[Unowned] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    """Files of the cycle with no `submitted:` date and no commit: counted as delivered."""
    next_cycle: NextCycle | None = None
    areas: list[Row] = field(default_factory=list)
    """The indicators of each of the framework's three areas, like `standards`."""
    city_figures: list[CityFigure] = field(default_factory=list)
    """City figures formed from the units' figures (citywide.py), with their coverage."""
    source: Snapshot | None = None
    """Which state of the repository the view read: a past commit, or today's files (past.py)."""
    earlier: list[OpenCycle] = field(default_factory=list)
    """Earlier cycles not closed, with their items still overdue (open_cycles.py)."""

    def tally(self, kind: ItemKind | None = None, agency: str | None = None) -> Tally:
        """Counts over the cycle or one agency, for one kind of item or both."""
        mine = self.obligations if agency is None else self._by_agency.get(agency, [])
        return Tally.of(mine, kind)

    def todo(self, agency: str) -> list[Obligation]:
        """One agency's obligations, the most urgent first."""
        mine = self._by_agency.get(agency, [])
        return sorted(mine, key=lambda o: (o.supplied, o.days_left, o.kind, o.item))

    @functools.cached_property
    def _by_agency(self) -> dict[str, list[Obligation]]:
        """The obligations of each agency, in their order: made once, where a city-wide
        `remind` asked for each of some 200 agencies' to-do lists in turn, scanning every
        obligation of the cycle each time."""
        found: dict[str, list[Obligation]] = {}
        for obligation in self.obligations:
            found.setdefault(obligation.agency, []).append(obligation)
        return found


def pick_cycle(catalog: Catalog, cycle_id: str | None) -> Cycle:
    """The cycle asked for, or the registry's current cycle."""
    if cycle_id is None:
        return current_cycle(catalog)
    if cycle_id not in catalog.cycles:
        raise HcmlcError(_("unknown cycle `{ref}`").format(ref=cycle_id), _cycles_hint(catalog))
    return catalog.cycles[cycle_id]


def current_cycle(catalog: Catalog) -> Cycle:
    """The registry's `current_cycle`; a data error with the fix when it names no cycle."""
    from hcmlc.errors import DataError

    wanted = catalog.assignments.current_cycle
    if wanted in catalog.cycles:
        return catalog.cycles[wanted]
    raise DataError(
        _("`current_cycle: {ref}` in data/assignments.yaml names no cycle").format(ref=wanted),
        _(
            "open it with `hcmlc new-cycle {ref} --deadline YYYY-MM-DD`, "
            "or set `current_cycle` to one of: {cycles}"
        ).format(ref=wanted, cycles=", ".join(catalog.cycles)),
    )


def _cycles_hint(catalog: Catalog) -> str:
    return _("cycles: {cycles}").format(cycles=", ".join(catalog.cycles))


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


def standing(catalog: Catalog, agency_id: str, cycle: Cycle) -> Standing:
    """Whether `agency_id` holds duties in `cycle`, and if it ended, who holds them."""
    agency = catalog.agencies[agency_id]
    day = cycle.reference_date
    if agency.active_on(day):
        return Standing(agency_id, True)
    holder = catalog.succession.holder(agency_id, day)
    successors = catalog.succession.successors(agency_id, day)
    split = successors if len(successors) > 1 else {}
    territory = tuple(catalog.territories.get(agency_id, ()))
    return Standing(agency_id, False, agency.ended, agency.started, holder, split, territory)


def build_status(
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    as_of: dt.date,
    problems: int = 0,
    lang: Lang = "vi",
    deliveries: dict[FileKey, Delivery] | None = None,
    figures: Iterable[LocalFigure] = (),
    source: Snapshot | None = None,
) -> Status:
    """Every obligation of `cycle` on `as_of` and the tallies per agency, standard and
    criterion; rows are named in `lang`, or in Vietnamese where the data has no English name.
    The city figures are formed from the units' `figures` delivered by `as_of`."""
    deliveries = deliveries or {}
    obligations = list(obligations_of(catalog, supplied, cycle, as_of, deliveries))
    by_criterion: dict[str, list[Obligation]] = {c.id: [] for c in catalog.criteria()}
    for o in obligations:
        if o.kind == "indicator":
            by_criterion[catalog.criterion_of[o.item].id].append(o)
    by_agency: dict[str, list[Obligation]] = {}
    for o in obligations:
        by_agency.setdefault(o.agency, []).append(o)
    agencies = [
        _agency_row(a.id, a.name.get(lang), by_agency[a.id])
        for a in catalog.assignments.agencies
        if a.id in by_agency
    ]
    # each obligation counted once, in its criterion; a standard's and an area's counts are
    # their criteria's summed
    tallies = {c: Tally.of(found) for c, found in by_criterion.items()}
    criteria = [Row(c.id, c.title.get(lang), tallies[c.id]) for c in catalog.criteria()]
    standards = [
        Row(s.id, s.title.get(lang), Tally.summed(tallies[c.id] for c in s.criteria))
        for s in catalog.standards()
    ]
    areas = [
        Row(
            a.id,
            a.title.get(lang),
            Tally.summed(tallies[c.id] for s in a.standards for c in s.criteria),
        )
        for a in catalog.areas()
    ]
    return Status(
        cycle=cycle,
        as_of=as_of,
        obligations=obligations,
        agencies=agencies,
        standards=standards,
        criteria=criteria,
        problems=problems,
        unowned=unowned(catalog, cycle),
        undated=sorted(
            d.path
            for (_agency, cycle_id), d in deliveries.items()
            if cycle_id == cycle.id and d.source == "unknown"
        ),
        next_cycle=next_cycle(catalog, cycle, as_of),
        areas=areas,
        city_figures=city_figures(catalog, _delivered(figures, cycle, as_of, deliveries), cycle),
        source=source,
    )


def _delivered(
    figures: Iterable[LocalFigure],
    cycle: Cycle,
    as_of: dt.date,
    deliveries: dict[FileKey, Delivery],
) -> Iterator[LocalFigure]:
    """The figures of `cycle` whose file had arrived by `as_of` (as an obligation counts)."""
    for figure in figures:
        if figure.cycle != cycle.id:  # every other cycle's: not looked up (issue 29)
            continue
        delivery = deliveries.get((figure.agency, cycle.id))
        if delivery is None or delivery.by(as_of):
            yield figure


def _agency_row(agency: str, name: str, obligations: list[Obligation]) -> Row:
    formerly = dict.fromkeys(a for o in obligations for a in o.formerly)
    indicators = Tally.of(obligations, "indicator")
    answers = Tally.of(obligations, "answer")
    return Row(
        agency,
        name,
        Tally.summed((indicators, answers)),  # every obligation is of one kind or the other
        indicators=indicators,
        answers=answers,
        formerly=tuple(formerly),
    )


def unowned(catalog: Catalog, cycle: Cycle) -> list[Unowned]:
    """The items `cycle` asks for that no agency of its day owes, with who used to owe them."""
    found = []
    for kind in KINDS:
        if cycle.deadlines.of(kind) is None:
            continue
        listed = catalog.owners(kind)
        for item, agencies in catalog.owners(kind, cycle).items():
            if not agencies:
                found.append(Unowned(kind, item, tuple(listed[item])))
    return found


def next_cycle(catalog: Catalog, cycle: Cycle, as_of: dt.date) -> NextCycle | None:
    """Advice to open the next cycle: it is due by the rule of data/assignments.yaml
    (`next_cycle_from`, by default the start of the next reporting year) and does not exist."""
    from hcmlc.core.open_cycles import next_cycle_due

    last = cycle.last_deadline
    due = next_cycle_due(catalog, cycle)
    if cycle.id != catalog.assignments.current_cycle or last is None or due is None:
        return None
    if as_of < due or catalog.later_cycles(cycle):
        return None
    suggested = str(int(cycle.id) + 1) if cycle.id.isdigit() else f"{cycle.last_year + 1}"
    return NextCycle(last, suggested, due)
