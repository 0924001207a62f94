"""What `fill-form` tells the coordinator: where the file went and which boxes still need work."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from hcmlc.documents.form_boxes import FilledForm, GapKind
from hcmlc.i18n import N_, _, counted

GAP_WORDS: dict[GapKind, str] = {
    "missing": N_("missing"),
    "words": N_("words"),
    "untranslated": N_("untranslated"),
    "unreadable": N_("unreadable"),
    "photos": N_("photos"),
    "translation": N_("translation"),
}
"""How the table names each kind of gap."""


def render(console: Console, form: FilledForm, target: Path, errors: int) -> None:
    gaps = form.gaps
    if gaps:
        title = _("Boxes still to complete ({gaps})").format(
            gaps=counted(len(gaps), "{n} gap", "{n} gaps")
        )
        table = Table(title=title)
        table.add_column(_("question"), no_wrap=True)
        table.add_column(_("gap"), no_wrap=True)
        table.add_column(_("note (as marked in the document)"))
        for gap in gaps:
            table.add_row(gap.question, _(GAP_WORDS[gap.kind]), gap.note)
        console.print(table)
    boxes = sum(len(s.boxes) for s in form.sections)
    ready = boxes - len({gap.question for gap in gaps})
    console.print(
        Text(
            _("Wrote {file} ({lang}, cycle {cycle}): {ready} of {boxes} boxes ready.").format(
                file=target, lang=form.lang, cycle=form.cycle, ready=ready, boxes=boxes
            )
        )
    )
    if errors:
        console.print(
            Text(
                _(
                    "{errors} in the data: answers with errors are marked; "
                    "run `hcmlc validate` to see them."
                ).format(errors=counted(errors, "{n} error", "{n} errors")),
                style="yellow",
            )
        )
