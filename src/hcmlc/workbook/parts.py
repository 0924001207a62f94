"""The rows of an indicator that asks for several figures (`parts`), as a workbook shows them.

Its own row keeps the year, source, evidence and note; below it, one row per part (`mh.1.1.a/
families`) takes that part's figure in the value column, labelled with the part's own name and
unit. For a ratio (two counts), the value cell of the indicator's row is a formula the
spreadsheet computes, so the agency sees the share as it types; `import` never reads it: hcmlc
computes the share again from the counts. The rows of a part are read back by `partcheck.py`.
"""

from __future__ import annotations

from dataclasses import replace

from hcmlc.diagnostics import cell_reference
from hcmlc.i18n import Lang
from hcmlc.models.framework import RATIO_SCALE, Indicator, Part, Unit
from hcmlc.workbook import labels
from hcmlc.workbook.plan import Input, Row
from hcmlc.workbook.rules import Rule, quantity_rule

INDICATOR_INPUTS = ("year", "source", "evidence", "note")
"""The inputs an indicator with parts keeps on its own row; its part rows take only a value."""
SHARE_FORMAT = {"percent": "0.0%", "per_100k": "#,##0.0"}
"""How the computed share shows: 79.6% (79,6% under Vietnamese settings), or per 100,000."""


def parts_rows(row: Row, indicator: Indicator, lang: Lang) -> list[Row]:
    """`row` (the indicator's own row) without its value input, and a row per part below it."""
    assert indicator.unit is not None  # only a quantitative indicator has parts
    ids = ",".join(p.id for p in indicator.parts)
    signature = f"{row.signature};parts:{ids}" + (";ratio" if indicator.ratio else "")
    inputs = {name: cell for name, cell in row.inputs.items() if name in INDICATOR_INPUTS}
    measure = labels.parts_measure(indicator.unit, len(indicator.parts), indicator.ratio, lang)
    own = replace(
        row,
        inputs=inputs,
        signature=signature,
        cells=row.cells | {"measure": measure},
        computed=indicator.unit.value if indicator.ratio else "",
        parts=len(indicator.parts),
    )
    unit = indicator.part_unit()
    shown_unit = labels.measure(unit, None, lang)
    rows = [own]
    for part in indicator.parts:
        value = Input(f"parts/{part.id}", "number", part_rule(part, unit, lang))
        rows.append(
            Row(
                key=f"{indicator.id}/{part.id}",
                kind="indicator",
                item=indicator.id,
                cells={
                    "criterion": "",
                    "indicator": part.text.get(lang),
                    "measure": shown_unit,
                    "deadline": "",
                },
                inputs={"value": value},
                signature=f"part:{unit.value}",
                unused=INDICATOR_INPUTS,
            )
        )
    return rows


def part_rule(part: Part, unit: Unit, lang: Lang) -> Rule:
    """The validation of a part's cell: its unit's, titled and prompted with the part's name."""
    rule = quantity_rule(unit, lang)
    name = part.text.get(lang)
    return replace(rule, title=name[:32], prompt=f"{name}: {rule.prompt}"[:255])


def share_formula(unit: str, first: int, column: int, count: int) -> str:
    """The formula of a ratio's share: the first part's cell over the second's, empty until
    both are numbers and the second is above 0 (`first` is the first part's row)."""
    numerator, denominator = (cell_reference(first + k, column) for k in range(2))
    assert count == 2  # a ratio has two parts (framework model)
    scale = "" if unit == "percent" else f"*{RATIO_SCALE[unit]:g}"  # a percent cell shows %
    condition = f"AND(ISNUMBER({numerator}),ISNUMBER({denominator}),{denominator}>0)"
    return f'=IF({condition},{numerator}/{denominator}{scale},"")'
