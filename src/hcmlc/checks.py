"""Rules that span files: ids that must exist, who may report what, values, years, word limits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from hcmlc.catalog import Catalog
from hcmlc.confine import Escape, escape
from hcmlc.diagnostics import Diagnostic
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.models.submission import ANSWER_MODELS, IndicatorValue, Photo, Submission
from hcmlc.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.plural import count
from hcmlc.schema_errors import validate
from hcmlc.suggest import did_you_mean
from hcmlc.values import ValueProblem, parse_value
from hcmlc.wordcount import count_words
from hcmlc.yamlio import Document, Loc

ItemKind = Literal["indicator", "answer"]

Entry = tuple[str, str, ItemKind, str]
"""(cycle, agency, "indicator" or "answer", item id) of an item supplied without error."""


@dataclass(frozen=True)
class _ItemRule:
    """How the messages about one kind of item (indicator or answer) name it."""

    noun: str
    verb: str
    entry: str
    home: str
    asked: str
    move: str

    def show(self, item_id: str) -> str:
        return item_id if self.noun == "indicator" else f"`{item_id}`"


_EVIDENCE_ESCAPES: dict[Escape, str] = {
    "absolute": "is absolute",
    "climbs": "climbs out with `..`",
    "link": "leads outside the repository (through a link)",
}


_ITEM_RULES: dict[ItemKind, _ItemRule] = {
    "indicator": _ItemRule(
        "indicator",
        "supplied",
        "entry",
        "data/criteria.yaml",
        "indicator values",
        "move the value to a cycle that asks for indicators",
    ),
    "answer": _ItemRule(
        "question",
        "answered",
        "answer",
        "data/assignments.yaml",
        "form answers",
        "move the answer to the application cycle's file",
    ),
}


@dataclass(frozen=True)
class SubmissionFile:
    """A submission file as read, with its model when it passed the schema."""

    doc: Document
    model: Submission | None


def check_data(
    catalog: Catalog, framework_doc: Document, assignments_doc: Document
) -> list[Diagnostic]:
    """Unique ids and resolvable references inside data/criteria.yaml and data/assignments.yaml."""
    problems = _duplicates(framework_doc, _framework_ids(catalog))
    problems += _duplicates(assignments_doc, _registry_ids(catalog))
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for loc, ref in _framework_refs(catalog):
        if ref not in owners:
            problems.append(_unknown(framework_doc, loc, "agency", ref, owners))
    pools = {"agency": owners, "indicator": set(catalog.indicators)}
    for loc, kind, ref in _question_refs(catalog):
        if ref not in pools[kind]:
            problems.append(_unknown(assignments_doc, loc, kind, ref, pools[kind]))
    if catalog.assignments.current_cycle not in catalog.cycles:
        ref = catalog.assignments.current_cycle
        problems.append(_unknown(assignments_doc, ("current_cycle",), "cycle", ref, catalog.cycles))
    return problems


@dataclass(frozen=True)
class FileCheck:
    """What one submission file contributes, cross-file problems aside: all a cache keeps."""

    problems: tuple[Diagnostic, ...]
    accepted: frozenset[Entry] = frozenset()
    identity: tuple[str, str] | None = None
    """(agency, cycle) of a file that passed the schema."""
    consulted: tuple[str, ...] = ()
    """Paths the file names that were looked up in the repository (photos, evidence)."""


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
    """The rules of one file that passed the schema (none for a file that did not)."""
    if file.model is None:
        return FileCheck(())
    checker = _SubmissionChecker(catalog, file.doc, file.model, root)
    problems = checker.run()
    identity = (file.model.agency, file.model.cycle)
    return FileCheck(
        tuple(problems), frozenset(checker.accepted), identity, tuple(checker.consulted)
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
                f"a second submission of `{key[0]}` for cycle {key[1]}: "
                f"{first_file[key]} is the first",
                "merge the two files into one and delete the other",
            )
            problems.append(replace(problem, related=(first_file[key],)))
        else:
            first_file[key] = path
    return problems


class _SubmissionChecker:
    """The rules of one submission file."""

    def __init__(self, catalog: Catalog, doc: Document, model: Submission, root: Path) -> None:
        self.catalog, self.doc, self.model, self.root = catalog, doc, model, root
        self.problems: list[Diagnostic] = []
        self.accepted: set[Entry] = set()
        self.consulted: list[str] = []
        self.cycle: Cycle | None = catalog.cycles.get(model.cycle)

    def run(self) -> list[Diagnostic]:
        known = self._check_identity()
        if known:
            for indicator_id, entry in self.model.indicators.items():
                self._check_indicator(indicator_id, entry)
            for question_id, answer in self.model.answers.items():
                self._check_answer(question_id, answer)
        return self.problems

    def _add(
        self, loc: Loc, code: str, message: str, hint: str | None = None, *, key: bool = False
    ) -> None:
        self.problems.append(self.doc.problem(loc, code, message, hint, key=key))

    def _check_identity(self) -> bool:
        agency, cycle = self.model.agency, self.model.cycle
        known = True
        if agency not in self.catalog.agencies:
            self.problems.append(
                _unknown(self.doc, ("agency",), "agency", agency, self.catalog.agencies)
            )
            known = False
        if self.cycle is None:
            self.problems.append(
                _unknown(self.doc, ("cycle",), "cycle", cycle, self.catalog.cycles)
            )
            known = False
        parts = PurePosixPath(self.doc.path).parts
        expected = f"submissions/{cycle}/{agency}.yaml"
        if len(parts) != 3 or parts[0] != "submissions":
            self._add(
                ("agency",),
                "HCMLC-E028",
                "a submission file must sit in its cycle's folder",
                f"move it to {expected}",
            )
        elif PurePosixPath(parts[2]).stem != agency:
            self._add(
                ("agency",),
                "HCMLC-E026",
                f"the file is named `{parts[2]}` but says `agency: {agency}`",
                f"rename the file to {expected}, or correct `agency:`",
            )
        elif parts[1] != cycle:
            self._add(
                ("cycle",),
                "HCMLC-E026",
                f"the file is in folder `{parts[1]}` but says `cycle: {cycle}`",
                f"move the file to {expected}, or correct `cycle:`",
            )
        return known

    def _check_indicator(self, indicator_id: str, entry: IndicatorValue) -> None:
        loc: Loc = ("indicators", indicator_id)
        if not self._admit("indicator", indicator_id, loc):
            return
        indicator = self.catalog.indicators[indicator_id]
        ok = self._check_year(loc, entry.year)
        expected_unit = indicator.unit.value if indicator.unit else None
        if entry.unit is not None and entry.unit != expected_unit:
            wanted = f"`unit: {expected_unit}`" if expected_unit else "no unit (it is qualitative)"
            self._add(
                loc + ("unit",),
                "HCMLC-E022",
                f"indicator {indicator_id} is measured in {wanted}, not `{entry.unit}`",
                f"write {wanted} or leave `unit` out" if expected_unit else "delete `unit`",
            )
            ok = False
        try:
            parse_value(entry.value, indicator)
        except ValueProblem as problem:
            self._add(
                loc + ("value",), "HCMLC-E022", f"indicator {indicator_id}: {problem}", problem.hint
            )
            ok = False
        if entry.evidence is not None and not self._check_evidence(loc, entry.evidence):
            ok = False
        if ok:
            self.accepted.add((self.model.cycle, self.model.agency, "indicator", indicator_id))

    def _check_evidence(self, loc: Loc, evidence: str) -> bool:
        self.consulted.append(evidence)
        way = escape(self.root, evidence)
        if way is None:
            return True
        self._add(
            loc + ("evidence",),
            "HCMLC-E052",
            f"evidence path `{evidence}` {_EVIDENCE_ESCAPES[way]}",
            "give a web link (https://…), a document's reference, or a path from the "
            "repository's top folder, e.g. evidence/2023/bao-cao.pdf",
        )
        return False

    def _admit(self, kind: ItemKind, item_id: str, loc: Loc) -> bool:
        """Whether the item exists and is this agency's; warn when the cycle does not ask for it."""
        rules = _ITEM_RULES[kind]
        all_owners = self.catalog.owners(kind)
        if item_id not in all_owners:
            self.problems.append(_unknown(self.doc, loc, rules.noun, item_id, all_owners, key=True))
            return False
        owners = all_owners[item_id]
        if not self.catalog.owes(kind, item_id, self.model.agency):
            self._add(
                loc,
                "HCMLC-E021",
                f"`{self.model.agency}` is not assigned {rules.noun} {rules.show(item_id)}; "
                f"it is {rules.verb} by {', '.join(owners)}",
                f"remove this {rules.entry}, or ask the coordinator to assign it in {rules.home}",
                key=True,
            )
            return False
        if self.cycle is not None and self.cycle.deadlines.of(kind) is None:
            self._add(
                loc,
                "HCMLC-W031",
                f"cycle {self.cycle.id} does not ask for {rules.asked}",
                rules.move,
                key=True,
            )
        return True

    def _check_year(self, loc: Loc, year: int) -> bool:
        cycle = self.cycle
        if cycle is None or cycle.first_year <= year <= cycle.last_year:
            return True
        span = (
            f"{cycle.first_year}–{cycle.last_year}"
            if cycle.first_year != cycle.last_year
            else str(cycle.first_year)
        )
        self._add(
            loc + ("year",),
            "HCMLC-E023",
            f"year {year} is outside cycle {cycle.id}, which covers {span}",
            "give the year the figure describes; older figures belong to an earlier cycle",
        )
        return False

    def _check_answer(self, question_id: str, answer: Any) -> None:
        loc: Loc = ("answers", question_id)
        if not self._admit("answer", question_id, loc):
            return
        question = self.catalog.questions[question_id]
        before = len(self.problems)
        self._check_answer_shape(question, answer, loc)
        if len(self.problems) == before:
            self.accepted.add((self.model.cycle, self.model.agency, "answer", question_id))

    def _check_answer_shape(self, question: Question, answer: Any, loc: Loc) -> None:
        if question.kind == "contact":
            self._check_contact(question, answer, loc)
        elif question.kind == "photos":
            self._check_photos(question, answer, loc)
        else:
            model, problems = validate(ANSWER_MODELS[question.kind], answer, self.doc, loc)
            self.problems += problems
            if model is None:
                return
            if question.kind == "choice":
                self._check_choice(question, model.choice, loc)  # type: ignore[attr-defined]
            if question.kind == "figure":
                self._check_year(loc, model.year)  # type: ignore[attr-defined]
            if question.kind in ("text", "quote") and question.words:
                for lang in ("vi", "en"):
                    text = getattr(model, lang)
                    if text:
                        self._check_words(question.words, text, loc + (lang,))

    def _check_contact(self, question: Question, answer: Any, loc: Loc) -> None:
        if not isinstance(answer, dict):
            self._add(
                loc,
                "HCMLC-E012",
                f"answer `{question.id}` must be a mapping of its fields",
                f"fields: {', '.join(f.id for f in question.fields)}",
            )
            return
        allowed = [f.id for f in question.fields]
        for name, value in answer.items():
            if name not in allowed:
                self._add(
                    loc + (name,),
                    "HCMLC-E011",
                    f"unknown field `{name}` in `{question.id}`",
                    did_you_mean(name, allowed) or f"fields: {', '.join(allowed)}",
                    key=True,
                )
            elif not isinstance(value, str) or not value.strip():
                self._add(
                    loc + (name,),
                    "HCMLC-E012",
                    f"field `{name}` must be a non-empty text",
                    "write the text after the colon, or leave the field out",
                )

    def _check_choice(self, question: Question, choice: str, loc: Loc) -> None:
        options = [o.id for o in question.options]
        if choice not in options:
            self._add(
                loc + ("choice",),
                "HCMLC-E012",
                f"`{choice}` is not an option of `{question.id}`",
                did_you_mean(choice, options) or f"options: {', '.join(options)}",
            )

    def _check_photos(self, question: Question, answer: Any, loc: Loc) -> None:
        if not isinstance(answer, list):
            self._add(
                loc,
                "HCMLC-E012",
                f"answer `{question.id}` must be a list of photos",
                "start each photo with `- path:`",
            )
            return
        for index, item in enumerate(answer):
            photo, problems = validate(Photo, item, self.doc, loc + (index,))
            self.problems += problems
            if photo is not None:
                self._check_photo(photo, loc + (index,))
        bounds = question.photos
        if bounds and bounds.breach(len(answer)):
            self._add(
                loc,
                "HCMLC-W032",
                f"{count(len(answer), 'photo')} given; "
                f"the form asks for {bounds.min} to {bounds.max}",
                key=True,
            )

    def _check_photo(self, photo: Photo, loc: Loc) -> None:
        missing = [name for name in ("caption", "copyright") if getattr(photo, name) is None]
        if missing:
            self._add(
                loc,
                "HCMLC-W038",
                f"the photo has no {' and no '.join(missing)}",
                "the form asks for a short caption and the copyright holder of every photo",
                key=True,
            )
        self.consulted.append(photo.path)
        try:
            found = inspect_photo(locate_photo(self.root, photo.path))
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
                f"{count(words, 'word')}, over the limit of {limit.max}",
                f"shorten the answer by {count(words - limit.max, 'word')}",
            )
        elif limit.min is not None and words < limit.min:
            self._add(
                loc,
                "HCMLC-W025",
                f"{count(words, 'word')}, under the minimum of {limit.min}",
                f"add at least {count(limit.min - words, 'word')}",
            )


def _unknown(
    doc: Document, loc: Loc, kind: str, ref: str, known: Any, *, key: bool = False
) -> Diagnostic:
    hint = did_you_mean(ref, known) or f"see the {kind} ids in data/{_home(kind)}"
    return doc.problem(loc, "HCMLC-E020", f"unknown {kind} `{ref}`", hint, key=key)


def _home(kind: str) -> str:
    return "criteria.yaml" if kind == "indicator" else "assignments.yaml"


def _duplicates(doc: Document, ids: Iterator[tuple[Loc, str]]) -> list[Diagnostic]:
    first: dict[str, Loc] = {}  # located only when an id repeats: the valid path pays nothing
    problems = []
    for loc, item_id in ids:
        if item_id in first:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E030",
                    f"id `{item_id}` is used twice (first on line {doc.at(first[item_id])[0]})",
                    "ids are unique and never reused: give this one a new id",
                )
            )
        else:
            first[item_id] = loc
    return problems


def _framework_ids(catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    for a, area in enumerate(catalog.framework.areas):
        yield ("areas", a, "id"), area.id
        for s, standard in enumerate(area.standards):
            s_loc: Loc = ("areas", a, "standards", s)
            yield s_loc + ("id",), standard.id
            for c, criterion in enumerate(standard.criteria):
                c_loc = s_loc + ("criteria", c)
                yield c_loc + ("id",), criterion.id
                for i, indicator in enumerate(criterion.indicators):
                    yield c_loc + ("indicators", i, "id"), indicator.id


def _framework_refs(catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    for loc, item_id in _framework_ids(catalog):
        if "indicators" in loc:
            indicator = catalog.indicators[item_id]
            for field in ("agencies", "obtained_from"):
                for k, ref in enumerate(getattr(indicator, field)):
                    yield loc[:-1] + (field, k), ref


def _registry_ids(catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    reg = catalog.assignments
    for i, agency in enumerate(reg.agencies):
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
