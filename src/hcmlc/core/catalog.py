"""Indexes over the framework and the registry: ids to objects, who owes what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from hcmlc.core.succession import Succession, split_duties
from hcmlc.models.framework import Area, Criterion, Framework, Indicator, Standard
from hcmlc.models.registry import Agency, Assignments, Cycle, Question


@dataclass(frozen=True)
class Catalog:
    """Everything a check or a view needs to look up by id.

    `framework` is data/criteria.yaml; `others` are the frameworks of data/frameworks/. The
    indexes by id (`indicators`, `criterion_of`, …) span them all (ids are unique across
    frameworks); code that walks criteria walks `criteria()`, which visits every framework."""

    framework: Framework
    assignments: Assignments
    others: tuple[Framework, ...] = ()
    territories: dict[str, list[str]] = field(default_factory=dict)
    """Former district → the units that took over its territory (data/units.yaml)."""
    units: tuple[Agency, ...] = ()
    """The agencies of data/units.yaml, which `assignments.agencies` ends with."""
    indicators: dict[str, Indicator] = field(init=False)
    framework_of: dict[str, Framework] = field(init=False)
    """Indicator id → the framework it belongs to."""
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
    _owed: dict[str | None, dict[tuple[str, str], frozenset[str]]] = field(
        init=False, default_factory=dict
    )
    _owner_sets: dict[tuple[str, ...], frozenset[str]] = field(init=False, default_factory=dict)
    """One set for every item and cycle owed by the same agencies (at 2,000 wards, a set of
    every ward per item and cycle was a tenth of validate's memory)."""

    succession: Succession = field(init=False)
    """Who holds each agency's duties on a day (core/succession.py)."""

    def __post_init__(self) -> None:
        reg = self.assignments
        setter = object.__setattr__
        indicators: dict[str, Indicator] = {}
        for fw in self.frameworks:  # an id two frameworks clash on (an error) stays the first's
            for indicator in fw.indicators():
                indicators.setdefault(indicator.id, indicator)
        every = list(indicators.values())
        setter(self, "indicators", indicators)
        setter(
            self,
            "framework_of",
            {i.id: fw for fw in reversed(self.frameworks) for i in fw.indicators()},
        )
        setter(self, "criterion_of", {i.id: c for c in self.criteria() for i in c.indicators})
        setter(self, "standard_of", {c.id: s for s in self.standards() for c in s.criteria})
        setter(self, "questions", {q.id: q for q in reg.questions()})
        setter(self, "agencies", {a.id: a for a in reg.agencies})
        setter(self, "cycles", {c.id: c for c in reg.cycles})
        expanded: dict[tuple[str, ...], list[str]] = {}  # items naming the same owners share one

        def owners(ids: list[str]) -> list[str]:
            key = tuple(ids)
            if key not in expanded:
                expanded[key] = reg.expand(ids)
            return expanded[key]

        setter(self, "indicator_owners", {i.id: owners(i.agencies) for i in every})
        setter(self, "question_owners", {q.id: owners(q.owners) for q in reg.questions()})
        criteria = list(self.criteria())
        split = {a.id: split_duties(a, criteria) for a in reg.agencies if a.duties}
        setter(self, "succession", Succession(self.agencies, split))

    def reassigned(self, assignments: Assignments) -> Catalog:
        """This catalog with the hand-kept registry `assignments` instead (the units kept)."""
        return assemble(self.frameworks, assignments, self.units, self.territories)

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        """Every framework: data/criteria.yaml first, then data/frameworks/ by file name."""
        return (self.framework, *self.others)

    def areas(self) -> Iterator[Area]:
        for fw in self.frameworks:
            yield from fw.areas

    def standards(self) -> Iterator[Standard]:
        for fw in self.frameworks:
            yield from fw.standards()

    def criteria(self) -> Iterator[Criterion]:
        for fw in self.frameworks:
            yield from fw.criteria()

    def cycle_frameworks(self, cycle: Cycle) -> list[str]:
        """The ids of the frameworks `cycle` asks indicators of (default: data/criteria.yaml's)."""
        return cycle.frameworks if cycle.frameworks is not None else [self.framework.id]

    def asks(self, cycle: Cycle, indicator_id: str) -> bool:
        """Whether `cycle` asks for the indicator: it belongs to one of the cycle's frameworks."""
        framework = self.framework_of.get(indicator_id)
        return framework is not None and framework.id in self.cycle_frameworks(cycle)

    def owners(
        self, kind: Literal["indicator", "answer"], cycle: Cycle | None = None
    ) -> dict[str, list[str]]:
        """Item id → the agencies that owe it, for indicators or for form questions.

        With a `cycle`, as the registry stood then: an agency that had ended is replaced by its
        successor for the item (or dropped when it has none), one not yet started is dropped;
        indicators are those of the cycle's frameworks only.
        """
        listed = self.indicator_owners if kind == "indicator" else self.question_owners
        if cycle is None:
            return listed
        key = (kind, cycle.id)
        if key not in self._owners_in_cycle:
            day = cycle.reference_date
            self._owners_in_cycle[key] = {
                item: self.succession.holders(agencies, day, item)
                for item, agencies in listed.items()
                if kind == "answer" or self.asks(cycle, item)
            }
        return self._owners_in_cycle[key]

    def owes(
        self,
        kind: Literal["indicator", "answer"],
        item_id: str,
        agency: str,
        cycle: Cycle | None = None,
    ) -> bool:
        """Whether `agency` owes the item (in `cycle`, see `owners`); a set lookup, however many
        wards a group holds."""
        owners = self.owner_sets(cycle).get((kind, item_id))
        return owners is not None and agency in owners

    def owner_sets(self, cycle: Cycle | None = None) -> dict[tuple[str, str], frozenset[str]]:
        """(kind, item id) → the agencies that owe it (in `cycle`, see `owners`), as sets: what
        `owes` looks up, for a checker that asks of every entry of a file."""
        key = cycle.id if cycle else None
        if key not in self._owed:  # (kind, item) → its owners: one set per item, not per pair
            self._owed[key] = {
                (k, item): self._owner_set(owners)
                for k in ("indicator", "answer")
                for item, owners in self.owners(k, cycle).items()
            }
        return self._owed[key]

    def _owner_set(self, owners: list[str]) -> frozenset[str]:
        key = tuple(owners)
        found = self._owner_sets.get(key)
        if found is None:
            found = self._owner_sets[key] = frozenset(owners)
        return found

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


def assemble(
    frameworks: Sequence[Framework],
    assignments: Assignments,
    units: Sequence[Agency] = (),
    territories: dict[str, list[str]] | None = None,
) -> Catalog:
    """The catalog of a repository: its frameworks (the first is data/criteria.yaml), its
    registry, and the units of data/units.yaml added to the registry's agencies."""
    if units:
        assignments = assignments.model_copy(update={"agencies": [*assignments.agencies, *units]})
    first, *others = frameworks
    return Catalog(first, assignments, tuple(others), territories or {}, tuple(units))
