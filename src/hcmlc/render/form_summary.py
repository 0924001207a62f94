"""What `fill-form` tells the coordinator: where the file went and which boxes still need work."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from hcmlc.form import FilledForm
from hcmlc.plural import count


def render(console: Console, form: FilledForm, target: Path, errors: int) -> None:
    gaps = form.gaps
    if gaps:
        table = Table(title=f"Boxes still to complete ({count(len(gaps), 'gap')})")
        table.add_column("question", no_wrap=True)
        table.add_column("gap", no_wrap=True)
        table.add_column("note (as marked in the document)")
        for gap in gaps:
            table.add_row(gap.question, gap.kind, gap.note)
        console.print(table)
    boxes = sum(len(s.boxes) for s in form.sections)
    ready = boxes - len({gap.question for gap in gaps})
    console.print(
        Text(f"Wrote {target} ({form.lang}, cycle {form.cycle}): {ready} of {boxes} boxes ready.")
    )
    if errors:
        console.print(
            Text(
                f"{count(errors, 'error')} in the data: answers with errors are marked; "
                "run `hcmlc validate` to see them.",
                style="yellow",
            )
        )
