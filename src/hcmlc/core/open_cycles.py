"""Cycles that end when the coordinator ends them: an earlier cycle not closed keeps its
overdue items in status and in the reminders, and its year's report is interim; the next
cycle is due by a rule in data (`next_cycle_from`), not by a deadline passing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Set
from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.obligations import Obligation, obligations_of
from hcmlc.core.results import Entry
from hcmlc.models.registry import Cycle

INTERIM = {"vi": " (bản tạm thời)", "en": " (interim)"}
"""What a report's title gains while its cycle is not closed, in the document's language."""


@dataclass(frozen=True)
class OpenCycle:
    """An earlier cycle not closed, and its items still overdue on the day of the view."""

    cycle: Cycle
    overdue: list[Obligation]

    def by_agency(self) -> list[tuple[str, int]]:
        """Each agency with overdue items and how many, the most first."""
        counts: dict[str, int] = {}
        for o in self.overdue:
            counts[o.agency] = counts.get(o.agency, 0) + 1
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def is_open(cycle: Cycle, as_of: dt.date) -> bool:
    """Whether the coordinator had not closed `cycle` by `as_of`."""
    return cycle.closed is None or cycle.closed > as_of


def still_open(
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    as_of: dt.date,
    deliveries: dict[FileKey, Delivery] | None = None,
) -> list[OpenCycle]:
    """The cycles before `cycle` not closed by `as_of` that still have overdue items."""
    return list(_open(catalog, supplied, cycle, as_of, deliveries or {}))


def _open(
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    as_of: dt.date,
    deliveries: dict[FileKey, Delivery],
) -> Iterator[OpenCycle]:
    for earlier in sorted(catalog.assignments.cycles, key=lambda c: c.reference_date):
        if earlier.reference_date >= cycle.reference_date or not is_open(earlier, as_of):
            continue
        overdue = list(
            obligations_of(catalog, supplied, earlier, as_of, deliveries, overdue_only=True)
        )
        if overdue:
            yield OpenCycle(earlier, overdue)


def next_cycle_due(catalog: Catalog, cycle: Cycle) -> dt.date | None:
    """The day from which the cycle after `cycle` is due: `next_cycle_from` (MM-DD) of the
    year after its last year, and never before its last deadline has passed."""
    month, day = (int(part) for part in catalog.assignments.next_cycle_from.split("-"))
    try:
        due = dt.date(cycle.last_year + 1, month, day)
    except ValueError:  # 02-29 in a common year
        due = dt.date(cycle.last_year + 1, 3, 1)
    last = cycle.last_deadline
    return max(due, last + dt.timedelta(days=1)) if last is not None else due


def cycle_of_report(catalog: Catalog, year: int) -> Cycle | None:
    """The cycle whose last year is `year`: the one whose closing ends that year's report."""
    found = [c for c in catalog.assignments.cycles if c.last_year == year]
    return max(found, key=lambda c: c.reference_date) if found else None


def interim_cycle(catalog: Catalog, year: int, as_of: dt.date) -> Cycle | None:
    """The cycle ending `year` while it is not closed on `as_of`: `year`'s report is then
    interim (its title, and the page, say so); None once it is closed, or without one."""
    ending = cycle_of_report(catalog, year)
    return ending if ending is not None and is_open(ending, as_of) else None
