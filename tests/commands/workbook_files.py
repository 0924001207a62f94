"""Workbooks in tests: made by the CLI, filled in cell by cell as an agency would (openpyxl)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from hcmlc.workbook.labels import SHEETS
from hcmlc.workbook.plan import COLUMNS, HEADER_ROW

LETTERS = {
    sheet: {column.key: chr(ord("A") + n) for n, column in enumerate(columns)}
    for sheet, columns in COLUMNS.items()
}
"""Column key → letter, e.g. indicators value → E."""


def make(hcmlc: Any, root: Path, agency: str, out: Path, *extra: str) -> Path:
    """Write `agency`'s workbook with `hcmlc workbook` (cycle 2023 unless `extra` says)."""
    cycle = () if "--cycle" in extra else ("--cycle", "2023")
    code, output, errors = hcmlc(
        "workbook", "--root", str(root), "--agency", agency, "--out", str(out), *cycle, *extra
    )
    assert code == 0, output + errors
    return out


class Filled:
    """An agency's copy of a workbook, changed cell by cell and saved under another name."""

    def __init__(self, path: Path, lang: str = "vi") -> None:
        self.book = load_workbook(path)
        self.lang = lang

    def sheet(self, key: str) -> Any:
        return self.book[SHEETS[key][self.lang]]

    def row(self, key: str, row_id: str) -> int:
        sheet = self.sheet(key)
        for number in range(HEADER_ROW + 1, sheet.max_row + 1):
            if sheet.cell(number, 1).value == row_id:
                return number
        raise KeyError(row_id)

    def ref(self, key: str, row_id: str, column: str) -> str:
        """`E5`: the cell of a row (by id) and a column (by key)."""
        return f"{LETTERS[key][column]}{self.row(key, row_id)}"

    def set(
        self, key: str, row_id: str, column: str, value: Any, number_format: str | None = None
    ) -> str:
        cell = self.sheet(key)[self.ref(key, row_id, column)]
        cell.value = value
        if number_format is not None:
            cell.number_format = number_format
        return str(cell.coordinate)

    def save(self, path: Path) -> Path:
        self.book.save(path)
        return path


def with_cached_value(
    path: Path, sheet_name: str, ref: str, value: str, *, error: bool = False
) -> None:
    """Give a formula cell the value a spreadsheet would have computed and saved (openpyxl
    writes formulas without one)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    part = sheet_part(parts, sheet_name)
    xml = parts[part].decode()
    pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>')
    kind = ' t="e"' if error else ""
    xml, found = pattern.subn(
        lambda m: f'<c r="{ref}"{m.group(1)}{kind}><f>{m.group(2)}</f><v>{value}</v></c>', xml
    )
    assert found == 1, xml[:2000]
    parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def sheet_part(parts: dict[str, bytes], name: str) -> str:
    """The name of the part that holds the sheet `name` in a package read into `parts`."""
    workbook = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(name)}"[^>]*r:id="(rId\d+)"', workbook)
    assert rid, workbook
    target = re.search(rf'Target="([^"]+)" Id="{rid.group(1)}"', rels)
    assert target, rels
    return target.group(1).lstrip("/")
