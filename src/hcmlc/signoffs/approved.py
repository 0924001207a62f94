"""A repository's facts narrowed to approved content, for `fill-form` and `report
--approved-only`: what is not approved as it stands is left out, so the documents show it as a
gap."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.console import Console

from hcmlc.core.facts import Facts
from hcmlc.core.results import Entries, Entry, SubmissionFile
from hcmlc.i18n import _, counted
from hcmlc.signoffs.states import build_reviews


@dataclass(frozen=True)
class Narrowed:
    """The narrowed facts and the entries they left out."""

    facts: Facts
    withheld: list[Entry]


def approved_only(facts: Facts) -> Narrowed:
    """`facts` with only the entries approved as they stand, in every cycle."""
    catalog = facts.catalog
    cycles = {cycle for cycle, _agency, _kind, _item in facts.supplied}
    approved: set[Entry] = set()
    for cycle_id in cycles:
        if cycle_id in catalog.cycles:
            reviews = build_reviews(facts.root, catalog, facts.supplied, catalog.cycles[cycle_id])
            approved |= {(cycle_id, a, k, i) for a, k, i in reviews.approved()}
    withheld = sorted(e for e in facts.supplied if e not in approved)
    files = [_narrowed(f, approved) for f in facts.submissions]
    figures = [
        f for f in facts.figures if (f.cycle, f.agency, "indicator", f.indicator) in approved
    ]
    narrowed = replace(facts, supplied=Entries.of(approved), submissions=files, figures=figures)
    return Narrowed(narrowed, withheld)


def _narrowed(file: SubmissionFile, approved: set[Entry]) -> SubmissionFile:
    model = file.model
    if model is None:
        return file
    key = (model.cycle, model.agency)
    indicators = {i: v for i, v in model.indicators.items() if (*key, "indicator", i) in approved}
    answers = {i: v for i, v in model.answers.items() if (*key, "answer", i) in approved}
    return replace(
        file, model=model.model_copy(update={"indicators": indicators, "answers": answers})
    )


def narrow_to_approved(console: Console, facts: Facts) -> Facts:
    """`approved_only(facts)`, saying on the terminal how many entries it left out."""
    narrowed = approved_only(facts)
    if narrowed.withheld:
        console.print(
            _("--approved-only: {entries} not approved as they stand are left out, as gaps").format(
                entries=counted(len(narrowed.withheld), "{n} entry", "{n} entries")
            ),
            markup=False,
            highlight=False,
        )
    return narrowed.facts
