"""`validate --fix`: the replacements the hints print, written where they are certain.

A problem carries a fix (`Diagnostic.fix`) only when one reading is possible and nothing
written is lost (`98,5` → `98.5`, `10/12/2025` → `2025-12-10`, a zero-width space deleted);
`12.000` for a count, a year span or a figure with words stay the writer's to choose. The file
is edited in place of the old text only: every other byte (comments, quotes, a byte-order mark,
Windows line ends, NFD letters) is kept, the result must read as YAML again if the file did,
and it is written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hcmlc.diagnostics import Diagnostic
from hcmlc.files.atomic import write_atomic
from hcmlc.files.confine import is_inside
from hcmlc.files.filesystem import read_regular
from hcmlc.yamlfiles.reader import MAX_BYTES, parse_bytes

_BOM = b"\xef\xbb\xbf"
_QUOTES = "\"'"


@dataclass(frozen=True)
class Change:
    """One replacement written: `path:line:column: old → new`."""

    path: str
    line: int
    column: int
    old: str
    new: str


def fix_files(root: Path, problems: Iterable[Diagnostic]) -> list[Change]:
    """Write every certain fix of `problems` into its file below `root`; what was changed."""
    by_file: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        if problem.fix is not None and problem.sheet is None:
            by_file.setdefault(problem.path, []).append(problem)
    changes: list[Change] = []
    for path, found in sorted(by_file.items()):
        changes += _fix_file(root, path, found)
    return changes


def _fix_file(root: Path, relative: str, problems: list[Diagnostic]) -> list[Change]:
    path = root / relative
    if not is_inside(root, path):
        return []
    try:
        raw = read_regular(path, MAX_BYTES)
        bom = _BOM if raw.startswith(_BOM) else b""
        text = raw[len(bom) :].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    new_text, done = apply(text, problems)
    if not done:
        return []
    new_raw = bom + new_text.encode("utf-8")
    if parse_bytes(raw, relative).data is not None and parse_bytes(new_raw, relative).data is None:
        return []  # a fix that breaks a readable file is no fix
    write_atomic(path, new_raw)
    return [Change(relative, p.line, p.column, *p.fix) for p in done if p.fix]


def apply(text: str, problems: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """`text` with each problem's fix made where its old text stands; the problems fixed."""
    lines = re.split(r"(?<=\n)", text)
    edits: dict[int, list[tuple[int, int, str, Diagnostic]]] = {}
    for problem in problems:
        assert problem.fix is not None
        old, new = problem.fix
        index = problem.line - 1
        if not 0 <= index < len(lines):
            continue
        at = _find(lines[index], old, problem.column - 1)
        if at is not None:
            edits.setdefault(index, []).append((at, at + len(old), new, problem))
    done: list[Diagnostic] = []
    for index, line_edits in edits.items():
        line = lines[index]
        end_of_last = len(line) + 1
        for start, end, new, problem in sorted(line_edits, key=lambda e: e[0], reverse=True):
            if end > end_of_last:  # overlaps the edit after it: left for the next round
                continue
            line = line[:start] + new + line[end:]
            end_of_last = start
            done.append(problem)
        lines[index] = line
    return "".join(lines), sorted(done, key=Diagnostic.sort_key)


def _find(line: str, old: str, column: int) -> int | None:
    """Where `old` stands in `line`: at `column`, just inside a quote there, else the nearest
    occurrence (a column counts NFC characters, the file may hold NFD ones)."""
    if old == "":
        return None
    if line.startswith(old, column):
        return column
    if line[column : column + 1] in _QUOTES and line.startswith(old, column + 1):
        return column + 1
    found = [m.start() for m in re.finditer(re.escape(old), line)]
    return min(found, key=lambda at: abs(at - column)) if found else None
