"""Indexes over the framework and the registry: ids to objects, who owes what."""

from __future__ import annotations

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
    _owes: frozenset[tuple[str, str, str]] = field(init=False)

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
        owed = {
            (kind, item, agency)
            for kind in ("indicator", "answer")
            for item, owners in self.owners(kind).items()
            for agency in owners
        }
        setter(self, "_owes", frozenset(owed))

    def owners(self, kind: Literal["indicator", "answer"]) -> dict[str, list[str]]:
        """Item id → the agencies that owe it, for indicators or for form questions."""
        return self.indicator_owners if kind == "indicator" else self.question_owners

    def owes(self, kind: Literal["indicator", "answer"], item_id: str, agency: str) -> bool:
        """Whether `agency` owes the item; a set lookup, however many wards a group holds."""
        return (kind, item_id, agency) in self._owes

    def agency_name(self, agency_id: str, lang: str = "vi") -> str:
        return self.agencies[agency_id].name.get(lang)
