"""A YAML file edited to hold new plain data, changing only the lines that must change.

`import` writes what a workbook supplied into the agency's submission file. The file is the
agency's: its comments, notes, order, quoting and blank lines stay as they are. So the new text
is the old one with the fewest edits — a changed value replaced where it stands, a new entry
written in place of its commented stub (as someone following `new-submission`'s instructions
would) or beside its neighbours, a withdrawn entry's lines removed — located through the node
tree of `yamlio`. The result is read back and must give exactly the data asked for; otherwise
nothing is written.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from hcmlc.errors import HcmlcError
from hcmlc.i18n import _
from hcmlc.yamlfiles.reader import Loc, parse_yaml

NOT_TEXT_CODE = "HCMLC-E008"
Order = Callable[[Loc], list[str]]
"""The keys a mapping at a location has, in the order a new one is placed among them."""

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML counts them (so that node marks and lines agree)."""
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


class EditFailed(HcmlcError):
    """The file could not be edited to hold the data asked for; it is left as it was."""

    exit_code = 1


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    order: int
    """Edits at one place apply in the order they were made."""


def edit(text: str, before: dict[str, Any], after: dict[str, Any], order: Order, path: str) -> str:
    """`text` (whose data is `before`) edited so that its data is `after`."""
    if before == after:
        return text
    editor = _Editor(text)
    editor.mapping((), editor.root, before, after, order)
    result = editor.apply()
    check = parse_yaml(result, path)
    refused = next((p for p in check.problems if p.code == NOT_TEXT_CODE), None)
    if refused is not None:  # what validate refuses is not written (slips.not_text)
        raise EditFailed(
            refused.message,
            _("type the text again without it: it came with a character no document can hold"),
        )
    if check.problems or check.data != after:
        raise EditFailed(
            _("could not write the changes into {file} keeping its comments and layout").format(
                file=path
            ),
            _("enter the changes in the file by hand, or report this with the file"),
        )
    return result


class _Editor:
    """The edits that turn a file's text into one holding new data, made through its nodes."""

    def __init__(self, text: str) -> None:
        self.newline = "\r\n" if "\r\n" in text else "\n"
        if text and not _BREAK.search(text[-1]):
            text += self.newline
        self.text = text
        self.lines = _Lines(text)
        root = parse_yaml(text, "").root
        assert isinstance(root, yaml.MappingNode)  # a submission that passed its model
        self.root = root
        self.edits: list[_Edit] = []

    def apply(self) -> str:
        text = self.text
        for change in sorted(self.edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
            text = text[: change.start] + change.text + text[change.end :]
        return text

    # Mappings -------------------------------------------------------------------------------

    def mapping(
        self,
        loc: Loc,
        node: yaml.MappingNode,
        before: dict[str, Any],
        after: dict[str, Any],
        order: Order,
        parent: yaml.Node | None = None,
    ) -> None:
        """Edit the block mapping `node` (the value of key `parent`, None for the whole file)."""
        pairs = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        indent = node.value[0][0].start_mark.column if node.value else 0
        for key in [*before, *(k for k in after if k not in before)]:
            if key in before and key not in after:
                self._remove(*pairs[key])
            elif key not in before:
                self._insert(loc, node, key, after[key], indent, order, parent)
            elif before[key] != after[key]:
                self._change(loc + (key,), *pairs[key], before[key], after[key], order)

    def _change(
        self, loc: Loc, key: yaml.Node, value: yaml.Node, old: Any, new: Any, order: Order
    ) -> None:
        indent = key.start_mark.column
        block = isinstance(value, yaml.MappingNode) and not value.flow_style
        if isinstance(value, yaml.MappingNode) and block and value.value and isinstance(old, dict):
            if isinstance(new, dict):
                self.mapping(loc, value, old, new, order, key)
                return
            if new is None:
                for child_key, child_value in value.value:
                    self._remove(child_key, child_value)
                return
        if isinstance(new, dict) and new and old is None and _is_empty(value):
            for name, child in new.items():
                self._insert(loc, None, name, child, indent + 2, order, key)
        elif isinstance(new, str) and isinstance(value, yaml.ScalarNode):
            self._replace_scalar(key, value, new)
        else:
            start, end = self.lines.span(key, value)
            self._put(start, end, _lines(key.value, new, indent))

    def _replace_scalar(self, key: yaml.Node, value: yaml.ScalarNode, new: str) -> None:
        start, end = value.start_mark.index, self.lines.content_end(value)
        written = scalar(new)
        if written is None:
            head, *body = _literal(new, key.start_mark.column + 2)
            rest = _BREAK.sub("", self.text[end : self.lines.line_after(self.lines.line(end))])
            if rest.strip().startswith("#"):  # a comment after the old value: keep it
                head += "  " + rest.strip()
                end += len(rest)
            written = self.newline.join([head, *body])
        if start == end and self.text[start - 1 : start] == ":":
            written = " " + written
        self._edit(start, end, written)

    def _remove(self, key: yaml.Node, value: yaml.Node) -> None:
        self._edit(*self.lines.span(key, value), "")

    def _insert(
        self,
        loc: Loc,
        node: yaml.MappingNode | None,
        key: str,
        value: Any,
        indent: int,
        order: Order,
        parent: yaml.Node | None,
    ) -> None:
        """Add `key: value` to the mapping at `loc`: in place of its commented stub, else after
        the siblings that come before it in `order`."""
        lines = _lines(key, value, indent)
        stub = self._stub(key, indent, self._region(parent))
        if stub is not None:
            self._put(*stub, lines)
            return
        siblings = list(node.value) if node is not None else []
        rank = {name: n for n, name in enumerate(order(loc))}
        mine = rank.get(key, len(rank))
        earlier = [pair for pair in siblings if rank.get(pair[0].value, len(rank)) <= mine]
        if earlier:
            at = self.lines.span(*earlier[-1])[1]
        elif siblings:
            at = self.lines.starts[siblings[0][0].start_mark.line]
        elif parent is not None:
            at = self.lines.line_after(parent.start_mark.line)
        else:
            at = len(self.text)
        if not loc and isinstance(value, dict):
            lines = ["", *lines]
        self._put(at, at, lines)

    def _region(self, parent: yaml.Node | None) -> tuple[int, int]:
        """The lines under the key `parent` (the whole file for None): where its stubs are."""
        if parent is None:
            return 0, len(self.lines.starts)
        first = last = parent.start_mark.line + 1
        while last < len(self.lines.starts) and self._inside(last, parent.start_mark.column):
            last += 1
        return first, last

    def _inside(self, line: int, column: int) -> bool:
        """Whether `line` belongs under a key at `column`: blank, a comment, or indented deeper."""
        text = self.lines.text_of(line)
        stripped = text.lstrip(" ")
        return not stripped or stripped.startswith("#") or len(text) - len(stripped) > column

    def _stub(self, key: str, indent: int, region: tuple[int, int]) -> tuple[int, int] | None:
        """The lines of `key`'s commented stub (`# key:` and its `#   field:` lines), if any."""
        head = re.compile(" " * indent + "# " + re.escape(key) + r":[ \t]*")
        body = " " * indent + "#   "
        for line in range(*region):
            if head.fullmatch(self.lines.text_of(line)):
                last = line + 1
                while last < len(self.lines.starts) and self.lines.text_of(last).startswith(body):
                    last += 1
                return self.lines.starts[line], self.lines.line_start(last)
        return None

    def _put(self, start: int, end: int, lines: list[str]) -> None:
        self._edit(start, end, "".join(line + self.newline for line in lines))

    def _edit(self, start: int, end: int, text: str) -> None:
        self.edits.append(_Edit(start, end, text, len(self.edits)))


class _Lines:
    """A text and where its lines start, as YAML counts line breaks (so node marks agree)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def span(self, key: yaml.Node, value: yaml.Node) -> tuple[int, int]:
        """From the start of the key's line to the start of the line after its value's end."""
        end = self.content_end(value)
        return self.starts[key.start_mark.line], self.line_after(self.line(max(end - 1, 0)))

    def content_end(self, node: yaml.Node) -> int:
        """Just after the node's last character (a block scalar's trailing breaks excluded)."""
        if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1])
        end = node.end_mark.index
        while end > node.start_mark.index and self.text[end - 1] in " \t\r\n\x85\u2028\u2029":
            end -= 1
        return end

    def line(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index) - 1

    def line_start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def line_after(self, line: int) -> int:
        return self.line_start(line + 1)

    def text_of(self, line: int) -> str:
        end = self.line_start(line + 1)
        return _BREAK.sub("", self.text[self.starts[line] : end])


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _lines(key: str, value: Any, indent: int) -> list[str]:
    """`key: value` as block YAML at `indent`."""
    pad = " " * indent
    name = scalar(key) or json.dumps(key, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return [f"{pad}{name}: {{}}"]
        return [f"{pad}{name}:"] + [
            line for child, item in value.items() for line in _lines(child, item, indent + 2)
        ]
    if isinstance(value, list):
        if not value:
            return [f"{pad}{name}: []"]
        return [f"{pad}{name}:", *(line for item in value for line in _item(item, indent + 2))]
    if value is None:
        return [f"{pad}{name}:"]
    text = str(value)
    written = scalar(text)
    if written is not None:
        return [f"{pad}{name}: {written}"]
    head, *body = _literal(text, indent + 2)
    return [f"{pad}{name}: {head}", *body]


def _item(value: Any, indent: int) -> list[str]:
    """One `- ` item of a block sequence at `indent`."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        first, *rest = (line for k, v in value.items() for line in _lines(k, v, indent + 2))
        return [f"{pad}- {first.lstrip()}", *rest]
    if isinstance(value, dict | list):
        return [f"{pad}- {json.dumps(value, ensure_ascii=False)}"]
    if value is None:
        return [f"{pad}-"]
    written = scalar(str(value))
    if written is not None:
        return [f"{pad}- {written}"]
    head, *body = _literal(str(value), indent + 2)
    return [f"{pad}- {head}", *body]


def scalar(text: str) -> str | None:
    """`text` on one line: plain where YAML reads it back as the same text, else double-quoted;
    None for a text of several lines (a literal block is clearer). hcmlc's one writer of a
    YAML scalar (new-cycle and import both write through it)."""
    if "\n" in text:
        return None
    if _plain(text):
        return text
    return quoted(text)


def _read_as_other(text: str) -> bool:
    """Whether a YAML reader would take plain `text` for something else than a text: a
    boolean of YAML 1.1 (`yes`, `no`, `on`, `off`, `y`, `n`) or 1.2 (`true`), or a number in a
    form other than hcmlc's decimals (`0x1F`, `0o17`, `.inf`, `.nan`, `1_000`, `1:20`, `+1`).
    A decimal figure (`98.5`, `12`) and a date stay plain: they are what they look like."""
    if _YAML11_BOOL.fullmatch(text):
        return True
    kind = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, text, (True, False))  # type: ignore[arg-type, no-untyped-call]
    if kind == "tag:yaml.org,2002:bool":
        return True
    if kind in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return not _DECIMAL.fullmatch(text)
    return bool(_YAML12_NUMBER.fullmatch(text))


_YAML11_BOOL = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
)
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_YAML12_NUMBER = re.compile(
    r"[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|\.(inf|Inf|INF|nan|NaN|NAN)|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?)"
)


def _plain(text: str) -> bool:
    if text in _NULLS or text != text.strip() or not all(_printable(c) for c in text):
        return False
    if _read_as_other(text):
        return False
    first = text[0]
    if first in _INDICATORS and not (first in "-?:" and len(text) > 1 and text[1] not in " \t"):
        return False
    if text.startswith(("---", "...")) or text.endswith(":") or "\t" in text:
        return False
    return ": " not in text and " #" not in text


def quoted(text: str) -> str:
    """`text` double-quoted, every character YAML cannot print escaped."""
    escaped = json.dumps(text, ensure_ascii=False)
    return "".join(c if _printable(c) or c == '"' else f"\\u{ord(c):04x}" for c in escaped)


def _literal(text: str, indent: int) -> list[str]:
    """A literal block (`|-`) of `text`'s lines at `indent`; double-quoted when a line would not
    survive as one (leading spaces, characters YAML cannot print)."""
    keep = text.endswith("\n") and not text.endswith("\n\n")
    body = text[:-1] if keep else text
    lines = body.split("\n")
    if (
        body.startswith((" ", "\t"))
        or body.endswith("\n")
        or not all(_printable(c) or c == "\t" for c in body.replace("\n", ""))
    ):
        return [quoted(text)]
    pad = " " * indent
    return ["|" if keep else "|-", *(pad + line if line else "" for line in lines)]


def _printable(char: str) -> bool:
    """Whether YAML 1.1 may hold `char` as it is (else it must be escaped)."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code not in (0xFEFF,))
        or code >= 0x10000
    ) and char not in "\u2028\u2029"
