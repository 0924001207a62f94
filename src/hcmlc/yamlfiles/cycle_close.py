"""Closing a reporting cycle in data/assignments.yaml, as text: one line, `closed: <day>`, at
the end of the cycle's entry; every comment, quote and blank line kept (as cycle_edit.py).

A cycle ends when the coordinator ends it: until then, once a later cycle is open, status and
remind still list its overdue items (open_cycles.py), and its year's report is interim.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import _
from hcmlc.models.registry import Assignments, Cycle
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.cycle_edit import _end_of_line, _last_leaf, _value
from hcmlc.yamlfiles.reader import Document


@dataclass(frozen=True)
class Closed:
    """The new text of data/assignments.yaml, the cycle closed and the line written."""

    text: str
    cycle: Cycle
    line: int


def close_cycle(doc: Document, assignments: Assignments, cycle_id: str, day: dt.date) -> Closed:
    """The text of `doc` (data/assignments.yaml) with cycle `cycle_id` closed on `day`."""
    index = next((k for k, c in enumerate(assignments.cycles) if c.id == cycle_id), None)
    if index is None:
        known = [c.id for c in assignments.cycles]
        raise HcmlcError(
            _("no cycle `{id}` in data/assignments.yaml").format(id=cycle_id),
            did_you_mean(cycle_id, known) or _("cycles: {ids}").format(ids=", ".join(known)),
        )
    cycle = assignments.cycles[index]
    if cycle.closed is not None:
        raise HcmlcError(
            _("cycle {id} was closed on {day}").format(id=cycle_id, day=cycle.closed),
            _("nothing to do; to reopen it, delete its `closed:` line"),
        )
    if cycle_id == assignments.current_cycle:
        raise HcmlcError(
            _("cycle {id} is the current cycle").format(id=cycle_id),
            _("open the next one first with `hcmlc new-cycle`, then close this one"),
        )
    if doc.text is None or not isinstance(doc.root, yaml.MappingNode):
        raise DataError(_("data/assignments.yaml cannot be read"), _("run `hcmlc validate`"))
    cycles = _value(doc.root, "cycles")
    item = cycles.value[index] if isinstance(cycles, yaml.SequenceNode) else None
    if not isinstance(item, yaml.MappingNode) or not item.value:
        raise DataError(_("data/assignments.yaml cannot be read"), _("run `hcmlc validate`"))
    text = doc.text
    newline = "\r\n" if "\r\n" in text else "\n"
    after = _end_of_line(text, _last_leaf(item).end_mark.index)
    indent = " " * item.value[0][0].start_mark.column
    added = f"{indent}closed: {day.isoformat()}{newline}"
    if after == len(text) and not text.endswith("\n"):
        added = newline + added
    line = text.count("\n", 0, after) + 1
    return Closed(text[:after] + added + text[after:], cycle, line)
