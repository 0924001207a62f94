"""The local units (wards, communes, the special zone; before July 2025 the districts) of a
status, summarised by kind: at 168 units, a table of every agency would bury the sixteen
departments under them. Each view shows the departments and city organisations first, then one
line per kind of unit with its summed tally, and lists the units on demand (`status --units`,
the page's expandable list). The rows are status's own (status.py): nothing is counted again.
"""

from __future__ import annotations

from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import Row, Tally
from hcmlc.models.registry import AgencyKind

UNIT_KINDS = (AgencyKind.DISTRICT, AgencyKind.WARD, AgencyKind.COMMUNE, AgencyKind.SPECIAL_ZONE)
"""The kinds of local unit, each reporting for its own territory, in the order shown."""


@dataclass(frozen=True)
class UnitGroup:
    """The units of one kind that owe something in the cycle, with their summed tally."""

    kind: AgencyKind
    rows: list[Row]
    """Each unit's row, in registry order."""
    tally: Tally

    @property
    def units(self) -> int:
        return len(self.rows)

    @property
    def complete(self) -> int:
        """Units that supplied everything they owe."""
        return sum(1 for r in self.rows if r.tally.owed and not r.tally.missing)

    @property
    def with_overdue(self) -> int:
        """Units with at least one item overdue."""
        return sum(1 for r in self.rows if r.tally.overdue)


def is_unit(catalog: Catalog, agency: str) -> bool:
    return catalog.agencies[agency].kind in UNIT_KINDS


def split_rows(catalog: Catalog, rows: list[Row]) -> tuple[list[Row], list[UnitGroup]]:
    """The agencies that are not local units (departments, city organisations), and the units
    grouped by kind (kinds without a unit left out)."""
    agencies = [r for r in rows if not is_unit(catalog, r.id)]
    groups = []
    for kind in UNIT_KINDS:
        units = [r for r in rows if catalog.agencies[r.id].kind is kind]
        if units:
            groups.append(UnitGroup(kind, units, total([r.tally for r in units])))
    return agencies, groups


def total(tallies: list[Tally]) -> Tally:
    """The sum of tallies (the most days overdue: the largest)."""
    return Tally(
        owed=sum(t.owed for t in tallies),
        supplied=sum(t.supplied for t in tallies),
        overdue=sum(t.overdue for t in tallies),
        most_days_overdue=max((t.most_days_overdue for t in tallies), default=0),
        late=sum(t.late for t in tallies),
    )
