"""Validate plain data against a model and turn pydantic's errors into plain-language problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, excerpt
from hcmlc.i18n import _, grouped
from hcmlc.suggest import did_you_mean
from hcmlc.yamlio import Document, Loc

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], data: Any, doc: Document, prefix: Loc = ()
) -> tuple[M | None, list[Diagnostic]]:
    """`model` built from `data` (found at `prefix` in `doc`), or None and the located problems."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        # a file lists at most MAX_PER_FILE problems: worded and located, no more than that
        errors = exc.errors(include_url=False)[: MAX_PER_FILE + 1]
        return None, [_diagnostic(model, error, doc, prefix, data) for error in errors]


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
    return doc.problem(where, "HCMLC-E012", message, hint)


def _explain(kind: str, name: str, value: Any, error: ErrorDetails) -> tuple[str, str | None]:
    shown = _show(value)
    ctx = error.get("ctx") or {}
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
        return message.format(name=name, value=_shape(value)), None
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


def number_hint(value: Any) -> str | None:
    """How to write `value` as a number YAML and hcmlc understand, when it can be guessed."""
    text = str(value).strip() if isinstance(value, str) else ""
    if text.endswith("%"):
        return _("write the number without the % sign: {number}").format(number=text[:-1].strip())
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        return _("use a dot as the decimal separator: {number}").format(
            number=text.replace(",", ".")
        )
    if re.fullmatch(r"\d{1,3}([.,\s]\d{3})+", text):
        digits = re.sub(r"[.,\s]", "", text)
        return _("write the number without thousands separators: {number}").format(number=digits)
    return _("write the figure alone; put words in `note`") if text else None


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
