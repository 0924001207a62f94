"""Opening the next reporting cycle in data/assignments.yaml, as text: the file keeps every
comment, quote and blank line, and gains one cycle copied from the last of its kind.

The last cycle of the kind is copied line by line with its values replaced where they stand
(id, title, years, deadlines, opening day); its own comments are left behind, since they speak
of it. `current_cycle` is set to the new cycle in place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import _
from hcmlc.models.registry import Assignments, Cycle
from hcmlc.yamlfiles.edit import quoted, scalar
from hcmlc.yamlfiles.reader import Document


@dataclass(frozen=True)
class NewCycle:
    """What the coordinator asks for: the id, the deadlines and the years of the new cycle."""

    id: str
    deadline: dt.date
    answers_deadline: dt.date | None = None
    first_year: int | None = None
    last_year: int | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Opened:
    """The new text of data/assignments.yaml and what changed in it."""

    text: str
    cycle: Cycle
    template: Cycle
    previous_current: str
    lines: tuple[int, int]
    """First and last line of the inserted cycle (1-based)."""


def open_cycle(doc: Document, assignments: Assignments, wanted: NewCycle) -> Opened:
    """The text of `doc` (data/assignments.yaml) with `wanted` added and made current."""
    if any(c.id == wanted.id for c in assignments.cycles):
        raise HcmlcError(
            _("cycle `{id}` already exists in data/assignments.yaml").format(id=wanted.id),
            _('choose a new id; to make it current, set `current_cycle: "{id}"`').format(
                id=wanted.id
            ),
        )
    kind = wanted.kind or max(assignments.cycles, key=lambda c: c.reference_date).kind
    same_kind = [(k, c) for k, c in enumerate(assignments.cycles) if c.kind == kind]
    if not same_kind:
        raise HcmlcError(
            _("no `{kind}` cycle to copy in data/assignments.yaml").format(kind=kind),
            _("write the first cycle of a kind by hand; new-cycle copies the last one"),
        )
    index, template = max(same_kind, key=lambda pair: pair[1].reference_date)
    cycle = _new_cycle(template, wanted)
    root = doc.root
    if doc.text is None or not isinstance(root, yaml.MappingNode):
        raise DataError(_("data/assignments.yaml cannot be read"), _("run `hcmlc validate`"))
    text = doc.text
    newline = "\r\n" if "\r\n" in text else "\n"
    cycles = _value(root, "cycles")
    assert isinstance(cycles, yaml.SequenceNode)
    block = _copy(text, cycles.value[index], template, cycle)
    after = _end_of_line(text, _last_leaf(cycles.value[-1]).end_mark.index)
    current = _value(root, "current_cycle")
    edits = [
        (current.start_mark.index, current.end_mark.index, _scalar(cycle.id, current)),
        (after, after, newline.join(block) + newline),
    ]
    new_text = text
    for start, end, replacement in sorted(edits, reverse=True):
        new_text = new_text[:start] + replacement + new_text[end:]
    shift = sum(len(r) - (e - s) for s, e, r in edits if e <= after and (s, e) != (after, after))
    first_line = new_text.count("\n", 0, after + shift) + 1
    return Opened(
        new_text,
        cycle,
        template,
        assignments.current_cycle,
        (first_line, first_line + len(block) - 1),
    )


def _new_cycle(template: Cycle, wanted: NewCycle) -> Cycle:
    span = template.last_year - template.first_year
    last = wanted.last_year or (
        int(wanted.id) if wanted.id.isdigit() and len(wanted.id) == 4 else template.last_year + 1
    )
    first = wanted.first_year or last - span
    if template.deadlines.answers is not None and wanted.answers_deadline is None:
        answers: dt.date | None = wanted.deadline
    else:
        answers = wanted.answers_deadline
    if template.deadlines.indicators is None:
        indicators, answers = None, answers or wanted.deadline
    else:
        indicators = wanted.deadline
    data = template.model_dump()
    data.update(
        id=wanted.id,
        first_year=first,
        last_year=last,
        deadlines={"indicators": indicators, "answers": answers},
        title={k: _retitle(v, template, wanted.id, last) for k, v in data["title"].items() if v},
        opens=template.last_deadline + dt.timedelta(days=1)
        if template.opens and template.last_deadline
        else None,
    )
    try:
        return Cycle.model_validate(data)
    except ValueError as exc:
        raise HcmlcError(
            _("the new cycle would be invalid: {reason}").format(reason=_first_error(exc)),
            _("check --years and the deadlines"),
        ) from None


def _retitle(title: str, template: Cycle, new_id: str, last_year: int) -> str:
    """The template's title with its id and years replaced: "… năm 2025" → "… năm 2026"."""
    swaps = [(str(template.last_year), str(last_year))]
    if template.id != str(template.last_year):
        swaps.append((template.id, new_id))
    for old, new in swaps:
        title = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, title)
    return title


def _copy(text: str, item: yaml.Node, template: Cycle, cycle: Cycle) -> list[str]:
    """The lines of the template's entry, from its `- ` to its last value, with the new
    values in place of the old and its own comment lines left out."""
    replacements = []
    for path, value in _fields(cycle):
        node = _find(item, path)
        if node is not None and isinstance(node, yaml.ScalarNode):
            replacements.append((node.start_mark.index, node.end_mark.index, _scalar(value, node)))
    start = text.rfind("\n", 0, item.start_mark.index) + 1
    end = _end_of_line(text, _last_leaf(item).end_mark.index)
    chunk = text[start:end]
    for begin, finish, new in sorted(replacements, reverse=True):
        chunk = chunk[: begin - start] + new + chunk[finish - start :]
    # its own comments speak of it, and a new cycle is not closed
    lines = [line for line in chunk.splitlines() if not line.lstrip().startswith(("#", "closed:"))]
    missing = [(p, v) for p, v in _fields(cycle) if _find(item, p) is None and v is not None]
    if missing:  # e.g. the template has no `opens:`; nothing of the new cycle may be lost
        raise HcmlcError(
            _(
                "cycle `{id}` in data/assignments.yaml lacks `{key}`, which the new one needs"
            ).format(id=template.id, key=".".join(missing[0][0])),
            _("add it to that cycle, or write the new cycle by hand"),
        )
    return lines


def _fields(cycle: Cycle) -> list[tuple[tuple[str, ...], object]]:
    fields: list[tuple[tuple[str, ...], object]] = [
        (("id",), cycle.id),
        (("first_year",), cycle.first_year),
        (("last_year",), cycle.last_year),
        (("deadlines", "indicators"), cycle.deadlines.indicators),
        (("deadlines", "answers"), cycle.deadlines.answers),
        (("opens",), cycle.opens),
    ]
    fields += [(("title", lang), text) for lang, text in cycle.title if text]
    return fields


def _scalar(value: object, like: yaml.Node) -> str:
    """`value` written as the scalar it replaces was: double-quoted the same way, else plain
    where YAML reads it back as the same text, else double-quoted (yamlfiles/edit.py)."""
    shown = value.isoformat() if isinstance(value, dt.date) else str(value)
    if getattr(like, "style", None) in ('"', "'"):
        return quoted(shown)
    return scalar(shown) or quoted(shown)


def _value(node: yaml.MappingNode, key: str) -> yaml.Node:
    found = _find(node, (key,))
    if found is None:
        raise DataError(
            _("data/assignments.yaml has no `{key}`").format(key=key), _("run `hcmlc validate`")
        )
    return found


def _find(node: yaml.Node, path: tuple[str, ...]) -> yaml.Node | None:
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        match = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part]
        if not match:
            return None
        node = match[0]
    return node


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The last scalar of a node: where its text really ends (a block's own end mark lies at
    the next token, past any comments that follow it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _end_of_line(text: str, index: int) -> int:
    """The index just after the line break ending the line that holds `index`."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first.get("msg", exc))
    return str(exc)
