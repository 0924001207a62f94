"""Reading a data sheet visits only the rows that hold a cell, and shares the sheet's own cells
(read.py `_rows`): the rows, their inputs and the problems are those of reading every row
number up to the last, cell by cell, as it was done before (`_every_row` below), on a real
workbook given gaps, far rows, ids lost, repeated or turned into numbers, and formulas."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hcmlc.cli.app import app
from hcmlc.diagnostics import Diagnostic
from hcmlc.workbook import read
from hcmlc.workbook.cells import Cell, RawCell
from hcmlc.workbook.plan import HEADER_ROW

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT / "tests/hostile"))
from hostile_workbooks import bad_rows, parts_of, sheet_part, zipped  # noqa: E402


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """so-gddt's workbook as `hcmlc workbook` makes it (one for the module: only read)."""
    folder = tmp_path_factory.mktemp("made")
    root = folder / "repository"
    for name in ("data", "submissions"):
        shutil.copytree(PROJECT / name, root / name)
    out = folder / "made.xlsx"
    env = {"HCMLC_KEY_FILE": str(folder / "workbook.key")}
    args = ["workbook", "--root", str(root), "--agency", "so-gddt", "--out", str(out)]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _every_row(
    sheet: read.XSheet,
    key: read.SheetKey,
    meta: read.Meta,
    display: str,
    problems: list[Diagnostic],
) -> list[read.ReturnedRow]:
    """`_rows` as it was: every row number up to the sheet's last, each cell copied."""
    columns = read._columns(sheet, key, meta, display, problems)
    if columns is None:
        return []
    problems += read._merged(sheet, columns, display)
    rows: list[read.ReturnedRow] = []
    first_row: dict[str, int] = {}
    for number in range(HEADER_ROW + 1, min(sheet.max_row, HEADER_ROW + read.MAX_ROWS) + 1):
        inputs = {}
        for c, column in columns.items():
            if c != "id":
                cell = sheet.value(number, column)
                raw = RawCell(cell.value, cell.number_format, cell.formula, cell.error)
                inputs[c] = read.Input(raw, Cell(sheet.name, number, column))
        filled = any(i.raw.value not in (None, "") or i.raw.formula for i in inputs.values())
        at = Cell(sheet.name, number, columns["id"])
        value = sheet.value(number, columns["id"]).value
        if value is None or (isinstance(value, str) and not value.strip()):
            if filled:
                problems.append(read._without_id(display, at))
            continue
        if not isinstance(value, str):
            problems.append(read._not_text(display, at, value))
            continue
        row_key = value.strip()
        if row_key in first_row:
            problems.append(read._repeated_id(display, at, row_key, first_row[row_key]))
            continue
        first_row[row_key] = number
        rows.append(read.ReturnedRow(row_key, at, inputs))
    return rows


def _edited(made: bytes, rows: str) -> bytes:
    parts = parts_of(made)
    sheet = sheet_part(parts, "Chỉ số")
    xml = parts[sheet].decode()
    parts[sheet] = xml.replace("</sheetData>", rows + "</sheetData>").encode()
    return zipped(parts)


def _text(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


EDITS = {
    "as made": "",
    "gaps, far rows, lost and repeated ids, formulas": (
        f'<row r="40">{_text("A40", "1.1.1.a")}<c r="E40"><v>5</v></c></row>'
        f'<row r="41">{_text("A41", "  ")}<c r="F41"><f>1+1</f><v>2</v></c></row>'
        f'<row r="42"><c r="A42"><v>12</v></c></row>'
        f'<row r="43"><c r="A43" s="1"><v>44000</v></c><c r="E43"><v>7</v></c></row>'
        f'<row r="700">{_text("E700", "có")}</row>'
        f'<row r="900">{_text("A900", "x-900")}<c r="G900" t="e"><v>#DIV/0!</v></c></row>'
        f'<row r="9000">{_text("A9000", "far")}</row>'
    ),
    "the last row read and one past it": (
        f'<row r="{HEADER_ROW + read.MAX_ROWS}">{_text(f"E{HEADER_ROW + read.MAX_ROWS}", "có")}'
        f'</row><row r="10005">{_text("E10005", "có")}</row>'
    ),
}
PROBLEMS = {"as made": 0, "gaps, far rows, lost and repeated ids, formulas": 5}
"""How many problems each finds: the row past the last read is not read."""


@pytest.mark.parametrize("edit", list(EDITS))
def test_the_rows_read_are_those_of_reading_every_row(made, edit, monkeypatch) -> None:
    data = _edited(made, EDITS[edit])
    ours = read.read_workbook(data, "x.xlsx", 5)
    monkeypatch.setattr(read, "_rows", _every_row)
    before = read.read_workbook(data, "x.xlsx", 5)
    assert ours.rows == before.rows and ours.problems == before.problems
    assert len(ours.rows["indicators"]) > 20
    assert len(ours.problems) == PROBLEMS.get(edit, 1), ours.problems


def test_many_rows_of_ids_and_errors_read_as_before(made, monkeypatch) -> None:
    data = bad_rows(made, 300)
    ours = read.read_workbook(data, "x.xlsx", 5)
    monkeypatch.setattr(read, "_rows", _every_row)
    assert ours.rows == read.read_workbook(data, "x.xlsx", 5).rows
    assert len(ours.rows["indicators"]) > 300
    assert {type(i.raw) for r in ours.rows["indicators"] for i in r.inputs.values()} == {RawCell}
