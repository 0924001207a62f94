"""The day a workbook was received is the receiving side's: `import` records it as `received:`
(today, or `--received`), never the "Ngày gửi biểu" the sender typed, which is shown as a claim."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

WARD = "phuong-sai-gon"
FILE = f"submissions/2025/{WARD}.yaml"


def date_sent(book: Filled) -> str:
    """The cell of "Ngày gửi biểu" (date sent) on the instructions sheet."""
    sheet = book.sheet("instructions")
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "Ngày gửi biểu":
                return str(sheet.cell(cell.row, cell.column + 1).coordinate)
    raise KeyError("Ngày gửi biểu")


def late_ward(hcmlc, root: Path, tmp_path: Path) -> Path:
    out = make(hcmlc, root, WARD, tmp_path / "ward.xlsx", "--cycle", "2025")
    book = Filled(out)
    book.set("indicators", "3.2.2.a", "value", "có")
    book.set("indicators", "3.2.2.a", "year", 2025)
    sheet = book.sheet("instructions")
    cell = date_sent(book)
    sheet[cell] = dt.datetime(2025, 12, 10)  # before the deadline of 15 December
    sheet[cell].number_format = "dd/mm/yyyy"
    return book.save(tmp_path / "returned.xlsx")


def test_a_late_ward_cannot_date_itself_on_time(hcmlc, bundled, tmp_path) -> None:
    returned = late_ward(hcmlc, bundled, tmp_path)
    code, out, err = hcmlc(
        "import", "--root", str(bundled), "--received", "2025-12-18", str(returned)
    )
    assert (code, err) == (0, ""), out
    assert (
        "    note: the workbook says it was sent on 2025-12-10: the sender's claim, not written; "
        "received on 2025-12-18" in out.splitlines()
    )
    data = parse_yaml((bundled / FILE).read_text("utf-8"), FILE).data
    assert data["received"] == "2025-12-18"
    assert data["submitted"] == "2025-12-07"  # the file's own date, as it was
    code, out, _ = hcmlc(
        "status", "--root", str(bundled), "--as-of", "2025-12-20", "--format", "json"
    )
    row = next(a for a in json.loads(out)["agencies"] if a["id"] == WARD)
    assert row["late"] == row["supplied"] > 0  # the file arrived on the 18th, after the deadline
    assert hcmlc("validate", "--root", str(bundled), str(bundled / FILE))[0] == 0


def test_the_import_day_is_today_by_default_and_never_in_the_future(
    hcmlc, bundled, tmp_path, monkeypatch
) -> None:
    returned = late_ward(hcmlc, bundled, tmp_path)
    code, _, err = hcmlc(
        "import", "--root", str(bundled), "--received", "2999-01-01", str(returned)
    )
    assert code == 2
    assert "error: --received 2999-01-01 is in the future" in err
    monkeypatch.setenv("HCMLC_TODAY", "2025-12-16")
    code, out, _ = hcmlc("import", "--root", str(bundled), "--format", "json", str(returned))
    assert code == 0
    [workbook] = json.loads(out)["workbooks"]
    assert (workbook["received"], workbook["claimed_sent"]) == ("2025-12-16", "2025-12-10")
    assert "received: 2025-12-16\n" in (bundled / FILE).read_text("utf-8")
