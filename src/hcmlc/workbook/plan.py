"""What an agency's workbook holds for a cycle: its rows, input cells, rules and pre-filled values.

Pure: built from the catalog, the cycle and the agency's submission as plain data; `build.py`
writes it with openpyxl, `read.py` finds its rows again by their ids. What the agency owes comes
from `scaffold.owed` (the catalog's owners in the cycle, and the cycle's deadlines), as for
`new-submission`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.documents.scaffold import owed
from hcmlc.i18n import Lang
from hcmlc.models.framework import Indicator, Unit
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.workbook import labels
from hcmlc.workbook.cells import (
    NUMBER_FORMAT,
    CellValue,
    FieldKind,
    RawCell,
    cell_text,
    normalise,
    prefill,
)
from hcmlc.workbook.rules import (
    TEXT_LIMIT,
    Rule,
    answer_rule,
    date_rule,
    field_rule,
    list_rule,
    open_rule,
    quantity_rule,
    text_rule,
    value_rule,
    word_limit,
    year_rule,
)

SheetKey = Literal["indicators", "answers"]

FORMAT_VERSION = 2
"""The layout's version, kept in the hidden sheet: a reader knows what it reads."""
HEADER_ROW = 3
"""Row of the column headings on the indicators and answers sheets; data rows follow."""
AGENCY_ROW = 4
"""Row of the agency on the instructions sheet (the cycle's is the next): where a problem with
the workbook's agency or cycle is shown."""


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
    Column("remove", 11, input=True),
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
    Column("remove", 11, input=True),
)
COLUMNS: dict[SheetKey, tuple[Column, ...]] = {
    "indicators": INDICATOR_COLUMNS,
    "answers": ANSWER_COLUMNS,
}


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
    computed: str | None = None
    """How the row's value cell is computed from the part rows that follow it (`parts.py`):
    `percent` or `per_100k` for a ratio's share, `` for a cell left empty; None: an input."""
    parts: int = 0
    """How many part rows follow this one (an indicator with `parts`)."""
    unused: tuple[str, ...] = ()
    """Columns locked and greyed on this row: nothing to type there."""


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


class Planner:
    """Plans the workbooks of one cycle in one language. What a row asks (its texts and rules)
    is worked out once per item, however many agencies owe it; each plan adds the values."""

    def __init__(
        self,
        catalog: Catalog,
        cycle: Cycle,
        lang: Lang,
        data: dict[str, str],
        contact: str | None = None,
    ) -> None:
        self.catalog, self.cycle, self.lang, self.data, self.contact = (
            catalog,
            cycle,
            lang,
            data,
            contact,
        )
        self._rows: dict[tuple[ItemKind, str], list[Row]] = {}
        self._top = {
            "prepared_by": Input("prepared_by", "text", text_rule("prepared_by", TEXT_LIMIT, lang)),
            "submitted": Input("submitted", "date", date_rule("submitted", lang)),
        }

    def plan(self, agency: str, supplied: dict[str, Any] | None) -> Plan:
        """The workbook of `agency`, pre-filled from `supplied` (its submission's plain data)."""
        supplied = supplied if isinstance(supplied, dict) else {}
        entries = _section(supplied, "indicators")
        answers = _section(supplied, "answers")
        indicators = [
            _filled(row, entries.get(item))
            for item in owed(self.catalog, agency, self.cycle, "indicator")
            for row in self._skeleton("indicator", item)
        ]
        rows: list[Row] = []
        elsewhere = []
        for item in owed(self.catalog, agency, self.cycle, "answer"):
            question = self.catalog.questions[item]
            if question.kind == "photos":
                elsewhere.append(question.text.get(self.lang))
            else:
                rows += [_filled(row, answers.get(item)) for row in self._skeleton("answer", item)]
        return Plan(
            agency=agency,
            agency_name=self.catalog.agency_name(agency, self.lang),
            cycle=self.cycle,
            lang=self.lang,
            indicators=indicators,
            answers=rows,
            top={name: _fill(top, supplied) for name, top in self._top.items()},
            elsewhere=elsewhere,
            data=self.data,
            contact=self.contact,
        )

    def _skeleton(self, kind: ItemKind, item: str) -> list[Row]:
        """The rows of an item, without values."""
        key = (kind, item)
        if key not in self._rows:
            if kind == "indicator":
                indicator = self.catalog.indicators[item]
                self._rows[key] = _indicator_rows(self.catalog, indicator, self.cycle, self.lang)
            else:
                question = self.catalog.questions[item]
                self._rows[key] = _answer_rows(question, self.cycle, self.lang)
        return self._rows[key]


def _section(supplied: dict[str, Any], name: str) -> dict[str, Any]:
    section = supplied.get(name)
    return section if isinstance(section, dict) else {}


def _input(name: str, kind: FieldKind, rule: Rule, *, percent: bool = False) -> Input:
    return Input(name, kind, rule, percent=percent)


def _filled(row: Row, entry: Any) -> Row:
    """`row` with its inputs pre-filled from `entry` (the item's entry in the submission)."""
    if not isinstance(entry, dict):
        return row
    return replace(row, inputs={column: _fill(i, entry) for column, i in row.inputs.items()})


def _fill(empty: Input, entry: dict[str, Any]) -> Input:
    """The input pre-filled with what `entry` says of its field (a text; anything else, as a
    mapping where a text belongs, leaves it empty)."""
    earlier = field_at(entry, empty.field)
    if not isinstance(earlier, str):
        return empty
    kind = empty.kind
    value = prefill(normalise(earlier) if kind == "text" else earlier, kind)
    base = cell_text(RawCell(value, NUMBER_FORMAT[kind]), kind, percent=empty.percent)
    return Input(empty.field, kind, empty.rule, value, base, empty.percent)  # = `shown(earlier)`


def field_at(entry: dict[str, Any], field: str) -> Any:
    """What `entry` holds of `field`, a name or a path (`official-title/en`); a plain text
    where a path goes on into languages is its Vietnamese (as models.common reads it)."""
    found: Any = entry
    for part in field.split("/"):
        if isinstance(found, str) and part == "vi":
            return found
        if not isinstance(found, dict):
            return None
        found = found.get(part)
    if isinstance(found, dict) and isinstance(found.get("vi"), str):
        return found["vi"]  # a field given in two languages where the workbook asks one
    return found


def _indicator_rows(catalog: Catalog, indicator: Indicator, cycle: Cycle, lang: Lang) -> list[Row]:
    """An indicator's row; one with `parts` adds a row per part below it (`parts.py`)."""
    row = _indicator_row(catalog, indicator, cycle, lang)
    if not indicator.parts:
        return [row]
    from hcmlc.workbook.parts import parts_rows  # here: parts.py builds on Row

    return parts_rows(row, indicator, lang)


def _indicator_row(catalog: Catalog, indicator: Indicator, cycle: Cycle, lang: Lang) -> Row:
    criterion = catalog.criterion_of[indicator.id]
    percent = indicator.unit is Unit.PERCENT
    inputs = {
        "value": _input("value", *value_rule(indicator, lang), percent=percent),
        "year": _input("year", "year", year_rule(cycle, lang)),
        "source": _input("source", "text", text_rule("source", TEXT_LIMIT, lang)),
        "evidence": _input("evidence", "text", text_rule("evidence", TEXT_LIMIT, lang)),
        "note": _input("note", "text", text_rule("note", TEXT_LIMIT, lang)),
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


def _answer_rows(question: Question, cycle: Cycle, lang: Lang) -> list[Row]:
    """A text or quote: one row with both languages (a quote adds a row for its date); a
    contact: a row per field; a figure: rows for value, year and source; a choice: one row."""
    due = labels.date(cycle.deadlines.answers, lang)
    text = question.text.get(lang)
    guidance = question.guidance.get(lang) if question.guidance else ""

    def row(key: str, shown_text: str, inputs: dict[str, Input], signature: str) -> Row:
        words = question.words if "second" in inputs else None
        limit = word_limit(words, lang) if words else ""
        cells = {"question": shown_text, "guidance": guidance, "limit": limit, "deadline": due}
        return Row(key, "answer", question.id, cells, inputs, signature, words)

    if question.kind in ("text", "quote"):
        limit = f", {word_limit(question.words, lang)}" if question.words else ""
        inputs = {
            "first": _input("vi", "text", answer_rule("answer-vi", limit, lang)),
            "second": _input("en", "text", answer_rule("answer-en", limit, lang)),
        }
        rows = [row(question.id, text, inputs, question.kind)]
        if question.kind == "quote":
            date = _input("date", "date", date_rule("date", lang))
            rows.append(row(f"{question.id}/date", text, {"first": date}, "quote:date"))
        return rows
    if question.kind == "contact":
        rows = []
        for option in question.fields:
            rule = field_rule(option.label.get(lang), lang)
            inputs = {"first": _input(option.id, "text", rule)}
            if option.translate:  # printed in words: its Vietnamese and its English, each a cell
                inputs = {
                    "first": _input(f"{option.id}/vi", "text", rule),
                    "second": _input(f"{option.id}/en", "text", rule),
                }
            key, shown_text = f"{question.id}/{option.id}", f"{text} — {option.label.get(lang)}"
            rows.append(row(key, shown_text, inputs, f"contact:{option.id}"))
        return rows
    if question.kind == "figure":
        unit = question.unit
        value_rule = quantity_rule(unit, lang) if unit else open_rule(lang)
        parts = {
            "value": _input("value", "number", value_rule, percent=unit is Unit.PERCENT),
            "year": _input("year", "year", year_rule(cycle, lang)),
            "source": _input("source", "text", text_rule("source", TEXT_LIMIT, lang)),
        }
        return [
            row(f"{question.id}/{name}", text, {"first": part}, f"figure:{unit}:{name}")
            for name, part in parts.items()
        ]
    assert question.kind == "choice"
    options = [o.id for o in question.options]
    rule = list_rule(options, "choice", ", ".join(options), lang)
    choice = _input("choice", "choice", rule)
    return [row(question.id, text, {"first": choice}, "choice:" + "|".join(options))]
