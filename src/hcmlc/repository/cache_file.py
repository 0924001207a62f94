"""The results cache's file (repository/cache.py), one entry a line, each read only when its
file is met: at city ×10 (20,000 files) the whole document parsed at once took some 300 MB and
the document written at once twice its 60 MB (issue 29).

The file is still one JSON document, `{"format": …, "context": …, "files": {…}}`, as
`json.dumps` writes it but for a line break before each entry and before the last `}}`. A file
of another layout (an older hcmlc's, or one rewritten by hand) is read whole, as before."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_OPENING = b'"files": {'
_QUOTE = ord('"')
_ESCAPE = b"\\"
_CLOSING = b"}}"


def header(form: int, context: str) -> bytes:
    """The document's first line: up to the opening of its files."""
    return json.dumps({"format": form, "context": context}, ensure_ascii=False)[:-1].encode() + (
        b", " + _OPENING
    )


_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""`json.dumps(…, ensure_ascii=False)`, its encoder made once (an entry a file: 20,000 calls);
an entry is lists and mappings made by cache.py, never a cycle: not checked for one."""


def entry_line(relative: str, entry: dict[str, Any]) -> bytes:
    """One entry's line: `"path": {…}`."""
    return _ENCODE({relative: entry})[1:-1].encode()


def document(form: int, context: str, lines: Iterable[bytes]) -> Iterator[bytes]:
    """The file holding `lines` (each an `entry_line`), in pieces."""
    yield header(form, context)
    separator = b"\n"
    for line in lines:
        yield separator
        yield line
        separator = b",\n"
    yield b"\n" + _CLOSING


def indexed(data: bytes, form: int, context: str) -> dict[str, bytes] | None:
    """Path → its entry's line, unparsed, when `data` has the layout `document` writes for
    `form` and `context` (an empty index when it is another context's); None when `data` is
    not of that layout (then it is to be read whole)."""
    lines = data.split(b"\n")
    if len(lines) < 2 or not lines[0].endswith(_OPENING) or lines[-1] != _CLOSING:
        return None
    try:
        head = json.loads(lines[0] + _CLOSING)
    except (ValueError, RecursionError):
        return None
    if not isinstance(head, dict) or head.get("format") != form or head.get("files") != {}:
        return None
    if head.get("context") != context or head.keys() != {"format", "context", "files"}:
        return {}
    found: dict[str, bytes] = {}
    for at in range(1, len(lines) - 1):
        line, lines[at] = lines[at], b""  # each line kept once, in the index
        line = line[:-1] if line.endswith(b",") else line
        relative = _key(line)
        if relative is not None:
            found[relative] = line
    return found


def parsed(relative: str, line: bytes) -> Any:
    """The entry a line holds for `relative` (None when it is not one, or not JSON)."""
    try:
        entry = json.loads(b"{" + line + b"}")
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or len(entry) != 1 or relative not in entry:
        return None
    return entry[relative]


def _key(line: bytes) -> str | None:
    """The path a line's entry is for: the JSON text before the first `": ` outside it (read
    as it is when it holds no escape: JSON escapes every quote and backslash in a text)."""
    at = line.find(b'": ')
    if at > 0 and line[0] == _QUOTE and _ESCAPE not in line[1:at]:
        try:
            return line[1:at].decode("utf-8")
        except UnicodeDecodeError:
            return None
    while at > 0:
        try:
            key = json.loads(line[: at + 1])
        except (ValueError, RecursionError):
            at = line.find(b'": ', at + 1)
            continue
        return key if isinstance(key, str) else None
    return None
