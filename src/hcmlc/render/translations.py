"""The translation section of `status`: the English answers by state, and those not verified."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from hcmlc.i18n import _
from hcmlc.render.table import Cell, Column, Table, print_table
from hcmlc.signoffs.english import ENGLISH_STATES, ENGLISH_WORDS, EnglishAnswer, Translations

_STYLE = {
    "untranslated": "yellow",
    "translated": "yellow",
    "stale": "bold red",
    "verified": "green",
    "verified-stale": "bold red",
}


def render_translations(
    console: Console, translations: Translations, agency: str | None = None
) -> None:
    """Counts by state, then each English answer not verified as it stands."""
    counts = translations.counts(agency)
    table = Table(
        [Column(_("English")), Column(_("Answers"), justify="right")],
        title=_("Translation of cycle {cycle}").format(cycle=translations.cycle),
    )
    for state in ENGLISH_STATES:
        table.add(Cell(_(ENGLISH_WORDS[state]), _STYLE[state]), str(counts[state]))
    print_table(console, table)
    shown = [a for a in translations.unfinished() if agency in (None, a.agency)]
    if shown:
        rows = Table([Column(_("English")), Column(_("Question")), Column(_("Agency"))])
        for a in shown:
            rows.add(Cell(_(ENGLISH_WORDS[a.state]), _STYLE[a.state]), a.item, a.agency)
        print_table(console, rows)


def translations_dict(translations: Translations, agency: str | None = None) -> dict[str, Any]:
    """The translation section of the status JSON."""
    return {
        "counts": translations.counts(agency),
        "answers": [_answer(a) for a in translations.answers if agency in (None, a.agency)],
    }


def _answer(a: EnglishAnswer) -> dict[str, Any]:
    found: dict[str, Any] = {"agency": a.agency, "item": a.item, "state": a.state}
    if a.record is not None:
        found |= {
            "verdict": a.record.verdict.value,
            "by": a.record.by,
            "at": a.record.at.isoformat(),
        }
    return found
