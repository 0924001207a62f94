"""A table as data, printed two ways: Rich on a terminal, plain aligned columns into a pipe.

The two renderings hold the same cells. Rich lays out and wraps for a person; a pipe gets one
line per row, columns padded to their widest cell, which costs a fraction of Rich's layout at
city scale (thousands of rows) and stays easy to grep and cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from hcmlc.render.escape import visible

Justify = Literal["left", "right"]


@dataclass(frozen=True)
class Column:
    """A column: its heading, alignment, and whether its cells may wrap on a terminal."""

    header: str
    justify: Justify = "left"
    wrap: bool = False
    """Long text (names) wraps; ids and numbers never do, so they are never cut."""
    max_width: int | None = None


@dataclass(frozen=True)
class Cell:
    """A cell's text and, on a terminal, its style."""

    text: str
    style: str = ""


@dataclass
class Table:
    """Rows of cells under columns, with an optional title; a row may have a style."""

    columns: list[Column]
    title: str | None = None
    rows: list[tuple[list[Cell], str]] = field(default_factory=list)

    def add(self, *cells: str | Cell, style: str = "") -> None:
        self.rows.append(([c if isinstance(c, Cell) else Cell(c) for c in cells], style))


def print_table(console: Console, table: Table) -> None:
    """`table` on `console`: Rich on a terminal, plain aligned columns otherwise."""
    if console.is_terminal:
        console.print(_rich(table, console.width))
    else:
        console.file.write(plain(table))


def plain(table: Table) -> str:
    """The table as text: a title line, a heading line, one line per row; columns separated by
    two spaces and padded to their widest cell."""
    grid = [[c.header for c in table.columns]]
    grid += [[visible(c.text) for c in row] for row, _ in table.rows]  # a name from input
    widths = [max(len(line[k]) for line in grid) for k in range(len(table.columns))]
    lines = [visible(table.title)] if table.title else []
    for line in grid:
        cells = [
            text.rjust(width) if column.justify == "right" else text.ljust(width)
            for text, width, column in zip(line, widths, table.columns, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


NAME_MIN = 12
"""The narrowest a wrapping column (a name) gets on a terminal."""


def _rich(table: Table, width: int) -> RichTable:
    rich = RichTable(
        box=box.SIMPLE_HEAD,
        title=table.title,
        title_justify="left",
        collapse_padding=True,
        pad_edge=False,
    )
    widths = _fit(table, width)
    wrapping = sum(w is None for w in widths)
    room = width - 2 * len(widths) - sum(w or 0 for w in widths)
    # too narrow for the names beside the ids and figures: the ids name the rows
    shown = [k for k, w in enumerate(widths) if w is not None or room >= NAME_MIN * wrapping]
    for k in shown:
        column, fixed = table.columns[k], widths[k]
        if fixed is None:
            rich.add_column(column.header, overflow="fold", ratio=1, min_width=NAME_MIN)
        else:
            rich.add_column(column.header, justify=column.justify, overflow="fold", width=fixed)
    for cells, style in table.rows:
        rich.add_row(
            *(Text(cells[k].text, style=cells[k].style) for k in shown), style=style or None
        )
    return rich


def _fit(table: Table, width: int) -> list[int | None]:
    """The width of each column that does not wrap (None for those that do) on a terminal of
    `width`: ids and figures whole, headings whole where there is room, else wrapped at their
    words, narrowest first; the names take what is left."""
    widest = _widest(table)
    full: list[int | None] = []
    narrow: list[int | None] = []
    for column, cells in zip(table.columns, widest, strict=True):
        if column.wrap:
            full.append(None)
            narrow.append(None)
        else:
            words = max(map(len, column.header.split()), default=0)
            full.append(max(len(column.header), cells))
            narrow.append(max(words, cells))
    wrapping = sum(w is None for w in full)
    budget = width - 2 * len(table.columns) - NAME_MIN * wrapping
    chosen = list(full)
    while sum(w or 0 for w in chosen) > budget:
        savings = [(c or 0) - (n or 0) for c, n in zip(chosen, narrow, strict=True)]
        best = max(range(len(savings)), key=savings.__getitem__)
        if savings[best] <= 0:
            break  # as narrow as it gets: Rich wraps the names further
        chosen[best] = narrow[best]
    return chosen


def _widest(table: Table) -> Sequence[int]:
    return [
        max((len(row[k].text) for row, _ in table.rows), default=0)
        for k in range(len(table.columns))
    ]
