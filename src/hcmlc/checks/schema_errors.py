"""Validate plain data against a model and turn pydantic's errors into plain-language problems."""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, excerpt
from hcmlc.i18n import _, grouped
from hcmlc.models.common import ID_PATTERN, REFUSAL
from hcmlc.text.numerals import Refusal, read_number
from hcmlc.text.suggest import closest, did_you_mean
from hcmlc.yamlfiles.reader import Document, Loc

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], data: Any, doc: Document, prefix: Loc = (), context: Any = None
) -> tuple[M | None, list[Diagnostic]]:
    """`model` built from `data` (found at `prefix` in `doc`), or None and the located problems."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        # a file lists at most MAX_PER_FILE problems: worded and located, no more than that
        errors = exc.errors(include_url=False)[: MAX_PER_FILE + 1]
        return None, [_diagnostic(model, error, doc, prefix, data) for error in errors]


def read_fields(
    model: type[BaseModel],
    data: Any,
    doc: Document,
    prefix: Loc = (),
    *,
    context: Any = None,
    shallow: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The fields of `data` that fit `model`, each checked on its own so that one bad field hides
    no other; None when `data` is not a mapping. The problems are those `validate` reports.

    `shallow` gives some fields a looser type (a section read entry by entry by the caller).
    Model-level validators do not run: the models read this way have none.
    """
    if not shallow:
        try:
            return dict(model.model_validate(data, context=context).__dict__), []
        except ValidationError as exc:
            if not isinstance(data, dict):
                listed = exc.errors(include_url=False)[: MAX_PER_FILE + 1]
                return None, [_diagnostic(model, e, doc, prefix, data) for e in listed]
    elif not isinstance(data, dict):
        return None, validate(model, data, doc, prefix, context)[1]
    fields: dict[str, Any] = {}
    errors: list[ErrorDetails] = []
    for name, value in data.items():
        if name not in model.model_fields:
            errors.append(_error("extra_forbidden", (name,), value))
            continue
        adapter = _adapter(model, name, (shallow or {}).get(name))
        try:
            fields[name] = adapter.validate_python(value, context=context)
        except ValidationError as exc:
            errors += [{**e, "loc": (name, *e["loc"])} for e in exc.errors()]
    misspelt = [key for key in data if key not in model.model_fields]
    for name, field in model.model_fields.items():
        # `Value:` for `value:` is one fault: the unknown key says it, with "did you mean".
        if field.is_required() and name not in data and not closest(name, misspelt):
            errors.append(_error("missing", (name,), data))
    return fields, [_diagnostic(model, e, doc, prefix, data) for e in errors[: MAX_PER_FILE + 1]]


@functools.cache
def _adapter(model: type[BaseModel], name: str, annotation: Any = None) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    if annotation is None:
        annotation = (
            Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
        )
    return TypeAdapter(annotation)


def _error(kind: str, loc: Loc, value: Any) -> ErrorDetails:
    return {"type": kind, "loc": loc, "msg": kind, "input": value}


def _diagnostic(
    model: type[BaseModel], error: ErrorDetails, doc: Document, prefix: Loc, data: Any
) -> Diagnostic:
    loc = _data_loc(error["loc"], data)
    where = prefix + loc
    name = excerpt(str(where[-1])) if where else _("the file")
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        add = (
            _("add `{name}:` under `{parent}`").format(name=name, parent=where[-2])
            if len(where) > 1
            else _("add `{name}:` at the top of the file").format(name=name)
        )
        return doc.problem(where, "HCMLC-E010", _("`{name}` is missing").format(name=name), add)
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        suggestion = did_you_mean(name, allowed) or _allowed_hint(allowed)
        unknown = _("unknown key `{name}`").format(name=name)
        return doc.problem(where, "HCMLC-E011", unknown, suggestion, key=True)
    message, hint = _explain(kind, name, value, error)
    if kind == "string_too_long" and where and where[0] == "answers":
        hint = _(  # an answer has no `evidence` to move the text to
            "shorten it: the form prints the answer as it is written, so keep to what the "
            "question asks and its word limit"
        )
    code = str((error.get("ctx") or {}).get("code", "HCMLC-E012"))
    return doc.problem(where, code, message, hint, fix=_certain_fix(kind, value, error))


def _explain(kind: str, name: str, value: Any, error: ErrorDetails) -> tuple[str, str | None]:
    shown = _show(value)
    ctx = error.get("ctx") or {}
    if kind == REFUSAL:
        return _("`{name}`: {problem}").format(name=name, problem=ctx["message"]), ctx["hint"]
    if value is None and kind not in {"missing", "extra_forbidden"}:
        return _("`{name}` is empty").format(name=name), _empty_hint(name)
    if kind in {"float_parsing", "int_parsing", "int_from_float", "float_type", "int_type"}:
        if kind.startswith("int"):
            hint = (
                _("write a whole number, without decimals")
                if _is_number(value)
                else number_hint(value)
            )
            return _("`{name}` must be a whole number, not {value}").format(
                name=name, value=shown
            ), hint
        return _("`{name}` must be a number, not {value}").format(
            name=name, value=shown
        ), number_hint(value)
    if kind.startswith("date") and isinstance(value, str) and (day := day_first(value)):
        return (
            _("`{name}` must be a date, not {value}").format(name=name, value=shown),
            _("write the date as YYYY-MM-DD, day last: {date}").format(date=day),
        )
    if kind in {
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return (
            _("`{name}` must be a date, not {value}").format(name=name, value=shown),
            _("write the date as YYYY-MM-DD, e.g. 2023-08-31"),
        )
    if kind in {"bool_parsing", "bool_type"}:
        return _("`{name}` must be true or false, not {value}").format(name=name, value=shown), None
    if kind == "string_type":
        return (
            _("`{name}` must be a text, not {value}").format(name=name, value=_shape(value)),
            _("write the text on one line, or as a `|` block"),
        )
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        message = _("`{name}` must be a mapping of `key: value` lines, not {value}")
        return message.format(name=name, value=_shape(value)), mapping_hint(value)
    if kind == "list_type":
        message = _("`{name}` must be a list of `- ` items, not {value}")
        return message.format(name=name, value=_shape(value)), None
    if kind in {"literal_error", "enum"}:
        expected = str(ctx.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        message = _("`{name}` must be one of {options}, not {value}").format(
            name=name, options=one_of(options) if options else expected, value=shown
        )
        return message, did_you_mean(str(value), options)
    if kind == "string_pattern_mismatch" and isinstance(value, str) and _CURLY.search(value):
        straight = _CURLY.sub("", value).strip()
        return _("`{name}` is not a valid id: {value}").format(name=name, value=shown), _(
            'write it with straight quotes, or none: {name}: "{value}"'
        ).format(name=name, value=straight)
    if kind == "string_pattern_mismatch" and isinstance(value, str) and _ZERO_WIDTH.search(value):
        message = _("`{name}` holds an invisible character ({code}): {value}").format(
            name=name, code=_codes(_ZERO_WIDTH.findall(value)), value=shown
        )
        return message, _("delete it; nothing goes in its place: {name}: {value}").format(
            name=name, value=_ZERO_WIDTH.sub("", value).strip()
        )
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        lower = value.strip().lower()
        if lower != value and ID_PATTERN.fullmatch(lower):
            message = _("`{name}` is not a valid id: {value}").format(name=name, value=shown)
            return message, _("write it in lower case: {value}").format(value=lower)
    if kind == "string_pattern_mismatch":
        hint = _(
            "an id uses lower-case letters, digits, dots and hyphens, e.g. `so-gddt` or `1.1.1.a`"
        )
        return _("`{name}` is not a valid id: {value}").format(name=name, value=shown), hint
    if kind in {"too_short", "string_too_short"}:
        return _("`{name}` must not be empty").format(name=name), None
    if kind == "string_too_long":
        message = _("`{name}` is {length} characters long, over the limit of {limit}")
        length = grouped(len(value)) if isinstance(value, str) else "?"
        hint = _("shorten it; a long text belongs in a document, given as `evidence`")
        limit = grouped(int(ctx.get("max_length", 0)))
        return message.format(name=name, length=length, limit=limit), hint
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None
    return f"`{name}`: {error['msg'][:1].lower()}{error['msg'][1:]}", None


def _certain_fix(kind: str, value: Any, error: ErrorDetails) -> tuple[str, str] | None:
    """(old, new) when the hint's replacement is certain: what `validate --fix` writes."""
    if not isinstance(value, str):
        return None
    ctx = error.get("ctx") or {}
    new: str | None = None
    if kind == REFUSAL:
        new = ctx.get("replacement")
    elif kind.startswith("date"):
        new = day_first(value)
    elif kind == "string_pattern_mismatch":
        cleaned = _ZERO_WIDTH.sub("", _CURLY.sub("", value)).strip().lower()
        if cleaned != value and ID_PATTERN.fullmatch(cleaned):
            new = cleaned
    return (value, new) if new is not None and new != value else None


_DAY_FIRST = re.compile(r"(?P<day>[0-9]{1,2})[/.-](?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})")


def day_first(value: str) -> str | None:
    """`10/12/2025` (day first, as Vietnamese writes) as `2025-12-10`; None if no such date."""
    match = _DAY_FIRST.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        return None


def number_hint(value: Any) -> str | None:
    """How to write `value` as a number hcmlc reads (see `numerals`), when it can be told."""
    if not isinstance(value, str) or not value.strip():
        return None
    reading = read_number(value)
    return reading.hint if isinstance(reading, Refusal) else None


_CURLY = re.compile("[“”‘’„«»]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
"""Characters that take no room (copied from Word or a web page): invisible in an editor."""


def _codes(chars: list[str]) -> str:
    return ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in chars))


_MISSING_SPACE = re.compile(r"(?P<key>[\w.-]+):(?P<value>\S.*)")


def mapping_hint(value: Any) -> str | None:
    """The fix for a text where `key: value` lines were meant, when one is likely."""
    if isinstance(value, str) and (match := _MISSING_SPACE.fullmatch(value.strip())):
        fixed = f"{match['key']}: {match['value']}"
        return _("put a space after the colon: `{fixed}`").format(fixed=fixed)
    return None


def _empty_hint(name: str) -> str:
    if name == "value":
        return _(
            "write the figure or state after `value:`; if there is none yet, leave this entry out"
        )
    if name == "year":
        return _("write the year the figure describes after `year:`, e.g. 2023")
    return _("write the value after `{name}:`").format(name=name)


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Keys a mapping at `loc` inside `model` may have (for 'did you mean')."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or typing.get_origin(current) in (list, dict):
            args = typing.get_args(current)
            current = args[-1] if args else None
        elif (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """`X | None` → X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _allowed_hint(allowed: list[str]) -> str | None:
    return _("allowed keys: {keys}").format(keys=", ".join(allowed)) if allowed else None


def _data_loc(loc: tuple[str | int, ...], data: Any) -> Loc:
    """pydantic's `loc` as a path through `data`: a part naming no key or item of the data
    there (a union member such as `str`, or `function-after[…]`) is dropped, except the last,
    which may name a missing key. A key of the data is kept whatever it is called, `str` too."""
    kept: list[str | int] = []
    current = data
    for position, part in enumerate(loc):
        if _has(current, part):
            current = current[part]
        elif position < len(loc) - 1:
            continue  # a tag of pydantic's, not a place in the file
        kept.append(part)
    return tuple(kept)


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def one_of(options: list[str]) -> str:
    """`'a', 'b' or 'c'`, as pydantic lists them, in the current language."""
    quoted = [f"'{o}'" for o in options]
    if len(quoted) < 2:
        return "".join(quoted)
    return _("{items} or {last}").format(items=", ".join(quoted[:-1]), last=quoted[-1])


def _show(value: Any) -> str:
    if value is None:
        return _("an empty value")
    if isinstance(value, (dict, list)):
        return _shape(value)
    return f"`{excerpt(str(value))}`"


def _shape(value: Any) -> str:
    if value is None:
        return _("an empty value")
    if isinstance(value, dict):
        return _("a mapping")
    return _("a list") if isinstance(value, list) else f"`{excerpt(str(value))}`"
