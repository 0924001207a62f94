"""The slips of hand-edited YAML that the parser misplaces or lets through silently.

An unclosed quote that a later line's quote happens to close, a `|` block's line indented
less than the block, a Windows path in double quotes (a backslash escape) are each reported
where the parser stops, often far from the mistake; a `#` after text cuts the text without a
word. Each is found here from the text, with the line to change and the fix. Pure: text in,
words out.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import yaml

from hcmlc.diagnostics import Diagnostic, excerpt
from hcmlc.i18n import _
from hcmlc.yamlfiles.syntax_errors import Explained, Mark, quoted

_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""A line break as YAML counts lines (a parser's mark)."""
CURLY_CLOSERS = "”’»"
"""Curly quotation marks that look like the end of a text but close no YAML quote."""
_BLOCK_START = re.compile(r"(?P<indent> *)(?:- +)?(?P<key>[^\s:#][^:#]*?):[ \t]+[|>][-+0-9]*\s*")
_HASH = re.compile(r"[ \t]#[^\s#]")
"""A comment sign after a space, followed by text: `Báo cáo #123`, not `12  # estimated`."""
_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's scanner where PyYAML has it: the same tokens and marks, ten times sooner."""
_ESCAPE_PROBLEMS = ("unknown escape character", "expected hexdecimal number", "escape sequence")


def closed_later(text: str, problem_at: Mark) -> Explained | None:
    """A quote left open on one line that a quote on the line the parser stops at closes: the
    mistake is where the quote opens, not where the parser noticed it."""
    lines = _YAML_BREAK.split(text)
    if problem_at[0] < len(lines) and not {'"', "'"} & set(lines[problem_at[0]]):
        return None  # no quote ends on that line (and a scan is slow through deep flow nesting)
    opened = None
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if token.start_mark.line > problem_at[0]:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line == problem_at[0]
            ):
                opened = token
    except yaml.YAMLError:
        pass
    if opened is None:
        return None
    start = opened.start_mark
    mark = opened.style
    closed = opened.end_mark.line + 1
    return Explained(
        start.line + 1,
        start.column + 1,
        _(
            "the quotation mark {mark} opened here is closed only on line {line}, so the "
            "lines between are read as one text"
        ).format(mark=mark, line=closed),
        quote_hint(text.splitlines()[start.line][start.column + 1 :], mark),
    )


def quote_hint(rest: str, mark: str) -> str:
    """How to close a quote `mark` whose line goes on with `rest`."""
    curly = next((c for c in rest if c in CURLY_CLOSERS), None)
    if curly is not None:
        return _(
            "the text ends with the curly quotation mark {curly}, which does not close {mark}: "
            "type a straight {mark} instead"
        ).format(curly=curly, mark=mark)
    return _("end the text with {mark} on this line, or remove the {mark} at its start").format(
        mark=mark
    )


def block_continuation(lines: list[str], candidates: list[int]) -> Explained | None:
    """A line of a `|` or `>` text block indented less than the block's other lines."""
    for index in candidates:
        source = lines[index] if 0 <= index < len(lines) else ""
        if not source.strip() or source.lstrip().startswith("#"):
            continue
        indent = _indent(source)
        for above in range(index - 1, -1, -1):
            line = lines[above]
            if not line.strip():
                continue
            if start := _BLOCK_START.fullmatch(line):
                block = [b for b in lines[above + 1 : index] if b.strip()]
                depth = min((_indent(b) for b in block), default=0)
                if not block or depth <= _indent(line) or indent >= depth:
                    break
                return Explained(
                    index + 1,
                    1,
                    _(
                        "line {line} is indented less than the text block `{key}: {sign}` that "
                        "starts on line {start}, so it ends the block"
                    ).format(
                        line=index + 1,
                        key=start["key"].strip(),
                        sign=line.split(":", 1)[1].strip()[:1],
                        start=above + 1,
                    ),
                    _(
                        "if the line belongs to the text, indent it by {n} spaces like the "
                        "block's other lines"
                    ).format(n=depth),
                )
            if _indent(line) <= indent:
                break
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def backslash_escape(lines: list[str], problem: str, at: Mark) -> Explained | None:
    """A backslash inside double quotes, as in a Windows path: YAML reads it as an escape."""
    if not any(words in problem for words in _ESCAPE_PROBLEMS):
        return None
    source = lines[at[0]] if 0 <= at[0] < len(lines) else ""
    column = source.rfind("\\", 0, at[1] + 1)
    opening = source.rfind('"', 0, max(column, 0))
    if column < 0 or opening < 0:
        return None
    closing = source.find('"', column)
    value = source[opening + 1 : closing if closing > 0 else len(source)]
    single = "'" + value.replace("'", "''") + "'"
    return Explained(
        at[0] + 1,
        column + 1,
        _(
            "a backslash inside double quotes starts an escape (`\\n`, `\\u…`), so "
            "`{text}` is not read as written"
        ).format(text=excerpt(value)),
        _("write the path in single quotes, {single}, or with forward slashes, {slashes}").format(
            single=excerpt(single), slashes=excerpt(quoted(value.replace("\\", "/")))
        ),
    )


def hash_comments(text: str, root: yaml.Node, display: str) -> list[Diagnostic]:
    """A warning for each text cut short by a `#` YAML reads as the start of a comment."""
    lines = {text.count("\n", 0, match.start()): match.start() for match in _HASH.finditer(text)}
    if not lines:
        return []
    starts = _line_starts(text)
    found = []
    for key, node in _scalars(root, style=""):
        end = node.end_mark
        at = lines.get(end.line)
        if at is None or not node.value or text[end.index : at + 1].strip(" \t"):
            continue
        column = at + 1 - starts[end.line]
        dropped = text[at + 1 : text.find("\n", at) if "\n" in text[at:] else len(text)]
        dropped = dropped.rstrip("\r")
        name = key if key is not None else _("the value")
        whole = f"{node.value} {dropped}"
        found.append(
            Diagnostic(
                display,
                end.line + 1,
                column + 1,
                "HCMLC-W007",
                _(
                    "`{key}` holds only `{kept}`: the text from ` #` on, `{dropped}`, is read as "
                    "a YAML comment and dropped"
                ).format(key=name, kept=excerpt(node.value), dropped=excerpt(dropped)),
                _("to keep the `#`, put the whole value in quotes: {fixed}").format(
                    fixed=excerpt(quoted(whole))
                ),
            )
        )
    return sorted(found, key=Diagnostic.sort_key)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [match.end() for match in re.finditer("\n", text)]
    return starts


def _scalars(root: yaml.Node, *, style: str) -> list[tuple[str | None, yaml.ScalarNode]]:
    """Every scalar value of the tree written in `style` (`""` plain, `'"'` double-quoted),
    with the key it is the value of."""
    found: list[tuple[str | None, yaml.ScalarNode]] = []
    pending: list[tuple[str | None, yaml.Node]] = [(None, root)]
    while pending:
        key, node = pending.pop()
        if isinstance(node, yaml.ScalarNode):
            if (node.style or "") == style:
                found.append((key, node))
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                pending.append((name, value_node))
        elif isinstance(node, yaml.SequenceNode):
            pending += [(key, item) for item in node.value]
    return found


SLIP_SUFFIXES = (".yaml.txt", ".yml.txt")


def renamed(name: str) -> str | None:
    """The name a submission saved with a slip of its extension should have: `so-gddt.yaml.txt`
    (Notepad) or `so-gddt.YAML` → `so-gddt.yaml`; None for a right or unrelated name."""
    lower = name.lower()
    for suffix in SLIP_SUFFIXES:
        if lower.endswith(suffix):
            stem = name[: -len(suffix)]
            return f"{stem}{suffix.removesuffix('.txt')}" if stem else None
    suffix = PurePosixPath(name).suffix
    if suffix.lower() in (".yaml", ".yml") and suffix not in (".yaml", ".yml"):
        stem = name[: -len(suffix)]
        return f"{stem}{suffix.lower()}" if stem else None
    return None


def extension_slip(relative: str) -> Diagnostic:
    """The problem of a submission whose extension hides it from hcmlc."""
    path = PurePosixPath(relative)
    fixed = renamed(path.name) or path.name
    return Diagnostic(
        relative,
        1,
        1,
        "HCMLC-E029",
        _("the file is named `{name}`, so hcmlc does not read it as a submission").format(
            name=path.name
        ),
        _(
            "rename it to {path} (in Windows Explorer, turn on View → File name extensions first)"
        ).format(path=(path.parent / fixed).as_posix()),
    )


NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""Characters no writer can carry as text: C0 and C1 controls but tab and line feed (BEL, ESC,
VT, FF, CR…), surrogates and Unicode's non-characters (U+FFFE …). YAML lets them in only as
escapes in double quotes (`"\\a"`, `"\\uFFFE"`); a workbook refuses them, Word's XML cannot hold
them, and a carriage return in a name would end an e-mail header."""


_PATHS = frozenset(("evidence", "path"))
"""Values whose own rule refuses a control character, as a path (checks.py, photos.py)."""
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ends a line somewhere: in a name, what would end an e-mail header or a table's row."""


def not_text(root: yaml.Node, display: str) -> list[Diagnostic]:
    """An error for each double-quoted text holding a character `NOT_TEXT` names: a value, as a
    key is an id (unknown, with its own message) and a path has its own rule (`_PATHS`)."""
    found = []
    for key, node in _scalars(root, style='"'):
        chars = list(dict.fromkeys(NOT_TEXT.findall(node.value)))
        if not chars or key in _PATHS:
            continue
        mark = node.start_mark
        names = ", ".join(f"U+{ord(c):04X}" for c in chars[:5])
        found.append(
            Diagnostic(
                display,
                mark.line + 1,
                mark.column + 1,
                "HCMLC-E008",
                _(
                    "`{key}` holds a control character or a non-character ({chars}), which no "
                    "workbook, document or e-mail can carry"
                ).format(key=key if key is not None else _("the value"), chars=names),
                _(
                    "delete the escape (`\\a`, `\\e`, `\\r`, `\\uFFFE` …) from the quoted text; "
                    "for a line break, write the text as a `|` block"
                ),
            )
        )
    return sorted(found, key=Diagnostic.sort_key)
