"""A workbook whose cells are records (workbook/recorded.py) is, part for part and byte for byte,
the workbook openpyxl's own cells make: the workbooks of the bundled city in both languages, this
cycle's and 2023's, which asks for the form's answers too (a sample of every shape; all 472 with
HCMLC_FUZZ_SCALE > 1, which they passed), and sheets of the cells a city's never hold (days
among others, cells written twice, texts XML cannot hold)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import Any

import pytest
from test_batch import parts

from hcmlc.core.status import pick_cycle
from hcmlc.documents.scaffold import owed
from hcmlc.repository.load import load
from hcmlc.workbook import build
from hcmlc.workbook.looks import Styler
from hcmlc.workbook.plan import Plan, Planner
from hcmlc.workbook.recorded import RecordingStyler, Unrecorded
from hcmlc.workbook.source import fingerprint, submission_source
from hcmlc.workbook.writer import InMemoryWriter

SECRET = b"k" * 32
EVERY_WORKBOOK = int(os.environ.get("HCMLC_FUZZ_SCALE", "1")) > 1
"""Compare every workbook of the city (the long run); else a sample of every shape."""
MADE = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*<")
"""The time a workbook was made, in docProps/core.xml."""


def every_part(data: bytes) -> tuple[list[str], dict[str, bytes]]:
    """The names of the workbook's parts in order, and each part but its issue id, its seal and
    the time it was made."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    core = MADE.sub(rb"<dcterms:\1><", archive.read("docProps/core.xml"))
    return archive.namelist(), {**parts(data), "docProps/core.xml": core}


def shape(plan: Plan) -> set[object]:
    """What sets a workbook's cells and styles apart: its sheets, a day, a number or a text
    filled in, a share, a word count, a question answered elsewhere."""
    rows = [row for sheet in plan.sheets for row in plan.rows(sheet)]
    values = [cell.value for row in rows for cell in row.inputs.values()]
    values += [top.value for top in plan.top.values()]
    return {
        ("sheets", plan.lang, tuple(plan.sheets)),
        ("top", tuple(plan.top)),
        *(("value", type(value)) for value in values),
        ("share", any(row.computed for row in rows)),
        ("words", any(row.words is not None for row in rows)),
        ("elsewhere", bool(plan.elsewhere)),
    }


def test_every_workbook_of_the_city_is_made_the_same_from_records(bundled) -> None:
    """Every workbook of the city in both languages, this cycle's and 2023's (the long run,
    HCMLC_FUZZ_SCALE > 1), else every twelfth and the first of each shape."""
    catalog = load(bundled, submissions=False).require_catalog()
    plans = []
    for cycle in (pick_cycle(catalog, None), catalog.cycles["2023"]):  # 2023: the form's too
        for lang in ("vi", "en"):
            planner = Planner(catalog, cycle, lang, fingerprint(bundled))
            for agency in catalog.assignments.agencies:
                if owed(catalog, agency.id, cycle, "indicator") or owed(
                    catalog, agency.id, cycle, "answer"
                ):
                    source = submission_source(bundled, cycle.id, agency.id)
                    assert not source.problems()
                    plans.append(planner.plan(agency.id, source.data))
    assert plans[2 * 195 - 1].cycle.id == "2025" != plans[2 * 195].cycle.id
    chosen: dict[object, int] = {}
    for at, plan in enumerate(plans):
        for kind in shape(plan):
            chosen.setdefault(kind, at)
    every = range(len(plans))
    sample = every if EVERY_WORKBOOK else {*chosen.values(), *every[::12]}
    assert len(sample) >= 40
    for at in sorted(sample):
        recorded = build.build_workbook(plans[at], SECRET)
        made = build.build_workbook(plans[at], SECRET, recorded=False)
        assert every_part(recorded) == every_part(made), (plans[at].lang, plans[at].agency)


Put = tuple[int, int, Any, str, bool]
DAY = dt.date(2026, 12, 7)
CASES: dict[str, list[Put]] = {
    "days": [
        (1, 1, "tiêu đề", "title", False),
        (2, 1, DAY, "cell", False),
        (3, 1, DAY, "cell", False),
        (3, 2, dt.datetime(2026, 12, 7, 9, 30), "meta", False),
    ],
    "written twice": [
        (1, 1, "một", "cell", False),
        (1, 1, None, "unused", False),
        (2, 2, 5, "cell", False),
        (2, 2, "hai", "text", False),
        (3, 3, "=1+1", "centred", True),
        (3, 3, 7.5, "centred", False),
    ],
    "texts": [
        (1, 1, "=SUM(A1)", "text", False),
        (2, 1, "#N/A", "text", False),
        (3, 1, "  lề  ", "text", False),
        (3, 2, "\ud800 \ufffe", "text", False),
        (4, 1, "chuông \x07", "text", False),
        (5, 1, "x" * 40_000, "cell", False),
        (6, 1, True, "cell", False),
        (7, 1, 0, "cell", False),
        (8, 3, '=A1&"<b>"', "centred", True),
    ],
}


def _saved(puts: list[Put], styler: Styler) -> bytes:
    book = build.new_book()
    sheet = book.active
    for row, column, value, look, formula in puts:
        styler.put(sheet, row, column, value, look, formula=formula)
    styler.height(sheet, 9, 30)
    styler.height(sheet, 2, 12.75 * 7 + 3)
    sheet.row_dimensions[10].hidden = True  # a row dimension of openpyxl's own
    sheet.freeze_panes = sheet.cell(4, 2)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        records = styler.records if isinstance(styler, RecordingStyler) else None
        InMemoryWriter(book, archive, records).save()
    return stream.getvalue()


@pytest.mark.parametrize("standard", [False, True])
@pytest.mark.parametrize("case", CASES)
def test_cells_a_city_never_holds_are_recorded_as_openpyxl_makes_them(
    case: str, standard: bool
) -> None:
    """`standard`: the looks registered as in an earlier workbook, taken from it (the first
    time, registered and kept; the second, taken)."""
    made = every_part(_saved(CASES[case], Styler()))
    for _ in range(2):
        assert every_part(_saved(CASES[case], RecordingStyler(standard=standard))) == made


@pytest.mark.parametrize(
    "put",
    [
        (1, 1, '="\ud800 nửa cặp"', "text", True),  # a formula XML cannot hold
        (1, 1, dt.time(9, 30), "cell", False),  # a type hcmlc never writes
        (2, 1, "#REF!", "cell", True),  # a formula openpyxl takes for an error value
        (0, 1, "ngoài", "cell", False),  # beyond the sheet's edge
        (1, 16_385, "ngoài", "cell", False),
    ],
)
def test_a_cell_the_records_do_not_hold_is_left_to_openpyxl(put: Put) -> None:
    """The workbook is then made in openpyxl, which writes it or refuses it as it always did."""
    puts = [(1, 2, "đầu", "cell", False), (1, 3, "=1+1", "cell", True), put]
    with pytest.raises(Unrecorded):
        _saved(puts, RecordingStyler())


def test_a_workbook_with_a_cell_not_recorded_is_made_by_openpyxl_whole(
    bundled, monkeypatch
) -> None:
    catalog = load(bundled, submissions=False).require_catalog()
    plan = Planner(catalog, pick_cycle(catalog, None), "vi", fingerprint(bundled)).plan(
        "so-gddt", submission_source(bundled, "2025", "so-gddt").data
    )
    made = build.build_workbook(plan, SECRET, recorded=False)

    class Refusing(RecordingStyler):
        """Records, until a late cell it does not hold."""

        def put(self, sheet: Any, row: int, column: int, *args: Any, **kwargs: Any) -> Any:
            if sum(len(sheet.cells) for sheet in self.records.values()) == 100:
                raise Unrecorded
            return super().put(sheet, row, column, *args, **kwargs)

    monkeypatch.setattr(build, "RecordingStyler", Refusing)
    assert every_part(build.build_workbook(plan, SECRET)) == every_part(made)
