"""Problems of an imported submission located where the values came from: a cell, or the file.

The models and checks locate a problem by its path in the data (`indicators → 1.1.1.a →
value`) through a `Document`. A `CellDocument` is that document for data a workbook supplied:
a path the workbook fills is located at its cell (`Chỉ số!E12`) and told in the workbook's
words (`wording.py`), a path only the existing file holds (a `unit:`, an entry the workbook does
not mention) at its line in that file, in YAML's. So the same rules give the same codes and
problems, each where and as the user can fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hcmlc.diagnostics import Diagnostic
from hcmlc.workbook.cells import Cell
from hcmlc.workbook.wording import in_cells
from hcmlc.yamlfiles.reader import Document, Loc


@dataclass(frozen=True)
class CellDocument(Document):
    """The merged submission as a document: `path` is the file it is written to (so the rules on
    file names hold), problems are located in `workbook` or in `file`."""

    workbook: str = ""
    cells: Mapping[Loc, Cell] = field(default_factory=dict)
    file: Document | None = None
    """The existing submission file, for what the workbook does not hold."""
    headings: Mapping[Loc, str] = field(default_factory=dict)
    """The column heading of each cell, as printed in the workbook."""

    def problem(
        self,
        loc: Loc,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        fix: tuple[str, str] | None = None,  # a cell is not fixed: `fix` is for text files
    ) -> Diagnostic:
        cell = self.cells.get(loc)
        found = loc
        if cell is None and not (self.file is not None and _holds(self.file.data, loc)):
            found = next((loc[:n] for n in range(len(loc) - 1, 0, -1) if loc[:n] in self.cells), ())
            cell = self.cells.get(found)
        if cell is not None:
            heading = self.headings.get(found)
            message, hint = in_cells(
                loc, cell, heading, code, message, hint, self.cells, self.headings
            )
            return Diagnostic(
                self.workbook, cell.row, cell.column, code, message, hint, sheet=cell.sheet
            )
        if self.file is not None:
            return self.file.problem(loc, code, message, hint, key=key)
        return Diagnostic(self.workbook, 1, 1, code, message, hint)

    def at(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Row and column of the cell of `loc` (only the data files' rules ask for a line)."""
        cell = self.cells.get(loc)
        return (cell.row, cell.column) if cell else (1, 1)


def _holds(data: Any, loc: Loc) -> bool:
    """Whether `data` has a value at `loc`."""
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if in_list or (isinstance(data, dict) and part in data):
            data = data[part]
        else:
            return False
    return True
