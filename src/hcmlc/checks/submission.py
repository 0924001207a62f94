"""The rules of a submission file, gathered: its place and identity (`identity`), who may
report what (`duties`), its indicators' entries (`indicators`) and its answers (`answers`,
`photos`), and a second file of the same agency and cycle; the data files' own rules are in
`data` and `registry`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hcmlc.checks.answers import AnswerRules
from hcmlc.checks.identity import IdentityRules
from hcmlc.checks.indicators import IndicatorRules
from hcmlc.checks.schema_errors import read_fields
from hcmlc.core.catalog import Catalog
from hcmlc.core.figures import LocalFigure
from hcmlc.core.results import Consulted, Entries, Entry, FileCheck, ItemKind, Observed
from hcmlc.core.results import SubmissionFile as SubmissionFile  # the files check_submissions takes
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.models.submission import Section, Submission
from hcmlc.yamlfiles.reader import Document


def check_submissions(
    catalog: Catalog, files: list[SubmissionFile], root: Path
) -> tuple[list[Diagnostic], set[Entry]]:
    """Every rule on every submission, and the entries that passed them; photos are read below
    the repository `root`."""
    checks = [check_submission(catalog, file, root) for file in files]
    docs = {file.doc.path: file.doc for file in files}
    problems = [p for check in checks for p in check.problems]
    identities = [(file.doc.path, c.identity) for file, c in zip(files, checks, strict=True)]
    problems += check_duplicates(identities, docs.__getitem__)
    return problems, {entry for check in checks for entry in check.accepted}


def check_submission(catalog: Catalog, file: SubmissionFile, root: Path) -> FileCheck:
    """Every rule of one submission file, its schema included, entry by entry: a fault in one
    key or entry hides nothing else. `file.doc.data` must be a mapping."""
    checker = _SubmissionChecker(catalog, file.doc, root)
    problems = checker.run()
    accepted = Entries()
    if checker.accepted:  # every item accepted is of the file's agency and cycle
        cycle, agency = checker.cycle, checker.agency
        assert cycle is not None and agency is not None
        found = checker.accepted.items()
        accepted = Entries({(cycle.id, agency, kind): frozenset(ids) for kind, ids in found})
    return FileCheck(
        tuple(problems),
        accepted,
        checker.identity,
        tuple(checker.consulted),
        checker.submitted,
        tuple(checker.figures),
        tuple(checker.readings),
    )


def check_duplicates(
    identities: list[tuple[str, tuple[str, str] | None]], doc_of: Callable[[str], Document]
) -> list[Diagnostic]:
    """A second file of the same agency and cycle; `doc_of` reads a file to locate the problem."""
    problems = []
    first_file: dict[tuple[str, str], str] = {}
    for path, key in identities:
        if key is None:
            continue
        if key in first_file:
            problem = doc_of(path).problem(
                ("agency",),
                "HCMLC-E027",
                _(
                    "a second submission of `{agency}` for cycle {cycle}: {first} is the first"
                ).format(agency=key[0], cycle=key[1], first=first_file[key]),
                _("merge the two files into one and delete the other"),
            )
            problems.append(replace(problem, related=(first_file[key],)))
        else:
            first_file[key] = path
    return problems


_SECTIONS = {"indicators": Section, "answers": Section}
"""Read entry by entry by the checker, so the head of the file sees them only as mappings."""


class _SubmissionChecker(IdentityRules, IndicatorRules, AnswerRules):
    """The rules of one submission file, each run on whatever part of the file it can read."""

    def __init__(self, catalog: Catalog, doc: Document, root: Path) -> None:
        self.catalog, self.doc, self.root = catalog, doc, root
        self.problems: list[Diagnostic] = []
        self.accepted: dict[ItemKind, set[str]] = {}
        self.consulted: list[tuple[Consulted, str]] = []
        self.agency: str | None = None
        """The agency when it is known and holds duties in the cycle: who owes what is known."""
        self.cycle: Cycle | None = None
        self.identity: tuple[str, str] | None = None
        """(agency, cycle) when the file says them and sits where they say."""
        self.submitted: dt.date | None = None
        """The file's delivery date: `received:` (recorded by import), else `submitted:`."""
        self.figures: list[LocalFigure] = []
        self.readings: list[Observed] = []
        """Accepted figures, for the check of changes across cycles (plausibility.py)."""
        self._duties = {}

    def run(self) -> list[Diagnostic]:
        """Every rule on every entry, until the file has more problems than it lists
        (diagnostics.MAX_PER_FILE): a file of 100,000 unknown ids costs no more than one of a
        hundred, and the entries after that point are not accepted until the file is fixed."""
        try:  # a file that fits the schema, as most do, is validated in one go
            whole = Submission.model_validate(self.doc.data)
        except ValidationError:
            whole = None
        if whole is not None:
            self.submitted = whole.received or whole.submitted
            self._check_identity(whole.agency, whole.cycle)
            indicators: dict[str, Any] = {k: (v, v.__dict__) for k, v in whole.indicators.items()}
            answers: dict[str, Any] = whole.answers
        else:
            head, problems = read_fields(Submission, self.doc.data, self.doc, shallow=_SECTIONS)
            self.problems += problems
            head = head or {}
            self.submitted = head.get("received") or head.get("submitted")
            self._check_identity(head.get("agency"), head.get("cycle"))
            indicators = {k: (v, None) for k, v in (head.get("indicators") or {}).items()}
            answers = head.get("answers") or {}
        for indicator_id, (entry, fields) in indicators.items():
            if self._full():
                return self.problems
            self._check_indicator(indicator_id, entry, fields)
        for question_id, answer in answers.items():
            if self._full():
                return self.problems
            self._check_answer(question_id, answer)
        return self.problems
