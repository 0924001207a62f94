"""The work a template may do in the sandbox (render/sandbox.py), counted as it renders: a step
for each loop iteration, call, filter and operator, and one per 64 characters or items
produced; texts, lists, numbers, ranges and the output each bounded (render/sandbox_limits.py).
Past a bound, the render stops with `TooCostly` before the result is built."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from jinja2 import pass_environment
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from hcmlc.i18n import _, grouped
from hcmlc.render.sandbox_limits import (
    CHARACTERS_PER_STEP,
    ITEMS_PER_STEP,
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_RANGE,
    MAX_SIZE,
    MAX_STEPS,
    Sizes,
    TooCostly,
    check_filter,
    check_operands,
    check_size,
    too_large,
)

ITERATE = "__hcmlc_iterate"
TEXT = "__hcmlc_text"
OPERAND = "__hcmlc_operand"
"""The filters the compiled template wraps around each loop, each `~` and its operands."""


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` as the filter `name`, its work charged to the sandbox that renders: made once
    and shared by every sandbox, since Jinja hands each call its environment (or the context or
    evaluation context that holds it, to a filter that asks for one)."""
    asks = getattr(function, "jinja_pass_arg", None)  # environment, context or eval context

    @wraps(function)
    def bounded(first: Any, *args: Any, **kwargs: Any) -> Any:
        sandbox: WorkBounds = first if isinstance(first, WorkBounds) else first.environment
        value = args[0] if args else None
        per_step = ITEMS_PER_STEP if isinstance(value, (list, tuple, dict)) else 64
        sandbox._step(1 + check_size(value, sandbox.sizes) // per_step)  # `big|max` reads `big`
        check_filter(name, args, kwargs)
        given = (first, *args) if asks is not None else args
        return sandbox._produced(function(*given, **kwargs))

    return bounded if asks is not None else pass_environment(bounded)


class WorkBounds(SandboxedEnvironment):
    """A sandboxed environment that counts a template's work in `steps`, with its own budget:
    use one per document."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._output, **options)
        self.steps = 0
        self.sizes: Sizes = {}
        """The deep sizes of long containers, counted once (sandbox_limits.deep_size)."""

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self._step()
        if operator == "%" and isinstance(left, str):
            raise SecurityError(
                _("the template formats text with `%`, which is unsafe: join texts with `~`")
            )
        check_operands(operator, left, right, self.sizes)
        return self._produced(self.binop_table[operator](left, right))

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TooCostly(
                _("the template asks for a range of {n} numbers, over the limit of {limit}").format(
                    n=grouped(len(numbers)), limit=grouped(MAX_RANGE)
                )
            )
        return numbers

    def _iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Every loop's items, a step each (wrapped around each `for` when compiled)."""
        for item in iterable:
            self._step()
            yield item

    def _text(self, text: Any) -> Any:
        """The result of `~`, checked for size (wrapped around each `~` when compiled)."""
        return self._produced(text)

    def _output(self, value: Any) -> Any:
        """Each `{{ … }}` printed, charged for its size with all it holds (printing a list
        prints every list in it)."""
        if isinstance(value, (list, tuple, dict)):
            self._step(check_size(value, self.sizes) // CHARACTERS_PER_STEP)
        return self._produced(value)

    def _operand(self, value: Any) -> Any:
        """Each operand of `~`, checked before it is turned into text."""
        if isinstance(value, (list, tuple, dict)):
            self._step(check_size(value, self.sizes) // CHARACTERS_PER_STEP)
        return value

    def concat(self, parts: Iterable[str]) -> str:
        """Jinja joins output with this (the whole part, a macro's body, a `{% set %}` block):
        it stops at MAX_OUTPUT characters instead of filling the memory."""
        joined: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            if size > MAX_OUTPUT:
                raise TooCostly(
                    _("the template writes more than {limit} characters").format(
                        limit=grouped(MAX_OUTPUT)
                    )
                )
            joined.append(part)
        return "".join(joined)

    def _step(self, steps: int = 1) -> None:
        self.steps += steps
        if self.steps > MAX_STEPS:
            raise TooCostly(
                _(
                    "the template does more than {limit} steps of work (loops, calls, filters): "
                    "it would not finish"
                ).format(limit=grouped(MAX_STEPS))
            )

    def _produced(self, value: Any) -> Any:
        """`value` after checking its size, charged a step per 64 characters or items."""
        if isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > MAX_INT_BITS:
                raise TooCostly(
                    _("the template computes a number of more than {bits} bits").format(
                        bits=MAX_INT_BITS
                    )
                )
        elif isinstance(value, (str, list, tuple, dict)):
            if len(value) > MAX_SIZE:
                raise TooCostly(too_large(len(value)))
            self.steps += len(value) // CHARACTERS_PER_STEP
            self._step()
        return value
