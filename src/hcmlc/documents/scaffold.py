"""The file `hcmlc new-submission` writes: everything an agency owes in a cycle, as stubs.

Each item is a commented YAML block under `## ` notes (id, text, unit or scale or kind, word
limit, deadline). Uncommenting a block (VS Code: select it, Ctrl+/) gives valid YAML, and the
notes stay comments; the file as written is a valid, empty submission. The notes are written in
the interface's language, for the staff who fill the file in; the keys are the same in both.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterator

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.core.values import SCALE_STATES, UNIT_BOUNDS
from hcmlc.i18n import N_, _, counted, current_language
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.yamlfiles.edit import scalar

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
    lang = current_language()
    indicators = owed(catalog, agency, cycle, "indicator")
    answers = owed(catalog, agency, cycle, "answer")
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "#",
        f"# {catalog.agency_name(agency, lang)} — {cycle.title.get(lang)}",
        *_comment(
            _("Written by `hcmlc new-submission`: {owed}.").format(
                owed=describe_owed(cycle, indicators, answers)
            ),
            _(
                "For each item you supply, remove the `# ` before its lines (in VS Code: select "
                "them, then Ctrl+/), write each value after its colon and delete the lines you "
                "leave empty."
            ),
            _("Then check the file with `hcmlc validate`."),
        ),
        f"agency: {scalar(agency) or json.dumps(agency)}",  # an id `on` is a text, not True
        f"cycle: {json.dumps(cycle.id)}",
        *_comment(_("The office and person who prepared the file:"), prefix="##"),
        "# prepared_by:",
        *_comment(
            _(
                "The day you deliver the file (YYYY-MM-DD); the progress report compares it "
                "with the deadline:"
            ),
            prefix="##",
        ),
        "# submitted:",
    ]
    if indicators:
        years = (
            str(cycle.first_year)
            if cycle.first_year == cycle.last_year
            else _("{first} to {last}").format(first=cycle.first_year, last=cycle.last_year)
        )
        note = _("`year:` is the year a figure describes: {years}.").format(years=years)
        lines += ["", "indicators:", f"  ## {note}"]
        for item in indicators:
            lines += ["", *_indicator(catalog.indicators[item], cycle, lang)]
    if answers:
        lines += ["", "answers:"]
        for item in answers:
            lines += ["", *_answer(catalog.questions[item], cycle, lang)]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


def _comment(*paragraphs: str, prefix: str = "#", width: int = 92) -> Iterator[str]:
    """Paragraphs as comment lines (`# …`) of at most `width` characters."""
    for paragraph in paragraphs:
        line = prefix
        for word in paragraph.split():
            if len(line) + 1 + len(word) > width and line != prefix:
                yield line
                line = prefix
            line += " " + word
        yield line


def describe_owed(cycle: Cycle, indicators: list[str], answers: list[str]) -> str:
    """`27 indicators due 2023-08-31, 16 answers due 2023-09-30`, in the interface's language."""
    parts = []
    if indicators:
        parts.append(
            _("{indicators} due {date}").format(
                indicators=counted(len(indicators), "{n} indicator", "{n} indicators"),
                date=cycle.deadlines.indicators,
            )
        )
    if answers:
        parts.append(
            _("{answers} due {date}").format(
                answers=counted(len(answers), "{n} answer", "{n} answers"),
                date=cycle.deadlines.answers,
            )
        )
    return ", ".join(parts)


def describe_unit(unit: Unit) -> str:
    """`a number in percent, from 0 to 100`, `a whole number (count), 0 or more`."""
    rule = UNIT_BOUNDS[unit]
    if math.isinf(rule.high):
        template = (
            _("a whole number ({unit}), {low} or more")
            if rule.whole
            else _("a number in {unit}, {low} or more")
        )
    else:
        template = _("a number in {unit}, from {low} to {high}")
    return template.format(unit=unit.value, low=f"{rule.low:g}", high=f"{rule.high:g}")


def _indicator(indicator: Indicator, cycle: Cycle, lang: str) -> Iterator[str]:
    yield f"  ## {indicator.id} — {indicator.text.get(lang)}"
    if indicator.parts:
        yield from _parts(indicator, cycle, lang)
        return
    if indicator.unit is not None:
        measure = describe_unit(indicator.unit)
        fields = ["value:", f"unit: {indicator.unit.value}", "year:", "source:"]
    else:
        assert indicator.scale is not None  # the model guarantees one of unit and scale
        measure = " / ".join(SCALE_STATES[indicator.scale].values())
        fields = ["value:", "year:", "source:"]
    due = _("due {date}").format(date=cycle.deadlines.indicators)
    yield f"  ## {measure} · {due}"
    yield from _stub(indicator.id, fields)


def _parts(indicator: Indicator, cycle: Cycle, lang: str) -> Iterator[str]:
    """The block of an indicator that asks for several figures: one line per part."""
    if indicator.ratio:
        measure = _(
            "two whole counts, the first out of the second: hcmlc computes the {unit}"
        ).format(unit=indicator.unit)
    else:
        measure = _("{n} figures, each {rule}; the first is the indicator's value").format(
            n=len(indicator.parts), rule=describe_unit(indicator.part_unit())
        )
    due = _("due {date}").format(date=cycle.deadlines.indicators)
    yield f"  ## {measure} · {due}"
    notes = {f"  {p.id}:": p.text.get(lang) for p in indicator.parts}
    yield from _stub(indicator.id, ["parts:", *notes, "year:", "source:"], notes)


def _answer(question: Question, cycle: Cycle, lang: str) -> Iterator[str]:
    yield f"  ## {question.id} — {question.text.get(lang)}"
    about: list[str] = [_(_KINDS[question.kind])]
    if question.unit:
        about.append(describe_unit(question.unit))
    if question.words:
        about.append(_limit(question.words, "word"))
    if question.photos:
        about.append(
            _("{photos}, each with caption and copyright").format(
                photos=_limit(question.photos, "photo")
            )
        )
    if question.options:
        about.append(
            _("one of {options}").format(options=" / ".join(o.id for o in question.options))
        )
    if question.kind == "quote":
        about.append(_("date as YYYY-MM-DD"))
    due = _("due {date}").format(date=cycle.deadlines.answers)
    yield f"  ## {', '.join(about)} · {due}"
    if question.kind == "contact":
        labels = {f"{f.id}:": f.label.get(lang) for f in question.fields}
        yield from _stub(question.id, list(labels), labels)
    else:
        yield from _stub(question.id, _FIELDS[question.kind])


_KINDS = {
    "text": N_("text"),
    "figure": N_("figure"),
    "contact": N_("contact"),
    "choice": N_("choice"),
    "photos": N_("photos"),
    "quote": N_("quote"),
}


def _limit(limit: WordLimit, noun: str) -> str:
    """`20 to 30 words`, `at most 8 words`, `at least 3 photos`, in the interface's language."""

    def n(count: int) -> str:
        if noun == "word":
            return counted(count, "{n} word", "{n} words")
        return counted(count, "{n} photo", "{n} photos")

    if limit.min and limit.max:
        return _("{min} to {max}").format(min=limit.min, max=n(limit.max))
    if limit.max:
        return _("at most {limit}").format(limit=n(limit.max))
    return _("at least {limit}").format(limit=n(limit.min or 0))


def _stub(item: str, fields: list[str], notes: dict[str, str] | None = None) -> Iterator[str]:
    """`item`'s block, commented; a note stays a comment at the end of its line when uncommented."""
    yield f"  # {item}:"
    width = max(len(f) for f in fields)
    for field in fields:
        note = (notes or {}).get(field)
        yield f"  #   {field.ljust(width)}  # {note}" if note else f"  #   {field}"
