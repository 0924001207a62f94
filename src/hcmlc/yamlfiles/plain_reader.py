"""A fast reader for the plain YAML that submissions are written in, or None when unsure.

People write block mappings and sequences of plain, quoted and `|` scalars; this reads those
a line at a time into the same data the full reader builds (reader.py: strings, or None for a
null word, in dicts and lists). Anything it does not fully understand (flow style, anchors,
tags, escapes, folded or indented-indicator blocks, a multi-line plain or quoted scalar, a
duplicate key, tabs, CR, unusual characters, a `#` that would cut a text) makes it give up,
and the full parser, with its located marks and its problems, reads the file instead. Nothing
it returns carries a problem: a file with any goes the full way. Locations are not kept; the
node tree is composed from the text when a problem later asks for one (reader.Document.root).
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any

_UNSURE_CHARACTER = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
"""A tab, a CR, a control, line-separator or BOM character: each read its own way by YAML."""
_DOCUMENT_MARK = re.compile(r"\n(?:---|\.\.\.|%)")
"""A document marker or a directive, which only the full parser reads."""
_CUT_TEXT = re.compile(r" #[^\s#]")
"""A ` #` before text: the full reader warns of the text it cuts (slips.hash_comments)."""
_KEY = re.compile(r"(\w[\w.\-]{0,199}):(?: +|$)(.*)")
"""A key as ids and words are written (letters of any language, digits, `_`, `.`, `-`), the
colon and spaces, then what is written after them."""
_KEY_NAME = re.compile(r"\w[\w.\-]{0,199}")
"""The key of `_KEY`, alone: a line is cut at its first colon, and what comes before it must be
one (a city's files repeat a few hundred keys: each is judged once, `_KNOWN_KEYS`)."""
_KNOWN_KEYS: dict[str, bool] = {}
_KNOWN_KEYS_KEPT = 10_000
_LONGEST_KEY = 200
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""A plain scalar starting with one of these is something else, or may be: unsure."""
_NULL_WORDS = frozenset(("~", "null", "Null", "NULL"))
_BLOCK_HEADERS = frozenset(("|", "|-", ">", ">-"))
"""Block texts read here: literal or folded, clipped or stripped, their indent found."""
MAX_NESTING = 40
"""Deeper is left to the full reader, which refuses more than reader.MAX_DEPTH levels."""


class _Unsure(Exception):
    """The text holds something this reader does not fully understand."""


def read_plain(text: str) -> dict[str, Any] | None:
    """The data of a text whose top level is a block mapping, or None when unsure (the text is
    read as it is: normalizing it to NFC is the caller's part, as for PyYAML)."""
    if (
        # a printable text (line breaks aside) holds none of `_UNSURE_CHARACTER`'s, each a
        # control, a separator or no character: cheaper than the expression, kept for the rest
        (not text.replace("\n", "").isprintable() and _UNSURE_CHARACTER.search(text))
        or text.startswith(("---", "...", "%"))
        or _DOCUMENT_MARK.search(text)
        or (" #" in text and _CUT_TEXT.search(text))
        or ('"' in text and "\\" in text)  # an escape: the full reader checks what it makes
    ):
        return None
    try:
        return _Lines(text).document()
    except _Unsure:
        return None


class _Lines:
    """The text's lines, read from the top; `at` is the line being read."""

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")
        self.stripped = list(map(str.lstrip, self.raw, repeat(" ")))
        self.comments = " #" in text
        """Whether a comment may follow a value on its line (most files have none)."""
        self.at = 0

    def document(self) -> dict[str, Any]:
        indent = self._next_content()
        if indent != 0 or self._is_item(self.at):
            raise _Unsure
        data = self._mapping(0, 1)
        if self._next_content() >= 0:
            raise _Unsure  # a line the top-level mapping does not take
        return data

    def _next_content(self) -> int:
        """Move to the next line with content (not blank, not a comment): its indent, or -1."""
        stripped = self.stripped
        at = self.at
        while at < len(stripped):
            line = stripped[at]
            if line and line[0] != "#":
                self.at = at
                return len(self.raw[at]) - len(line)
            at += 1
        self.at = at
        return -1

    def _is_item(self, at: int) -> bool:
        line = self.stripped[at]
        return line[:1] == "-" and (len(line) == 1 or line[1] == " ")

    def _mapping(self, indent: int, depth: int) -> dict[str, Any]:
        """The mapping whose first key is on the current line, at `indent` (a plain value is
        read here, the rest by `_value`: most lines of a submission are `key: text`)."""
        if depth > MAX_NESTING:
            raise _Unsure
        out: dict[str, Any] = {}
        raw, stripped = self.raw, self.stripped
        size = len(stripped)
        known = _KNOWN_KEYS
        at = self.at
        while True:
            line = stripped[at]
            # `_KEY.match(line)`, without the expression for the keys already judged
            key, colon, rest = line.partition(": ")  # a key holds no colon: its first
            if not colon:
                if line[-1] != ":":
                    raise _Unsure
                key = line[:-1]
            is_key = known.get(key)
            if not (is_key if is_key is not None else _judged(key)):
                raise _Unsure
            if key in out or key in _NULL_WORDS:
                raise _Unsure  # a duplicate: the full reader reports it where it is
            if rest[:1] == " ":
                rest = rest.lstrip(" ")
            at += 1
            if rest and rest[0] not in _INDICATORS:
                cut = rest.find(" #") if self.comments else -1
                value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
                if ": " in value or value[-1] == ":":
                    raise _Unsure
                out[key] = None if len(value) <= 4 and value in _NULL_WORDS else value
            elif (  # a mapping on the very next line, as an entry's fields are: `_nested`'s way
                not rest
                and at < size
                and (below := stripped[at])
                and below[0] != "#"
                and (following := len(raw[at]) - len(below)) > indent
                and not (below[0] == "-" and (len(below) == 1 or below[1] == " "))
            ):
                self.at = at
                out[key] = self._mapping(following, depth + 1)
                at = self.at
            else:
                self.at = at
                out[key] = self._value(rest, indent, depth, in_mapping=True)
                at = self.at
            while at < size:  # to the next line with content
                line = stripped[at]
                if line and line[0] != "#":
                    break
                at += 1
            else:
                self.at = at
                return out
            following = len(raw[at]) - len(line)
            if following != indent:
                self.at = at
                if following < indent:
                    return out
                raise _Unsure  # a plain text going on to the next line, or worse
            if line[0] == "-" and (len(line) == 1 or line[1] == " "):
                raise _Unsure

    def _sequence(self, indent: int, depth: int, *, under_key: bool) -> list[Any]:
        if depth > MAX_NESTING:
            raise _Unsure
        out: list[Any] = []
        while True:
            line = self.stripped[self.at]
            rest = line[1:].lstrip(" ")
            column = indent + len(line) - len(rest)
            if _KEY.match(rest):  # `- key: value`: a mapping whose indent is the key's column
                self.raw[self.at] = " " * column + rest
                self.stripped[self.at] = rest
                out.append(self._mapping(column, depth + 1))
            else:
                self.at += 1
                out.append(self._value(rest, indent, depth, in_mapping=False))
            following = self._next_content()
            if following < indent:
                return out
            if following > indent:
                raise _Unsure
            if not self._is_item(self.at):
                if under_key:
                    return out  # the next key of the mapping this sequence is the value of
                raise _Unsure

    def _value(self, rest: str, indent: int, depth: int, *, in_mapping: bool) -> Any:
        """The value written after `key:` or `- ` on a line of a collection at `indent`; the
        line is already passed."""
        if not rest or rest[0] == "#":
            return self._nested(indent, depth, in_mapping=in_mapping)
        first = rest[0]
        if first == '"' or first == "'":
            return _quoted(rest)
        if first in _INDICATORS:
            header = rest.rstrip(" ")
            if header in _BLOCK_HEADERS:
                return self._block(indent, folded=header[0] == ">", keep_last=len(header) == 1)
            raise _Unsure
        cut = rest.find(" #")
        value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in value or value[-1] == ":":
            raise _Unsure
        return None if value in _NULL_WORDS else value

    def _nested(self, indent: int, depth: int, *, in_mapping: bool) -> Any:
        """The block node below an empty value, or None when there is none."""
        saved = self.at
        following = self._next_content()
        if following > indent:
            if self._is_item(self.at):
                return self._sequence(following, depth + 1, under_key=False)
            return self._mapping(following, depth + 1)
        if following == indent and in_mapping and self._is_item(self.at):
            return self._sequence(following, depth + 1, under_key=True)
        self.at = saved
        return None

    def _block(self, indent: int, *, folded: bool, keep_last: bool) -> str:
        """A `|` or `>` block (or `|-`, `>-`) whose lines follow, indented more than `indent`."""
        raw, stripped = self.raw, self.stripped
        at = self.at
        block = -1
        lines: list[str] = []
        last = -1  # the line of the file that is the block's last with text
        while at < len(raw):
            line = raw[at]
            if line:
                spaces = len(line) - len(stripped[at])
                if spaces == len(line):
                    raise _Unsure  # a line of spaces only: YAML's rules for it are subtle
                if block < 0:
                    if spaces <= indent:
                        break
                    block = spaces
                elif spaces < block:
                    break
                elif folded and spaces > block:
                    raise _Unsure  # a more indented line keeps its break: a rule of its own
                lines.append(line[block:])
                last = at
            else:
                lines.append("")
            at += 1
        if last < 0:  # no text: the block is empty, and the blank lines are the file's
            return ""
        self.at = last + 1  # the blank lines after the text are not the block's
        del lines[len(lines) - (at - self.at) :]
        text = _folded(lines) if folded else "\n".join(lines)
        # the last line's break is kept, unless stripped (`-`) or at the end of the file
        return text + "\n" if keep_last and last < len(raw) - 1 else text


def _judged(key: str) -> bool:
    """Whether `key`, written before a colon, is a key `_KEY` reads; kept in `_KNOWN_KEYS`."""
    if len(key) > _LONGEST_KEY:
        return False  # not kept: a hostile file's megabyte before a colon
    is_key = _KEY_NAME.fullmatch(key) is not None
    if len(_KNOWN_KEYS) < _KNOWN_KEYS_KEPT:
        _KNOWN_KEYS[key] = is_key
    return is_key


def _folded(lines: list[str]) -> str:
    """Lines of a `>` block: one space between lines, a blank line a line break."""
    parts: list[str] = []
    blank = 0
    for line in lines:
        if not line:
            blank += 1
            continue
        if parts:
            parts.append("\n" * blank if blank else " ")
        else:
            parts.append("\n" * blank)
        parts.append(line)
        blank = 0
    return "".join(parts)


def _quoted(rest: str) -> str:
    """A scalar in quotes that closes on its line with no escape in it."""
    mark = rest[0]
    close = rest.find(mark, 1)
    if close < 0:
        raise _Unsure  # it goes on to the next line
    inside = rest[1:close]
    tail = rest[close + 1 :]
    if mark == "'" and tail[:1] == "'":
        raise _Unsure  # `''`, a quote inside
    if mark == '"' and "\\" in inside:
        raise _Unsure
    if tail and (tail[0] != " " or tail.lstrip(" ")[:1] not in ("", "#")):
        raise _Unsure
    return inside
