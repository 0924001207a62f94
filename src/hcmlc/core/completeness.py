"""What makes an item done: the one definition validate, status, the form and the report share.

An answer is supplied when it passed validation and nothing it owes is missing: every field of
a contact block. A figure of the city profile linked to an indicator is supplied too when the
indicator's value was supplied in the cycle (the form prints that value). What the English form
further needs, the English of each field the form prints in words, is a gap of the form only.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any

from hcmlc.core.values import UNIT_BOUNDS
from hcmlc.models.common import NUMBER_RULE
from hcmlc.models.registry import Cycle, Question
from hcmlc.text.numerals import AT_LEAST_ZERO

if TYPE_CHECKING:
    from hcmlc.core.catalog import Catalog
    from hcmlc.core.results import Entry, ItemKind


def reading_context(question: Question) -> dict[str, Any]:
    """How an answer to `question` is read: a figure by the question's unit (at least 0 without
    one). validate and the form read it the same way."""
    return {NUMBER_RULE: UNIT_BOUNDS[question.unit] if question.unit else AT_LEAST_ZERO}


def field_text(value: Any, lang: str) -> str | None:
    """A contact field's text in `lang`: a plain string, or `{vi, en}` (falling back to vi)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        chosen = value.get(lang) if lang == "en" else None
        chosen = chosen or value.get("vi")
        return chosen.strip() or None if isinstance(chosen, str) else None
    return None


def missing_fields(question: Question, answer: Any) -> list[str]:
    """The ids of the contact fields `answer` leaves out or empty, in the question's order."""
    given = answer if isinstance(answer, dict) else {}
    return [f.id for f in question.fields if field_text(given.get(f.id), "vi") is None]


def untranslated_fields(question: Question, answer: Any) -> list[str]:
    """The ids of the fields the form prints in words (`translate: true`) that have no English."""
    given = answer if isinstance(answer, dict) else {}
    return [
        f.id
        for f in question.fields
        if f.translate
        and f.id in given
        and not (isinstance(given[f.id], dict) and isinstance(given[f.id].get("en"), str))
    ]


def supplies(
    catalog: Catalog, supplied: Set[Entry], cycle: Cycle, agency: str, kind: ItemKind, item: str
) -> bool:
    """Whether `agency` has supplied `item` in `cycle`: its entry passed every check, or, for a
    figure the form takes from an indicator, one of the indicator's owners supplied that."""
    if (cycle.id, agency, kind, item) in supplied:
        return True
    if kind != "answer":
        return False
    indicator = catalog.questions[item].indicator
    if indicator is None:
        return False
    owners = catalog.owners("indicator", cycle).get(indicator, [])
    return any((cycle.id, owner, "indicator", indicator) in supplied for owner in owners)
