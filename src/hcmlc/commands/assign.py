"""`hcmlc assign SHEET.xlsx`: fill who owes which indicator and question from a spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.checks.framework_use import USES
from hcmlc.core.status import unowned
from hcmlc.diagnostics import Diagnostic
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _, counted
from hcmlc.render.diagnostics import render_text
from hcmlc.repository.load import ASSIGNMENTS, load, read_document
from hcmlc.workbook.assign_sheet import question_places, read_sheet, rewrite
from hcmlc.workbook.guard import guarded_bytes
from hcmlc.yamlfiles.reader import Loc


@dataclass(frozen=True)
class AssignOptions:
    """What `hcmlc assign` was asked for."""

    sheet: Path


def assign_agencies(console: Console, root: Path, options: AssignOptions) -> int:
    """Check every row of the sheet; when all are sound, write both files; say what is left."""
    sheet = options.sheet
    if not (root / USES).is_file():
        raise HcmlcError(
            _("{file} is missing: assign writes the indicators' agencies there").format(file=USES),
            _("a repository that keeps its framework as a file: run `hcmlc migrate` first"),
        )
    catalog = load(root, submissions=False).require_sound_data()
    data = guarded_bytes(sheet, str(sheet))
    if isinstance(data, Diagnostic):
        render_text(console, [data], 1)
        return 1
    found = read_sheet(data, str(sheet), catalog)
    if found.problems:
        render_text(console, found.problems, 1)
        return 1
    uses_doc = read_document(root, USES)[1]
    reg_doc = read_document(root, ASSIGNMENTS)[1]
    if uses_doc.text is None or reg_doc.text is None:
        raise HcmlcError(_("the data files are broken"), _("run `hcmlc validate` first"))
    places: dict[Loc, list[str]] = {("assign", i): ids for i, ids in found.indicators.items()}
    new_uses = rewrite(uses_doc.text, uses_doc, places, ("assign",))
    new_reg = rewrite(reg_doc.text, reg_doc, question_places(catalog, found.questions), ("form",))
    write_atomic(root / USES, new_uses.encode("utf-8"))
    write_atomic(root / ASSIGNMENTS, new_reg.encode("utf-8"))
    after = load(root, submissions=False).require_catalog()
    left = unowned(after, after.cycles[after.assignments.current_cycle])
    console.print(
        _(
            "Assigned {indicators} and {questions}; {left} of cycle {cycle} still unassigned."
        ).format(
            indicators=counted(len(found.indicators), "{n} indicator", "{n} indicators"),
            questions=counted(len(found.questions), "{n} question", "{n} questions"),
            left=counted(len(left), "{n} item", "{n} items"),
            cycle=after.assignments.current_cycle,
        ),
        markup=False,
        highlight=False,
    )
    return 0
