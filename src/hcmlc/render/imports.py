"""What `import` tells the coordinator: per workbook, what it added, changed, removed, kept."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import _, counted
from hcmlc.render import diagnostics
from hcmlc.render.diagnostics import summary, write_json
from hcmlc.render.escape import visible
from hcmlc.workbook.cells import Cell
from hcmlc.workbook.importer import Imported

CHANGES = ("added", "changed", "removed", "unchanged")
_SHOWN = 10
"""Cleared cells named in the note; the rest are counted."""


def outcome(result: Imported) -> str:
    """`written`, `checked` (would be written), `refused` or `nothing`, the same in any language."""
    if result.failed:
        return "refused"
    if result.merged is None or not result.merged.touched:
        return "nothing"
    return "written" if result.written else "checked"


def items(result: Imported) -> dict[str, list[str]]:
    """The items of each kind of change (`1.1.1.a`, `slogan`, `prepared_by`), in sheet order."""
    found: dict[str, list[str]] = {change: [] for change in CHANGES}
    if result.merged is not None:
        for (_kind, item), change in result.merged.changes.items():
            found[change].append(item)
    return found


def render_text(console: Console, results: Sequence[Imported]) -> None:
    """Each workbook's outcome, then every problem, compiler-style, and the counts."""
    render_outcomes(console, results)
    problems = [p for r in results for p in r.problems]
    if problems:
        diagnostics.render_text(console, problems, len(results))


def render_outcomes(console: Console, results: Sequence[Imported]) -> None:
    """One line per workbook: imported (with what changed), nothing to import, or refused."""
    for result in results:
        state = outcome(result)
        if state == "refused":
            errors = sum(p.severity is Severity.ERROR for p in result.problems)
            line = _("{workbook}: not imported ({errors}; see below)").format(
                workbook=result.path, errors=counted(errors, "{n} error", "{n} errors")
            )
            console.print(Text(visible(line), style="bold red"), soft_wrap=True)
            continue
        if state == "nothing":
            console.print(Text(visible(_nothing(result))), soft_wrap=True)
        else:
            found = items(result)
            line = (
                _("{workbook} → {file}: {added}, {changed}, {removed}, {unchanged}")
                if state == "written"
                else _(
                    "{workbook} → {file} (not written, --check): "
                    "{added}, {changed}, {removed}, {unchanged}"
                )
            )
            console.print(
                Text(
                    visible(
                        line.format(
                            workbook=result.path,
                            file=result.target,
                            added=_("{n} added").format(n=len(found["added"])),
                            changed=_("{n} changed").format(n=len(found["changed"])),
                            removed=_("{n} removed").format(n=len(found["removed"])),
                            unchanged=_("{n} unchanged").format(n=len(found["unchanged"])),
                        )
                    )
                ),
                soft_wrap=True,
            )
            for label, change in (
                (_("added"), "added"),
                (_("changed"), "changed"),
                (_("removed"), "removed"),
            ):
                if found[change]:
                    described = _describe if change == "changed" else _plain
                    shown = ", ".join(described(result, item) for item in found[change])
                    console.print(Text(visible(f"    {label}: {shown}")), soft_wrap=True)
        for note in notes(result):
            console.print(
                Text(visible("    " + _("note: {note}").format(note=note)), style="dim"),
                soft_wrap=True,
            )


def notes(result: Imported) -> list[str]:
    """What the coordinator should know beyond the changes: data/ changed, items missing,
    cells cleared (which change nothing)."""
    found = []
    if result.merged is not None and result.merged.computed:
        computed = result.merged.computed
        found.append(
            _("{cells} with a formula ({where}): the value it computed was taken").format(
                cells=counted(len(computed), "{n} cell", "{n} cells"), where=_cells(computed)
            )
        )
    if result.merged is not None and result.merged.unremoved:
        message = _("marked `{marker}` but without an entry in the file, so nothing removed: {ids}")
        found.append(
            message.format(marker=result.merged.marker, ids=", ".join(result.merged.unremoved))
        )
    if result.merged is not None and result.merged.cleared:
        cleared = result.merged.cleared
        found.append(
            _(
                "{cells} cleared in the workbook ({where}) left the file as it is: to remove an "
                "entry, choose `{marker}` in its row's last column"
            ).format(
                cells=counted(len(cleared), "{n} cell", "{n} cells"),
                where=_cells(cleared),
                marker=result.merged.marker,
            )
        )
    if result.data_changed and not result.failed:
        found.append(
            _(
                "{files} changed since the workbook was made; nothing this workbook asks changed"
            ).format(files=", ".join(result.data_changed))
        )
    if result.claimed is not None and not result.failed:
        found.append(
            _(
                "the workbook says it was sent on {claimed}: the sender's claim, not written; "
                "received on {day}"
            ).format(claimed=result.claimed, day=result.received)
        )
    if result.merged is not None and result.merged.missing:
        found.append(
            _(
                "the workbook lacks {items} owed now ({ids}): send the agency a fresh workbook"
            ).format(
                items=counted(len(result.merged.missing), "{n} item", "{n} items"),
                ids=", ".join(result.merged.missing),
            )
        )
    return found


def _cells(cells: Sequence[Cell]) -> str:
    """`Chỉ số!E5, Chỉ số!F5`: the first cells, and `…` for the rest."""
    shown = [f"{cell.sheet}!{cell.reference}" for cell in cells[:_SHOWN]]
    return ", ".join(shown) + (", …" if len(cells) > _SHOWN else "")


def _nothing(result: Imported) -> str:
    merged = result.merged
    if merged is None or merged.blank:
        message = _("{workbook}: nothing to import: every input cell is empty")
    elif merged.edited:
        message = _("{workbook}: nothing to import: {file} already holds every value it changed")
    else:
        message = _("{workbook}: nothing to import: no cell was changed since it was made")
    return message.format(workbook=result.path, file=result.target)


def _describe(result: Imported, item: str) -> str:
    """`2.1.2.a (value: 10.9 → 11)`: an item with the fields that changed."""
    assert result.merged is not None
    details = next((d for (_k, i), d in result.merged.details.items() if i == item), [])
    if not details:
        return item
    fields = ", ".join(
        f"{name}: {_short(before)} → {_short(after)}" for name, before, after in details
    )
    return f"{item} ({fields})"


def _plain(result: Imported, item: str) -> str:
    return item


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return (text[:37] + "…") if len(text) > 40 else (text or "—")


def render_json(console: Console, results: Sequence[Imported]) -> None:
    problems: list[Diagnostic] = [p for r in results for p in r.problems]
    document = {
        "workbooks": [
            {
                "path": r.path,
                "agency": r.agency,
                "cycle": r.cycle,
                "file": r.target,
                "outcome": outcome(r),
                **items(r),
                "data_changed": r.data_changed,
                "received": r.received.isoformat()
                if r.received and outcome(r) in ("written", "checked")
                else None,
                "claimed_sent": r.claimed,
                "missing": r.merged.missing if r.merged else [],
                "computed": [f"{c.sheet}!{c.reference}" for c in r.merged.computed]
                if r.merged
                else [],
                "cleared": [f"{c.sheet}!{c.reference}" for c in r.merged.cleared]
                if r.merged
                else [],
            }
            for r in results
        ],
        "problems": [p.as_dict() for p in problems],
        "summary": summary(problems, len(results)),
    }
    write_json(console, document, indent=2)
