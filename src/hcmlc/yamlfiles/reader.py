"""The one module that reads YAML: bytes → NFC text → located node tree → plain data.

Scalars stay strings (or None for an empty value): the models type them, so YAML 1.1's
guesses (`no` → False, `08` → error, `1.10` → 1.1) never reach the data. To locate a problem
found later, the text is kept and composed again into its node tree only when a problem asks
for a line: the valid path pays nothing for locating.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hcmlc.diagnostics import Diagnostic
from hcmlc.files.filesystem import SpecialFile, TooLarge, read_regular
from hcmlc.i18n import N_, _, grouped
from hcmlc.yamlfiles import slips as yaml_slips
from hcmlc.yamlfiles import syntax_errors as yaml_errors
from hcmlc.yamlfiles.plain_reader import read_plain

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml: slower, same results
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
"""Larger files are refused unread: an agency's submission is a few tens of kilobytes."""
MAX_DEPTH = 50
"""Deeper nesting is refused: hcmlc's own files nest about ten levels, and a reader that
followed a hostile file down would run out of stack."""

_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_ENCODING_HINT = N_(
    "save the file as UTF-8: in Notepad, File → Save As → Encoding: UTF-8; "
    "in VS Code, click the encoding in the status bar → Save with Encoding → UTF-8"
)

Loc = tuple[str | int, ...]
_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s\[\]{},]", re.MULTILINE)
"""Where an anchor may stand: `&name` where a value starts. A text such as `Sở VH&TT` or
`R & D` holds none, so its file is neither scanned for anchors nor tracked for aliases."""


class Loader(_BaseLoader):
    """PyYAML's C loader resolving only what the builder needs: null, or else a string.

    PyYAML's resolver tries regular expressions on every scalar to guess a type that hcmlc
    would throw away; this one costs a set lookup. Explicit tags are still reported as written.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in _NULL_WORDS else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to track while descending."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track while ascending."""


@dataclass(frozen=True)
class Document:
    """A YAML file read into plain data, with its text for locating problems."""

    path: str
    data: Any
    text: str | None
    problems: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    """Slips worth a word that do not keep the file from being read (a text cut by ` #`):
    reported by validate, never a reason to refuse the file."""

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        """The node tree, composed again from the text the first time a problem needs it."""
        return yaml.compose(self.text, Loader=Loader) if self.text else None

    @functools.cached_property
    def _index(self) -> NodeIndex:
        return NodeIndex()

    def at(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `loc`, or of its key when `key` is set."""
        return locate(self.root, loc, key=key, index=self._index)

    def problem(
        self,
        loc: Loc,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        fix: tuple[str, str] | None = None,
    ) -> Diagnostic:
        """A diagnostic located at `loc` in this document; `fix` as `Diagnostic.fix`."""
        line, column = self.at(loc, key=key)
        return Diagnostic(self.path, line, column, code, message, hint, fix=fix)


def read_yaml(path: Path, display: str) -> Document:
    """Read one YAML file; every failure becomes a located problem, never an exception."""
    raw = read_raw(path, display)
    if isinstance(raw, Diagnostic):
        return Document(display, None, None, [raw])
    return parse_bytes(raw, display)


def read_raw(path: Path, display: str) -> bytes | Diagnostic:
    """The file's bytes, or the problem that kept them from being read."""
    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        return Diagnostic(
            display,
            1,
            1,
            "HCMLC-E050",
            _("the file is {size} bytes, over the limit of {limit}").format(
                size=grouped(exc.size), limit=grouped(MAX_BYTES)
            ),
            _(
                "a submission holds text and figures only: put documents and photos in "
                "their own files and give their paths"
            ),
        )
    except SpecialFile as exc:
        message = _("the file is {kind}, not a regular file; hcmlc does not read it")
        hint = _("replace it with a regular file, or delete it")
        return Diagnostic(display, 1, 1, "HCMLC-E006", message.format(kind=exc.kind), hint)
    except OSError as exc:
        message = _("cannot read the file: {reason}").format(reason=exc.strerror)
        return Diagnostic(display, 1, 1, "HCMLC-E006", message)


def parse_bytes(raw: bytes, display: str) -> Document:
    """Decode and parse a file's bytes; see `read_yaml`."""
    text, problem = _decode(raw, display)
    if problem:
        return Document(display, None, None, [problem])
    return parse_yaml(text, display)


def plain_data(raw: bytes) -> Any:
    """A file's data as plain strings, lists and mappings, without places or problems (None
    when it does not read): to compare versions of a file quickly (received.py). A text with
    anchors goes the guarded way of `parse_bytes`, which bounds what aliases expand to."""
    text, problem = _decode(raw, "history")
    if problem:
        return None
    plain = read_plain(text)
    if plain is not None:
        return plain
    if _ANCHOR.search(text):
        return parse_yaml(text, "history").data
    try:
        return yaml.load(text, Loader=Loader)
    except (yaml.YAMLError, RecursionError):
        return None


def parse_yaml(text: str, display: str) -> Document:
    """Parse YAML text already decoded; see `read_yaml`. Plain YAML, as people write it, is
    read by plain_reader.py; anything else, or anything it is unsure of, by PyYAML."""
    text = unicodedata.normalize("NFC", text)
    plain = read_plain(text)
    if plain is not None:
        return Document(display, plain, text)
    return parse_full(text, display)


def parse_full(text: str, display: str) -> Document:
    """Parse NFC text with PyYAML's parser: every problem found and located."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except RecursionError:  # PyYAML's pure-Python composer, without libyaml, recurses
        return _failed(display, 1, 1, "HCMLC-E005", _too_deep(), _(_TOO_DEEP_HINT))
    except yaml.MarkedYAMLError as exc:
        found = explain_syntax_error(text, exc)
        problem = Diagnostic(
            display,
            found.line,
            found.column,
            "HCMLC-E001",
            found.message,
            found.hint,
            fix=found.fix,
        )
        return Document(display, None, None, [problem])
    except yaml.YAMLError as exc:
        return _failed(
            display, 1, 1, "HCMLC-E001", _("YAML syntax error: {problem}").format(problem=exc)
        )
    if root is None:
        return _failed(display, 1, 1, "HCMLC-E003", _("the file is empty"), _(_EMPTY_HINT))
    # no anchor, no alias (`Sở VH&TT` is none); a text without `&` needs no scan (the scan
    # tries the pattern at every character: 0.9 s over a city's 27 MB)
    anchored = "&" in text and _ANCHOR.search(text) is not None
    builder = _Builder(display, track_aliases=anchored)
    data = builder.build(root, depth=1)
    if data is None and not builder.problems:  # `~`, `null`, a lone `---`: says nothing
        return _failed(display, 1, 1, "HCMLC-E003", _("the file is empty"), _(_EMPTY_HINT))
    problems = builder.problems + (_unused_anchors(text, display) if anchored else [])
    if '"' in text and "\\" in text:  # an escape in double quotes: the only way in for them
        problems += yaml_slips.not_text(root, display)
    warnings = yaml_slips.hash_comments(text, root, display) if "#" in text else []
    return Document(display, data, text, problems, warnings)


def locate(
    root: yaml.Node | None, loc: Loc, *, key: bool = False, index: NodeIndex | None = None
) -> tuple[int, int]:
    """Walk `loc` through the node tree; stop at the deepest node that exists."""
    index = index or NodeIndex()
    node = root
    key_node: yaml.Node | None = None
    for part in loc:
        child = index.child(node, part)
        if child is None:
            key_node = None
            break
        key_node, node = child
    target = key_node if key and key_node is not None else node
    if target is None:
        return 1, 1
    return target.start_mark.line + 1, target.start_mark.column + 1


class NodeIndex:
    """The keys of each mapping node, indexed when first asked: locating a problem costs the
    depth of its place, not the size of its mapping, so a file of 100,000 unknown keys is
    located in linear time. A repeated key finds its first occurrence, as YAML readers do."""

    def __init__(self) -> None:
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}
        self._nodes: list[yaml.Node] = []  # keeps each indexed node alive, so its id holds

    def child(
        self, node: yaml.Node | None, part: str | int
    ) -> tuple[yaml.Node | None, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        keys.setdefault(key_node.value, (key_node, value_node))
                self._keys[id(node)] = keys
                self._nodes.append(node)
            return keys.get(str(part))
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            return None, node.value[part]
        return None


def _unused_anchors(text: str, display: str) -> list[Diagnostic]:
    """An anchor (`&name`) that no alias uses: refused like aliases, as the README promises
    (the builder reports each alias where it is used)."""
    anchors: dict[str, tuple[int, int]] = {}
    used: set[str | None] = set()
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            used.add(event.anchor)
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None and event.start_mark:
            mark = event.start_mark
            anchors.setdefault(event.anchor, (mark.line + 1, mark.column + 1))
    return [
        Diagnostic(
            display,
            line,
            column,
            "HCMLC-E005",
            _("anchors and aliases (&name, *name) are not supported"),
            _("write the value out in full, as plain YAML"),
        )
        for name, (line, column) in anchors.items()
        if name not in used
    ]


class _Builder:
    """Turns a node tree into dicts, lists and strings, reporting what PyYAML would hide."""

    def __init__(self, display: str, *, track_aliases: bool = True) -> None:
        self.display = display
        self.problems: list[Diagnostic] = []
        self._seen: set[int] | None = set() if track_aliases else None

    def build(self, node: yaml.Node, used_at: yaml.Node | None = None, *, depth: int) -> Any:
        if depth > MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            mark = node.start_mark
            self.problems.append(
                Diagnostic(
                    self.display,
                    mark.line + 1,
                    mark.column + 1,
                    "HCMLC-E005",
                    _too_deep(),
                    _(_TOO_DEEP_HINT),
                )
            )
            return None
        if self._seen is not None:
            if id(node) in self._seen:
                # An alias re-visits a node: refuse it, so no file can expand exponentially.
                message = _("anchors and aliases (&name, *name) are not supported")
                return self._refuse(used_at or node, message)
            self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            return self._refuse(
                node, _("the YAML tag `{tag}` is not supported").format(tag=node.tag)
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, node, depth=depth + 1) for item in node.value]
        if node.tag == _NULL:
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth=depth + 1)
            if not isinstance(key, str):
                self._refuse(key_node, _("a key must be a plain word, not a list or mapping"))
                continue
            if key in out:
                mark = key_node.start_mark
                self.problems.append(
                    Diagnostic(
                        self.display,
                        mark.line + 1,
                        mark.column + 1,
                        "HCMLC-E004",
                        _("duplicate key `{key}`: it is already set on line {line}").format(
                            key=key, line=first_line[key]
                        ),
                        _("keep one of the two entries; YAML would silently drop the first"),
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, key_node, depth=depth + 1)
        return out

    def _refuse(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        hint = _("write the value out in full, as plain YAML")
        self.problems.append(
            Diagnostic(self.display, mark.line + 1, mark.column + 1, "HCMLC-E005", message, hint)
        )


_EMPTY_HINT = N_("write the file's keys, or delete it")
_TOO_DEEP_HINT = N_("hcmlc's files nest a few levels deep: check the indentation")


def _too_deep() -> str:
    return _("the YAML is nested more than {depth} levels deep").format(depth=MAX_DEPTH)


def _decode(raw: bytes, display: str) -> tuple[str, Diagnostic | None]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(raw):
        message = _("the file is encoded as UTF-16, not UTF-8")
        return "", Diagnostic(display, 1, 1, "HCMLC-E002", message, _(_ENCODING_HINT))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = _(
            "the file is not valid UTF-8 (byte 0x{byte:02x}); it was probably "
            "saved as Windows-1258 or another legacy encoding"
        ).format(byte=raw[exc.start])
        return "", Diagnostic(display, line, column, "HCMLC-E002", message, _(_ENCODING_HINT))


def _utf16_without_bom(raw: bytes) -> bool:
    """Whether most odd or most even bytes of the start are zero, as in UTF-16 Latin text."""
    head = raw[:200]
    half = len(head) // 2
    return half >= 2 and max(head[0::2].count(0), head[1::2].count(0)) > half // 2


def explain_syntax_error(text: str, exc: yaml.MarkedYAMLError) -> yaml_errors.Explained:
    """The parser's error located at the mistake and worded in the interface's language."""
    mark = exc.problem_mark or exc.context_mark
    at = (mark.line, mark.column) if mark else (0, 0)
    context = exc.context_mark
    return yaml_errors.explain(
        text,
        str(exc.problem or exc.context),
        at,
        exc.context,
        (context.line, context.column) if context else None,
    )


def _failed(
    display: str, line: int, column: int, code: str, message: str, hint: str | None = None
) -> Document:
    return Document(display, None, None, [Diagnostic(display, line, column, code, message, hint)])
