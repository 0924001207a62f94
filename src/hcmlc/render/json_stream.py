"""JSON written piece by piece: a document whose long lists are `Streamed` is written exactly as
`json.dumps` writes the same document with those lists made, byte for byte, without holding
its whole text, nor every element's dictionary, at once. Status of 2,000 wards over ten years
is some 55 MB of JSON, which as one string and its dictionaries took over 500 MB (issue 29).

Each run of elements is still encoded by `json.dumps` (its C encoder when compact), so
writing in pieces costs no more processor time than writing the whole."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from hcmlc.render.escape import json_text

CHUNK = 1000
"""Elements encoded together: long enough for the C encoder, short enough to stay small."""


@dataclass(frozen=True)
class Streamed:
    """A list written element by element: each of `items` as `convert` makes it, made only
    when its turn comes."""

    items: Sequence[Any]
    convert: Callable[[Any], Any]
    nested: bool = False
    """Whether its elements hold streamed lists themselves (then each is written in pieces)."""


def write_streamed(write: Callable[[str], object], document: Any, indent: int | None) -> None:
    """`document` as `json.dumps(…, ensure_ascii=False)` writes it, compact or indented by
    `indent`, each piece escaped as `json_text` escapes (render/escape.py), then a newline."""
    for piece in pieces(document, indent):
        write(json_text(piece))
    write("\n")


def pieces(value: Any, indent: int | None, level: int = 0) -> Iterator[str]:
    """The text of `value` at nesting `level`, in pieces that join to its `json.dumps`."""
    if isinstance(value, Streamed):
        yield from _streamed_list(value, indent, level)
    elif isinstance(value, dict) and _holds_streamed(value):
        yield from _container(list(value.items()), indent, level, "{}")
    elif isinstance(value, (list, tuple)) and _holds_streamed(value):
        yield from _container(list(value), indent, level, "[]")
    else:
        yield _dumps(value, indent, level)


def _holds_streamed(value: Any) -> bool:
    """Whether a `Streamed` list is in `value` (not looking inside a streamed list)."""
    if isinstance(value, Streamed):
        return True
    if isinstance(value, dict):
        return any(_holds_streamed(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_holds_streamed(v) for v in value)
    return False


def _dumps(value: Any, indent: int | None, level: int) -> str:
    """`value` as `json.dumps` writes it where it is nested `level` deep."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    if indent is None or not level:
        return text
    return text.replace("\n", "\n" + " " * (indent * level))  # JSON strings hold no newline


def _frame(indent: int | None, level: int, brackets: str) -> tuple[str, str, str]:
    """How a container at `level` opens, separates its elements and closes."""
    if indent is None:
        return brackets[0], ",", brackets[1]
    inner = "\n" + " " * (indent * (level + 1))
    return brackets[0] + inner, "," + inner, "\n" + " " * (indent * level) + brackets[1]


def _container(elements: list[Any], indent: int | None, level: int, brackets: str) -> Iterator[str]:
    """A dictionary (its items) or a list holding streamed lists, element by element."""
    if not elements:
        yield brackets
        return
    opening, separator, closing = _frame(indent, level, brackets)
    colon = ":" if indent is None else ": "
    yield opening
    for at, element in enumerate(elements):
        if at:
            yield separator
        if brackets == "{}":
            key, element = element
            yield json.dumps(_key(key), ensure_ascii=False) + colon
        yield from pieces(element, indent, level + 1)
    yield closing


def _key(key: Any) -> str:
    if not isinstance(key, str):  # json.dumps would write 1 as "1": never made here
        raise TypeError(f"a key of a streamed document must be text, not {key!r}")
    return key


def _streamed_list(streamed: Streamed, indent: int | None, level: int) -> Iterator[str]:
    """A streamed list, CHUNK elements encoded at a time (within brackets of their own, which
    are cut off), or element by element when its elements hold streamed lists."""
    items = streamed.items
    if not items:
        yield "[]"
        return
    opening, separator, closing = _frame(indent, level, "[]")
    yield opening
    for start in range(0, len(items), CHUNK):
        if start:
            yield separator
        elements = [streamed.convert(item) for item in items[start : start + CHUNK]]
        if streamed.nested:
            for at, element in enumerate(elements):
                if at:
                    yield separator
                yield from pieces(element, indent, level + 1)
            continue
        text = _dumps(elements, indent, level)
        yield text[len(opening) : len(text) - len(closing)]
    yield closing
