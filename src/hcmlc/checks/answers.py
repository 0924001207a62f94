"""Rules of a submission's form answers: each kind of question's shape, contact fields,
choices and word limits; photos in `checks.photos` (a part of `submission._SubmissionChecker`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hcmlc.checks.duties import INCOMPLETE, DutyRules
from hcmlc.checks.photos import PhotoRules
from hcmlc.checks.schema_errors import read_fields
from hcmlc.core.completeness import missing_fields, reading_context
from hcmlc.diagnostics import excerpt
from hcmlc.i18n import _, counted
from hcmlc.models.registry import Question, WordLimit
from hcmlc.models.submission import ANSWER_MODELS
from hcmlc.text.suggest import did_you_mean
from hcmlc.text.wordcount import count_words
from hcmlc.yamlfiles.reader import Loc

if TYPE_CHECKING:
    from hcmlc.core.catalog import Catalog


def _field_value_ok(value: Any) -> bool:
    """A contact field is a text, or `{vi: text, en: text}` (English optional)."""
    if isinstance(value, dict):
        texts = [value.get("vi"), value.get("en", "x")]
        return set(value) <= {"vi", "en"} and all(isinstance(t, str) and t.strip() for t in texts)
    return isinstance(value, str) and bool(value.strip())


class AnswerRules(PhotoRules, DutyRules):
    """The answer rules of the submission checker (`submission.py`), which provides the state;
    a `photos` answer is judged by `PhotoRules`."""

    catalog: Catalog

    def _check_answer(self, question_id: str, answer: Any) -> None:
        loc: Loc = ("answers", question_id)
        question = self.catalog.questions.get(question_id)
        if question is None:
            self._misfiled_or_unknown("answer", question_id, loc)
            return
        before = len(self.problems)
        owed = self._admit("answer", question_id, loc)
        self._check_answer_shape(question, answer, loc)
        if owed and self._passed(before):
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
