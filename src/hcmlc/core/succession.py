"""Who holds an agency's duties on a day: the agency itself while it is active, else the agency
that succeeded it, or, for an agency split per duty, the successor of that duty."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from hcmlc.models.framework import Criterion
from hcmlc.models.registry import Agency


@dataclass(frozen=True)
class Succession:
    """The registry's agencies and where the duties of each split agency went."""

    agencies: dict[str, Agency]
    split: dict[str, dict[str, str]]
    """Split agency → item id → the successor holding that duty (from `duties`)."""
    kept: dict[tuple[str, dt.date], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """`holder` of an agency on a day, for every item, when its succession passes no agency
    split per duty: asked for every item of every ward, the walk would visit 2,000 agencies'
    records 70 times over (issue 29)."""
    listed: dict[tuple[tuple[str, ...], int], list[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """`holders` of a list of agencies in an era (`era`), when it is the same for every item:
    every cycle asks for the owners of every item, thousands of wards each (issue 29)."""
    changes: tuple[dt.date, ...] = field(default=(), init=False, repr=False, compare=False)
    """Every day an agency started or ended, in order."""

    def __post_init__(self) -> None:
        days = {d for a in self.agencies.values() for d in (a.started, a.ended) if d is not None}
        object.__setattr__(self, "changes", tuple(sorted(days)))

    def era(self, day: dt.date) -> int:
        """How many of the registry's changes (`changes`) had happened by `day`: whether each
        agency is active (`started <= day < ended`) depends on nothing else, so neither does
        who holds whose duties."""
        return bisect_right(self.changes, day)

    def holder(self, agency_id: str, day: dt.date, item: str | None = None) -> str | None:
        """The agency holding `agency_id`'s duties on `day` (its duty `item`, when it was split
        per duty): itself, a successor, or None."""
        key = (agency_id, day)
        if key in self.kept:
            return self.kept[key]
        found, per_duty = self.walk(agency_id, day, item)
        if not per_duty:
            self.kept[key] = found
        return found

    def walk(self, agency_id: str, day: dt.date, item: str | None) -> tuple[str | None, bool]:
        """`holder`, found by walking the successions, and whether it passed an agency split
        per duty (then the holder depends on the item, and is not kept for the day)."""
        seen: set[str] = set()
        per_duty = False
        current: str | None = agency_id
        while current is not None and current not in seen:
            agency = self.agencies[current]
            if agency.active_on(day):
                return current, per_duty
            if agency.started is not None and day < agency.started:
                return None, per_duty
            seen.add(current)
            per_duty = per_duty or current in self.split
            split = self.split.get(current, {}).get(item) if item is not None else None
            current = split or agency.successor
            current = current if current in self.agencies else None
        return None, per_duty

    def holders(self, agency_ids: list[str], day: dt.date, item: str | None = None) -> list[str]:
        """`holder` of each agency (for `item`), without repeats or gaps, in order."""
        key = (tuple(agency_ids), self.era(day))
        known = self.listed.get(key)
        if known is not None:
            return list(known)
        found = (self.holder(a, day, item) for a in agency_ids)
        held = list(dict.fromkeys(a for a in found if a is not None))
        if all((a, day) in self.kept for a in agency_ids):  # no holder depends on the item
            self.listed[key] = held
        return list(held)

    def successors(self, agency_id: str, day: dt.date) -> dict[str, list[str]]:
        """Who holds a split or ended agency's duties on `day`: holder → the items it holds of
        them (empty for the holder of every duty not named one by one)."""
        found: dict[str, list[str]] = {}
        default = self.holder(agency_id, day)
        if default is not None:
            found[default] = []
        for item in self.split.get(agency_id, {}):
            holder = self.holder(agency_id, day, item)
            if holder is not None and holder != default:
                found.setdefault(holder, []).append(item)
        return found


def split_duties(agency: Agency, criteria: Sequence[Criterion]) -> dict[str, str]:
    """Item id → successor, for the duties a split agency names: a criterion's indicators
    first, then the items named one by one, which take precedence."""
    found: dict[str, str] = {}
    for duty in agency.duties:
        for criterion in criteria:
            if criterion.id in duty.criteria:
                found.update(dict.fromkeys((i.id for i in criterion.indicators), duty.successor))
    for duty in agency.duties:
        found.update(dict.fromkeys(duty.items, duty.successor))
    return found
