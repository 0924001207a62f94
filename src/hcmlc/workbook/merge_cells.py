"""The input cells of a returned workbook as the merge reads them: each as the text a
submission holds, what it held when the workbook was issued (or in the copy imported last), its
heading as the workbook prints it, and problems located at cells, each told once."""

from __future__ import annotations

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.workbook import labels
from hcmlc.workbook.cells import Cell, CellProblem, cell_text
from hcmlc.workbook.decimals import number_rule, read_decimal
from hcmlc.workbook.meta import TOP
from hcmlc.workbook.read import Input, Returned
from hcmlc.workbook.rows import Field


class Cells:
    """Reads the cells of `returned`; `last` is what the last imported copy of the same issued
    workbook held, `problems` where the problems found go."""

    def __init__(
        self,
        catalog: Catalog,
        returned: Returned,
        last: dict[tuple[str, str, str], str] | None,
        problems: list[Diagnostic],
    ) -> None:
        self.catalog, self.returned, self.meta = catalog, returned, returned.meta
        self.last, self.problems = last, problems
        self.seen: set[Diagnostic] = set()  # the problems so far, to keep each once in O(1)

    def text(self, cell: Input, where: Field) -> str | None:
        """The cell as the text a submission holds; None (and a problem) when unreadable."""
        try:
            text = cell_text(cell.raw, where.kind, percent=where.percent, epoch=self.returned.epoch)
        except CellProblem as problem:
            self.problem(cell.at, problem.code, str(problem), problem.hint)
            return None
        if where.kind == "number" and isinstance(cell.raw.value, str) and text:
            rule = number_rule(self.catalog, where.loc)
            return read_decimal(text, rule, where.percent) or text  # typed as the computer shows
        return text

    @staticmethod
    def filled(cell: Input) -> bool:
        return cell.raw.value not in (None, "") or cell.raw.formula is not None

    def problem(self, at: Cell, code: str, message: str, hint: str | None) -> None:
        problem = Diagnostic(
            self.returned.path, at.row, at.column, code, message, hint, sheet=at.sheet
        )
        if problem not in self.seen:
            self.seen.add(problem)
            self.problems.append(problem)

    def base(self, sheet: str, key: str, column: str) -> str:
        """What the cell held when it was last read into the file from this issued workbook:
        in its last imported copy, or as issued."""
        issued = self.meta.base(sheet, key, column)
        return issued if self.last is None else self.last.get((sheet, key, column), issued)

    def heading(self, sheet: str, column: str) -> str:
        """A column's heading (or an instructions input's label), as the workbook prints it."""
        lang = self.meta.lang
        return labels.text(column, lang) if sheet == TOP else labels.HEADINGS[column][lang]

    def conflict(
        self, cell: Input, sheet: str, column: str, base: str, now: str, typed: str
    ) -> None:
        """The cell changed from `base` to `typed`, while the file changed it to `now`."""
        self.problem(
            cell.at,
            "HCMLC-E074",
            (
                _(
                    "{cell} ({heading}) was {base} when the workbook was made, the file now "
                    "says {now}, and the workbook says {typed}"
                )
                if self.last is None
                else _(
                    "{cell} ({heading}) was {base} in the copy of this workbook imported "
                    "last, the file now says {now}, and this copy says {typed}"
                )
            ).format(
                cell=cell.at.reference,
                heading=self.heading(sheet, column),
                base=quoted(base),
                now=quoted(now),
                typed=quoted(typed),
            ),
            _(
                "both changed it: check which is right, then correct the file, or make a "
                "fresh workbook and enter the change there"
            ),
        )


def quoted(text: str) -> str:
    """A cell's text in a message: quoted, or the word for empty."""
    return f"“{text}”" if text else _("empty")
