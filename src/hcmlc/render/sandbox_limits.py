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


def check_operands(operator_: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a result past the bounds: `'x' * 10**9`, `9 ** 9 ** 9`."""
    sized = (str, list, tuple)
    if operator_ == "*":
        for sequence, count in ((left, right), (right, left)):
            counted = isinstance(sequence, sized) and isinstance(count, int)
            if counted and len(sequence) * max(count, 0) > MAX_SIZE:
                raise TooCostly(too_large(len(sequence) * count))
        numbers = isinstance(left, int) and isinstance(right, int)
        if numbers and left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
            raise TooCostly(too_big())
    elif operator_ == "+" and isinstance(left, sized) and isinstance(right, sized):
        if len(left) + len(right) > MAX_SIZE:
            raise TooCostly(too_large(len(left) + len(right)))
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
