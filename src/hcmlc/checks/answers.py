"""Rules of a submission's form answers: each kind of question's shape, contact fields,
choices, photos and word limits (a part of `checks._SubmissionChecker`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from hcmlc.checks.schema_errors import read_fields
from hcmlc.core.completeness import missing_fields, reading_context
from hcmlc.diagnostics import Diagnostic, excerpt
from hcmlc.files.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.i18n import N_, _, counted
from hcmlc.models.registry import Question, WordLimit
from hcmlc.models.submission import ANSWER_MODELS, Photo
from hcmlc.text.suggest import did_you_mean
from hcmlc.text.wordcount import count_words
from hcmlc.yamlfiles.reader import Loc

if TYPE_CHECKING:
    from pathlib import Path

    from hcmlc.core.catalog import Catalog
    from hcmlc.core.results import Consulted, ItemKind
    from hcmlc.yamlfiles.reader import Document

INCOMPLETE = "HCMLC-W092"
"""An answer that lacks some of its parts: worth a warning, and not supplied until complete."""

_PHOTO_CREDITS: dict[tuple[str, ...], str] = {
    ("caption",): N_("the photo has no caption"),
    ("copyright",): N_("the photo has no copyright"),
    ("caption", "copyright"): N_("the photo has no caption and no copyright"),
}


def _field_value_ok(value: Any) -> bool:
    """A contact field is a text, or `{vi: text, en: text}` (English optional)."""
    if isinstance(value, dict):
        texts = [value.get("vi"), value.get("en", "x")]
        return set(value) <= {"vi", "en"} and all(isinstance(t, str) and t.strip() for t in texts)
    return isinstance(value, str) and bool(value.strip())


class AnswerRules(ABC):
    """The answer rules of the submission checker (checks.py), which provides the state and
    the steps declared here."""

    catalog: Catalog
    doc: Document
    root: Path
    problems: list[Diagnostic]
    consulted: list[tuple[Consulted, str]]

    @abstractmethod
    def _add(
        self, loc: Loc, code: str, message: str, hint: str | None = None, *, key: bool = False
    ) -> None: ...

    @abstractmethod
    def _full(self) -> bool: ...

    @abstractmethod
    def _admit(self, kind: ItemKind, item_id: str, loc: Loc) -> bool: ...

    @abstractmethod
    def _accept(self, kind: ItemKind, item_id: str) -> None: ...

    @abstractmethod
    def _warnings_since(self, before: int) -> int: ...

    @abstractmethod
    def _misfiled_or_unknown(self, kind: ItemKind, item_id: str, loc: Loc) -> None: ...

    @abstractmethod
    def _check_year(self, loc: Loc, year: int) -> None: ...

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
