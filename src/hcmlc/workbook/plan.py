"""What an agency's workbook holds for a cycle: its rows, input cells, rules and pre-filled values.

Pure: built from the catalog, the cycle and the agency's submission as plain data; `build.py`
writes it with openpyxl, `read.py` finds its rows again by their ids. What the agency owes comes
from `scaffold.owed` (the catalog's owners in the cycle, and the cycle's deadlines), as for
`new-submission`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Literal

from hcmlc.catalog import Catalog
from hcmlc.checks import ItemKind
from hcmlc.i18n import Lang
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.scaffold import owed
from hcmlc.values import UNIT_BOUNDS
from hcmlc.workbook import labels
from hcmlc.workbook.cells import CellValue, FieldKind, normalise, prefill, shown

SheetKey = Literal["indicators", "answers"]

FORMAT_VERSION = 1
"""The layout's version, kept in the hidden sheet: a reader knows what it reads."""
HEADER_ROW = 3
"""Row of the column headings on the indicators and answers sheets; data rows follow."""
TEXT_LIMIT = 2000
"""Characters a source, evidence, note or contact field may take in a cell."""
ANSWER_LIMIT = 32_767
"""Characters of an answer: as many as an Excel cell holds."""


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: its key (heading in `labels.HEADINGS`), width, and whether
    it takes input."""

    key: str
    width: float
    input: bool = False


INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("id", 10),
    Column("criterion", 28),
    Column("indicator", 46),
    Column("measure", 20),
    Column("value", 13, input=True),
    Column("year", 10, input=True),
    Column("source", 30, input=True),
    Column("evidence", 24, input=True),
    Column("note", 26, input=True),
    Column("deadline", 11),
)
ANSWER_COLUMNS: tuple[Column, ...] = (
    Column("id", 20),
    Column("question", 40),
    Column("guidance", 40),
    Column("limit", 13),
    Column("first", 55, input=True),
    Column("second", 55, input=True),
    Column("words_first", 9),
    Column("words_second", 9),
    Column("deadline", 11),
)
COLUMNS: dict[SheetKey, tuple[Column, ...]] = {
    "indicators": INDICATOR_COLUMNS,
    "answers": ANSWER_COLUMNS,
}

INDICATOR_FIELDS = {"value": "value", "year": "year", "source": "source"} | {
    "evidence": "evidence",
    "note": "note",
}
"""Input column → the field of an indicator's entry it fills."""


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


@dataclass(frozen=True)
class Input:
    """One input cell: the field it fills, how it is read, its rule and pre-filled value."""

    field: str
    kind: FieldKind
    rule: Rule
    value: CellValue = None
    """What the cell holds when the workbook is made: the agency's earlier answer."""
    base: str = ""
    """`value` as read back: the cell is unchanged while it reads this."""
    percent: bool = False


@dataclass(frozen=True)
class Row:
    """One row of a data sheet, found again by its `key` (the id cell)."""

    key: str
    kind: ItemKind
    item: str
    cells: dict[str, str]
    """Locked columns: column key → text."""
    inputs: dict[str, Input]
    """Input columns: column key → input."""
    signature: str
    """What the row asks, in short (`unit:percent`): kept to tell when data/ changed it."""
    words: WordLimit | None = None


@dataclass(frozen=True)
class Plan:
    """The whole workbook of one agency for one cycle."""

    agency: str
    agency_name: str
    cycle: Cycle
    lang: Lang
    indicators: list[Row]
    answers: list[Row]
    top: dict[str, Input]
    """The inputs of the instructions sheet: `prepared_by`, `submitted`."""
    elsewhere: list[str]
    """Questions owed that a workbook cannot hold (photos), as their texts."""
    data: dict[str, str] = field(default_factory=dict)
    """Fingerprint of data/: file → SHA-256."""
    contact: str | None = None

    def rows(self, sheet: SheetKey) -> list[Row]:
        return self.indicators if sheet == "indicators" else self.answers

    @property
    def sheets(self) -> list[SheetKey]:
        """The data sheets this workbook has: only those with rows."""
        keys: tuple[SheetKey, ...] = ("indicators", "answers")
        return [key for key in keys if self.rows(key)]


def make_plan(
    catalog: Catalog,
    agency: str,
    cycle: Cycle,
    lang: Lang,
    supplied: dict[str, Any] | None,
    data: dict[str, str],
    contact: str | None = None,
) -> Plan:
    """The workbook of `agency` for `cycle`, pre-filled from `supplied` (the plain data of its
    submission file, if any)."""
    supplied = supplied if isinstance(supplied, dict) else {}
    entries = _section(supplied, "indicators")
    answers = _section(supplied, "answers")
    indicator_rows = [
        _indicator_row(catalog, catalog.indicators[item], cycle, lang, entries.get(item))
        for item in owed(catalog, agency, cycle, "indicator")
    ]
    answer_rows: list[Row] = []
    elsewhere = []
    for item in owed(catalog, agency, cycle, "answer"):
        question = catalog.questions[item]
        if question.kind == "photos":
            elsewhere.append(question.text.get(lang))
        else:
            answer_rows += _answer_rows(question, cycle, lang, answers.get(item))
    top = {
        "prepared_by": _input(
            "prepared_by", "text", _text_rule("prepared_by", TEXT_LIMIT, lang), supplied
        ),
        "submitted": _input("submitted", "date", _date_rule("submitted", lang), supplied),
    }
    return Plan(
        agency=agency,
        agency_name=catalog.agency_name(agency, lang),
        cycle=cycle,
        lang=lang,
        indicators=indicator_rows,
        answers=answer_rows,
        top=top,
        elsewhere=elsewhere,
        data=data,
        contact=contact,
    )


def _section(supplied: dict[str, Any], name: str) -> dict[str, Any]:
    section = supplied.get(name)
    return section if isinstance(section, dict) else {}


def _input(name: str, kind: FieldKind, rule: Rule, entry: Any, *, percent: bool = False) -> Input:
    """The input filling `name` of `entry`, pre-filled with what the entry says."""
    earlier = entry.get(name) if isinstance(entry, dict) else None
    if not isinstance(earlier, str):
        return Input(name, kind, rule, percent=percent)
    value = prefill(normalise(earlier) if kind == "text" else earlier, kind)
    return Input(name, kind, rule, value, shown(earlier, kind, percent=percent), percent)


def _indicator_row(
    catalog: Catalog, indicator: Indicator, cycle: Cycle, lang: Lang, entry: Any
) -> Row:
    criterion = catalog.criterion_of[indicator.id]
    percent = indicator.unit is Unit.PERCENT
    inputs = {
        "value": _input("value", *_value_rule(indicator, lang), entry, percent=percent),
        "year": _input("year", "year", _year_rule(cycle, lang), entry),
        "source": _input("source", "text", _text_rule("source", TEXT_LIMIT, lang), entry),
        "evidence": _input("evidence", "text", _text_rule("evidence", TEXT_LIMIT, lang), entry),
        "note": _input("note", "text", _text_rule("note", TEXT_LIMIT, lang), entry),
    }
    signature = f"unit:{indicator.unit}" if indicator.unit else f"scale:{indicator.scale}"
    return Row(
        key=indicator.id,
        kind="indicator",
        item=indicator.id,
        cells={
            "criterion": f"{criterion.label or criterion.id} {criterion.title.get(lang)}",
            "indicator": indicator.text.get(lang),
            "measure": labels.measure(indicator.unit, indicator.scale, lang),
            "deadline": labels.date(cycle.deadlines.indicators, lang),
        },
        inputs=inputs,
        signature=signature,
    )


def _answer_rows(question: Question, cycle: Cycle, lang: Lang, answer: Any) -> list[Row]:
    """A text or quote: one row with both languages (a quote adds a row for its date); a
    contact: a row per field; a figure: rows for value, year and source; a choice: one row."""
    due = labels.date(cycle.deadlines.answers, lang)
    text = question.text.get(lang)
    guidance = question.guidance.get(lang) if question.guidance else ""

    def row(key: str, shown_text: str, inputs: dict[str, Input], signature: str) -> Row:
        words = question.words if "second" in inputs else None
        limit = _word_limit(words, lang) if words else ""
        cells = {"question": shown_text, "guidance": guidance, "limit": limit, "deadline": due}
        return Row(key, "answer", question.id, cells, inputs, signature, words)

    if question.kind in ("text", "quote"):
        limit = f", {_word_limit(question.words, lang)}" if question.words else ""
        inputs = {
            "first": _input("vi", "text", _answer_rule("answer-vi", limit, lang), answer),
            "second": _input("en", "text", _answer_rule("answer-en", limit, lang), answer),
        }
        rows = [row(question.id, text, inputs, question.kind)]
        if question.kind == "quote":
            date = _input("date", "date", _date_rule("date", lang), answer)
            rows.append(row(f"{question.id}/date", text, {"first": date}, "quote:date"))
        return rows
    if question.kind == "contact":
        return [
            row(
                f"{question.id}/{option.id}",
                f"{text} — {option.label.get(lang)}",
                {
                    "first": _input(
                        option.id, "text", _field_rule(option.label.get(lang), lang), answer
                    )
                },
                f"contact:{option.id}",
            )
            for option in question.fields
        ]
    if question.kind == "figure":
        unit = question.unit
        value_rule = _quantity_rule(unit, lang) if unit else _open_rule(lang)
        parts = {
            "value": _input("value", "number", value_rule, answer, percent=unit is Unit.PERCENT),
            "year": _input("year", "year", _year_rule(cycle, lang), answer),
            "source": _input("source", "text", _text_rule("source", TEXT_LIMIT, lang), answer),
        }
        return [
            row(f"{question.id}/{name}", text, {"first": part}, f"figure:{unit}:{name}")
            for name, part in parts.items()
        ]
    assert question.kind == "choice"
    options = [o.id for o in question.options]
    rule = _list_rule(options, "choice", ", ".join(options), lang)
    choice = _input("choice", "choice", rule, answer)
    return [row(question.id, text, {"first": choice}, "choice:" + "|".join(options))]


def _word_limit(words: WordLimit | None, lang: Lang) -> str:
    if words is None:
        return ""
    if words.min and words.max:
        return labels.WORD_LIMITS["range"][lang].format(min=words.min, max=words.max)
    if words.max:
        return labels.WORD_LIMITS["max"][lang].format(max=words.max)
    return labels.WORD_LIMITS["min"][lang].format(min=words.min)


def _value_rule(indicator: Indicator, lang: Lang) -> tuple[FieldKind, Rule]:
    if indicator.unit is not None:
        return "number", _quantity_rule(indicator.unit, lang)
    assert indicator.scale is not None  # the model guarantees one of unit and scale
    words = labels.states(indicator.scale)
    return "state", _list_rule(
        words, "state", " / ".join(labels.state_words(indicator.scale, lang)), lang
    )


def _quantity_rule(unit: Unit, lang: Lang) -> Rule:
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


def _open_rule(lang: Lang) -> Rule:
    """A figure without a unit: any number of 0 or more."""
    shown_range = "≥ 0"
    prompt = labels.PROMPTS["number"][lang].format(range=shown_range)
    error = labels.ERRORS["range"][lang].format(range=shown_range)
    return Rule(
        "decimal", "greaterThanOrEqual", "0", None, labels.HEADINGS["value"][lang], prompt, error
    )


def _list_rule(items: list[str], prompt: str, shown_items: str, lang: Lang) -> Rule:
    formula = '"' + ",".join(items) + '"'
    message = labels.PROMPTS[prompt][lang].format(states=shown_items, options=shown_items)
    title = labels.HEADINGS["value" if prompt == "state" else "first"][lang]
    return Rule("list", "between", formula, None, title, message, labels.ERRORS["list"][lang])


def _year_rule(cycle: Cycle, lang: Lang) -> Rule:
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


def _date_rule(prompt: str, lang: Lang) -> Rule:
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


def _text_rule(prompt: str, limit: int, lang: Lang) -> Rule:
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
        labels.ERRORS["length"][lang].format(limit=labels.number(limit, lang)),
    )


def _answer_rule(prompt: str, limit: str, lang: Lang) -> Rule:
    heading = labels.HEADINGS["first" if prompt == "answer-vi" else "second"][lang]
    return Rule(
        "textLength",
        "lessThanOrEqual",
        str(ANSWER_LIMIT),
        None,
        heading,
        labels.PROMPTS[prompt][lang].format(limit=limit),
        labels.ERRORS["length"][lang].format(limit=labels.number(ANSWER_LIMIT, lang)),
    )


def _field_rule(label: str, lang: Lang) -> Rule:
    return Rule(
        "textLength",
        "lessThanOrEqual",
        str(TEXT_LIMIT),
        None,
        label[:32],
        labels.PROMPTS["field"][lang].format(label=label),
        labels.ERRORS["length"][lang].format(limit=labels.number(TEXT_LIMIT, lang)),
    )


def _serial(day: dt.date) -> int:
    """Excel's serial number of a day (1900 date system)."""
    return (day - dt.date(1899, 12, 30)).days
