"""Who owes each question of one cycle's membership form, named in the form's language, and what
they answered: raw answers by owner, and a figure taken from a linked indicator's value (an
agency that had ended answers through its successor)."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from hcmlc.core.catalog import Catalog
from hcmlc.core.completeness import supplies
from hcmlc.core.figures import read_entry
from hcmlc.core.results import Entry
from hcmlc.core.values import ValueProblem
from hcmlc.documents.form_boxes import Figure
from hcmlc.documents.form_words import label
from hcmlc.i18n import Lang
from hcmlc.models.registry import Cycle, Question
from hcmlc.models.submission import Submission
from hcmlc.text.number_format import format_number


class Owners:
    """The owners of one cycle's questions and their submissions, in one language."""

    def __init__(
        self,
        catalog: Catalog,
        cycle: Cycle,
        submissions: list[Submission],
        lang: Lang,
        supplied: Set[Entry],
    ) -> None:
        self.catalog, self.cycle, self.submissions = catalog, cycle, submissions
        self.lang, self.supplied = lang, supplied
        self.by_agency = {s.agency: s for s in submissions}

    def of(self, question_id: str) -> list[str]:
        """The agencies that owe the question in the cycle."""
        return self.catalog.owners("answer", self.cycle)[question_id]

    def answers(self, question: Question) -> Iterator[tuple[str, Any]]:
        """(agency, raw answer) from each owner that answered, in registry order."""
        for agency in self.of(question.id):
            submission = self.by_agency.get(agency)
            if submission is not None and question.id in submission.answers:
                yield agency, submission.answers[question.id]

    def absent(self, question: Question, answered: Set[str]) -> list[str]:
        """Owners who neither answered here nor supplied the answer otherwise."""
        return [
            o
            for o in self.of(question.id)
            if o not in answered
            and not supplies(self.catalog, self.supplied, self.cycle, o, "answer", question.id)
        ]

    def indicator_figure(self, question: Question) -> Figure | None:
        """The figure from the linked indicator's value, when one of its owners supplied it."""
        if question.indicator is None:
            return None
        indicator = self.catalog.indicators[question.indicator]
        for submission in self.submissions:
            entry = submission.indicators.get(indicator.id)
            accepted = (self.cycle.id, submission.agency, "indicator", indicator.id)
            if entry is None or accepted not in self.supplied or indicator.unit is None:
                continue
            try:
                number = float(read_entry(entry, indicator).value)
            except ValueProblem:  # pragma: no cover - a supplied entry reads
                continue
            source = label("from-indicator", self.lang, id=indicator.id)
            return Figure(format_number(number, self.lang), entry.year, source)
        return None

    def names(self, question: Question) -> str:
        """The owners as the question lists them, named."""
        return ", ".join(self._owner_name(o) for o in self._listed(question))

    def agency_name(self, agency_id: str) -> str:
        agency = self.catalog.agencies[agency_id]
        return agency.name.get(self.lang)

    def _listed(self, question: Question) -> list[str]:
        """The owners as the question lists them (groups kept whole), each agency replaced by
        the one holding its duties in the cycle."""
        day = self.cycle.reference_date
        held = (
            o
            if o not in self.catalog.agencies
            else self.catalog.succession.holder(o, day, question.id)
            for o in question.owners
        )
        return list(dict.fromkeys(o for o in held if o is not None))

    def _owner_name(self, owner: str) -> str:
        """An owner as the registry names it: an agency or a whole group."""
        if owner in self.catalog.agencies:
            return self.agency_name(owner)
        group = next(g for g in self.catalog.assignments.groups if g.id == owner)
        return group.name.get(self.lang)
