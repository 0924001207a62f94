"""A problem found in the data is a value: where it is, how bad, what is wrong, how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from hcmlc.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


CODES: dict[str, tuple[Severity, str]] = {
    "HCMLC-E001": (Severity.ERROR, "yaml-syntax"),
    "HCMLC-E002": (Severity.ERROR, "encoding"),
    "HCMLC-E003": (Severity.ERROR, "empty-file"),
    "HCMLC-E004": (Severity.ERROR, "duplicate-key"),
    "HCMLC-E005": (Severity.ERROR, "unsupported-yaml"),
    "HCMLC-E006": (Severity.ERROR, "missing-file"),
    "HCMLC-W007": (Severity.WARNING, "comment-in-text"),
    "HCMLC-E008": (Severity.ERROR, "control-character"),
    "HCMLC-E010": (Severity.ERROR, "missing-key"),
    "HCMLC-E011": (Severity.ERROR, "unknown-key"),
    "HCMLC-E012": (Severity.ERROR, "invalid-value"),
    "HCMLC-E020": (Severity.ERROR, "unknown-id"),
    "HCMLC-E021": (Severity.ERROR, "not-assigned"),
    "HCMLC-E022": (Severity.ERROR, "value-unit"),
    "HCMLC-E023": (Severity.ERROR, "year-outside-cycle"),
    "HCMLC-E024": (Severity.ERROR, "too-many-words"),
    "HCMLC-W025": (Severity.WARNING, "too-few-words"),
    "HCMLC-E026": (Severity.ERROR, "file-name-mismatch"),
    "HCMLC-E027": (Severity.ERROR, "duplicate-submission"),
    "HCMLC-E028": (Severity.ERROR, "misplaced-file"),
    "HCMLC-E029": (Severity.ERROR, "file-extension"),
    "HCMLC-E030": (Severity.ERROR, "duplicate-id"),
    "HCMLC-W031": (Severity.WARNING, "not-asked-in-cycle"),
    "HCMLC-W032": (Severity.WARNING, "photo-count"),
    "HCMLC-E033": (Severity.ERROR, "photo-path"),
    "HCMLC-E034": (Severity.ERROR, "photo-not-found"),
    "HCMLC-E035": (Severity.ERROR, "photo-unreadable"),
    "HCMLC-W036": (Severity.WARNING, "photo-not-landscape"),
    "HCMLC-W037": (Severity.WARNING, "photo-too-small"),
    "HCMLC-W038": (Severity.WARNING, "photo-credit-missing"),
    "HCMLC-E039": (Severity.ERROR, "indicator-without-agency"),
    "HCMLC-E040": (Severity.ERROR, "framework-not-shipped"),
    "HCMLC-W041": (Severity.WARNING, "indicator-unassigned"),
    "HCMLC-E050": (Severity.ERROR, "file-too-large"),
    "HCMLC-E051": (Severity.ERROR, "file-outside-repository"),
    "HCMLC-E052": (Severity.ERROR, "evidence-path"),
    "HCMLC-E053": (Severity.ERROR, "too-many-problems"),
    "HCMLC-E060": (Severity.ERROR, "agency-not-in-cycle"),
    "HCMLC-E061": (Severity.ERROR, "target-mismatch"),
    "HCMLC-E062": (Severity.ERROR, "succession-loop"),
    "HCMLC-E063": (Severity.ERROR, "duty-claimed-twice"),
    "HCMLC-E064": (Severity.ERROR, "figure-parts"),
    "HCMLC-E065": (Severity.ERROR, "aggregate-with-lead"),
    "HCMLC-E070": (Severity.ERROR, "workbook-unreadable"),
    "HCMLC-E071": (Severity.ERROR, "workbook-layout"),
    "HCMLC-E072": (Severity.ERROR, "workbook-outdated"),
    "HCMLC-E073": (Severity.ERROR, "workbook-identity"),
    "HCMLC-E074": (Severity.ERROR, "workbook-conflict"),
    "HCMLC-E075": (Severity.ERROR, "cell-formula"),
    "HCMLC-W076": (Severity.WARNING, "workbook-unsigned"),
    "HCMLC-W077": (Severity.WARNING, "sender-not-focal-point"),
    "HCMLC-E090": (Severity.ERROR, "submitted-date"),
    "HCMLC-E091": (Severity.ERROR, "no-current-cycle"),
    "HCMLC-W092": (Severity.WARNING, "incomplete-answer"),
    "HCMLC-E093": (Severity.ERROR, "report-file-name"),
    "HCMLC-W094": (Severity.WARNING, "implausible-change"),
    "HCMLC-E100": (Severity.ERROR, "signoff-unknown-id"),
    "HCMLC-E101": (Severity.ERROR, "signoff-digest"),
    "HCMLC-E102": (Severity.ERROR, "signoff-role"),
    "HCMLC-E103": (Severity.ERROR, "approved-item-changed"),
    "HCMLC-W104": (Severity.WARNING, "approved-item-kept"),
    "HCMLC-E105": (Severity.ERROR, "translation-file-unreadable"),
    "HCMLC-E106": (Severity.ERROR, "translation-source-changed"),
    "HCMLC-E107": (Severity.ERROR, "translation-segment"),
    "HCMLC-W108": (Severity.WARNING, "translation-segment-missing"),
    "HCMLC-E097": (Severity.ERROR, "confirmation"),
}
"""Every diagnostic code with its severity and a stable rule name; codes are never reused."""

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
        return CODES[self.code][0]

    @property
    def rule(self) -> str:
        return CODES[self.code][1]

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
        """The JSON form; a workbook cell adds `sheet` and `cell` to the line (row) and column."""
        located: dict[str, object] = {"path": self.path, "line": self.line, "column": self.column}
        if self.sheet is not None:
            located |= {"sheet": self.sheet, "cell": self.cell}
        return located | {
            "severity": self.severity.value,
            "code": self.code,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
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
