"""Rules that span files: ids that must exist, who may report what, values, years, word limits."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import ValidationError

from hcmlc.catalog import Catalog
from hcmlc.completeness import missing_fields, reading_context
from hcmlc.confine import Escape, escape
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, Severity, excerpt
from hcmlc.figures import EntryProblem, LocalFigure, read_entry
from hcmlc.i18n import N_, _, counted
from hcmlc.models.framework import Framework, Scale
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.models.submission import ANSWER_MODELS, IndicatorValue, Photo, Section, Submission
from hcmlc.models.targets import Targets
from hcmlc.numerals import check_number
from hcmlc.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.schema_errors import mapping_hint, read_fields
from hcmlc.suggest import did_you_mean
from hcmlc.values import (
    SCALE_STATES,
    UNIT_BOUNDS,
    ValueProblem,
    parse_state,
)
from hcmlc.wordcount import count_words
from hcmlc.yamlio import Document, Loc

ItemKind = Literal["indicator", "answer"]

INCOMPLETE = "HCMLC-W092"
"""An answer that lacks some of its parts: worth a warning, and not supplied until complete."""

Consulted = Literal["photo", "evidence"]

Entry = tuple[str, str, ItemKind, str]
"""(cycle, agency, "indicator" or "answer", item id) of an item supplied without error."""


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
            "remove this entry, or ask the coordinator to assign it in data/criteria.yaml",
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

_UNKNOWN: dict[str, tuple[str, str]] = {
    "agency": (N_("unknown agency `{ref}`"), N_("see the agency ids in data/assignments.yaml")),
    "cycle": (N_("unknown cycle `{ref}`"), N_("see the cycle ids in data/assignments.yaml")),
    "indicator": (
        N_("unknown indicator `{ref}`"),
        N_("see the indicator ids in data/criteria.yaml"),
    ),
    "question": (
        N_("unknown question `{ref}`"),
        N_("see the question ids in data/assignments.yaml"),
    ),
    "item": (
        N_("unknown indicator or question `{ref}`"),
        N_("see the ids in data/criteria.yaml (indicators) and data/assignments.yaml (questions)"),
    ),
    "criterion": (
        N_("unknown criterion `{ref}`"),
        N_("see the criterion ids in data/criteria.yaml and data/frameworks/"),
    ),
    "framework": (
        N_("unknown framework `{ref}`"),
        N_("see the `id:` of data/criteria.yaml and of each file in data/frameworks/"),
    ),
    "unit": (
        N_("unknown unit `{ref}`"),
        N_("see the unit ids in data/units.yaml"),
    ),
}
"""Message and fallback hint for an id that does not exist, by kind of id."""

_PHOTO_CREDITS: dict[tuple[str, ...], str] = {
    ("caption",): N_("the photo has no caption"),
    ("copyright",): N_("the photo has no copyright"),
    ("caption", "copyright"): N_("the photo has no caption and no copyright"),
}


@dataclass(frozen=True)
class SubmissionFile:
    """A submission file as read, with its model when it passed the schema."""

    doc: Document
    model: Submission | None


def check_data(
    catalog: Catalog,
    framework_doc: Document,
    assignments_doc: Document,
    hand_kept: int | None = None,
) -> list[Diagnostic]:
    """Unique ids and resolvable references inside data/criteria.yaml and data/assignments.yaml;
    the agencies after the first `hand_kept` come from data/units.yaml (registry_checks.py)."""
    problems = _duplicates(framework_doc, _framework_ids(catalog))
    problems += _duplicates(assignments_doc, _registry_ids(catalog, hand_kept))
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for loc, ref in _framework_refs(catalog):
        if ref not in owners and len(problems) <= 2 * MAX_PER_FILE:  # both files list theirs
            problems.append(_unknown(framework_doc, loc, "agency", ref, owners))
    pools = {"agency": owners, "indicator": set(catalog.indicators)}
    for loc, kind, ref in _question_refs(catalog):
        if ref not in pools[kind] and len(problems) <= 2 * MAX_PER_FILE:
            problems.append(_unknown(assignments_doc, loc, kind, ref, pools[kind]))
    for k, agency in enumerate(catalog.assignments.agencies[:hand_kept]):
        if agency.successor is not None and agency.successor not in catalog.agencies:
            loc = ("agencies", k, "successor")
            problems.append(
                _unknown(assignments_doc, loc, "agency", agency.successor, catalog.agencies)
            )
    if catalog.assignments.current_cycle not in catalog.cycles:
        problems.append(no_current_cycle(catalog, assignments_doc))
    return problems


def no_current_cycle(catalog: Catalog, assignments_doc: Document) -> Diagnostic:
    """`current_cycle` naming a cycle not yet opened, with the command that opens it."""
    ref = catalog.assignments.current_cycle
    return assignments_doc.problem(
        ("current_cycle",),
        "HCMLC-E091",
        _("`current_cycle: {ref}` names no cycle").format(ref=ref),
        _(
            "open it with `hcmlc new-cycle {ref} --deadline YYYY-MM-DD`, "
            "or set `current_cycle` to one of: {cycles}"
        ).format(ref=ref, cycles=", ".join(catalog.cycles)),
    )


def check_targets(catalog: Catalog, doc: Document, targets: Targets) -> list[Diagnostic]:
    """Each target names a known indicator and a goal of its kind: a figure or a state."""
    problems: list[Diagnostic] = []
    for indicator_id, target in targets.targets.items():
        loc: Loc = ("targets", indicator_id)
        indicator = catalog.indicators.get(indicator_id)
        if indicator is None:
            problems.append(
                _unknown(doc, loc, "indicator", indicator_id, catalog.indicators, key=True)
            )
        elif indicator.scale is not None and target.required is None:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E061",
                    _("indicator {id} is qualitative: its goal is a state, not a figure").format(
                        id=indicator_id
                    ),
                    _("write `required:` with one of {states}").format(
                        states=_states(indicator.scale)
                    ),
                    key=True,
                )
            )
        elif indicator.scale is not None and target.required is not None:
            try:
                parse_state(target.required, indicator.scale)
            except ValueProblem as problem:
                problems.append(
                    doc.problem(loc + ("required",), "HCMLC-E022", str(problem), problem.hint)
                )
        elif indicator.unit is not None and target.target is None:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E061",
                    _(
                        "indicator {id} is quantitative ({unit}): its goal is a figure, not a state"
                    ).format(id=indicator_id, unit=indicator.unit),
                    _(
                        "write `target: {{value: …, year: …}}` and, if lower is better, "
                        "`direction: lower`"
                    ).format(),
                    key=True,
                )
            )
        elif indicator.unit is not None:
            for part in ("baseline", "target"):
                point = getattr(target, part)
                if point is None:
                    continue
                refusal = check_number(point.value, f"{point.value:g}", UNIT_BOUNDS[indicator.unit])
                if refusal is not None:
                    message = _("indicator {id}: {problem}").format(
                        id=indicator_id, problem=refusal.message
                    )
                    problems.append(
                        doc.problem(loc + (part, "value"), "HCMLC-E022", message, refusal.hint)
                    )
    return problems


def _states(scale: Scale) -> str:
    return ", ".join(f"`{word}`" for word in SCALE_STATES[scale].values())


@dataclass(frozen=True)
class FileCheck:
    """What one submission file contributes, cross-file problems aside: all a cache keeps."""

    problems: tuple[Diagnostic, ...]
    accepted: frozenset[Entry] = frozenset()
    identity: tuple[str, str] | None = None
    """(agency, cycle) of a file that passed the schema."""
    consulted: tuple[tuple[Consulted, str], ...] = ()
    """Paths the file names that were looked up in the repository, by what they name: a photo
    (whose file is read) or evidence (only judged to stay inside)."""
    submitted: dt.date | None = None
    """The file's `submitted:` date, for deliveries.py."""
    figures: tuple[LocalFigure, ...] = ()
    """The accepted figures of indicators whose city figure is formed from the units'."""


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
        frozenset(checker.accepted),
        checker.identity,
        tuple(checker.consulted),
        checker.submitted,
        tuple(checker.figures),
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


class _SubmissionChecker:
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
        """The file's `submitted:` date, when it reads as one."""
        self.figures: list[LocalFigure] = []

    def run(self) -> list[Diagnostic]:
        """Every rule on every entry, until the file has more problems than it lists
        (diagnostics.MAX_PER_FILE): a file of 100,000 unknown ids costs no more than one of a
        hundred, and the entries after that point are not accepted until the file is fixed."""
        try:  # a file that fits the schema, as most do, is validated in one go
            whole = Submission.model_validate(self.doc.data)
        except ValidationError:
            whole = None
        if whole is not None:
            self.submitted = whole.submitted
            self._check_identity(whole.agency, whole.cycle)
            indicators: dict[str, Any] = {k: (v, v.__dict__) for k, v in whole.indicators.items()}
            answers: dict[str, Any] = whole.answers
        else:
            head, problems = read_fields(Submission, self.doc.data, self.doc, shallow=_SECTIONS)
            self.problems += problems
            head = head or {}
            self.submitted = head.get("submitted")
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
        self, loc: Loc, code: str, message: str, hint: str | None = None, *, key: bool = False
    ) -> None:
        self.problems.append(self.doc.problem(loc, code, message, hint, key=key))

    def _check_identity(self, agency: str | None, cycle: str | None) -> None:
        if agency is not None and agency not in self.catalog.agencies:
            self.problems.append(
                _unknown(self.doc, ("agency",), "agency", agency, self.catalog.agencies)
            )
        if cycle is not None:
            self.cycle = self.catalog.cycles.get(cycle)
            if self.cycle is None:
                self.problems.append(
                    _unknown(self.doc, ("cycle",), "cycle", cycle, self.catalog.cycles)
                )
        # An unknown agency or cycle is one fault, said above: not also a misnamed file.
        if agency in self.catalog.agencies and self.cycle is not None:
            assert agency is not None and cycle is not None
            if self._in_place(agency, cycle):
                self.identity = (agency, cycle)
            elif PurePosixPath(self.doc.path).parts[1:2] != (cycle,):
                self.cycle = None  # the folder says another cycle: judge years by neither
        if agency in self.catalog.agencies and (cycle is None or self.cycle is not None):
            self.agency = agency if self._active(agency) else None

    def _in_place(self, agency: str, cycle: str) -> bool:
        """Whether the file sits at submissions/<cycle>/<agency>.y*ml; say so when it does not."""
        parts = PurePosixPath(self.doc.path).parts
        expected = f"submissions/{cycle}/{agency}.yaml"
        if len(parts) != 3 or parts[0] != "submissions":
            self._add(
                ("agency",),
                "HCMLC-E028",
                _("a submission file must sit in its cycle's folder"),
                _("move it to {path}").format(path=expected),
            )
        elif PurePosixPath(parts[2]).stem != agency:
            self._add(
                ("agency",),
                "HCMLC-E026",
                _("the file is named `{name}` but says `agency: {agency}`").format(
                    name=parts[2], agency=agency
                ),
                _("rename the file to {path}, or correct `agency:`").format(path=expected),
            )
        elif parts[1] != cycle:
            self._add(
                ("cycle",),
                "HCMLC-E026",
                _("the file is in folder `{folder}` but says `cycle: {cycle}`").format(
                    folder=parts[1], cycle=cycle
                ),
                (
                    _("correct `cycle:` to {folder}; {path} exists already")
                    if (self.root / expected).exists()
                    else _("correct `cycle:` to {folder}, or move the file to {path}")
                ).format(folder=json.dumps(parts[1]), path=expected),
            )
        else:
            return True
        return False

    def _active(self, agency_id: str) -> bool:
        """Whether the agency exists in the cycle (not ended, not yet to come); say so if not."""
        if self.cycle is None:
            return True
        agency = self.catalog.agencies[agency_id]
        day = self.cycle.reference_date
        if agency.active_on(day):
            return True
        if agency.ended is not None and day >= agency.ended:
            message = _("`{agency}` ended on {day}, before cycle {cycle}")
        else:
            message = _("`{agency}` holds no duties before {day}")
        message = message.format(
            agency=agency.id, day=agency.ended or agency.started, cycle=self.cycle.id
        )
        self._add(("agency",), "HCMLC-E060", message, self._successor_hint(agency.id, day))
        return False

    def _successor_hint(self, agency_id: str, day: dt.date) -> str:
        """Who reports in the place of an agency that ended: its successor, the successor of
        each duty of a split agency, or the units that took over a district's territory."""
        assert self.cycle is not None
        cycle = self.cycle.id
        successors = self.catalog.successors(agency_id, day)
        if len(successors) == 1:
            holder = next(iter(successors))
            return _("its duties in cycle {cycle} are `{holder}`'s: submit as {file}").format(
                cycle=cycle, holder=holder, file=f"submissions/{cycle}/{holder}.yaml"
            )
        if successors:
            parts = [
                _("{items}: `{holder}`").format(items=", ".join(items), holder=holder)
                if items
                else _("the rest: `{holder}`").format(holder=holder)
                for holder, items in successors.items()
            ]
            return _(
                "its duties in cycle {cycle} were split; each successor submits its part in "
                "its own file: {parts}"
            ).format(cycle=cycle, parts="; ".join(parts))
        units = self.catalog.territories.get(agency_id, [])
        if units:
            shown = ", ".join(f"`{u}`" for u in units[:5]) + (", …" if len(units) > 5 else "")
            return _(
                "its territory passed to {count} wards and communes ({units}): each submits "
                "its own file, e.g. submissions/{cycle}/{first}.yaml"
            ).format(count=len(units), units=shown, cycle=cycle, first=units[0])
        return _(
            "ask the coordinator which agency reports in its place "
            "(`successor:` in data/assignments.yaml)"
        )

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
                reading = read_entry(IndicatorValue.model_construct(**fields), indicator)
            except EntryProblem as problem:
                reading = None
                where = loc + problem.where
                self._add(where, problem.code, str(problem), problem.hint, key=problem.key)
            except ValueProblem as problem:
                reading = None
                self._add(
                    loc + ("value",),
                    "HCMLC-E022",
                    _("indicator {id}: {problem}").format(id=indicator_id, problem=problem),
                    problem.hint,
                )
        else:
            reading = None
        if "year" in fields:
            self._check_year(loc, fields["year"])
        if fields.get("evidence") is not None:
            self._check_evidence(loc, fields["evidence"])
        if owed and len(self.problems) == before + self._warnings_since(before):
            self._accept("indicator", indicator_id)
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
            self.problems.append(_unknown(self.doc, loc, noun, item_id, pool, key=True))
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

    def _check_answer(self, question_id: str, answer: Any) -> None:
        loc: Loc = ("answers", question_id)
        question = self.catalog.questions.get(question_id)
        if question is None:
            self._misfiled_or_unknown("answer", question_id, loc)
            return
        before = len(self.problems)
        owed = self._admit("answer", question_id, loc)
        self._check_answer_shape(question, answer, loc)
        if owed and len(self.problems) == before + self._warnings_since(before):
            self._accept("answer", question_id)

    def _check_answer_shape(self, question: Question, answer: Any, loc: Loc) -> None:
        if question.kind == "contact":
            self._check_contact(question, answer, loc)
            return
        if question.kind == "photos":
            self._check_photos(question, answer, loc)
            return
        fields, problems = read_fields(
            ANSWER_MODELS[question.kind], answer, self.doc, loc, context=reading_context(question)
        )
        self.problems += problems
        fields = fields or {}
        if question.kind == "choice" and "choice" in fields:
            self._check_choice(question, fields["choice"], loc)
        if question.kind == "figure" and "year" in fields:
            self._check_year(loc, fields["year"])
        if question.kind in ("text", "quote") and question.words:
            for lang in ("vi", "en"):
                if fields.get(lang):
                    self._check_words(question.words, fields[lang], loc + (lang,))

    def _check_contact(self, question: Question, answer: Any, loc: Loc) -> None:
        if not isinstance(answer, dict):
            self._add(
                loc,
                "HCMLC-E012",
                _("answer `{id}` must be a mapping of its fields").format(id=question.id),
                _("fields: {fields}").format(fields=", ".join(f.id for f in question.fields)),
            )
            return
        allowed = [f.id for f in question.fields]
        before = len(self.problems)
        for name, value in answer.items():
            if name not in allowed:
                self._add(
                    loc + (name,),
                    "HCMLC-E011",
                    _("unknown field `{name}` in `{id}`").format(
                        name=excerpt(name), id=question.id
                    ),
                    did_you_mean(name, allowed)
                    or _("fields: {fields}").format(fields=", ".join(allowed)),
                    key=True,
                )
            elif not _field_value_ok(value):
                self._add(
                    loc + (name,),
                    "HCMLC-E012",
                    _("field `{name}` must be a non-empty text").format(name=name),
                    _(
                        "write the text after the colon, or `{{vi: …, en: …}}` with both languages"
                    ).format(),
                )
        absent = missing_fields(question, answer)
        if absent and len(self.problems) == before:
            self._add(
                loc,
                INCOMPLETE,
                _("answer `{id}` lacks {fields}, so it counts as not supplied yet").format(
                    id=question.id, fields=", ".join(f"`{f}`" for f in absent)
                ),
                _("add the missing fields; where there is none, say so (e.g. `không có`)"),
                key=True,
            )

    def _check_choice(self, question: Question, choice: str, loc: Loc) -> None:
        options = [o.id for o in question.options]
        if choice not in options:
            self._add(
                loc + ("choice",),
                "HCMLC-E012",
                _("`{choice}` is not an option of `{id}`").format(choice=choice, id=question.id),
                did_you_mean(choice, options)
                or _("options: {options}").format(options=", ".join(options)),
            )

    def _check_photos(self, question: Question, answer: Any, loc: Loc) -> None:
        if isinstance(answer, dict) and "path" in answer:
            answer = [answer]  # one photo written without its `- `: still check it
            self._add(
                loc,
                "HCMLC-E012",
                _("answer `{id}` must be a list of photos").format(id=question.id),
                _("start each photo with `- path:`"),
            )
        elif not isinstance(answer, list):
            self._add(
                loc,
                "HCMLC-E012",
                _("answer `{id}` must be a list of photos").format(id=question.id),
                _("start each photo with `- path:`"),
            )
            return
        for index, item in enumerate(answer):
            if self._full():
                return
            fields, problems = read_fields(Photo, item, self.doc, loc + (index,))
            self.problems += problems
            if fields is not None:
                self._check_photo(fields, loc + (index,))
        bounds = question.photos
        if bounds and bounds.breach(len(answer)):
            self._add(
                loc,
                "HCMLC-W032",
                _("{photos} given; the form asks for {min} to {max}").format(
                    photos=counted(len(answer), "{n} photo", "{n} photos"),
                    min=bounds.min,
                    max=bounds.max,
                ),
                key=True,
            )

    def _check_photo(self, photo: dict[str, Any], loc: Loc) -> None:
        missing = tuple(name for name in ("caption", "copyright") if photo.get(name) is None)
        if missing:
            self._add(
                loc,
                "HCMLC-W038",
                _(_PHOTO_CREDITS[missing]),
                _("the form asks for a short caption and the copyright holder of every photo"),
                key=True,
            )
        if "path" not in photo:
            return
        self.consulted.append(("photo", photo["path"]))
        try:
            found = inspect_photo(locate_photo(self.root, photo["path"]))
        except PhotoError as problem:
            self._add(loc + ("path",), problem.code, problem.message, problem.hint)
            return
        for code, message, hint in found.warnings():
            self._add(loc + ("path",), code, message, hint)

    def _check_words(self, limit: WordLimit, text: str, loc: Loc) -> None:
        words = count_words(text)
        if limit.max is not None and words > limit.max:
            self._add(
                loc,
                "HCMLC-E024",
                _("{words}, over the limit of {limit}").format(
                    words=counted(words, "{n} word", "{n} words"), limit=limit.max
                ),
                _("shorten the answer by {words}").format(
                    words=counted(words - limit.max, "{n} word", "{n} words")
                ),
            )
        elif limit.min is not None and words < limit.min:
            self._add(
                loc,
                "HCMLC-W025",
                _("{words}, under the minimum of {limit}").format(
                    words=counted(words, "{n} word", "{n} words"), limit=limit.min
                ),
                _("add at least {words}").format(
                    words=counted(limit.min - words, "{n} word", "{n} words")
                ),
            )


def _field_value_ok(value: Any) -> bool:
    """A contact field is a text, or `{vi: text, en: text}` (English optional)."""
    if isinstance(value, dict):
        texts = [value.get("vi"), value.get("en", "x")]
        return set(value) <= {"vi", "en"} and all(isinstance(t, str) and t.strip() for t in texts)
    return isinstance(value, str) and bool(value.strip())


def _unknown(
    doc: Document, loc: Loc, kind: str, ref: str, known: Any, *, key: bool = False
) -> Diagnostic:
    message, fallback = _UNKNOWN[kind]
    hint = did_you_mean(ref, known) or _(fallback)
    return doc.problem(loc, "HCMLC-E020", _(message).format(ref=excerpt(ref)), hint, key=key)


def _duplicates(doc: Document, ids: Iterator[tuple[Loc, str]]) -> list[Diagnostic]:
    first: dict[str, Loc] = {}  # located only when an id repeats: the valid path pays nothing
    problems = []
    for loc, item_id in ids:
        if item_id in first:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E030",
                    _("id `{id}` is used twice (first on line {line})").format(
                        id=item_id, line=doc.at(first[item_id])[0]
                    ),
                    _("ids are unique and never reused: give this one a new id"),
                )
            )
        else:
            first[item_id] = loc
    return problems


def _framework_ids(
    catalog: Catalog, framework: Framework | None = None
) -> Iterator[tuple[Loc, str]]:
    """Every id of `framework` (default: data/criteria.yaml's) with its location."""
    for a, area in enumerate((framework or catalog.framework).areas):
        yield ("areas", a, "id"), area.id
        for s, standard in enumerate(area.standards):
            s_loc: Loc = ("areas", a, "standards", s)
            yield s_loc + ("id",), standard.id
            for c, criterion in enumerate(standard.criteria):
                c_loc = s_loc + ("criteria", c)
                yield c_loc + ("id",), criterion.id
                for i, indicator in enumerate(criterion.indicators):
                    yield c_loc + ("indicators", i, "id"), indicator.id


def _framework_refs(
    catalog: Catalog, framework: Framework | None = None
) -> Iterator[tuple[Loc, str]]:
    for loc, item_id in _framework_ids(catalog, framework):
        if "indicators" in loc:
            indicator = catalog.indicators[item_id]
            for field in ("agencies", "obtained_from"):
                for k, ref in enumerate(getattr(indicator, field)):
                    yield loc[:-1] + (field, k), ref


def _registry_ids(catalog: Catalog, hand_kept: int | None = None) -> Iterator[tuple[Loc, str]]:
    reg = catalog.assignments
    for i, agency in enumerate(reg.agencies[:hand_kept]):
        yield ("agencies", i, "id"), agency.id
    for i, group in enumerate(reg.groups):
        yield ("groups", i, "id"), group.id
    for i, cycle in enumerate(reg.cycles):
        yield ("cycles", i, "id"), cycle.id
    for s, section in enumerate(reg.form):
        yield ("form", s, "id"), section.id
        for q, question in enumerate(section.questions):
            yield ("form", s, "questions", q, "id"), question.id


def _question_refs(catalog: Catalog) -> Iterator[tuple[Loc, str, str]]:
    """(location, "agency" or "indicator", id) of every reference a question makes."""
    for s, section in enumerate(catalog.assignments.form):
        for q, question in enumerate(section.questions):
            loc: Loc = ("form", s, "questions", q)
            for k, ref in enumerate(question.owners):
                yield loc + ("owners", k), "agency", ref
            if question.indicator:
                yield loc + ("indicator",), "indicator", question.indicator
