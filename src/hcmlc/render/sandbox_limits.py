"""The bounds of the template sandbox (render/sandbox.py): what a template may reach, and
how much it may build, compute and write. A result past a bound is refused before it is
computed, so a template cannot run the machine out of memory or time."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from jinja2 import TemplateRuntimeError
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from hcmlc.i18n import _, grouped

MAX_STEPS = 1_000_000
"""Steps of work per document: the bundled templates take 300 (the form) to 3,000 (the report)."""
MACRO_STEPS = 10
"""Steps a macro call costs: it does about ten times the work of a loop's turn."""
MAX_OUTPUT = 20_000_000
"""Characters a template part may write: the form is about 300,000, the report at city scale
a few million."""
MAX_SIZE = 10_000_000
"""Items of a list, or characters of a text, that a template may build."""
MAX_INT_BITS = 256
MAX_SOURCE = 5_000_000
"""Characters of template source (one part of a .docx): the bundled ones are under 200,000."""
MAX_RANGE = 100_000
CHARACTERS_PER_STEP = 64
ITEMS_PER_STEP = 8
"""Items of a list a filter reads per step: `max` of 100,000 numbers is 12,500 steps."""

METHODS: dict[type, frozenset[str]] = {
    dict: frozenset({"items", "keys", "values", "get"}),
    str: frozenset(
        {
            "lower",
            "upper",
            "title",
            "capitalize",
            "strip",
            "lstrip",
            "rstrip",
            "startswith",
            "endswith",
            "split",
            "count",
            "find",
        }
    ),
}
METHODS[Markup] = METHODS[str]
LOOP = frozenset(
    {
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
    }
)
ALLOWED_FILTERS = frozenset(
    {
        "abs",
        "attr",
        "batch",
        "capitalize",
        "center",
        "count",
        "d",
        "default",
        "dictsort",
        "e",
        "escape",
        "filesizeformat",
        "first",
        "float",
        "forceescape",
        "groupby",
        "indent",
        "int",
        "items",
        "join",
        "last",
        "length",
        "list",
        "lower",
        "map",
        "max",
        "min",
        "reject",
        "rejectattr",
        "replace",
        "reverse",
        "round",
        "select",
        "selectattr",
        "slice",
        "sort",
        "string",
        "striptags",
        "sum",
        "title",
        "tojson",
        "trim",
        "truncate",
        "unique",
        "upper",
        "urlencode",
        "wordcount",
        "wordwrap",
    }
)
PLAIN = (str, int, float, bool, type(None), list, tuple, dict)


class TooCostly(TemplateRuntimeError):
    """A template that would work or write past its bounds."""


Sizes = dict[int, tuple[Any, int]]
"""id → (container, its deep size): a template cannot change a list or mapping once made (it
has no method that would), so a size once counted holds for the render."""
KNOWN_FROM = 1_000
"""Containers at least this long have their deep size remembered."""


def deep_size(value: Any, limit: int = MAX_SIZE, known: Sizes | None = None) -> int:
    """Characters and items of `value` with everything it holds, counted until past `limit`
    (so at most `limit` are visited): what printing it, or a filter reading it, costs. A list
    holding one list ten thousand times is as large as ten thousand lists. `known` remembers
    the sizes of long containers, so that a loop reading one list pays for it once."""
    if known is None or not isinstance(value, (list, tuple, dict)) or len(value) < KNOWN_FROM:
        return _deep_size(value, limit, known)
    found = known.get(id(value))
    if found is None or found[0] is not value:
        found = (value, _deep_size(value, limit, known, top=True))
        known[id(value)] = found
    return found[1]


def _deep_size(value: Any, limit: int, known: Sizes | None, *, top: bool = False) -> int:
    total = 0
    pending = [value]
    while pending:
        item = pending.pop()
        long = isinstance(item, (list, tuple, dict)) and len(item) >= KNOWN_FROM
        if known is not None and long and not (top and item is value):
            total += deep_size(item, limit, known)
        elif isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple)):
            total += len(item)
            if total <= limit and _holds_any(item):
                pending.extend(i for i in item if isinstance(i, SIZED))
        elif isinstance(item, dict):
            total += len(item)
            if total <= limit:
                pending.extend(item)
                pending.extend(i for i in item.values() if isinstance(i, (str, list, tuple, dict)))
        if total > limit:
            break
    return total


SIZED = (str, list, tuple, dict)
"""What counts for more than one: its characters, or its items and all they hold."""


def _holds_any(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether any of `items` is a text or a container: one pass over their types, in C (a
    list of numbers, read item by item in Python, was most of the counting)."""
    return any(issubclass(kind, SIZED) for kind in set(map(type, items)))


def check_size(value: Any, known: Sizes | None = None) -> int:
    """`deep_size(value)`, refused past MAX_SIZE."""
    size = deep_size(value, known=known)
    if size > MAX_SIZE:
        raise TooCostly(too_large(size))
    return size


def check_operands(operator_: str, left: Any, right: Any, known: Sizes | None = None) -> None:
    """Refuse, before computing it, a result past the bounds: `'x' * 10**9`, `9 ** 9 ** 9`,
    `[l] * 10000` of a long list `l`."""
    sized = (str, list, tuple)
    if operator_ == "*":
        for sequence, count in ((left, right), (right, left)):
            counted = isinstance(sequence, sized) and isinstance(count, int)
            if counted and deep_size(sequence, known=known) * max(count, 0) > MAX_SIZE:
                raise TooCostly(too_large(deep_size(sequence, known=known) * count))
        numbers = isinstance(left, int) and isinstance(right, int)
        if numbers and left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
            raise TooCostly(too_big())
    elif operator_ == "+" and isinstance(left, sized) and isinstance(right, sized):
        if deep_size(left, known=known) + deep_size(right, known=known) > MAX_SIZE:
            raise TooCostly(too_large(deep_size(left, known=known) + deep_size(right, known=known)))
    elif operator_ == "**" and isinstance(left, int) and isinstance(right, int):
        grows = abs(left) > 1 and right > 0
        if grows and right * math.log2(abs(left)) > MAX_INT_BITS:
            raise TooCostly(too_big())


def check_filter(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse a filter call whose result would be past the bounds, before it is computed."""
    values = list(args) + list(kwargs.values())
    value = args[0] if args else None
    numbers = [v for v in values[1:] if isinstance(v, int) and not isinstance(v, bool)]
    texts = [v for v in values[1:] if isinstance(v, str)]
    if name in ("center", "indent", "batch", "slice", "tojson"):
        lines = value.count("\n") + 1 if isinstance(value, str) else 1
        width = max(numbers, default=0) + sum(len(t) for t in texts)
        if lines * width > MAX_SIZE:
            raise TooCostly(too_large(lines * width))
    if name == "wordwrap" and isinstance(value, str):
        size = len(value) * (1 + sum(len(t) for t in texts))  # a wrap at most per character
        if size > MAX_SIZE:
            raise TooCostly(too_large(size))
    if name == "replace" and isinstance(value, str) and len(args) >= 3:
        old, new = str(args[1]), str(args[2])
        grows = (value.count(old) if old else len(value) + 1) * max(len(new) - len(old), 0)
        if len(value) + grows > MAX_SIZE:
            raise TooCostly(too_large(len(value) + grows))
    if name == "join" and isinstance(value, (list, tuple)):
        glue = len(str(args[1])) if len(args) > 1 else len(str(kwargs.get("d", "")))
        size = sum(len(v) for v in value if isinstance(v, str)) + glue * len(value)
        if size > MAX_SIZE:
            raise TooCostly(too_large(size))
    if name == "sum" and not isinstance(kwargs.get("start", 0), (int, float)):
        raise SecurityError(_("`sum` adds numbers only"))


def too_large(size: int) -> str:
    message = _("the template builds a text or list of {size} items, over the limit of {limit}")
    return message.format(size=grouped(size), limit=grouped(MAX_SIZE))


def too_big() -> str:
    return _("the template computes a number of more than {bits} bits").format(bits=MAX_INT_BITS)
