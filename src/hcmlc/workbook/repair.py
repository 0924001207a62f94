"""A fresh workbook for an agency whose returned one was refused: `import --repair-to PATH`.

It holds the layout of a workbook made today, its cells pre-filled with everything the import
read with certainty (the values the refused workbook would have written, found by row id and by
an issued column heading), and its hidden sheet's record of pre-filled values taken from the
submission file as it is now: so that importing it back applies those values, and the agency
only mends what was refused instead of typing everything again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from hcmlc.files.atomic import write_atomic
from hcmlc.workbook.build import build_workbook
from hcmlc.workbook.plan import Plan, Planner, Row


def repaired_plan(
    planner: Planner, agency: str, current: dict[str, Any], read: dict[str, Any]
) -> Plan:
    """The workbook of `agency` showing `read` (the submission as the refused workbook would
    have made it), judged against `current` (the submission as it is)."""
    now = planner.plan(agency, current)
    shown = planner.plan(agency, read)
    top = {n: replace(t, value=shown.top[n].value) for n, t in now.top.items()}
    return replace(
        now,
        indicators=_rows(now.indicators, shown.indicators),
        answers=_rows(now.answers, shown.answers),
        top=top,
    )


def _rows(now: list[Row], shown: list[Row]) -> list[Row]:
    """`now`'s rows (same keys, same order), each input holding `shown`'s value."""
    return [
        replace(
            row, inputs={c: replace(i, value=seen.inputs[c].value) for c, i in row.inputs.items()}
        )
        for row, seen in zip(now, shown, strict=True)
    ]


def repair_name(cycle: str, agency: str, lang: str) -> str:
    """The file name of a repaired workbook, beside the one `workbook` makes."""
    return f"workbook-{cycle}-{agency}-{lang}-repaired.xlsx"


def write_repaired(plan: Plan, path: Path, secret: bytes) -> None:
    """The fresh workbook of `plan`, sealed with the coordinator's key like any issued one."""
    write_atomic(path, build_workbook(plan, secret))
