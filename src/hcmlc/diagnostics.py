"""A problem found in the data is a value: where it is, how bad, what is wrong, how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from hcmlc.i18n import _
from hcmlc.rules.registry import REGISTRY
from hcmlc.rules.rule import Rule, Severity, severity_of

__all__ = ["CODES", "Diagnostic", "Severity", "cap_per_file", "cell_reference", "column_letters"]


CODES: dict[str, Rule] = REGISTRY
"""Every diagnostic code with its rule (severity from the code's letter, a stable name, what it
means, an example): declared by the rule families of `hcmlc.rules`."""


MAX_PER_FILE = 100
"""Problems listed per file: past that, one HCMLC-E053 says the rest are not listed. A file with
100,000 unknown keys then costs no more to report than one with a hundred."""
EXCERPT = 60
"""Characters of a value a message quotes; a longer one is cut (a value can be 900,000 long)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One located problem, e.g. `submissions/2023/so-gddt.yaml:12:5: error: … [HCMLC-E022]`.

    A location has two kinds: a line and column of a text file, or a cell of a workbook's sheet
    (`so-gddt.xlsx:Chỉ số!E12`: `sheet` is set, `line` is the cell's row and `column` its
    column, A = 1). Both render, sort and serialise alike; only the workbook kind has a sheet.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str | None = None
    related: tuple[str, ...] = ()
    """Other files the problem involves, e.g. the first of two submissions of one agency."""
    sheet: str | None = None
    """The workbook sheet holding the cell; None for a text file."""
    fix: tuple[str, str] | None = None
    """(old, new): the text `old` standing at the place (a value: without its quotes) is
    certainly meant as `new`; what `validate --fix` writes. None when a person must choose."""

    @property
    def severity(self) -> Severity:
        return severity_of(self.code)

    @property
    def rule(self) -> str:
        return CODES[self.code].name

    @property
    def cell(self) -> str | None:
        """The workbook cell's reference (`E12`), None for a text file."""
        return None if self.sheet is None else cell_reference(self.line, self.column)

    @property
    def place(self) -> str:
        """Where in the file: `12:5` (line and column), or `Chỉ số!E12` (sheet and cell)."""
        if self.sheet is None:
            return f"{self.line}:{self.column}"
        return f"{self.sheet}!{self.cell}"

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.path, self.sheet or "", self.line, self.column, self.code)

    def as_dict(self) -> dict[str, object]:
        """The JSON form; a workbook cell adds `sheet` and `cell` to the line (row) and column.
        `help` is the code's page, from the documentation site's root (`codes/HCMLC-E022/`)."""
        located: dict[str, object] = {"path": self.path, "line": self.line, "column": self.column}
        if self.sheet is not None:
            located |= {"sheet": self.sheet, "cell": self.cell}
        return located | {
            "severity": self.severity.value,
            "code": self.code,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
            "help": CODES[self.code].page,
        }


def column_letters(column: int) -> str:
    """A spreadsheet column's letters: 1 → `A`, 27 → `AA`."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_reference(row: int, column: int) -> str:
    """`E12` for row 12, column 5."""
    return f"{column_letters(column)}{row}"


def cap_per_file(problems: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Every file's first MAX_PER_FILE problems (by place), sorted; where a file has more, an
    HCMLC-E053 at the first one not listed."""
    listed: list[Diagnostic] = []
    for _path, group in groupby(sorted(problems, key=Diagnostic.sort_key), key=_path_of):
        mine = list(group)
        listed += mine[:MAX_PER_FILE]
        if len(mine) > MAX_PER_FILE:
            first = mine[MAX_PER_FILE]
            message = _("more than {limit} problems in this file: the rest are not listed")
            hint = _("fix these first, then run `hcmlc validate` again")
            more = Diagnostic(
                first.path,
                first.line,
                first.column,
                "HCMLC-E053",
                message.format(limit=MAX_PER_FILE),
                hint,
            )
            listed.append(more)
    return listed


def excerpt(text: str) -> str:
    """`text` as a message quotes it: cut to EXCERPT characters, with `…` where it was cut."""
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _path_of(problem: Diagnostic) -> str:
    return problem.path
