"""The rows of an indicator with `parts` read back: judged as a group before they are merged.

An indicator's own row and its part rows (`parts.py`) go together: they must stay in their
order, right below each other; the share cell must still hold a formula computing from the two
count cells (its value is never read: hcmlc computes the share again); the cells a part row
does not take must stay empty; each part must be a number of its unit, every part given or
none, and a ratio's numerator not above its denominator. Each problem names the cells to fix, in
the workbook's own words; a group with a problem is not merged, so it is told once. An indicator
whose parts data/ changed since the workbook was made is refused when the agency changed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hcmlc.core.catalog import Catalog
from hcmlc.core.values import UNIT_BOUNDS
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import Lang, _
from hcmlc.models.framework import Indicator, Unit
from hcmlc.text.numerals import Refusal, read_number
from hcmlc.workbook import labels
from hcmlc.workbook.cells import Cell, CellProblem, cell_text
from hcmlc.workbook.decimals import read_decimal
from hcmlc.workbook.formats import is_percent_format
from hcmlc.workbook.parts import INDICATOR_INPUTS
from hcmlc.workbook.plan import Plan, SheetKey
from hcmlc.workbook.read import Input, Returned, ReturnedRow

_REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")
_PARTS = ";parts:"


@dataclass(frozen=True)
class _Part:
    """A part's cell as returned, with its name in the workbook's language."""

    id: str
    name: str
    cell: Input


class PartsProblem(Exception):
    """One problem of a group: where, its code, message and hint."""

    def __init__(self, at: Cell, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.at, self.code, self.hint = at, code, hint


def judge_parts(
    catalog: Catalog, returned: Returned, now: Plan
) -> tuple[dict[SheetKey, list[ReturnedRow]], list[Diagnostic]]:
    """The rows to merge (part groups checked, each left with the cells it fills) and the
    problems of the groups that are not."""
    rows = returned.rows.get("indicators")
    if not rows:
        return returned.rows, []
    meta = returned.meta
    recorded = meta.signatures
    by_key = {row.key: row for row in rows}
    planned = {row.key: row for row in now.indicators}
    grouped = {
        key.split("/", 1)[0]
        for (sheet, key), signature in recorded.items()
        if sheet == "indicators" and _PARTS in signature
    } | {row.item for row in now.indicators if row.parts}
    kept: dict[str, ReturnedRow] = {}
    dropped: set[str] = set()
    problems: list[Diagnostic] = []
    for item in sorted(grouped):
        members = [r for r in rows if r.key == item or r.key.startswith(f"{item}/")]
        if not members:
            continue
        dropped |= {r.key for r in members}
        then = recorded.get(("indicators", item))
        own = planned.get(item)
        try:
            if own is None or then != own.signature:
                _outdated(returned, members, item, then, own.signature if own else None)
                continue
            indicator = catalog.indicators[item]
            kept |= {r.key: r for r in _group(returned, indicator, by_key, meta.lang)}
        except PartsProblem as problem:
            at = problem.at
            problems.append(
                Diagnostic(
                    returned.path,
                    at.row,
                    at.column,
                    problem.code,
                    str(problem),
                    problem.hint,
                    sheet=at.sheet,
                )
            )
    merged = [kept.get(r.key, r) for r in rows if r.key not in dropped or r.key in kept]
    return returned.rows | {"indicators": merged}, problems


def _outdated(
    returned: Returned, members: list[ReturnedRow], item: str, then: str | None, now: str | None
) -> None:
    """The indicator's parts changed since the workbook was made: refused if the agency typed
    anything in its rows, else left as the file has it."""
    meta = returned.meta
    edited = any(
        _typed(cell) != meta.base("indicators", row.key, column)
        for row in members
        for column, cell in row.inputs.items()
        if not (column == "value" and cell.raw.formula is not None)
    )
    if not edited or then is None:
        return
    if now is None:
        change = _("indicator {id} is no longer owed, or no longer in data/").format(id=item)
    elif _PARTS in now:
        change = _("indicator {id} now asks for its figures in the rows below it ({parts})").format(
            id=item, parts=", ".join(now.split(_PARTS, 1)[1].split(";")[0].split(","))
        )
    else:
        change = _("indicator {id} now asks for one value").format(id=item)
    raise PartsProblem(
        members[0].at,
        "HCMLC-E072",
        _("the indicator changed since the workbook was made: {change}").format(change=change),
        _(
            "ask the coordinator for a fresh workbook (hcmlc workbook --agency {agency} --cycle "
            "{cycle}) and type these figures there"
        ).format(agency=meta.agency, cycle=meta.cycle),
    )


def _group(
    returned: Returned, indicator: Indicator, by_key: dict[str, ReturnedRow], lang: Lang
) -> list[ReturnedRow]:
    """The group's rows, each with only the cells it fills, once they are sound."""
    keys = [indicator.id, *(f"{indicator.id}/{p.id}" for p in indicator.parts)]
    present = [by_key[k] for k in keys if k in by_key]
    if len(present) != len(keys):
        missing = next(k for k in keys if k not in by_key)
        raise PartsProblem(
            present[0].at,
            "HCMLC-E071",
            _("the row {key} is missing: indicator {id} needs its {n} rows together").format(
                key=missing, id=indicator.id, n=len(keys)
            ),
            _("undo the deletion, or ask the coordinator for a fresh workbook"),
        )
    own, *rows = present
    for offset, row in enumerate(rows, start=1):
        if row.at.row != own.at.row + offset:
            raise PartsProblem(
                row.at,
                "HCMLC-E071",
                _(
                    "the rows of indicator {id} were moved apart: {key} is on row {row}, not "
                    "right below row {own}"
                ).format(id=indicator.id, key=row.key, row=row.at.row, own=own.at.row),
                _("move rows {rows} back right below row {own}, in this order: {keys}").format(
                    rows=", ".join(str(r.at.row) for r in rows),
                    own=own.at.row,
                    keys=", ".join(r.key for r in rows),
                ),
            )
    parts = [
        _Part(p.id, p.text.get(lang), row.inputs["value"])
        for p, row in zip(indicator.parts, rows, strict=True)
    ]
    _share_cell(own, indicator, parts, lang)
    for row in rows:
        _unused(row, own, indicator, lang)
    _figures(own, indicator, parts, returned, lang)
    return [
        replace(own, inputs={c: i for c, i in own.inputs.items() if c in INDICATOR_INPUTS}),
        *(replace(r, inputs={"value": r.inputs["value"]}) for r in rows),
    ]


def _share_cell(own: ReturnedRow, indicator: Indicator, parts: list[_Part], lang: Lang) -> None:
    """The value cell of the indicator's row: a ratio's formula, or empty."""
    cell = own.inputs["value"]
    heading = labels.HEADINGS["value"][lang]
    cells = _and([p.cell.at.reference for p in parts])
    where = cell.at.reference
    if not indicator.ratio:
        if _filled(cell):
            raise PartsProblem(
                cell.at,
                "HCMLC-E071",
                _(
                    "{cell} ({heading}) takes nothing: the figures of indicator {id} go in {cells}"
                ).format(cell=where, heading=heading, id=indicator.id, cells=cells),
                _("clear {cell} and type each figure in its own row: {cells}").format(
                    cell=where, cells=cells
                ),
            )
        return
    first, second = (p.cell.at.reference for p in parts)
    hint = _(
        "type the two counts in {first} ({first_name}) and {second} ({second_name}), and "
        "type the formula ={first}/{second} back in {cell} (or ask for a fresh workbook)"
    ).format(
        first=first, second=second, first_name=parts[0].name, second_name=parts[1].name, cell=where
    )
    formula = cell.raw.formula
    if formula is None:
        if _filled(cell):
            message = _(
                "{cell} ({heading}) shows the share the workbook computes from {first} and "
                "{second}, but {value} was typed over its formula"
            ).format(cell=where, heading=heading, first=first, second=second, value=cell.raw.value)
        else:
            message = _(
                "the formula of {cell} ({heading}), which computes the share from {first} and "
                "{second}, was deleted"
            ).format(cell=where, heading=heading, first=first, second=second)
        raise PartsProblem(cell.at, "HCMLC-E071", message, hint)
    used = {f"{c}{r}" for c, r in _REFERENCE.findall(formula.upper())}
    if used != {first, second}:
        raise PartsProblem(
            cell.at,
            "HCMLC-E071",
            _(
                "{cell} ({heading}) no longer computes the share from {first} and {second}: "
                "it holds the formula {formula}"
            ).format(cell=where, heading=heading, first=first, second=second, formula=formula),
            hint,
        )


def _unused(row: ReturnedRow, own: ReturnedRow, indicator: Indicator, lang: Lang) -> None:
    """A part row takes only its figure; the year, source, evidence and note go on its
    indicator's row."""
    for column in INDICATOR_INPUTS:
        cell = row.inputs.get(column)
        if cell is None or not _filled(cell):
            continue
        target = own.inputs[column].at.reference if column in own.inputs else "?"
        heading = labels.HEADINGS[column][lang]
        raise PartsProblem(
            cell.at,
            "HCMLC-E071",
            _(
                "{cell} takes nothing: the {heading} of indicator {id} goes in its own row, "
                "in {target}"
            ).format(cell=cell.at.reference, heading=heading, id=indicator.id, target=target),
            _("move what {cell} holds to {target}").format(cell=cell.at.reference, target=target),
        )


def _figures(
    own: ReturnedRow, indicator: Indicator, parts: list[_Part], returned: Returned, lang: Lang
) -> None:
    """Each part a number of its unit; all given or none; a numerator within its denominator."""
    numbers: list[float | None] = [_number(p, indicator, parts, returned) for p in parts]
    given = [p for p, n in zip(parts, numbers, strict=True) if n is not None]
    empty = [p for p, n in zip(parts, numbers, strict=True) if n is None]
    if empty and given:
        part = empty[0]
        raise PartsProblem(
            part.cell.at,
            "HCMLC-E064",
            _("{cell} ({name}) is empty, but {other} ({other_name}) is filled").format(
                cell=part.cell.at.reference,
                name=part.name,
                other=given[0].cell.at.reference,
                other_name=given[0].name,
            ),
            _("type {name} in {cell}; to leave indicator {id} out, clear {cells} as well").format(
                name=part.name,
                cell=part.cell.at.reference,
                id=indicator.id,
                cells=_and([p.cell.at.reference for p in given]),
            ),
        )
    if empty:
        typed = [c for n, c in own.inputs.items() if n in INDICATOR_INPUTS and _filled(c)]
        if typed:
            cells = _and([p.cell.at.reference for p in parts])
            raise PartsProblem(
                parts[0].cell.at,
                "HCMLC-E064",
                _("the figures of indicator {id} are empty ({cells}), but {cell} is filled").format(
                    id=indicator.id, cells=cells, cell=typed[0].at.reference
                ),
                _("type {names} in {cells}; to leave the indicator out, clear row {row}").format(
                    names=_and([p.name for p in parts]), cells=cells, row=own.at.row
                ),
            )
        return
    if not indicator.ratio:
        return
    numerator, denominator = numbers
    assert numerator is not None and denominator is not None
    top, bottom = parts
    if denominator == 0:
        raise PartsProblem(
            bottom.cell.at,
            "HCMLC-E064",
            _("{cell} ({name}) is 0").format(cell=bottom.cell.at.reference, name=bottom.name),
            _("type in {cell} the total that {first} ({first_name}) is counted out of").format(
                cell=bottom.cell.at.reference, first=top.cell.at.reference, first_name=top.name
            ),
        )
    if numerator > denominator:
        message = _("{first} ({first_name}: {n:g}) is above {second} ({second_name}: {d:g})")
        if indicator.unit is Unit.PERCENT:
            message = _(
                "{first} ({first_name}: {n:g}) is above {second} ({second_name}: {d:g}): the "
                "share would be over 100%"
            )
        raise PartsProblem(
            top.cell.at,
            "HCMLC-E064",
            message.format(
                first=top.cell.at.reference,
                first_name=top.name,
                n=numerator,
                second=bottom.cell.at.reference,
                second_name=bottom.name,
                d=denominator,
            ),
            _(
                "check both counts: the first, {first}, is counted out of the second, {second}"
            ).format(first=top.cell.at.reference, second=bottom.cell.at.reference),
        )


def _number(
    part: _Part, indicator: Indicator, parts: list[_Part], returned: Returned
) -> float | None:
    """The part's figure; None when its cell is empty."""
    cell, where = part.cell, part.cell.at.reference
    try:
        text = cell_text(cell.raw, "number", epoch=returned.epoch)
    except CellProblem as problem:
        raise PartsProblem(cell.at, problem.code, str(problem), problem.hint or "") from None
    if not text:
        return None
    unit = indicator.part_unit()
    counts = _and([f"{p.name} ({p.cell.at.reference})" for p in parts])
    fraction = isinstance(cell.raw.value, float) and not cell.raw.value.is_integer()
    shared = is_percent_format(cell.raw.number_format) or text.endswith("%") or fraction
    if indicator.ratio and shared:
        raise PartsProblem(
            cell.at,
            "HCMLC-E064",
            _("{cell} ({name}) asks for a count, a whole number, not the share {value}").format(
                cell=where, name=part.name, value=text
            ),
            _("type the two counts, {counts}: the workbook computes the share from them").format(
                counts=counts
            ),
        )
    decimal = None if indicator.ratio else read_decimal(text, UNIT_BOUNDS[unit], False)
    number = read_number(decimal or text, UNIT_BOUNDS[unit])
    if not isinstance(number, Refusal):
        return number
    if number.replacement is not None:
        message = _("{cell} ({name}) holds the text {value}, with a separator").format(
            cell=where, name=part.name, value=text
        )
        hint = _("type the number alone, without dots, commas or spaces: {number}").format(
            number=number.replacement
        )
    else:
        shown = labels.measure(unit, None, returned.meta.lang)
        message = _("{cell} ({name}) holds {value}, not {rule}").format(
            cell=where, name=part.name, value=text, rule=shown
        )
        hint = _("type {name} in {cell}: {rule}").format(name=part.name, cell=where, rule=shown)
    raise PartsProblem(cell.at, "HCMLC-E022", message, hint)


def _typed(cell: Input) -> str | None:
    try:
        return cell_text(cell.raw, "number")
    except CellProblem:
        return None


def _filled(cell: Input) -> bool:
    return cell.raw.value not in (None, "") or cell.raw.formula is not None


def _and(items: list[str]) -> str:
    return ", ".join(items)
