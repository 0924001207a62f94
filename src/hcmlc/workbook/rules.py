"""The data validation of each input cell: its kind and bounds, input message and error.

A rule depends on what the cell takes (a unit, a scale, a cycle's years, a date, a text) and on
the workbook's language, never on the agency: the planner works each out once.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from hcmlc.core.values import UNIT_BOUNDS
from hcmlc.i18n import Lang
from hcmlc.models.common import MAX_TEXT
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.registry import Cycle, WordLimit
from hcmlc.text.number_format import format_number
from hcmlc.workbook import labels
from hcmlc.workbook.cells import FieldKind

TEXT_LIMIT = MAX_TEXT
"""Characters a source, evidence, note or contact field may take in a cell: what `import` (and
`validate`) accept of any text, so that what the workbook lets through is never refused."""
ANSWER_LIMIT = MAX_TEXT
"""Characters of an answer, in either language: the same limit (an Excel cell holds more)."""


@dataclass(frozen=True)
class Rule:
    """A data validation: Excel's kind and bounds, the input message and the error message."""

    type: Literal["decimal", "whole", "list", "date", "textLength"]
    operator: str
    formula1: str
    formula2: str | None
    title: str
    prompt: str
    error: str


def word_limit(words: WordLimit | None, lang: Lang) -> str:
    if words is None:
        return ""
    if words.min and words.max:
        return labels.WORD_LIMITS["range"][lang].format(min=words.min, max=words.max)
    if words.max:
        return labels.WORD_LIMITS["max"][lang].format(max=words.max)
    return labels.WORD_LIMITS["min"][lang].format(min=words.min)


def value_rule(indicator: Indicator, lang: Lang) -> tuple[FieldKind, Rule]:
    if indicator.unit is not None:
        return "number", quantity_rule(indicator.unit, lang)
    assert indicator.scale is not None  # the model guarantees one of unit and scale
    words = labels.states(indicator.scale)
    return "state", list_rule(
        words, "state", " / ".join(labels.state_words(indicator.scale, lang)), lang
    )


def quantity_rule(unit: Unit, lang: Lang) -> Rule:
    bounds = UNIT_BOUNDS[unit]
    shown_range = labels.bounds_range(unit, lang)
    kind: Literal["decimal", "whole"] = "whole" if bounds.whole else "decimal"
    if unit is Unit.PERCENT:
        prompt = labels.PROMPTS["percent"][lang]
    else:
        prompt = labels.PROMPTS[kind if kind == "whole" else "number"][lang].format(
            range=shown_range
        )
    error = labels.ERRORS["whole" if bounds.whole else "range"][lang].format(range=shown_range)
    title = f"{labels.HEADINGS['value'][lang]}: {labels.UNIT_NAMES[unit][lang]}"
    if math.isinf(bounds.high):
        return Rule(kind, "greaterThanOrEqual", f"{bounds.low:g}", None, title, prompt, error)
    return Rule(kind, "between", f"{bounds.low:g}", f"{bounds.high:g}", title, prompt, error)


def open_rule(lang: Lang) -> Rule:
    """A figure without a unit: any number of 0 or more."""
    shown_range = "≥ 0"
    prompt = labels.PROMPTS["number"][lang].format(range=shown_range)
    error = labels.ERRORS["range"][lang].format(range=shown_range)
    return Rule(
        "decimal", "greaterThanOrEqual", "0", None, labels.HEADINGS["value"][lang], prompt, error
    )


def list_rule(items: list[str], prompt: str, shown_items: str, lang: Lang) -> Rule:
    formula = '"' + ",".join(items) + '"'
    message = labels.PROMPTS[prompt][lang].format(states=shown_items, options=shown_items)
    title = labels.HEADINGS["value" if prompt == "state" else "first"][lang]
    return Rule("list", "between", formula, None, title, message, labels.ERRORS["list"][lang])


def year_rule(cycle: Cycle, lang: Lang) -> Rule:
    years = {"first": cycle.first_year, "last": cycle.last_year}
    return Rule(
        "whole",
        "between",
        str(cycle.first_year),
        str(cycle.last_year),
        labels.HEADINGS["year"][lang],
        labels.PROMPTS["year"][lang].format(**years),
        labels.ERRORS["year"][lang].format(**years),
    )


def date_rule(prompt: str, lang: Lang) -> Rule:
    first, last = (_serial(dt.date(year, 1, 1)) for year in (1990, 2101))
    title = labels.TEXT[prompt][lang] if prompt in labels.TEXT else labels.HEADINGS["first"][lang]
    return Rule(
        "date",
        "between",
        str(first),
        str(last - 1),
        title,
        labels.PROMPTS[prompt][lang],
        labels.ERRORS["date"][lang],
    )


def text_rule(prompt: str, limit: int, lang: Lang) -> Rule:
    title = (
        labels.HEADINGS[prompt][lang] if prompt in labels.HEADINGS else labels.TEXT[prompt][lang]
    )
    return Rule(
        "textLength",
        "lessThanOrEqual",
        str(limit),
        None,
        title,
        labels.PROMPTS[prompt][lang],
        labels.ERRORS["length"][lang].format(limit=format_number(limit, lang)),
    )


def answer_rule(prompt: str, limit: str, lang: Lang) -> Rule:
    heading = labels.HEADINGS["first" if prompt == "answer-vi" else "second"][lang]
    return Rule(
        "textLength",
        "lessThanOrEqual",
        str(ANSWER_LIMIT),
        None,
        heading,
        labels.PROMPTS[prompt][lang].format(limit=limit),
        labels.ERRORS["length"][lang].format(limit=format_number(ANSWER_LIMIT, lang)),
    )


def field_rule(label: str, lang: Lang) -> Rule:
    return Rule(
        "textLength",
        "lessThanOrEqual",
        str(TEXT_LIMIT),
        None,
        label[:32],
        labels.PROMPTS["field"][lang].format(label=label),
        labels.ERRORS["length"][lang].format(limit=format_number(TEXT_LIMIT, lang)),
    )


def _serial(day: dt.date) -> int:
    """Excel's serial number of a day (1900 date system)."""
    return (day - dt.date(1899, 12, 30)).days
