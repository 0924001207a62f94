"""The membership form filled from the submissions: what each box holds, or why it is empty.

Pure: builds a `FilledForm` from a loaded repository; `render/form_docx.py` turns it into Word.
Each question's box holds its owners' answers in the form's language; a box that is empty,
outside its word limit, untranslated or unreadable carries a `Gap`, shown highlighted in the
document and listed on the terminal. What a form holds is in `form_boxes`, its words in
`form_words`, who owes each box in `form_owners`, its gaps in `form_gaps`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hcmlc.core.completeness import field_text, missing_fields, reading_context, untranslated_fields
from hcmlc.core.facts import Facts
from hcmlc.documents.form_boxes import (
    Box,
    Contribution,
    FieldValue,
    Figure,
    FilledForm,
    Gap,
    SectionBox,
)
from hcmlc.documents.form_gaps import Gaps
from hcmlc.documents.form_owners import Owners
from hcmlc.documents.form_photos import place_photo
from hcmlc.documents.form_words import label, limit_text
from hcmlc.i18n import Lang
from hcmlc.models.registry import Question, Section
from hcmlc.models.submission import (
    ChoiceAnswer,
    FigureAnswer,
    Photo,
    QuoteAnswer,
    TextAnswer,
)
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number
from hcmlc.text.paragraphs import paragraphs
from hcmlc.text.wordcount import count_words

M = TypeVar("M", bound=BaseModel)


def fill_form(facts: Facts, cycle_id: str, lang: Lang) -> FilledForm:
    """The form of `cycle_id` in `lang`, each box filled from its owners' submissions."""
    catalog = facts.catalog
    files = [
        f.model
        for f in facts.submissions
        if f.model is not None and f.model.cycle == cycle_id and f.model.agency in catalog.agencies
    ]
    owners = Owners(catalog, catalog.cycles[cycle_id], files, lang, facts.supplied)
    builder = _Builder(owners, facts.root)
    reg = catalog.assignments
    text = {name: value.get(lang) for name, value in reg.form_text}
    sections = [builder.section(section) for section in reg.form]
    return FilledForm(lang, cycle_id, reg.city.get(lang), text, sections)


class _Builder:
    """Fills the boxes of one form from one cycle's submissions, one method per kind of
    question; who owes each box is told by `Owners`, why it is not ready by `Gaps`."""

    def __init__(self, owners: Owners, root: Path) -> None:
        """`owners` of the cycle's questions and their answers; photos are found below `root`."""
        self.catalog, self.lang, self.root = owners.catalog, owners.lang, root
        self.owners, self.gaps = owners, Gaps(owners)

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
        box = Box(
            id=question.id,
            kind=question.kind,
            text=question.text.get(lang),
            guidance=question.guidance.get(lang) if question.guidance else None,
            limit=limit_text(question.words, lang) if question.words else None,
            owners=self.owners.names(question),
        )
        answers = list(self.owners.answers(question))
        fill = getattr(self, f"_fill_{question.kind}")
        fill(box, question, answers)
        self.gaps.still_to_come(box, question, answers)
        return box

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
            self.gaps.missing(box)
            return
        chosen = []
        for agency, vi, en in texts:
            text = en if self.lang == "en" and en else vi
            if self.lang == "en" and not en:
                self.gaps.add(box, "untranslated", label("untranslated", "en"), agency)
            chosen.append(text)
            box.contributions.append(
                Contribution(self.owners.agency_name(agency), paragraphs(text))
            )
        if len(texts) > 1:
            box.notes.append(label("merge", self.lang, count=len(texts)))
        if question.words:
            counted_by = tuple(agency for agency, _, _ in texts) if len(texts) == 1 else ()
            self.gaps.words(box, question.words, sum(map(count_words, chosen)), counted_by)

    def _fill_contact(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        values: dict[str, Any] = {}
        owners = tuple(agency for agency, _ in answers) or tuple(self.owners.of(question.id))
        for agency, answer in answers:
            if isinstance(answer, dict):
                values.update(answer)
            else:
                self.gaps.add(box, "unreadable", label("unreadable", self.lang), agency)
        labels = {f.id: f.label.get(self.lang) for f in question.fields}
        for option in question.fields:
            text = field_text(values.get(option.id), self.lang)
            box.fields.append(FieldValue(labels[option.id], text))
        absent = [labels[f] for f in missing_fields(question, values)]
        if absent:
            note = f"{label('missing-field', self.lang)}: {', '.join(absent)}"
            box.gaps.append(Gap(box.id, "missing", f"{note} ({self.gaps.owed(box)})", owners))
        untranslated = [labels[f] for f in untranslated_fields(question, values)]
        if self.lang == "en" and untranslated:
            note = label("untranslated-fields", "en", fields=", ".join(untranslated))
            box.gaps.append(Gap(box.id, "untranslated", note, owners))

    def _fill_choice(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        parsed = self._parse(box, ChoiceAnswer, answers)
        chosen = {a.choice for _, a in parsed}
        box.options = [(o.label.get(self.lang), o.id in chosen) for o in question.options]
        if not parsed and not box.gaps:
            self.gaps.missing(box)

    def _fill_figure(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        box.figure = self.owners.indicator_figure(question)
        if box.figure is None:
            parsed = self._parse(box, FigureAnswer, answers)
            if parsed:
                answer = parsed[0][1]
                box.figure = Figure(format_number(answer.value, self.lang), answer.year)
        if box.figure is None and not box.gaps:
            self.gaps.missing(box)

    def _fill_photos(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        for agency, answer in answers:
            items = answer if isinstance(answer, list) else [answer]
            for photo in self._parse(box, Photo, [(agency, item) for item in items]):
                place_photo(box, photo[1], self.root, self.gaps)
        bounds = question.photos
        if not box.photos and not box.gaps:
            self.gaps.missing(box)
        elif bounds and bounds.breach(len(box.photos)):
            note = label(
                "photo-count", self.lang, count=len(box.photos), min=bounds.min, max=bounds.max
            )
            self.gaps.add(box, "photos", f"{note} ({self.gaps.owed(box)})")

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
                self.gaps.add(box, "unreadable", label("unreadable", self.lang), agency)
        return parsed
