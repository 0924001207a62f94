"""Who holds an agency's duties on a day: the agency itself while it is active, else the agency
that succeeded it, or, for an agency split per duty, the successor of that duty."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hcmlc.models.registry import Agency


@dataclass(frozen=True)
class Succession:
    """The registry's agencies and where the duties of each split agency went."""

    agencies: dict[str, Agency]
    split: dict[str, dict[str, str]]
    """Split agency → item id → the successor holding that duty (from `duties`)."""

    def holder(self, agency_id: str, day: dt.date, item: str | None = None) -> str | None:
        """The agency holding `agency_id`'s duties on `day` (its duty `item`, when it was split
        per duty): itself, a successor, or None."""
        seen: set[str] = set()
        current: str | None = agency_id
        while current is not None and current not in seen:
            agency = self.agencies[current]
            if agency.active_on(day):
                return current
            if agency.started is not None and day < agency.started:
                return None
            seen.add(current)
            split = self.split.get(current, {}).get(item) if item is not None else None
            current = split or agency.successor
            current = current if current in self.agencies else None
        return None

    def holders(self, agency_ids: list[str], day: dt.date, item: str | None = None) -> list[str]:
        """`holder` of each agency (for `item`), without repeats or gaps, in order."""
        found = (self.holder(a, day, item) for a in agency_ids)
        return list(dict.fromkeys(a for a in found if a is not None))

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
