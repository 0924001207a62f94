"""Where each English answer stands: untranslated, translated, stale (the Vietnamese changed
since, or the English was never recorded as its translation), verified, verified then stale.
One definition for status, its JSON and the English form."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from hcmlc.core.catalog import Catalog

if TYPE_CHECKING:
    from hcmlc.signoffs.translations import TranslationRecord
from hcmlc.core.results import Entry
from hcmlc.errors import DataError
from hcmlc.i18n import N_
from hcmlc.models.registry import Cycle
from hcmlc.repository.load import read_document
from hcmlc.signoffs.digest import text_digest
from hcmlc.signoffs.names import submission_path, translation_path

EnglishState = Literal["untranslated", "translated", "stale", "verified", "verified-stale"]
ENGLISH_STATES: tuple[EnglishState, ...] = (
    "untranslated",
    "translated",
    "stale",
    "verified",
    "verified-stale",
)
ENGLISH_WORDS: dict[EnglishState, str] = {
    "untranslated": N_("untranslated"),
    "translated": N_("translated, not verified"),
    "stale": N_("stale: the Vietnamese changed"),
    "verified": N_("verified"),
    "verified-stale": N_("verified, then changed"),
}
"""Each state as status and the page name it (gettext, in their language)."""
TRANSLATABLE = ("text", "quote")
"""The kinds of question whose answer is a text in Vietnamese with its English."""


@dataclass(frozen=True)
class EnglishAnswer:
    """One agency's answer to one question, in both languages, and its translation's state."""

    agency: str
    item: str
    vi: str
    en: str | None
    state: EnglishState
    record: TranslationRecord | None = None


@dataclass(frozen=True)
class Translations:
    """The English of every answer of a cycle."""

    cycle: str
    answers: list[EnglishAnswer]

    def counts(self, agency: str | None = None) -> dict[EnglishState, int]:
        found = dict.fromkeys(ENGLISH_STATES, 0)
        for a in self.answers:
            if agency in (None, a.agency):
                found[a.state] += 1
        return found

    def unfinished(self) -> list[EnglishAnswer]:
        """The answers whose English is not verified as it stands."""
        return [a for a in self.answers if a.state != "verified"]

    def of(self, agency: str, item: str) -> EnglishAnswer | None:
        return next((a for a in self.answers if (a.agency, a.item) == (agency, item)), None)


def answer_texts(data: Any, items: Set[str]) -> dict[str, tuple[str, str | None]]:
    """item → (Vietnamese, English or None) of each text answer among `items` in a file's data."""
    answers = data.get("answers") if isinstance(data, dict) else None
    found: dict[str, tuple[str, str | None]] = {}
    for item, answer in (answers if isinstance(answers, dict) else {}).items():
        if item in items and isinstance(answer, dict) and isinstance(answer.get("vi"), str):
            en = answer.get("en")
            found[str(item)] = (answer["vi"], en if isinstance(en, str) and en.strip() else None)
    return found


def build_translations(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle
) -> Translations:
    """The translation state of each text answer supplied in `cycle`."""
    from hcmlc.signoffs.translations import read_translations

    records, _doc, problems = read_translations(root, cycle.id)
    if records is None:
        first = problems[0]
        raise DataError(f"{first.path}:{first.place}: {first.message}", first.hint)
    last = {(r.agency, r.item): r for r in records.translations}
    questions = {q.id for q in catalog.questions.values() if q.kind in TRANSLATABLE}
    found = []
    for agency in catalog.assignments.agencies:
        mine = {q for q in questions if (cycle.id, agency.id, "answer", q) in supplied}
        if not mine:
            continue
        relative = submission_path(root, cycle.id, agency.id)
        texts = answer_texts(read_document(root, relative)[1].data, mine)
        for question in catalog.assignments.questions():
            if question.id in texts:
                vi, en = texts[question.id]
                record = last.get((agency.id, question.id))
                found.append(
                    EnglishAnswer(agency.id, question.id, vi, en, state_of(vi, en, record), record)
                )
    return Translations(cycle.id, found)


def translations_in_use(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle
) -> Translations | None:
    """The cycle's translations once any is recorded (a translation file exists); else None."""
    if not (root / translation_path(cycle.id)).exists():
        return None
    return build_translations(root, catalog, supplied, cycle)


def state_of(vi: str, en: str | None, record: TranslationRecord | None) -> EnglishState:
    """An English text without a record is stale: nothing says which Vietnamese it translates."""
    if en is None:
        return "untranslated"
    if record is None:
        return "stale"
    current = record.source == text_digest(vi) and record.target == text_digest(en)
    if record.verdict == "verified":
        return "verified" if current else "verified-stale"
    return "translated" if current else "stale"
