"""The sandbox every template renders in: plain data in, bounded text out.

Templates arrive by pull request, so a template is hostile. It is given plain data only —
texts, numbers, booleans, None, lists and mappings — and `Opaque` values (an image, a run of
formatted text) that it may print and do nothing else with. The policy allows:

- keys of mappings, a few methods of texts and mappings (`upper`, `split`, `items` …), the
  attributes of `loop`, and `range()`, `namespace()` and `dict()`; no attribute or method of
  anything else, and no call of anything but the template's own macros;
- a fixed list of filters, each bounded (no `format`, `pprint` or `random`);
- no `{% include %}`, `{% import %}`, `{% from %}` or `{% extends %}`: no other file is read;
- `MAX_STEPS` steps of work (each loop iteration, call, filter, operator, ten a macro call,
  and a step per 64 characters produced), `MAX_OUTPUT` characters out, texts and lists of at
  most `MAX_SIZE`, numbers of at most `MAX_INT_BITS` bits (see render/sandbox_limits.py,
  counted by render/sandbox_bounds.py and inserted by render/sandbox_compile.py).

Anything else raises a Jinja TemplateError, which `located` turns into the template's line.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateSyntaxError, pass_environment
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.utils import Namespace
from markupsafe import Markup

from hcmlc.i18n import _
from hcmlc.render.sandbox_bounds import ITERATE, OPERAND, TEXT, WorkBounds, bounded_filter
from hcmlc.render.sandbox_compile import CachedCompiler
from hcmlc.render.sandbox_limits import (
    ALLOWED_FILTERS,
    CHARACTERS_PER_STEP,
    LOOP,
    MACRO_STEPS,
    METHODS,
    PLAIN,
)


class Opaque:
    """A value a template may print, as it is, and do nothing else with: an image, a run of
    formatted text. It has no attribute a template can reach."""

    __slots__ = ("_markup",)

    def __init__(self, markup: Callable[[], str]) -> None:
        self._markup = markup

    def __html__(self) -> str:
        return self._markup()

    def __str__(self) -> str:
        return self._markup()


def plain(value: Any, clean: Callable[[str], str] = str) -> Any:
    """`value` as plain data for a template: texts (through `clean`), numbers, booleans, None,
    lists and mappings with text keys, and Opaque values. Anything else is a bug in hcmlc."""
    if value is None or isinstance(value, (bool, Opaque)):
        return value
    if isinstance(value, str):
        return clean(str.__str__(value))  # an enum's text, a plain str
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [plain(item, clean) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {str.__str__(key): plain(item, clean) for key, item in value.items()}
    raise TypeError(f"not plain data for a template: {type(value).__name__}")


class Sandbox(CachedCompiler, WorkBounds):
    """A Jinja environment that enforces the policy of this module: what a template may reach
    and call here, its work bounded by `WorkBounds`, compiled by `CachedCompiler`; it has its
    own budget: use one per document."""

    def __init__(self, *, autoescape: bool, **options: Any) -> None:
        super().__init__(autoescape=autoescape, **options)
        self.globals.clear()
        self.globals.update(range=self._range, namespace=Namespace, dict=dict)
        self.filters = dict(_FILTERS)
        self.filters[ITERATE] = self._iterate
        self.filters[TEXT] = self._text
        self.filters[OPERAND] = self._operand

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        """A filter of hcmlc's own (e.g. Markdown escaping), bounded like the others."""
        self.filters[name] = bounded_filter(name, function)

    # -- what a template may reach and call -----------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._lookup(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str):
            return self._lookup(obj, argument)
        if type(obj) in (list, tuple, str, Markup, dict):
            try:
                return self._produced(obj[argument])
            except (LookupError, TypeError):
                return self.undefined(obj=obj, name=argument)
        return self._lookup(obj, str(argument))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """What Jinja itself asks before it hands out an attribute: the same policy."""
        try:
            self._lookup(obj, attr)
        except SecurityError:
            return False
        return True

    def _lookup(self, obj: Any, name: Any) -> Any:
        name = str(name)
        kind = type(obj)
        if kind is dict and name in obj:
            return obj[name]
        if name in METHODS.get(kind, ()):
            return getattr(obj, name)
        if isinstance(obj, LoopContext) and name in LOOP:
            return getattr(obj, name)
        if isinstance(obj, Namespace) and not name.startswith("_"):
            try:
                return getattr(obj, name)
            except AttributeError:
                return self.undefined(obj=obj, name=name)
        if isinstance(obj, Undefined):
            return super().getattr(obj, name)  # Jinja's own error: `x` is undefined
        if isinstance(obj, PLAIN) and not hasattr(type(obj), name):
            return self.undefined(obj=obj, name=name)  # no such key: prints as nothing
        refused = SecurityError(
            _(
                "the template reaches for `{name}` of {what}, which is unsafe: a template may "
                "print the values it is given, not reach into them"
            ).format(name=name, what=describe(obj))
        )
        refused.focus = name  # type: ignore[attr-defined]  # where to quote the template
        raise refused

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)  # `big.split()` costs what it reads
        read = len(owner) // CHARACTERS_PER_STEP if isinstance(owner, (str, dict)) else 0
        __self._step((MACRO_STEPS if isinstance(__obj, Macro) else 1) + read)
        if not __self._may_call(__obj):
            raise SecurityError(
                _(
                    "the template calls {what}, which is unsafe: it may call its own macros, "
                    "range(), namespace() and dict()"
                ).format(what=describe(__obj))
            )
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (__self._iterate(args[0]), *args[1:])
        return __self._produced(__context.call(__obj, *args, **kwargs))

    def _may_call(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, LoopContext, Undefined)):  # Undefined raises its own error
            return True
        if obj is Namespace or obj is dict or obj == self._range:
            return True
        owner = getattr(obj, "__self__", None)
        if isinstance(obj, types.BuiltinMethodType):
            return obj.__name__ in METHODS.get(type(owner), ())
        if isinstance(obj, types.MethodType) and isinstance(owner, LoopContext):
            return obj.__name__ in ("cycle", "changed")
        return False


def describe(obj: Any) -> str:
    """What a template sees `obj` as, in a message."""
    if isinstance(obj, Opaque):
        return _("an image or formatted text")
    if isinstance(obj, (str, Markup)):
        return _("a text")
    if isinstance(obj, (list, tuple)):
        return _("a list")
    if isinstance(obj, dict):
        return _("a mapping")
    if isinstance(obj, (int, float)):
        return _("a number")
    return _("`{kind}`").format(kind=type(obj).__name__)


def located(exc: BaseException) -> int | None:
    """The template line an error arose on: Jinja's own line for a syntax error, else the last
    frame of template code in the traceback (Jinja rewrites those to point at the template)."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    line = None
    trace = exc.__traceback__
    while trace is not None:
        if "__jinja_exception__" in trace.tb_frame.f_globals:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


@pass_environment
def _attr(sandbox: Sandbox, obj: Any, name: Any) -> Any:
    """Jinja's `attr` filter under the sandbox's policy (Jinja's own asks `is_safe_attribute`)."""
    return sandbox._lookup(obj, name)


_FILTERS = {name: bounded_filter(name, FILTERS[name]) for name in ALLOWED_FILTERS} | {
    "attr": bounded_filter("attr", _attr)
}
"""The filters a template may use, bounded: made once, each sandbox given a copy."""
