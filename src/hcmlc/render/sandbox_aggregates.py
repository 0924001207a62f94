"""Jinja's `min` and `max` filters for the sandbox (render/sandbox.py), the same results, a list
of numbers taken in C: Jinja's own reads each item in Python through a key (`make_attrgetter`
with `ignore_case`) that leaves a number as it is, so for numbers alone Python's `min` and `max`
pick the same item, the first of equals. The work charged for reading the list is the same
(render/sandbox_bounds.py); only the time it takes is less."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_environment
from jinja2.filters import FILTERS

NUMBERS = frozenset({int, float})
"""The types whose items Jinja's key leaves as they are (not `bool`: kept on Jinja's path)."""


def _aggregate(name: str, pick: Callable[..., Any]) -> Callable[..., Any]:
    jinja = FILTERS[name]

    @pass_environment
    def aggregate(
        environment: Environment,
        value: Any,
        case_sensitive: bool = False,
        attribute: str | int | None = None,
    ) -> Any:
        if (
            attribute is None
            and isinstance(value, (list, tuple))
            and value
            and set(map(type, value)) <= NUMBERS
        ):
            return pick(value)
        return jinja(environment, value, case_sensitive, attribute)

    aggregate.__name__ = aggregate.__qualname__ = jinja.__name__
    aggregate.__doc__ = jinja.__doc__
    return aggregate


AGGREGATES = {"min": _aggregate("min", min), "max": _aggregate("max", max)}
"""`min` and `max`, as the sandbox offers them."""
