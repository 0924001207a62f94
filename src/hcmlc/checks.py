"""Rules that span files: ids that must exist, who may report what, values, years, word limits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from hcmlc.catalog import Catalog
from hcmlc.confine import Escape, escape
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, excerpt
from hcmlc.i18n import N_, _, counted
from hcmlc.models.framework import Scale
from hcmlc.models.registry import Cycle, Question, WordLimit
from hcmlc.models.submission import ANSWER_MODELS, IndicatorValue, Photo, Submission
from hcmlc.models.targets import Targets
from hcmlc.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.schema_errors import validate
from hcmlc.suggest import did_you_mean
from hcmlc.values import SCALE_STATES, ValueProblem, parse_quantity, parse_state, parse_value
from hcmlc.wordcount import count_words
from hcmlc.yamlio import Document, Loc

ItemKind = Literal["indicator", "answer"]

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
    catalog: Catalog, framework_doc: Document, assignments_doc: Document
) -> list[Diagnostic]:
    """Unique ids and resolvable references inside data/criteria.yaml and data/assignments.yaml."""
    problems = _duplicates(framework_doc, _framework_ids(catalog))
    problems += _duplicates(assignments_doc, _registry_ids(catalog))
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for loc, ref in _framework_refs(catalog):
        if ref not in owners and len(problems) <= 2 * MAX_PER_FILE:  # both files list theirs
            problems.append(_unknown(framework_doc, loc, "agency", ref, owners))
    pools = {"agency": owners, "indicator": set(catalog.indicators)}
    for loc, kind, ref in _question_refs(catalog):
        if ref not in pools[kind] and len(problems) <= 2 * MAX_PER_FILE:
            problems.append(_unknown(assignments_doc, loc, kind, ref, pools[kind]))
    for k, agency in enumerate(catalog.assignments.agencies):
        if agency.successor is not None and agency.successor not in catalog.agencies:
            loc = ("agencies", k, "successor")
            problems.append(
                _unknown(assignments_doc, loc, "agency", agency.successor, catalog.agencies)
            )
    if catalog.assignments.current_cycle not in catalog.cycles:
        ref = catalog.assignments.current_cycle
        problems.append(_unknown(assignments_doc, ("current_cycle",), "cycle", ref, catalog.cycles))
    return problems


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
                try:
                    parse_quantity(f"{point.value!r}", indicator.unit)
                except ValueProblem as problem:
                    message = _("indicator {id}: {problem}").format(
                        id=indicator_id, problem=problem
                    )
                    problems.append(doc.problem(loc + (part, "value"), "HCMLC-E022", message))
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
                _(
                    "a second submission of `{agency}` for cycle {cycle}: {first} is the first"
                ).format(agency=key[0], cycle=key[1], first=first_file[key]),
                _("merge the two files into one and delete the other"),
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
        self.consulted: list[tuple[Consulted, str]] = []
        self.cycle: Cycle | None = catalog.cycles.get(model.cycle)

    def run(self) -> list[Diagnostic]:
        """Every rule, until the file has more problems than it lists (diagnostics.MAX_PER_FILE):
        a file of 100,000 unknown ids costs no more than one of a hundred, and the entries
        after that point are not accepted until the file is fixed."""
        known = self._check_identity()
        if known:
            for indicator_id, entry in self.model.indicators.items():
                if self._full():
                    return self.problems
                self._check_indicator(indicator_id, entry)
            for question_id, answer in self.model.answers.items():
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
        if known:
            known = self._check_agency_active()
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
                _("move the file to {path}, or correct `cycle:`").format(path=expected),
            )
        return known

    def _check_agency_active(self) -> bool:
        """Whether the agency exists in the cycle (not ended, not yet to come)."""
        assert self.cycle is not None
        agency = self.catalog.agencies[self.model.agency]
        day = self.cycle.reference_date
        if agency.active_on(day):
            return True
        holder = self.catalog.holder(agency.id, day)
        if agency.ended is not None and day >= agency.ended:
            message = _("`{agency}` ended on {day}, before cycle {cycle}")
        else:
            message = _("`{agency}` holds no duties before {day}")
        message = message.format(
            agency=agency.id, day=agency.ended or agency.started, cycle=self.cycle.id
        )
        hint = (
            _("its duties in cycle {cycle} are `{holder}`'s: submit as {file}").format(
                cycle=self.cycle.id,
                holder=holder,
                file=f"submissions/{self.cycle.id}/{holder}.yaml",
            )
            if holder
            else _(
                "ask the coordinator which agency reports in its place "
                "(`successor:` in data/assignments.yaml)"
            )
        )
        self._add(("agency",), "HCMLC-E060", message, hint)
        return False

    def _check_indicator(self, indicator_id: str, entry: IndicatorValue) -> None:
        loc: Loc = ("indicators", indicator_id)
        if not self._admit("indicator", indicator_id, loc):
            return
        indicator = self.catalog.indicators[indicator_id]
        ok = self._check_year(loc, entry.year)
        expected_unit = indicator.unit.value if indicator.unit else None
        if entry.unit is not None and entry.unit != expected_unit:
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
                message.format(id=indicator_id, expected=expected_unit, unit=excerpt(entry.unit)),
                hint.format(expected=expected_unit),
            )
            ok = False
        try:
            parse_value(entry.value, indicator)
        except ValueProblem as problem:
            self._add(
                loc + ("value",),
                "HCMLC-E022",
                _("indicator {id}: {problem}").format(id=indicator_id, problem=problem),
                problem.hint,
            )
            ok = False
        if entry.evidence is not None and not self._check_evidence(loc, entry.evidence):
            ok = False
        if ok:
            self.accepted.add((self.model.cycle, self.model.agency, "indicator", indicator_id))

    def _check_evidence(self, loc: Loc, evidence: str) -> bool:
        self.consulted.append(("evidence", evidence))
        way = escape(self.root, evidence)
        if way is None:
            return True
        self._add(
            loc + ("evidence",),
            "HCMLC-E052",
            _(_EVIDENCE_ESCAPES[way]).format(path=evidence),
            _(
                "give a web link (https://…), a document's reference, or a path from the "
                "repository's top folder, e.g. evidence/2023/bao-cao.pdf"
            ),
        )
        return False

    def _admit(self, kind: ItemKind, item_id: str, loc: Loc) -> bool:
        """Whether the item exists and is this agency's; warn when the cycle does not ask for it."""
        rules = _ITEM_RULES[kind]
        all_owners = self.catalog.owners(kind, self.cycle)
        if item_id not in all_owners:
            self.problems.append(_unknown(self.doc, loc, rules.noun, item_id, all_owners, key=True))
            return False
        owners = all_owners[item_id]
        if not self.catalog.owes(kind, item_id, self.model.agency, self.cycle):
            self._add(
                loc,
                "HCMLC-E021",
                _(rules.not_assigned).format(
                    agency=self.model.agency, item=rules.show(item_id), owners=", ".join(owners)
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
            _("year {year} is outside cycle {cycle}, which covers {span}").format(
                year=year, cycle=cycle.id, span=span
            ),
            _("give the year the figure describes; older figures belong to an earlier cycle"),
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
                _("answer `{id}` must be a mapping of its fields").format(id=question.id),
                _("fields: {fields}").format(fields=", ".join(f.id for f in question.fields)),
            )
            return
        allowed = [f.id for f in question.fields]
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
            elif not isinstance(value, str) or not value.strip():
                self._add(
                    loc + (name,),
                    "HCMLC-E012",
                    _("field `{name}` must be a non-empty text").format(name=name),
                    _("write the text after the colon, or leave the field out"),
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
        if not isinstance(answer, list):
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
            photo, problems = validate(Photo, item, self.doc, loc + (index,))
            self.problems += problems
            if photo is not None:
                self._check_photo(photo, loc + (index,))
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

    def _check_photo(self, photo: Photo, loc: Loc) -> None:
        missing = tuple(name for name in ("caption", "copyright") if getattr(photo, name) is None)
        if missing:
            self._add(
                loc,
                "HCMLC-W038",
                _(_PHOTO_CREDITS[missing]),
                _("the form asks for a short caption and the copyright holder of every photo"),
                key=True,
            )
        self.consulted.append(("photo", photo.path))
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
