"""The check of plausibility (plausibility.py) on a workbook being imported: each figure it adds
or changes against the figure it replaces, else the agency's figure of an earlier cycle,
located at its cell, its hint in the workbook's words (the note column, not a YAML key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hcmlc.checks.plausibility import CODE, Previous, implausible, message
from hcmlc.core.catalog import Catalog
from hcmlc.core.figures import WrittenFigures, read_entry
from hcmlc.core.values import ValueProblem
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import Lang, _
from hcmlc.models.registry import Cycle
from hcmlc.workbook.labels import HEADINGS
from hcmlc.workbook.merged import Merged
from hcmlc.workbook.source import submission_source


def check_merged(
    root: Path,
    catalog: Catalog,
    cycle: Cycle,
    agency: str,
    current: dict[str, Any],
    merged: Merged,
    display: str,
    lang: Lang,
) -> list[Diagnostic]:
    """A warning for each figure the workbook adds or changes that is too far from the figure
    it replaces or the agency's latest figure of an earlier cycle; none where a note says why."""
    problems = []
    earlier: dict[str, dict[str, Any]] = {}
    for (kind, item), change in merged.changes.items():
        if kind != "indicator" or change not in ("added", "changed"):
            continue
        entry = _entry(merged.data, item)
        value = _figure(catalog, item, entry)
        if value is None or entry.get("note"):
            continue
        previous = (
            _replaced(catalog, cycle, item, _entry(current, item)) if change == "changed" else None
        )
        previous = previous or _earlier(root, catalog, cycle, agency, item, earlier)
        how = (
            None
            if previous is None
            else implausible(value, previous.value, catalog.indicators[item].unit)
        )
        if previous is None or how is None:
            continue
        cell = merged.cells.get(("indicators", item, "value")) or merged.cells.get(
            ("indicators", item)
        )
        row, column, sheet = (cell.row, cell.column, cell.sheet) if cell else (1, 1, None)
        problems.append(
            Diagnostic(
                display,
                row,
                column,
                CODE,
                message(item, value, previous, how),
                _(
                    "check the figure in this cell (English-language Excel reads a typed 22.500 "
                    "as 22.5: type 22500); if it is right, say why in the column “{note}” and "
                    "the warning goes"
                ).format(note=HEADINGS["note"][lang]),
                sheet=sheet or None,
            )
        )
    return problems


def _entry(data: dict[str, Any], item: str) -> dict[str, Any]:
    section = data.get("indicators")
    entry = section.get(item) if isinstance(section, dict) else None
    return entry if isinstance(entry, dict) else {}


def _figure(catalog: Catalog, item: str, entry: dict[str, Any]) -> float | None:
    """The entry's figure (its share, for parts); None when it has none or does not read."""
    indicator = catalog.indicators.get(item)
    if indicator is None or indicator.unit is None or not entry:
        return None
    value = entry.get("value")
    parts = entry.get("parts")
    written = WrittenFigures(
        None if value is None else str(value),
        {str(k): str(v) for k, v in parts.items()} if isinstance(parts, dict) else {},
    )
    try:
        reading = read_entry(written, indicator)
    except ValueProblem:
        return None
    return reading.value if isinstance(reading.value, float) else None


def _year(entry: dict[str, Any], cycle: Cycle) -> int:
    try:
        return int(str(entry.get("year")))
    except ValueError:
        return cycle.last_year


def _replaced(catalog: Catalog, cycle: Cycle, item: str, entry: dict[str, Any]) -> Previous | None:
    value = _figure(catalog, item, entry)
    return None if value is None else Previous(value, _year(entry, cycle), cycle.id, replaced=True)


def _earlier(
    root: Path,
    catalog: Catalog,
    cycle: Cycle,
    agency: str,
    item: str,
    read: dict[str, dict[str, Any]],
) -> Previous | None:
    """The agency's latest figure of `item` in a cycle before `cycle`."""
    cycles = sorted(
        (c for c in catalog.assignments.cycles if c.reference_date < cycle.reference_date),
        key=lambda c: c.reference_date,
        reverse=True,
    )
    for before in cycles:
        if before.id not in read:
            source = submission_source(root, before.id, agency)
            data = source.data if not source.problems() else None
            read[before.id] = data or {}
        entry = _entry(read[before.id], item)
        value = _figure(catalog, item, entry)
        if value is not None:
            return Previous(value, _year(entry, before), before.id, replaced=False)
    return None
