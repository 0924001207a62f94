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
  most `MAX_SIZE`, numbers of at most `MAX_INT_BITS` bits (see render/sandbox_limits.py).

Anything else raises a Jinja TemplateError, which `located` turns into the template's line.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from hcmlc.i18n import _, grouped
from hcmlc.render.sandbox_limits import (
    ALLOWED_FILTERS,
    CHARACTERS_PER_STEP,
    ITEMS_PER_STEP,
    LOOP,
    MACRO_STEPS,
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_RANGE,
    MAX_SIZE,
    MAX_SOURCE,
    MAX_STEPS,
    METHODS,
    PLAIN,
    Sizes,
    TooCostly,
    check_filter,
    check_operands,
    check_size,
    too_large,
)

_ITERATE = "__hcmlc_iterate"
_TEXT = "__hcmlc_text"
_OPERAND = "__hcmlc_operand"
_FORBIDDEN_TAGS = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from",
    nodes.Extends: "extends",
}


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


class Sandbox(SandboxedEnvironment):
    """A Jinja environment that enforces the policy of this module, with its own budget: use
    one per document."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, *, autoescape: bool, **options: Any) -> None:
        super().__init__(autoescape=autoescape, finalize=self._output, **options)
        self.steps = 0
        self.sizes: Sizes = {}
        """The deep sizes of long containers, counted once (sandbox_limits.deep_size)."""
        self.globals.clear()
        self.globals.update(range=self._range, namespace=Namespace, dict=dict)
        self.filters = {name: self._bounded(name, FILTERS[name]) for name in ALLOWED_FILTERS}
        self.filters["attr"] = self._bounded("attr", self._lookup)  # Jinja's asks is_safe_…
        self.filters[_ITERATE] = self._iterate
        self.filters[_TEXT] = self._text
        self.filters[_OPERAND] = self._operand

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        """A filter of hcmlc's own (e.g. Markdown escaping), bounded like the others."""
        self.filters[name] = self._bounded(name, function)

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

    # -- bounds ---------------------------------------------------------------------------

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

    def _bounded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        passed = 1 if getattr(function, "jinja_pass_arg", None) else 0  # environment, context

        @wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            value = args[passed] if len(args) > passed else None
            per_step = ITEMS_PER_STEP if isinstance(value, (list, tuple, dict)) else 64
            self._step(1 + check_size(value, self.sizes) // per_step)  # `big|max` reads `big`
            check_filter(name, args[passed:], kwargs)
            return self._produced(function(*args, **kwargs))

        return bounded

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

    # -- compiling ------------------------------------------------------------------------

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Jinja's compile, remembered by source: docxtpl compiles every part of a template for
        each document, and `remind` renders the same letter for every agency. The code depends
        only on the source and on this environment's settings (the key), never on its budget,
        which the compiled code reaches through the environment it is rendered in."""
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        key = (*self._settings(), source, name, filename, defer_init)
        code = _COMPILED.get(key)
        if code is None:
            code = super().compile(source, name, filename, False, defer_init)
            if len(_COMPILED) >= _COMPILED_KEPT:
                del _COMPILED[next(iter(_COMPILED))]  # the oldest
            _COMPILED[key] = code
        return code

    def _settings(self) -> tuple[Any, ...]:
        """What the generated code depends on besides the source."""
        return (
            type(self),
            self.autoescape,
            self.keep_trailing_newline,
            self.trim_blocks,
            self.lstrip_blocks,
            self.optimized,
            tuple(sorted(self.filters)),
            tuple(sorted(self.tests)),
        )

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_SOURCE:
            raise TemplateSyntaxError(
                _("the template is {size} characters long, over the limit of {limit}").format(
                    size=grouped(len(source)), limit=grouped(MAX_SOURCE)
                ),
                1,
                name,
                filename,
            )
        tree = super()._parse(source, name, filename)
        for tag, word in _FORBIDDEN_TAGS.items():
            for node in tree.find_all(tag):
                raise TemplateSyntaxError(
                    _("`{{% {tag} %}}` is not allowed: a template cannot read other files").format(
                        tag=word
                    ),
                    node.lineno,
                    name,
                    filename,
                )
        bounded: nodes.Template = _Bounds().visit(tree)
        bounded.set_environment(self)
        return bounded


_COMPILED: dict[tuple[Any, ...], Any] = {}
_COMPILED_KEPT = 64  # a document's parts (8 for a .docx), for a few templates


class _Bounds(NodeTransformer):
    """Wraps each loop's items in the step counter and each `~` in the size check."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, _ITERATE, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [
            nodes.Filter(part, _OPERAND, [], [], None, None, lineno=node.lineno)
            for part in node.nodes
        ]
        return nodes.Filter(node, _TEXT, [], [], None, None, lineno=node.lineno)


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
