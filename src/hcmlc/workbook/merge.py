"""A returned workbook applied to the agency's submission: only the cells the agency changed.

Each input cell is compared with what it held when the workbook was made (the hidden sheet
keeps it). An unchanged cell leaves the submission as it is now, so a correction made in the
file since is never undone by an old workbook; a changed cell sets its field, unless the file
changed that same field to something else in the meantime (HCMLC-E074). Entries the workbook
does not mention are kept, and so is a field whose cell was cleared (the cell is reported): an
entry is removed only where the row's `Xoá / Remove` column asks for it. A row whose item
data/ has changed since the workbook was made is refused (HCMLC-E072), saying what changed.

The result is plain data, as a YAML file would hold it, for the same models and checks. The
cells are read by `merge_cells`, the data edited and the changes recorded by `merged`.
"""

from __future__ import annotations

from typing import Any

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.diagnostics import column_letters
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.workbook import labels, removal
from hcmlc.workbook.cells import Cell, FieldKind, shown
from hcmlc.workbook.merge_cells import Cells
from hcmlc.workbook.merged import Editor, Merged, copy_data, get_at
from hcmlc.workbook.meta import TOP, Meta
from hcmlc.workbook.partcheck import judge_parts
from hcmlc.workbook.plan import Plan, SheetKey
from hcmlc.workbook.read import Input, Returned, ReturnedRow
from hcmlc.workbook.rows import Field, changed_since, row_fields
from hcmlc.yamlfiles.reader import Loc


def merge(
    catalog: Catalog,
    cycle: Cycle,
    returned: Returned,
    current: dict[str, Any],
    now: Plan,
    last: dict[tuple[str, str, str], str] | None = None,
) -> Merged:
    """Apply `returned` to `current` (the submission's plain data); `now` is the workbook that
    would be made today, which says how each row is read and what the agency owes now; `last`,
    what the last imported copy of the same issued workbook held (`record.py`): a cell is then
    changed when it differs from that copy, not from the workbook as issued."""
    merger = _Merger(catalog, cycle, returned, current, now, last)
    merger.run()
    return merger.merged


class _Merger:
    """Reads each row and cell of the returned workbook against what it held when issued, and
    hands each change to the `Editor`."""

    def __init__(
        self,
        catalog: Catalog,
        cycle: Cycle,
        returned: Returned,
        current: dict[str, Any],
        now: Plan,
        last: dict[tuple[str, str, str], str] | None,
    ) -> None:
        self.catalog, self.cycle, self.returned, self.now = catalog, cycle, returned, now
        self.meta: Meta = returned.meta
        self.current = current
        self.merged = Merged(copy_data(current), marker=removal.MARKER[returned.meta.lang])
        self.editor = Editor(catalog, current, self.merged)
        self.cells = Cells(catalog, returned, last, self.merged.problems)
        self.planned = {(s, r.key): r for s in now.sheets for r in now.rows(s)}
        self.removals: dict[tuple[ItemKind, str], Cell] = {}

    def run(self) -> None:
        for name, top in self.returned.top.items():
            loc: Loc = (name,)
            kind: FieldKind = "date" if name == "submitted" else "text"
            self.merged.cells[loc] = top.at
            self.merged.headings[loc] = labels.text(name, self.meta.lang)
            self.merged.changes.setdefault(("top", name), "unchanged")
            self._apply(TOP, "", name, top, Field(loc, kind), ("top", name))
        if self.returned.identity is not None:
            agency = self.returned.identity
            self.merged.cells[("agency",)] = agency
            self.merged.cells[("cycle",)] = Cell(agency.sheet, agency.row + 1, agency.column)
            for name in ("agency", "cycle"):
                self.merged.headings[(name,)] = labels.text(name, self.meta.lang)
        checked, problems = judge_parts(self.catalog, self.returned, self.now)
        self.merged.problems += problems
        for sheet, rows in checked.items():
            for row in rows:
                self._row(sheet, row)
        new = (row for key, row in self.planned.items() if key not in self.meta.signatures)
        self.merged.missing = list(dict.fromkeys(row.item for row in new))
        self.editor.remove(self.removals)
        self.editor.forget_unsupplied()

    def _row(self, sheet: SheetKey, row: ReturnedRow) -> None:
        kind: ItemKind = "indicator" if sheet == "indicators" else "answer"
        item = row.key.split("/", 1)[0]  # an answer's part, or an indicator's (`parts`)
        section = "indicators" if kind == "indicator" else "answers"
        self.merged.cells.setdefault((section, item), row.at)
        marker = row.inputs.get(removal.COLUMN)
        if marker is not None and self.cells.filled(marker):
            if removal.is_marker(marker.raw.value) and marker.raw.formula is None:
                self.removals.setdefault((kind, item), marker.at)
                self.merged.blank = False
                return
            word = removal.MARKER[self.meta.lang]
            self.cells.problem(
                marker.at,
                "HCMLC-E071",
                _("this column takes only `{marker}`, to remove the row's entry").format(
                    marker=word
                ),
                _("choose `{marker}` from its list, or leave it empty").format(marker=word),
            )
            return
        fields = row_fields(self.catalog, kind, row.key, self.planned.get((sheet, row.key)))
        changed = [
            column
            for column, cell in row.inputs.items()
            if column in fields
            and self.cells.text(cell, fields[column]) != self.cells.base(sheet, row.key, column)
        ]
        for column, cell in row.inputs.items():
            if column in fields:
                self.merged.cells[fields[column].loc] = cell.at
                self.merged.headings[fields[column].loc] = labels.HEADINGS[column][self.meta.lang]
            elif self.cells.filled(cell) and column != removal.COLUMN:
                first = next(iter(row.inputs.values())).at
                self.cells.problem(
                    cell.at,
                    "HCMLC-E071",
                    _("this row takes one answer, in column {column}").format(
                        column=column_letters(first.column)
                    ),
                    _("move the text to {cell}, or delete it").format(cell=first.reference),
                )
        if changed and self._outdated(sheet, kind, item, row):
            return
        self.merged.changes.setdefault((kind, item), "unchanged")
        for column, cell in row.inputs.items():
            if column in fields:
                self._apply(sheet, row.key, column, cell, fields[column], (kind, item))

    def _outdated(self, sheet: SheetKey, kind: ItemKind, item: str, row: ReturnedRow) -> bool:
        """Whether data/ changed the row's item since the workbook was made (then say how)."""
        recorded = self.meta.signatures.get((sheet, row.key))
        if recorded is None:
            return False  # a row added by hand: the checks judge it
        planned = self.planned.get((sheet, row.key))
        change = changed_since(
            self.catalog, self.meta.agency, self.cycle, kind, item, recorded, planned
        )
        if change is None:
            return False
        self.cells.problem(
            row.at,
            "HCMLC-E072",
            _("data/ changed since the workbook was made: {change}").format(change=change),
            _(
                "make a fresh workbook with `hcmlc workbook --agency {agency} --cycle {cycle}` "
                "and enter this row again"
            ).format(agency=self.meta.agency, cycle=self.cycle.id),
        )
        return True

    def _apply(
        self, sheet: str, key: str, column: str, cell: Input, where: Field, item: tuple[Any, str]
    ) -> None:
        typed = self.cells.text(cell, where)
        if typed is not None:
            self.merged.read[(sheet, key, column)] = typed
        if typed:
            self.merged.blank = False
        if typed is None or typed == self.cells.base(sheet, key, column):
            return
        if not typed:  # cleared: never a removal, which the `Xoá / Remove` column asks for
            self.merged.cleared.append(cell.at)
            return
        if cell.raw.formula is not None:
            self.merged.computed.append(cell.at)
        self.merged.edited = True
        before = get_at(self.current, where.loc)
        now_shown = shown(before, where.kind, percent=where.percent)
        base = self.cells.base(sheet, key, column)
        if now_shown not in (base, typed):
            self.cells.conflict(cell, sheet, column, base, now_shown, typed)
            return
        if now_shown == typed:
            return
        self.editor.set(where.loc, typed, item)
