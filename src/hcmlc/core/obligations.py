"""Who owes what in a cycle on a day, item by item: every agency's obligation, its deadline,
whether its entry is supplied (it passed validation and its file had arrived) and the day it
was delivered, and whose duty it holds after a reorganisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass, fields
from typing import Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import Deliveries, Delivery, FileKey
from hcmlc.core.receiving import EntryDate, declared
from hcmlc.core.results import Entries, Entry, ItemKind
from hcmlc.models.registry import Cycle

State = Literal["supplied", "late", "due", "overdue"]
KINDS: tuple[ItemKind, ...] = ("indicator", "answer")


@dataclass(frozen=True, slots=True)
class Obligation:
    """One indicator or answer that one agency owes by a deadline."""

    agency: str
    kind: ItemKind
    item: str
    deadline: dt.date
    supplied: bool
    """Whether the entry passed validation and its file had arrived by the as-of date."""
    days_left: int
    """Days from the as-of date to the deadline; negative once overdue."""
    delivered: dt.date | None = None
    """The day the file holding the entry was delivered, when known and not after the as-of
    date (a view as of a day knows nothing of later deliveries)."""
    formerly: tuple[str, ...] = ()
    """Agencies the item was assigned to that ended and whose duty `agency` now holds, when
    `agency` holds it because it succeeded them (not when it owes the item itself as well)."""
    dated: EntryDate | None = None
    """How `delivered` is known, the sender's claim and a revision after the deadline
    (receiving.py); None for an item not supplied."""

    @property
    def late_days(self) -> int:
        """Days after the deadline the entry arrived (0 when on time, unknown or not yet)."""
        if not self.supplied or self.delivered is None:
            return 0
        return max((self.delivered - self.deadline).days, 0)

    @property
    def state(self) -> State:
        if self.supplied:  # late when `late_days` is not 0, without working out how many
            late = self.delivered is not None and self.delivered > self.deadline
            return "late" if late else "supplied"
        return "overdue" if self.days_left < 0 else "due"


def obligations_of(
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    as_of: dt.date,
    deliveries: Mapping[FileKey, Delivery] | None = None,
    *,
    overdue_only: bool = False,
) -> Iterator[Obligation]:
    """Every item each agency owes in `cycle`, and whether it is supplied, as of `as_of`; with
    `overdue_only`, those overdue only (the same, in the same order), without making the others
    (an earlier cycle's, most of them supplied: `open_cycles.still_open`)."""
    deliveries = deliveries or {}
    dates = deliveries.dates if isinstance(deliveries, Deliveries) else None
    day = cycle.reference_date
    grouped = supplied if isinstance(supplied, Entries) else Entries.of(supplied)
    arrivals: dict[str, tuple[bool, dt.date | None]] = {}
    undated: dict[str, EntryDate] = {}
    """Each agency's date of an entry its file tells only: one value, shared by its items."""
    for kind in KINDS:
        deadline = cycle.deadlines.of(kind)
        if deadline is None:
            continue
        days_left = (deadline - as_of).days
        if overdue_only and days_left >= 0:
            continue  # not yet due: none of this kind is overdue
        listed = catalog.owners(kind)
        owners = catalog.owners(kind, cycle)
        supplied_by = _suppliers(grouped, cycle.id, kind, owners)
        for item, agencies in owners.items():
            formerly = _taken_over(catalog, listed[item], day, item)
            suppliers = supplied_by.get(item, ())
            for agency in agencies:
                arrival = arrivals.get(agency)
                if arrival is None:
                    arrival = _arrival(deliveries.get((agency, cycle.id)), as_of)
                    arrivals[agency] = arrival
                arrived, delivered = arrival
                supplied_ = arrived and agency in suppliers
                if overdue_only and supplied_:
                    continue
                dated = None
                if supplied_:
                    dated = dates.of(cycle.id, agency, kind, item, deadline) if dates else None
                    if dated is None or dated.day is None:
                        dated = undated.get(agency)
                        if dated is None:
                            file = deliveries.get((agency, cycle.id))
                            dated = EntryDate(delivered, declared(file.source if file else ""))
                            undated[agency] = dated
                yield _made(
                    agency,
                    kind,
                    item,
                    deadline,
                    supplied_,
                    days_left,
                    dated.day if dated else delivered,
                    formerly.get(agency, ()),
                    dated,
                )


_NEW = object.__new__
(_AGENCY, _KIND, _ITEM, _DEADLINE, _SUPPLIED, _DAYS_LEFT, _DELIVERED, _FORMERLY, _DATED) = (
    getattr(Obligation, f.name).__set__ for f in fields(Obligation)
)


def _made(
    agency: str,
    kind: ItemKind,
    item: str,
    deadline: dt.date,
    supplied: bool,
    days_left: int,
    delivered: dt.date | None,
    formerly: tuple[str, ...],
    dated: EntryDate | None,
) -> Obligation:
    """`Obligation(agency, kind, …, dated)`, made in half the time: its frozen `__init__` sets
    each field through `object.__setattr__`, and a status makes 100,000s of them. Each field is
    set here by its slot, once; nothing is checked or changed on the way (no `__post_init__`)."""
    made = _NEW(Obligation)
    _AGENCY(made, agency)
    _KIND(made, kind)
    _ITEM(made, item)
    _DEADLINE(made, deadline)
    _SUPPLIED(made, supplied)
    _DAYS_LEFT(made, days_left)
    _DELIVERED(made, delivered)
    _FORMERLY(made, formerly)
    _DATED(made, dated)
    return made


def _taken_over(
    catalog: Catalog, listed: list[str], day: dt.date, item: str
) -> dict[str, tuple[str, ...]]:
    """Holder → the ended agencies `item` was assigned to whose duty it holds on `day`. An
    agency that owes the item in its own right (3.2.2.a: every department) does not hold it
    "formerly" for the one it succeeded."""
    taken_over: dict[str, list[str]] = {}
    for former in listed:
        holder = catalog.succession.holder(former, day, item)
        if holder is not None and holder != former and holder not in listed:
            taken_over.setdefault(holder, []).append(former)
    return {holder: tuple(formers) for holder, formers in taken_over.items()}


def _suppliers(
    grouped: Entries, cycle: str, kind: ItemKind, owners: dict[str, list[str]]
) -> dict[str, set[str]]:
    """Item → the agencies that supplied it in `cycle`: read agency by agency, once, so that
    the obligations, listed item by item, do not visit every agency's entries for each item
    (at 2,000 wards, memory that no longer stays in the processor's cache)."""
    found: dict[str, set[str]] = {}
    for agency in dict.fromkeys(a for agencies in owners.values() for a in agencies):
        for item in grouped.items_of(cycle, agency, kind):
            found.setdefault(item, set()).add(agency)
    return found


def _arrival(delivery: Delivery | None, as_of: dt.date) -> tuple[bool, dt.date | None]:
    """Whether an agency's file had arrived by `as_of` (a file of unknown date counts), and the
    day it did, when known."""
    arrived = delivery is None or delivery.by(as_of)
    return arrived, delivery.day if delivery and arrived else None
