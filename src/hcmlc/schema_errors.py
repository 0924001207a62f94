"""Validate plain data against a model and turn pydantic's errors into plain-language problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from hcmlc.diagnostics import Diagnostic
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
        return None, [_diagnostic(model, error, doc, prefix) for error in exc.errors()]


def _diagnostic(
    model: type[BaseModel], error: ErrorDetails, doc: Document, prefix: Loc
) -> Diagnostic:
    loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
    where = prefix + loc
    name = str(where[-1]) if where else "the file"
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        parent = f"under `{where[-2]}`" if len(where) > 1 else "at the top of the file"
        return doc.problem(where, "HCMLC-E010", f"`{name}` is missing", f"add `{name}:` {parent}")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(name, allowed) or _allowed_hint(allowed)
        return doc.problem(where, "HCMLC-E011", f"unknown key `{name}`", hint, key=True)
    message, hint = _explain(kind, name, value, error)
    return doc.problem(where, "HCMLC-E012", message, hint)


def _explain(kind: str, name: str, value: Any, error: ErrorDetails) -> tuple[str, str | None]:
    shown = _show(value)
    ctx = error.get("ctx") or {}
    if kind in {"float_parsing", "int_parsing", "int_from_float", "float_type", "int_type"}:
        if kind.startswith("int"):
            hint = (
                "write a whole number, without decimals"
                if _is_number(value)
                else number_hint(value)
            )
            return f"`{name}` must be a whole number, not {shown}", hint
        return f"`{name}` must be a number, not {shown}", number_hint(value)
    if kind in {
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return (
            f"`{name}` must be a date, not {shown}",
            "write the date as YYYY-MM-DD, e.g. 2023-08-31",
        )
    if kind in {"bool_parsing", "bool_type"}:
        return f"`{name}` must be true or false, not {shown}", None
    if kind == "string_type":
        return (
            f"`{name}` must be a text, not {_shape(value)}",
            "write the text on one line, or as a `|` block",
        )
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"`{name}` must be a mapping of `key: value` lines, not {_shape(value)}", None
    if kind == "list_type":
        return f"`{name}` must be a list of `- ` items, not {_shape(value)}", None
    if kind in {"literal_error", "enum"}:
        expected = str(ctx.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        return f"`{name}` must be one of {expected}, not {shown}", did_you_mean(str(value), options)
    if kind == "string_pattern_mismatch":
        hint = (
            "an id uses lower-case letters, digits, dots and hyphens, e.g. `so-gddt` or `1.1.1.a`"
        )
        return f"`{name}` is not a valid id: {shown}", hint
    if kind in {"too_short", "string_too_short"}:
        return f"`{name}` must not be empty", None
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None
    return f"`{name}`: {error['msg'][:1].lower()}{error['msg'][1:]}", None


def number_hint(value: Any) -> str | None:
    """How to write `value` as a number YAML and hcmlc understand, when it can be guessed."""
    text = str(value).strip() if isinstance(value, str) else ""
    if text.endswith("%"):
        return f"write the number without the % sign: {text[:-1].strip()}"
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        return f"use a dot as the decimal separator: {text.replace(',', '.')}"
    if re.fullmatch(r"\d{1,3}([.,\s]\d{3})+", text):
        digits = re.sub(r"[.,\s]", "", text)
        return f"write the number without thousands separators: {digits}"
    return "write the figure alone; put words in `note`" if text else None


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
    return f"allowed keys: {', '.join(allowed)}" if allowed else None


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float"})


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, (dict, list)):
        return _shape(value)
    return f"`{value}`"


def _shape(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else f"`{value}`"
