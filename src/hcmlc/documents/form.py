"""The membership form filled from the submissions: what each box holds, or why it is empty.

Pure: builds a `FilledForm` from a loaded repository; `render/form_docx.py` turns it into Word.
Each question's box holds its owners' answers in the form's language; a box that is empty,
outside its word limit, untranslated or unreadable carries a `Gap`, shown highlighted in the
document and listed on the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from hcmlc.core.catalog import Catalog
from hcmlc.core.completeness import (
    field_text,
    missing_fields,
    reading_context,
    supplies,
    untranslated_fields,
)
from hcmlc.core.figures import read_entry
from hcmlc.core.results import Entry
from hcmlc.core.values import ValueProblem
from hcmlc.files.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.i18n import Lang, Wording
from hcmlc.models.registry import Cycle, Question, Section, WordLimit
from hcmlc.models.submission import (
    ChoiceAnswer,
    FigureAnswer,
    Photo,
    QuoteAnswer,
    Submission,
    TextAnswer,
)
from hcmlc.repository.load import Repository
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number
from hcmlc.text.paragraphs import paragraphs
from hcmlc.text.wordcount import count_words

M = TypeVar("M", bound=BaseModel)
GapKind = Literal["missing", "words", "untranslated", "unreadable", "photos", "translation"]

LABELS: dict[str, dict[Lang, str]] = {
    "missing": {"vi": "Chưa có câu trả lời", "en": "No answer yet"},
    "missing-part": {
        "vi": "Chưa có phần trả lời của: {owners}",
        "en": "Still to come from: {owners}",
    },
    "untranslated-fields": {
        "vi": "Chưa có bản tiếng Anh: {fields}",
        "en": "No English yet: {fields}",
    },
    "untranslated-copyright": {
        "vi": "Chưa có bản quyền tiếng Anh",
        "en": "No English copyright line yet",
    },
    "missing-field": {"vi": "Chưa có", "en": "Not supplied"},
    "owed-by": {"vi": "đơn vị thực hiện: {owners}", "en": "to be supplied by {owners}"},
    "limit-max": {"vi": "tối đa {max} từ", "en": "maximum {max} words"},
    "limit-range": {"vi": "{min} - {max} từ", "en": "{min}–{max} words"},
    "limit-min": {"vi": "tối thiểu {min} từ", "en": "at least {min} words"},
    "too-long": {
        "vi": "{words} từ, vượt giới hạn {limit}",
        "en": "{words} words, over the limit ({limit})",
    },
    "too-short": {
        "vi": "{words} từ, chưa đủ ({limit})",
        "en": "{words} words, too short ({limit})",
    },
    "untranslated": {
        "vi": "Chưa có bản tiếng Anh",
        "en": "No English text yet; the Vietnamese text follows",
    },
    "untranslated-caption": {"vi": "Chưa có chú thích tiếng Anh", "en": "No English caption yet"},
    "unreadable": {
        "vi": "Câu trả lời có lỗi, chạy `hcmlc validate` để xem",
        "en": "The answer has errors; run `hcmlc validate` to see them",
    },
    "photo-count": {
        "vi": "{count} ảnh; mẫu đơn yêu cầu {min} đến {max} ảnh",
        "en": "{count} photos; the form asks for {min} to {max}",
    },
    "photo-file": {
        "vi": "Không dùng được ảnh `{path}`; chạy `hcmlc validate` để xem",
        "en": "Photo `{path}` cannot be used; run `hcmlc validate` to see why",
    },
    "merge": {
        "vi": "{count} đơn vị đã trả lời; điều phối viên hợp nhất thành một câu trả lời",
        "en": "{count} agencies answered; the coordinator merges them into one answer",
    },
    "from-indicator": {"vi": "theo chỉ số {id}", "en": "from indicator {id}"},
}
"""Words the form adds around the answers, in each language of the form."""


label = Wording(LABELS)


@dataclass(frozen=True)
class Gap:
    """Why a box is not ready: shown highlighted in the document, listed on the terminal."""

    question: str
    kind: GapKind
    note: str
    agencies: tuple[str, ...] = ()
    """The owners whose answer the gap is about (none: the box as a whole, e.g. the combined
    word count of several answers)."""


@dataclass(frozen=True)
class Contribution:
    """One agency's answer, as paragraphs (each a list of lines)."""

    agency: str
    paragraphs: list[list[str]]


@dataclass(frozen=True)
class FieldValue:
    """One line of a contact block."""

    label: str
    value: str | None


@dataclass(frozen=True)
class Figure:
    """A figure of the city profile with its year and where it came from."""

    value: str
    year: int
    source: str | None = None


@dataclass(frozen=True)
class PhotoBox:
    """A photograph to embed, with its caption and copyright."""

    path: Path
    caption: str
    copyright: str


@dataclass
class Box:
    """One question of the form and what fills it."""

    id: str
    kind: str
    text: str
    guidance: str | None
    limit: str | None
    owners: str
    contributions: list[Contribution] = field(default_factory=list)
    fields: list[FieldValue] = field(default_factory=list)
    options: list[tuple[str, bool]] = field(default_factory=list)
    figure: Figure | None = None
    date: str | None = None
    photos: list[PhotoBox] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Remarks for the coordinator that are not gaps (e.g. answers to merge)."""


@dataclass(frozen=True)
class SectionBox:
    id: str
    title: str
    guidance: str | None
    boxes: list[Box]
    is_table: bool
    """Whether every question is a figure, so the section prints as one table."""


@dataclass(frozen=True)
class FilledForm:
    """The whole form in one language, ready to render."""

    lang: Lang
    cycle: str
    city: str
    text: dict[str, str]
    sections: list[SectionBox]

    @property
    def gaps(self) -> list[Gap]:
        return [gap for section in self.sections for box in section.boxes for gap in box.gaps]


def fill_form(repo: Repository, cycle_id: str, lang: Lang) -> FilledForm:
    """The form of `cycle_id` in `lang`, each box filled from its owners' submissions."""
    catalog = repo.require_catalog()
    files = [
        f.model
        for f in repo.submissions
        if f.model is not None and f.model.cycle == cycle_id and f.model.agency in catalog.agencies
    ]
    builder = _Builder(catalog, catalog.cycles[cycle_id], files, lang, repo.root, repo.supplied)
    reg = catalog.assignments
    text = {name: value.get(lang) for name, value in reg.form_text}
    sections = [builder.section(section) for section in reg.form]
    return FilledForm(lang, cycle_id, reg.city.get(lang), text, sections)


class _Builder:
    """Fills the boxes of one form from one cycle's submissions, owed by that cycle's agencies
    (an agency that had ended answers through its successor)."""

    def __init__(
        self,
        catalog: Catalog,
        cycle: Cycle,
        submissions: list[Submission],
        lang: Lang,
        root: Path,
        supplied: Set[Entry],
    ) -> None:
        self.catalog, self.cycle, self.submissions = catalog, cycle, submissions
        self.lang, self.root, self.supplied = lang, root, supplied
        self.by_agency = {s.agency: s for s in submissions}

    def section(self, section: Section) -> SectionBox:
        boxes = [self.box(q) for q in section.questions]
        return SectionBox(
            section.id,
            section.title.get(self.lang),
            section.guidance.get(self.lang) if section.guidance else None,
            boxes,
            is_table=all(q.kind == "figure" for q in section.questions),
        )

    def box(self, question: Question) -> Box:
        lang = self.lang
        owner_names = ", ".join(self._owner_name(o) for o in self._listed_owners(question))
        box = Box(
            id=question.id,
            kind=question.kind,
            text=question.text.get(lang),
            guidance=question.guidance.get(lang) if question.guidance else None,
            limit=_limit(question.words, lang) if question.words else None,
            owners=owner_names,
        )
        answers = list(self._answers(question))
        fill = getattr(self, f"_fill_{question.kind}")
        fill(box, question, answers)
        self._still_to_come(box, question, answers)
        return box

    def _still_to_come(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        """Owners who gave no answer while others did: the box waits for them too."""
        if not answers:
            return  # the box is missing as a whole, and says so
        answered = {agency for agency, _ in answers}
        absent = [
            o
            for o in self.catalog.owners("answer", self.cycle)[question.id]
            if o not in answered
            and not supplies(self.catalog, self.supplied, self.cycle, o, "answer", question.id)
        ]
        if absent:
            names = ", ".join(self._agency_name(a) for a in absent)
            box.gaps.append(
                Gap(
                    box.id, "missing", label("missing-part", self.lang, owners=names), tuple(absent)
                )
            )

    # -- one method per kind of question -------------------------------------------------

    def _fill_text(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        parsed = self._parse(box, TextAnswer, answers)
        self._fill_prose(box, question, [(agency, a.vi, a.en) for agency, a in parsed])

    def _fill_quote(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        parsed = self._parse(box, QuoteAnswer, answers)
        self._fill_prose(box, question, [(agency, a.vi, a.en) for agency, a in parsed])
        if parsed:
            box.date = day_text(parsed[0][1].date, self.lang)

    def _fill_prose(
        self, box: Box, question: Question, texts: list[tuple[str, str, str | None]]
    ) -> None:
        if not texts:
            self._missing(box)
            return
        chosen = []
        for agency, vi, en in texts:
            text = en if self.lang == "en" and en else vi
            if self.lang == "en" and not en:
                self._gap(box, "untranslated", label("untranslated", "en"), agency)
            chosen.append(text)
            box.contributions.append(Contribution(self._agency_name(agency), paragraphs(text)))
        if len(texts) > 1:
            box.notes.append(label("merge", self.lang, count=len(texts)))
        if question.words:
            counted_by = tuple(agency for agency, _, _ in texts) if len(texts) == 1 else ()
            self._check_words(box, question.words, sum(map(count_words, chosen)), counted_by)

    def _fill_contact(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        values: dict[str, Any] = {}
        owners = tuple(agency for agency, _ in answers) or tuple(
            self.catalog.owners("answer", self.cycle)[question.id]
        )
        for agency, answer in answers:
            if isinstance(answer, dict):
                values.update(answer)
            else:
                self._gap(box, "unreadable", label("unreadable", self.lang), agency)
        labels = {f.id: f.label.get(self.lang) for f in question.fields}
        for option in question.fields:
            text = field_text(values.get(option.id), self.lang)
            box.fields.append(FieldValue(labels[option.id], text))
        absent = [labels[f] for f in missing_fields(question, values)]
        if absent:
            note = f"{label('missing-field', self.lang)}: {', '.join(absent)}"
            box.gaps.append(Gap(box.id, "missing", f"{note} ({self._owed(box)})", owners))
        untranslated = [labels[f] for f in untranslated_fields(question, values)]
        if self.lang == "en" and untranslated:
            note = label("untranslated-fields", "en", fields=", ".join(untranslated))
            box.gaps.append(Gap(box.id, "untranslated", note, owners))

    def _fill_choice(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        parsed = self._parse(box, ChoiceAnswer, answers)
        chosen = {a.choice for _, a in parsed}
        box.options = [(o.label.get(self.lang), o.id in chosen) for o in question.options]
        if not parsed and not box.gaps:
            self._missing(box)

    def _fill_figure(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        box.figure = self._indicator_figure(question)
        if box.figure is None:
            parsed = self._parse(box, FigureAnswer, answers)
            if parsed:
                answer = parsed[0][1]
                box.figure = Figure(format_number(answer.value, self.lang), answer.year)
        if box.figure is None and not box.gaps:
            self._missing(box)

    def _fill_photos(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        for agency, answer in answers:
            items = answer if isinstance(answer, list) else [answer]
            for photo in self._parse(box, Photo, [(agency, item) for item in items]):
                self._add_photo(box, photo[1])
        bounds = question.photos
        if not box.photos and not box.gaps:
            self._missing(box)
        elif bounds and bounds.breach(len(box.photos)):
            note = label(
                "photo-count", self.lang, count=len(box.photos), min=bounds.min, max=bounds.max
            )
            self._gap(box, "photos", f"{note} ({self._owed(box)})")

    def _add_photo(self, box: Box, photo: Photo) -> None:
        try:
            path = inspect_photo(locate_photo(self.root, photo.path)).path
        except PhotoError:
            self._gap(box, "unreadable", label("photo-file", self.lang, path=photo.path))
            return
        caption = ""
        if photo.caption is not None:
            caption = photo.caption.get(self.lang)
            if self.lang == "en" and photo.caption.en is None:
                self._gap(
                    box, "untranslated", f"{label('untranslated-caption', 'en')}: {photo.path}"
                )
        rights = photo.copyright.get(self.lang) if photo.copyright else ""
        if self.lang == "en" and photo.copyright and photo.copyright.en is None:
            self._gap(box, "untranslated", f"{label('untranslated-copyright', 'en')}: {photo.path}")
        box.photos.append(PhotoBox(path, caption, rights))

    # -- helpers ---------------------------------------------------------------------------

    def _answers(self, question: Question) -> Iterator[tuple[str, Any]]:
        """(agency, raw answer) from each owner that answered, in registry order."""
        for agency in self.catalog.owners("answer", self.cycle)[question.id]:
            submission = self.by_agency.get(agency)
            if submission is not None and question.id in submission.answers:
                yield agency, submission.answers[question.id]

    def _parse(
        self, box: Box, model: type[M], answers: list[tuple[str, Any]]
    ) -> list[tuple[str, M]]:
        """Each answer read as `model`; one that does not fit marks the box unreadable."""
        parsed = []
        context = reading_context(self.catalog.questions[box.id])
        for agency, raw in answers:
            try:
                parsed.append((agency, model.model_validate(raw, context=context)))
            except ValidationError:
                self._gap(box, "unreadable", label("unreadable", self.lang), agency)
        return parsed

    def _indicator_figure(self, question: Question) -> Figure | None:
        """The figure from the linked indicator's value, when one of its owners supplied it."""
        if question.indicator is None:
            return None
        indicator = self.catalog.indicators[question.indicator]
        for submission in self.submissions:
            entry = submission.indicators.get(indicator.id)
            accepted = (self.cycle.id, submission.agency, "indicator", indicator.id)
            if entry is None or accepted not in self.supplied or indicator.unit is None:
                continue
            try:
                number = float(read_entry(entry, indicator).value)
            except ValueProblem:  # pragma: no cover - a supplied entry reads
                continue
            source = label("from-indicator", self.lang, id=indicator.id)
            return Figure(format_number(number, self.lang), entry.year, source)
        return None

    def _check_words(
        self, box: Box, limit: WordLimit, words: int, agencies: tuple[str, ...]
    ) -> None:
        breach = limit.breach(words)
        if breach is not None:
            key = "too-long" if breach == "over" else "too-short"
            shown = _limit(limit, self.lang)
            note = label(key, self.lang, words=words, limit=shown)
            box.gaps.append(Gap(box.id, "words", note, agencies))

    def _missing(self, box: Box) -> None:
        note = label("missing", self.lang)
        details = ", ".join(filter(None, [self._owed(box), box.limit]))
        owners = tuple(self.catalog.owners("answer", self.cycle)[box.id])
        box.gaps.append(Gap(box.id, "missing", f"{note} ({details})", owners))

    def _owed(self, box: Box) -> str:
        return label("owed-by", self.lang, owners=box.owners)

    def _gap(self, box: Box, kind: GapKind, note: str, agency: str | None = None) -> None:
        if agency is not None:
            note = f"{note} ({self._agency_name(agency)})"
        agencies = (agency,) if agency else tuple(self.catalog.owners("answer", self.cycle)[box.id])
        box.gaps.append(Gap(box.id, kind, note, agencies))

    def _agency_name(self, agency_id: str) -> str:
        agency = self.catalog.agencies[agency_id]
        return agency.name.get(self.lang)

    def _listed_owners(self, question: Question) -> list[str]:
        """The owners as the question lists them (groups kept whole), each agency replaced by
        the one holding its duties in the cycle."""
        day = self.cycle.reference_date
        held = (
            o
            if o not in self.catalog.agencies
            else self.catalog.succession.holder(o, day, question.id)
            for o in question.owners
        )
        return list(dict.fromkeys(o for o in held if o is not None))

    def _owner_name(self, owner: str) -> str:
        """An owner as the registry names it: an agency or a whole group."""
        if owner in self.catalog.agencies:
            return self._agency_name(owner)
        group = next(g for g in self.catalog.assignments.groups if g.id == owner)
        return group.name.get(self.lang)


def _limit(limit: WordLimit, lang: Lang) -> str:
    if limit.min and limit.max:
        return label("limit-range", lang, min=limit.min, max=limit.max)
    if limit.max:
        return label("limit-max", lang, max=limit.max)
    return label("limit-min", lang, min=limit.min)
