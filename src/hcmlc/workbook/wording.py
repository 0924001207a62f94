"""A problem of the rules told in a workbook's words: the same problem, its place a cell.

The models and checks word a problem for a YAML file: they name keys (`year`, `value:`), say
where a key goes (`add year: under 1.1.1.a`). For data a workbook supplied, the place is a cell,
so the same problem is told with the cell and its column heading as printed in that workbook
(`F4 (Năm số liệu)`), and a missing field says which cell to fill. One rule set, two renderings
of its place: a problem located in the existing YAML file keeps its YAML words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hcmlc.i18n import N_, _
from hcmlc.workbook.cells import Cell
from hcmlc.yamlfiles.reader import Loc

MISSING = "HCMLC-E010"
DECIMAL_IN_YAML = N_("with a dot for decimals")
"""As the value rules' hints say it (each language's catalog words it as they do)."""
DECIMAL_IN_A_CELL = N_("with the decimal mark your computer shows (98,5 or 98.5)")
_TOKEN = re.compile(r"`([^`\n]*)`")

_WHAT = {
    "value": lambda: _("type the figure, or choose the state from the list"),
    "year": lambda: _("type the year the figure describes, four digits (e.g. 2023)"),
    "vi": lambda: _("type the answer in Vietnamese"),
    "en": lambda: _("type the answer in English"),
    "date": lambda: _("type the date as year-month-day, e.g. 2023-08-31"),
    "choice": lambda: _("choose one option from the list"),
}
"""What to type in a field's cell, for a missing field; others: its column heading says."""


def in_cells(
    loc: Loc,
    cell: Cell,
    heading: str | None,
    code: str,
    message: str,
    hint: str | None,
    cells: Mapping[Loc, Cell],
    headings: Mapping[Loc, str],
) -> tuple[str, str | None]:
    """`message` and `hint` of a problem at `loc`, found at `cell` (under `heading`), in the
    workbook's words; `cells` and `headings` place the other fields a message names."""
    here = _place(cell, heading)
    if code == MISSING and loc in cells:
        what = _WHAT.get(str(loc[-1]))
        return (
            _("{cell} is empty").format(cell=here),
            (what() + " " + _("in {cell}").format(cell=cell.reference))
            if what
            else _("fill in {cell}").format(cell=here),
        )

    def word(match: re.Match[str]) -> str:
        name = match.group(1).rstrip(":").strip()
        if name and name == (str(loc[1]) if len(loc) > 1 else None):
            return name  # the item's own id: the row's id, as printed in column A
        for near in _near(loc, name):
            if near in cells:
                return _place(cells[near], headings.get(near))
        return f"“{match.group(1)}”"

    own = re.compile(rf"^`{re.escape(str(loc[-1]))}`: ") if loc else None
    if own is not None and own.match(message):
        message = own.sub(f"{here}: ", message, count=1)
    if hint:  # a YAML file takes a dot for decimals; a cell, the mark its computer shows
        hint = hint.replace(_(DECIMAL_IN_YAML), _(DECIMAL_IN_A_CELL))
    return _TOKEN.sub(word, message), (_TOKEN.sub(word, hint) if hint else hint)


def _near(loc: Loc, name: str) -> list[Loc]:
    """Where a field named in a message may be: beside `loc`, below it, or in its entry."""
    found = [(*loc[:-1], name), (*loc, name)]
    if len(loc) >= 2:
        found += [(*loc[:2], name), (*loc[:2], name, "vi"), (*loc[:2], "parts", name)]
    return found


def _place(cell: Cell, heading: str | None) -> str:
    return f"{cell.reference} ({heading})" if heading else cell.reference
