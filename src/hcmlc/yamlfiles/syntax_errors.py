"""A YAML syntax error explained: where the mistake is, in plain words, with the fix.

The parser stops where it notices a problem, which is often a line or a block after the
mistake: an unclosed quote is noticed at the end of the file, a missing space after a colon on
the next line, a block shifted by one space at its correct neighbour. This module looks at the
text around the parser's marks for the common causes and names the line to change and what
to write there. The parser's own words are kept only as a detail. Pure: text in, words out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from hcmlc.i18n import _, counted

Mark = tuple[int, int]
"""0-based (line, column), as the parser gives them."""

_INVISIBLE = {
    "\u00a0": "no-break space",
    "\u200b": "zero-width space",
    "\ufeff": "byte-order mark",
    "\u2009": "thin space",
    "\u202f": "narrow no-break space",
    "\u3000": "ideographic space",
}
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
"""Characters that take no room: deleted, not replaced by a space."""
_ENTRY = re.compile(
    r"(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*'):"
    r"(?P<space>[ \t]+)(?P<value>.*?)\s*"
)
_NO_SPACE = re.compile(r"(?P<indent> *)(?P<dash>- +)?(?P<key>[\w.-]+):(?P<value>[^\s/].*?)\s*")
_NO_COLON = re.compile(r"(?P<indent> *)(?P<key>[\w.-]+) +(?P<value>[^:#\s].*?)\s*")
_RESERVED = "@`%*&!|>[{\"'?"
"""Characters that, first in a plain value, make YAML read markup instead of text."""


@dataclass(frozen=True)
class Explained:
    """A syntax error in words: 1-based line and column of the mistake, message and hint."""

    line: int
    column: int
    message: str
    hint: str
    fix: tuple[str, str] | None = None
    """(old, new) at the place, when the fix is certain (`Diagnostic.fix`)."""


def explain(
    text: str, problem: str, problem_at: Mark, context: str | None, context_at: Mark | None
) -> Explained:
    """The mistake behind the parser's `problem` (at `problem_at`, within `context`)."""
    from hcmlc.yamlfiles import (
        slips as yaml_slips,  # the rarer slips, read only when a file has an error
    )

    lines = text.splitlines()
    continued = [context_at[0]] if context_at and "simple key" in (context or "") else []
    found = (
        _invisible(lines, problem_at)
        or _tab(lines, problem, problem_at)
        or yaml_slips.backslash_escape(lines, problem, problem_at)
        or _unclosed_quote(lines, context, context_at)
        or yaml_slips.closed_later(text, problem_at)
        or yaml_slips.block_continuation(lines, [*continued, problem_at[0]])
        or _second_document(problem, problem_at)
        or _missing_space(lines, problem, problem_at, context_at)
        or _indentation(lines, problem_at[0])
        or _markup_in_value(lines, problem_at)
        or (context_at and _markup_in_value(lines, context_at))
        or Explained(
            problem_at[0] + 1,
            problem_at[1] + 1,
            _("the YAML is not valid here"),
            _("check the indentation and the `key: value` form on this line and the one above"),
        )
    )
    detail = _("{message} (YAML parser: {detail})").format(message=found.message, detail=problem)
    return Explained(found.line, found.column, detail, found.hint, found.fix)


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _invisible(lines: list[str], at: Mark) -> Explained | None:
    for index in (at[0], at[0] - 1):
        source = _line(lines, index)
        for column, char in enumerate(source):
            if (
                char in _INVISIBLE
                or char in ZERO_WIDTH
                or (char != " " and unicodedata.category(char) == "Zs")
            ):
                name = _INVISIBLE.get(char, unicodedata.name(char, "space").lower())
                return Explained(
                    index + 1,
                    column + 1,
                    _(
                        "an invisible character ({name}, U+{code:04X}) where YAML expects a "
                        "space or a key"
                    ).format(name=name, code=ord(char)),
                    _(
                        "delete it: it takes no room, so nothing goes in its place; it comes "
                        "from text copied out of Word, Excel or a web page"
                    )
                    if char in ZERO_WIDTH
                    else _(
                        "delete it and type an ordinary space; it comes from text copied out of "
                        "Word, Excel or a web page"
                    ),
                    # before the key, where only spaces belong: the fix is certain
                    (char, "" if char in ZERO_WIDTH else " ")
                    if not source[:column].strip()
                    else None,
                )
    return None


def _tab(lines: list[str], problem: str, at: Mark) -> Explained | None:
    for index in (at[0], at[0] - 1):
        source = _line(lines, index)
        indent = source[: len(source) - len(source.lstrip(" \t"))]
        if "\t" in indent or ("tab" in problem and "\t" in source):
            column = source.index("\t")
            return Explained(
                index + 1,
                column + 1,
                _("a tab character: YAML indents with spaces only"),
                _("YAML indentation uses spaces, not tabs: replace the tab with spaces"),
                _tab_fix(lines, index, indent, column) if "\t" in indent else None,
            )
    return None


def _tab_fix(lines: list[str], index: int, indent: str, column: int) -> tuple[str, str] | None:
    """The spaces a tab-indented line needs: its previous line's indentation, or two more when
    that line opens a block (`key:`); None when the tab is not the only doubt."""
    above = next((s for s in reversed(lines[:index]) if _content(s)), None)
    if above is None or "\t" in above[: len(above) - len(above.lstrip(" \t"))]:
        return None
    width = len(above) - len(above.lstrip(" ")) + (2 if above.rstrip().endswith(":") else 0)
    if width < column:
        return None
    return indent[column:], " " * (width - column)


def _unclosed_quote(lines: list[str], context: str | None, at: Mark | None) -> Explained | None:
    if at is None or not context or "quoted scalar" not in context:
        return None
    from hcmlc.yamlfiles.slips import quote_hint

    source = _line(lines, at[0])
    mark = source[at[1] : at[1] + 1] or '"'
    return Explained(
        at[0] + 1,
        at[1] + 1,
        _("the quotation mark {mark} opened here is never closed").format(mark=mark),
        quote_hint(source[at[1] + 1 :], mark),
    )


def _second_document(problem: str, at: Mark) -> Explained | None:
    if "another document" not in problem:
        return None
    return Explained(
        at[0] + 1,
        1,
        _("a second YAML document starts here with `---`; a file holds one"),
        _("delete the `---` line and merge what follows it into the keys above"),
    )


def _missing_space(
    lines: list[str], problem: str, problem_at: Mark, context_at: Mark | None
) -> Explained | None:
    """`value:98.5` (no space after the colon) or `year 2022` (no colon), on the line the parser
    names in its context or on the line before the one it stops at."""
    candidates = [context_at[0]] if context_at and "expected ':'" in problem else []
    if "mapping values" in problem or "expected ':'" in problem:
        candidates.append(problem_at[0] - 1)
    for index in candidates:
        source = _line(lines, index)
        if match := _NO_SPACE.fullmatch(source):
            written = source.strip()
            fixed = f"{match['dash'] or ''}{match['key']}: {match['value']}"
            return Explained(
                index + 1,
                len(match["indent"]) + 1,
                _("no space after the colon in `{text}`").format(text=written),
                _("put a space after the colon: `{fixed}`").format(fixed=fixed),
            )
        if (match := _NO_COLON.fullmatch(source)) and ":" not in source:
            fixed = f"{match['key']}: {match['value']}"
            return Explained(
                index + 1,
                len(match["indent"]) + 1,
                _("`{text}` has no colon: YAML expects `key: value`").format(text=source.strip()),
                _("write `{fixed}`").format(fixed=fixed),
            )
    return None


@dataclass(frozen=True)
class _Key:
    indent: int
    index: int
    """0-based line."""
    name: str
    opens: bool
    """Whether the line ends with a colon, opening a block below it."""


def _content(source: str) -> bool:
    stripped = source.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key(index: int, source: str) -> _Key:
    stripped = source.strip()
    name = stripped.split(":", 1)[0].removeprefix("- ").strip()
    return _Key(len(source) - len(source.lstrip(" ")), index, name, stripped.endswith(":"))


def _indentation(lines: list[str], index: int) -> Explained | None:
    """A line (or a whole block) indented so that it lines up with no key above it."""
    source = _line(lines, index)
    if not _content(source):
        return None
    here = _key(index, source)
    stack: list[_Key] = []
    for k in range(index):
        if _content(lines[k]):
            key = _key(k, lines[k])
            while stack and stack[-1].indent >= key.indent:
                stack.pop()
            stack.append(key)
    if not stack:
        return None
    last = stack[-1]
    if here.indent in {k.indent for k in stack} or (last.opens and here.indent > last.indent):
        return None
    parents = [k for k in stack if k.indent < here.indent]
    children = [k for k in stack if k.indent > here.indent]
    if parents and children and here.indent - parents[-1].indent == 2:
        # The block above is the one that is off: its neighbours line up here.
        parent, block = parents[-1], _first_child(lines, parents[-1])
        return Explained(
            block.index + 1,
            1,
            _(
                "`{key}:` and its lines are indented by {n}, but the other keys under "
                "`{parent}:` by {m}"
            ).format(
                key=block.name, n=_spaces(block.indent), parent=parent.name, m=_spaces(here.indent)
            ),
            _("indent `{key}:` and its lines by {m}, like `{other}:` on line {line}").format(
                key=block.name, m=_spaces(here.indent), other=here.name, line=index + 1
            ),
        )
    nearest = min(
        stack,
        key=lambda k: (abs(k.indent - here.indent), _is_id(k.name) != _is_id(here.name), k.indent),
    )
    hint = (
        _("indent it by {m}, like `{key}:` on line {other}")
        if nearest.indent
        else _("start it at the beginning of the line, like `{key}:` on line {other}")
    )
    return Explained(
        index + 1,
        1,
        _("line {line} is indented by {n}, which lines up with no key above it").format(
            line=index + 1, n=_spaces(here.indent)
        ),
        hint.format(m=_spaces(nearest.indent), key=nearest.name, other=nearest.index + 1),
    )


def _spaces(n: int) -> str:
    return counted(n, "{n} space", "{n} spaces")


def _is_id(name: str) -> bool:
    """Whether a key is an indicator or question id rather than a field: siblings look alike."""
    return any(c.isdigit() or c == "-" for c in name)


def _first_child(lines: list[str], parent: _Key) -> _Key:
    for k in range(parent.index + 1, len(lines)):
        if _content(lines[k]):
            return _key(k, lines[k])
    return parent


def _markup_in_value(lines: list[str], at: Mark) -> Explained | None:
    """A plain value YAML reads as markup: a `: ` inside it, or a reserved first character."""
    source = _line(lines, at[0])
    match = _ENTRY.fullmatch(source)
    if not match or not match["value"]:
        return None
    key, value = match["key"], match["value"]
    fixed = f"{match['dash'] or ''}{key}: {quoted(value)}"
    column = (
        len(match["indent"]) + len(match["dash"] or "") + len(key) + 1 + len(match["space"]) + 1
    )
    if value == "-":
        return Explained(
            at[0] + 1,
            column,
            _("`{key}: -` holds a dash alone, which YAML reads as the start of a list").format(
                key=key
            ),
            _(
                "if there is no figure yet, leave this entry out; for a dash as text, "
                "write `{fixed}`"
            ).format(fixed=fixed),
        )
    if value[0] in _RESERVED or value.startswith("- "):
        message = _("the value of `{key}` starts with {char}, which YAML reads as markup").format(
            key=key, char=value[0]
        )
    elif ": " in value or value.endswith(":"):
        message = _("the value of `{key}` holds `: `, which YAML reads as a new key").format(
            key=key
        )
    else:
        return None
    return Explained(
        at[0] + 1,
        column,
        message,
        _("put the whole value in quotes: `{fixed}`").format(fixed=fixed),
    )


def quoted(value: str) -> str:
    """`value` as a YAML quoted text: single quotes when it holds double ones."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)
