"""The rules of a submission file: its place and identity, who may report what, each entry's
value, unit and year (its answers' rules in answer_checks.py); the data files' own rules are in
data_checks.py and registry_checks.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hcmlc.checks.answers import INCOMPLETE, AnswerRules
from hcmlc.checks.data import unknown_id
from hcmlc.checks.identity import IdentityRules
from hcmlc.checks.schema_errors import mapping_hint, read_fields
from hcmlc.core.catalog import Catalog
from hcmlc.core.figures import EntryProblem, LocalFigure, WrittenFigures, read_entry
from hcmlc.core.results import Consulted, Entries, Entry, FileCheck, ItemKind, Observed
from hcmlc.core.results import SubmissionFile as SubmissionFile  # the files check_submissions takes
from hcmlc.core.values import (
    ValueProblem,
)
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, Severity, excerpt
from hcmlc.files.confine import Escape, escape
from hcmlc.i18n import N_, _
from hcmlc.models.registry import Cycle
from hcmlc.models.submission import IndicatorValue, Section, Submission
from hcmlc.yamlfiles.reader import Document, Loc


@dataclass(frozen=True)
class _ItemRule:
    """The messages about one kind of item (indicator or answer), marked for translation."""

    noun: str
    not_assigned: str
    not_assigned_hint: str
    not_asked: str
    move: str

    def show(self, item_id: str) -> str:
        return item_id if self.noun == "indicator" else f"`{item_id}`"


_EVIDENCE_ESCAPES: dict[Escape, str] = {
    "control": N_("evidence path `{path}` holds a control character"),
    "absolute": N_("evidence path `{path}` is absolute"),
    "climbs": N_("evidence path `{path}` climbs out with `..`"),
    "link": N_("evidence path `{path}` leads outside the repository (through a link)"),
}


_ITEM_RULES: dict[ItemKind, _ItemRule] = {
    "indicator": _ItemRule(
        "indicator",
        N_("`{agency}` is not assigned indicator {item}; it is supplied by {owners}"),
        N_(
            "remove this entry, or ask the coordinator to assign it in data/frameworks.yaml",
        ),
        N_("cycle {cycle} does not ask for indicator values"),
        N_("move the value to a cycle that asks for indicators"),
    ),
    "answer": _ItemRule(
        "question",
        N_("`{agency}` is not assigned question {item}; it is answered by {owners}"),
        N_(
            "remove this answer, or ask the coordinator to assign it in data/assignments.yaml",
        ),
        N_("cycle {cycle} does not ask for form answers"),
        N_("move the answer to the application cycle's file"),
    ),
}


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
    return FileCheck(
        tuple(problems),
        Entries.of(checker.accepted),
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


class _SubmissionChecker(IdentityRules, AnswerRules):
    """The rules of one submission file, each run on whatever part of the file it can read."""

    def __init__(self, catalog: Catalog, doc: Document, root: Path) -> None:
        self.catalog, self.doc, self.root = catalog, doc, root
        self.problems: list[Diagnostic] = []
        self.accepted: set[Entry] = set()
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

    def _full(self) -> bool:
        return len(self.problems) > MAX_PER_FILE

    def _add(
        self,
        loc: Loc,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        fix: tuple[str, str] | None = None,
    ) -> None:
        self.problems.append(self.doc.problem(loc, code, message, hint, key=key, fix=fix))

    def _check_indicator(
        self, indicator_id: str, entry: Any, fields: dict[str, Any] | None = None
    ) -> None:
        """One entry of `indicators:`; `fields` when the entry is known to fit the schema."""
        loc: Loc = ("indicators", indicator_id)
        indicator = self.catalog.indicators.get(indicator_id)
        if indicator is None:
            self._misfiled_or_unknown("indicator", indicator_id, loc)
            return
        before = len(self.problems)
        owed = self._admit("indicator", indicator_id, loc)
        if fields is None:
            if not isinstance(entry, dict):
                hint = _("write the figure after `value:`, and `year:` below it")
                self._not_a_block(loc, entry, hint)
                return
            read, problems = read_fields(IndicatorValue, entry, self.doc, loc)
            self.problems += problems
            fields = read or {}
        expected_unit = indicator.unit.value if indicator.unit else None
        unit = fields.get("unit")
        if unit is not None and unit != expected_unit:
            if expected_unit:
                message = _("indicator {id} is measured in `unit: {expected}`, not `{unit}`")
                hint = _("write `unit: {expected}` or leave `unit` out")
            else:
                message = _(
                    "indicator {id} is measured in no unit (it is qualitative), not `{unit}`"
                )
                hint = _("delete `unit`")
            self._add(
                loc + ("unit",),
                "HCMLC-E022",
                message.format(id=indicator_id, expected=expected_unit, unit=excerpt(str(unit))),
                hint.format(expected=expected_unit),
            )
        if "value" in fields or "parts" in fields:
            try:
                written = WrittenFigures(fields.get("value"), fields.get("parts") or {})
                reading = read_entry(written, indicator)
            except EntryProblem as problem:
                reading = None
                where = loc + problem.where
                old = written.parts.get(str(where[-1])) if where[-2:-1] == ("parts",) else None
                fix = _fix(old, problem.replacement)
                self._add(where, problem.code, str(problem), problem.hint, key=problem.key, fix=fix)
            except ValueProblem as problem:
                reading = None
                self._add(
                    loc + ("value",),
                    "HCMLC-E022",
                    _("indicator {id}: {problem}").format(id=indicator_id, problem=problem),
                    problem.hint,
                    fix=_fix(written.value, problem.replacement),
                )
        else:
            reading = None
        if "year" in fields:
            self._check_year(loc, fields["year"])
        if fields.get("evidence") is not None:
            self._check_evidence(loc, fields["evidence"])
        if owed and len(self.problems) == before + self._warnings_since(before):
            self._accept("indicator", indicator_id)
            if reading is not None and isinstance(reading.value, float) and self.cycle:
                assert self.agency is not None
                self.readings.append(
                    Observed(
                        self.cycle.id,
                        self.agency,
                        indicator_id,
                        fields["year"],
                        reading.value,
                        bool(fields.get("note")),
                        self.doc.path,
                        loc + ("value" if "value" in fields else "parts",),
                    )
                )
            if indicator.aggregate is not None and reading is not None:
                assert isinstance(reading.value, float) and self.agency and self.cycle
                self.figures.append(
                    LocalFigure(
                        self.cycle.id,
                        self.agency,
                        indicator_id,
                        fields["year"],
                        reading.value,
                        reading.parts,
                        bool(fields.get("illustrative")),
                    )
                )

    def _warnings_since(self, before: int) -> int:
        """Warnings found since `before` that leave the entry supplied (an incomplete answer
        is a warning, but not supplied)."""
        return sum(
            p.severity is Severity.WARNING and p.code != INCOMPLETE for p in self.problems[before:]
        )

    def _accept(self, kind: ItemKind, item_id: str) -> None:
        assert self.agency is not None and self.cycle is not None
        self.accepted.add((self.cycle.id, self.agency, kind, item_id))

    def _not_a_block(self, loc: Loc, entry: Any, hint: str) -> None:
        """An entry that is a single value where its `key: value` lines were meant."""
        shown = f"`{entry}`" if isinstance(entry, str) else _("a list")
        self._add(
            loc,
            "HCMLC-E012",
            _("`{name}` must be a mapping of `key: value` lines, not {value}").format(
                name=loc[-1], value=_("an empty value") if entry is None else shown
            ),
            mapping_hint(entry) or hint,
        )

    def _misfiled_or_unknown(self, kind: ItemKind, item_id: str, loc: Loc) -> None:
        """An id that is not of its section's kind: the other section's, or nobody's."""
        if kind == "indicator" and item_id in self.catalog.questions:
            message = _("`{id}` is a question of the form, not an indicator")
            hint = _("move `{id}:` and its lines under `answers:`")
        elif kind == "answer" and item_id in self.catalog.indicators:
            message = _("{id} is an indicator, not a question of the form")
            hint = _("move `{id}:` and its lines under `indicators:`")
        else:
            noun, pool = (
                ("indicator", self.catalog.indicators)
                if kind == "indicator"
                else ("question", self.catalog.questions)
            )
            self.problems.append(unknown_id(self.doc, loc, noun, item_id, pool, key=True))
            return
        self._add(loc, "HCMLC-E020", message.format(id=item_id), hint.format(id=item_id), key=True)

    def _check_evidence(self, loc: Loc, evidence: str) -> None:
        self.consulted.append(("evidence", evidence))
        way = escape(self.root, evidence)
        if way is None:
            return
        self._add(
            loc + ("evidence",),
            "HCMLC-E052",
            _(_EVIDENCE_ESCAPES[way]).format(path=evidence),
            _(
                "give a web link (https://…), a document's reference, or a path from the "
                "repository's top folder, e.g. evidence/2023/bao-cao.pdf"
            ),
        )

    def _admit(self, kind: ItemKind, item_id: str, loc: Loc) -> bool:
        """Whether this agency owes the item (known only when the agency and cycle are); warn
        when the cycle does not ask for it."""
        if self.agency is None:
            return False
        rules = _ITEM_RULES[kind]
        all_owners = self.catalog.owners(kind, self.cycle)
        if item_id not in all_owners:  # an indicator of a framework the cycle does not ask for
            assert self.cycle is not None
            self._add(
                loc,
                "HCMLC-W031",
                _("cycle {cycle} does not ask for the indicators of `{framework}`").format(
                    cycle=self.cycle.id, framework=self.catalog.framework_of[item_id].id
                ),
                _("move the value to a cycle that asks for them (`frameworks:` of its cycle)"),
                key=True,
            )
            return False
        owners = all_owners[item_id]
        if not self.catalog.owes(kind, item_id, self.agency, self.cycle):
            self._add(
                loc,
                "HCMLC-E021",
                _(rules.not_assigned).format(
                    agency=self.agency,
                    item=rules.show(item_id),
                    owners=", ".join(owners) or _("nobody"),
                ),
                _(rules.not_assigned_hint),
                key=True,
            )
            return False
        if self.cycle is not None and self.cycle.deadlines.of(kind) is None:
            self._add(
                loc,
                "HCMLC-W031",
                _(rules.not_asked).format(cycle=self.cycle.id),
                _(rules.move),
                key=True,
            )
        return self.cycle is not None

    def _check_year(self, loc: Loc, year: int) -> None:
        cycle = self.cycle
        if cycle is None or cycle.first_year <= year <= cycle.last_year:
            return
        span = (
            f"{cycle.first_year}–{cycle.last_year}"
            if cycle.first_year != cycle.last_year
            else str(cycle.first_year)
        )
        self._add(
            loc + ("year",),
            "HCMLC-E023",
            _("year {year} is outside cycle {cycle}, which covers {span}").format(
                year=year, cycle=cycle.id, span=span
            ),
            _("give the year the figure describes; older figures belong to an earlier cycle"),
        )


def _fix(old: Any, new: str | None) -> tuple[str, str] | None:
    """The certain replacement of a value written as the text `old`, for `validate --fix`."""
    return (old, new) if isinstance(old, str) and new is not None and old != new else None
