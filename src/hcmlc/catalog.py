"""Indexes over the framework and the registry: ids to objects, who owes what."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from hcmlc.models.framework import Criterion, Framework, Indicator, Standard
from hcmlc.models.registry import Agency, Assignments, Cycle, Question


@dataclass(frozen=True)
class Catalog:
    """Everything a check or a view needs to look up by id."""

    framework: Framework
    assignments: Assignments
    indicators: dict[str, Indicator] = field(init=False)
    criterion_of: dict[str, Criterion] = field(init=False)
    standard_of: dict[str, Standard] = field(init=False)
    questions: dict[str, Question] = field(init=False)
    agencies: dict[str, Agency] = field(init=False)
    cycles: dict[str, Cycle] = field(init=False)
    indicator_owners: dict[str, list[str]] = field(init=False)
    question_owners: dict[str, list[str]] = field(init=False)
    _owners_in_cycle: dict[tuple[str, str], dict[str, list[str]]] = field(
        init=False, default_factory=dict
    )
    _owed: dict[str | None, frozenset[tuple[str, str, str]]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        fw, reg = self.framework, self.assignments
        setter = object.__setattr__
        setter(self, "indicators", {i.id: i for i in fw.indicators()})
        setter(self, "criterion_of", {i.id: c for c in fw.criteria() for i in c.indicators})
        setter(self, "standard_of", {c.id: s for s in fw.standards() for c in s.criteria})
        setter(self, "questions", {q.id: q for q in reg.questions()})
        setter(self, "agencies", {a.id: a for a in reg.agencies})
        setter(self, "cycles", {c.id: c for c in reg.cycles})
        setter(self, "indicator_owners", {i.id: reg.expand(i.agencies) for i in fw.indicators()})
        setter(self, "question_owners", {q.id: reg.expand(q.owners) for q in reg.questions()})

    def owners(
        self, kind: Literal["indicator", "answer"], cycle: Cycle | None = None
    ) -> dict[str, list[str]]:
        """Item id → the agencies that owe it, for indicators or for form questions.

        With a `cycle`, as the registry stood then: an agency that had ended is replaced by its
        successor (or dropped when it has none), one not yet started is dropped.
        """
        listed = self.indicator_owners if kind == "indicator" else self.question_owners
        if cycle is None:
            return listed
        key = (kind, cycle.id)
        if key not in self._owners_in_cycle:
            day = cycle.reference_date
            self._owners_in_cycle[key] = {
                item: self.holders(agencies, day) for item, agencies in listed.items()
            }
        return self._owners_in_cycle[key]

    def holder(self, agency_id: str, day: dt.date) -> str | None:
        """The agency holding `agency_id`'s duties on `day`: itself, a successor, or None."""
        seen: set[str] = set()
        current: str | None = agency_id
        while current is not None and current not in seen:
            agency = self.agencies[current]
            if agency.active_on(day):
                return current
            if agency.started is not None and day < agency.started:
                return None
            seen.add(current)
            current = agency.successor if agency.successor in self.agencies else None
        return None

    def holders(self, agency_ids: list[str], day: dt.date) -> list[str]:
        """`holder` of each agency, without repeats or gaps, in order."""
        found = (self.holder(a, day) for a in agency_ids)
        return list(dict.fromkeys(a for a in found if a is not None))

    def owes(
        self,
        kind: Literal["indicator", "answer"],
        item_id: str,
        agency: str,
        cycle: Cycle | None = None,
    ) -> bool:
        """Whether `agency` owes the item (in `cycle`, see `owners`); a set lookup, however many
        wards a group holds."""
        key = cycle.id if cycle else None
        if key not in self._owed:
            self._owed[key] = frozenset(
                (k, item, agency)
                for k in ("indicator", "answer")
                for item, owners in self.owners(k, cycle).items()
                for agency in owners
            )
        return (kind, item_id, agency) in self._owed[key]

    def opening(self, cycle: Cycle) -> dt.date | None:
        """The first day of `cycle`'s deliveries: its `opens`, else the day after the last
        deadline of the cycles before it; None for the first cycle."""
        if cycle.opens is not None:
            return cycle.opens
        earlier = [
            c.last_deadline
            for c in self.assignments.cycles
            if c.reference_date < cycle.reference_date and c.last_deadline is not None
        ]
        return max(earlier) + dt.timedelta(days=1) if earlier else None

    def later_cycles(self, cycle: Cycle) -> list[Cycle]:
        """The cycles whose work comes after `cycle`'s."""
        return [c for c in self.assignments.cycles if c.reference_date > cycle.reference_date]

    def agency_name(self, agency_id: str, lang: str = "vi") -> str:
        return self.agencies[agency_id].name.get(lang)
