"""The file `hcmlc new-submission` writes: everything an agency owes in a cycle, as stubs.

Each item is a commented YAML block under `## ` notes (id, text, unit or scale or kind, word
limit, deadline). Uncommenting a block (VS Code: select it, Ctrl+/) gives valid YAML, and the
notes stay comments; the file as written is a valid, empty submission.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterator

from hcmlc.catalog import Catalog
from hcmlc.checks import ItemKind
from hcmlc.models.framework import Indicator
from hcmlc.models.registry import Cycle, Question
from hcmlc.plural import count
from hcmlc.values import SCALE_STATES, UNIT_BOUNDS

_FIELDS: dict[str, list[str]] = {
    "text": ["vi:", "en:"],
    "figure": ["value:", "year:", "source:"],
    "choice": ["choice:"],
    "quote": ["vi:", "en:", "date:"],
    "photos": ["- path:", "  caption:", "    vi:", "    en:", "  copyright:"],
}
"""The stub lines of an answer, by question kind (contact answers list their own fields)."""


def owed(catalog: Catalog, agency: str, cycle: Cycle, kind: ItemKind) -> list[str]:
    """Ids of the items of `kind` that `agency` owes in `cycle`, in framework or form order."""
    if cycle.deadlines.of(kind) is None:
        return []
    return [item for item, owners in catalog.owners(kind, cycle).items() if agency in owners]


def scaffold(catalog: Catalog, agency: str, cycle: Cycle, schema: str) -> str:
    """The new submission file of `agency` for `cycle`; `schema` is the schema's relative path."""
    indicators = owed(catalog, agency, cycle, "indicator")
    answers = owed(catalog, agency, cycle, "answer")
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "#",
        f"# {catalog.agency_name(agency)} — {cycle.title.vi}",
        f"# Written by `hcmlc new-submission`: {describe_owed(cycle, indicators, answers)}.",
        "# For each item you supply, remove the `# ` before its lines (in VS Code: select them,",
        "# then Ctrl+/), write each value after its colon and delete the lines you leave empty.",
        "# Then check the file with `hcmlc validate`.",
        f"agency: {agency}",
        f"cycle: {json.dumps(cycle.id)}",
        "## The office and person who prepared the file:",
        "# prepared_by:",
        "## The day you deliver the file (YYYY-MM-DD); the progress report compares it with",
        "## the deadline:",
        "# submitted:",
    ]
    if indicators:
        years = f"{cycle.first_year} to {cycle.last_year}"
        if cycle.first_year == cycle.last_year:
            years = str(cycle.first_year)
        lines += ["", "indicators:", f"  ## `year:` is the year a figure describes: {years}."]
        for item in indicators:
            lines += ["", *_indicator(catalog.indicators[item], cycle)]
    if answers:
        lines += ["", "answers:"]
        for item in answers:
            lines += ["", *_answer(catalog.questions[item], cycle)]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


def describe_owed(cycle: Cycle, indicators: list[str], answers: list[str]) -> str:
    """`27 indicators due 2023-08-31, 16 answers due 2023-09-30`."""
    parts = []
    if indicators:
        parts.append(f"{count(len(indicators), 'indicator')} due {cycle.deadlines.indicators}")
    if answers:
        parts.append(f"{count(len(answers), 'answer')} due {cycle.deadlines.answers}")
    return ", ".join(parts)


def _indicator(indicator: Indicator, cycle: Cycle) -> Iterator[str]:
    yield f"  ## {indicator.id} — {indicator.text.vi}"
    if indicator.parts:
        yield from _parts(indicator, cycle)
        return
    if indicator.unit is not None:
        bounds = UNIT_BOUNDS[indicator.unit]
        high = "" if math.isinf(bounds.high) else f" to {bounds.high:g}"
        measure = f"a number in {indicator.unit.value}, {bounds.low:g}{high}"
        fields = ["value:", f"unit: {indicator.unit.value}", "year:", "source:"]
    else:
        assert indicator.scale is not None  # the model guarantees one of unit and scale
        measure = " / ".join(SCALE_STATES[indicator.scale].values())
        fields = ["value:", "year:", "source:"]
    yield f"  ## {measure} · due {cycle.deadlines.indicators}"
    yield from _stub(indicator.id, fields)


def _parts(indicator: Indicator, cycle: Cycle) -> Iterator[str]:
    """The block of an indicator that asks for several figures: one line per part."""
    if indicator.ratio:
        measure = (
            f"two whole counts, the first out of the second: hcmlc computes the {indicator.unit}"
        )
    else:
        bounds = UNIT_BOUNDS[indicator.part_unit()]
        high = "" if math.isinf(bounds.high) else f" to {bounds.high:g}"
        measure = (
            f"{len(indicator.parts)} figures, each a number in {indicator.part_unit().value}, "
            f"{bounds.low:g}{high}; the first is the indicator's value"
        )
    yield f"  ## {measure} · due {cycle.deadlines.indicators}"
    notes = {f"  {p.id}:": p.text.vi for p in indicator.parts}
    yield from _stub(indicator.id, ["parts:", *notes, "year:", "source:"], notes)


def _answer(question: Question, cycle: Cycle) -> Iterator[str]:
    yield f"  ## {question.id} — {question.text.vi}"
    about: list[str] = [question.kind]
    if question.unit:
        about.append(f"a number in {question.unit.value}")
    if question.words:
        about.append(question.words.describe("word"))
    if question.photos:
        about.append(question.photos.describe("photo") + ", each with caption and copyright")
    if question.options:
        about.append("one of " + " / ".join(o.id for o in question.options))
    if question.kind == "quote":
        about.append("date as YYYY-MM-DD")
    yield f"  ## {', '.join(about)} · due {cycle.deadlines.answers}"
    if question.kind == "contact":
        labels = {f"{f.id}:": f.label.vi for f in question.fields}
        yield from _stub(question.id, list(labels), labels)
    else:
        yield from _stub(question.id, _FIELDS[question.kind])


def _stub(item: str, fields: list[str], notes: dict[str, str] | None = None) -> Iterator[str]:
    """`item`'s block, commented; a note stays a comment at the end of its line when uncommented."""
    yield f"  # {item}:"
    width = max(len(f) for f in fields)
    for field in fields:
        note = (notes or {}).get(field)
        yield f"  #   {field.ljust(width)}  # {note}" if note else f"  #   {field}"
