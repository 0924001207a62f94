"""What a process keeps between workbooks (the stylesheet, the data validations) never changes
one: each is the workbook built with nothing kept."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.xml.functions import tostring
from test_batch import parts

from hcmlc.repository.load import load
from hcmlc.workbook import batch, build, recorded, writer
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.source import fingerprint

SECRET = b"k" * 32


def forget() -> None:
    """Empty what the process keeps between workbooks (the looks registered too)."""
    writer._STYLESHEETS.clear()
    writer._VALIDATIONS.clear()
    build._validation.cache_clear()
    recorded._REGISTERED.clear()


def test_workbooks_built_one_after_another_are_each_as_built_alone(bundled) -> None:
    catalog = load(bundled).require_catalog()
    jobs = [
        (cycle, lang, agency)
        for cycle in ("2023", "2025")
        for lang in ("vi", "en")
        for agency in ("so-gddt", "cuc-thong-ke", "so-vhtt")
    ]
    planners = {
        (cycle, lang): Planner(catalog, catalog.cycles[cycle], lang, fingerprint(bundled))
        for cycle in ("2023", "2025")
        for lang in ("vi", "en")
    }
    forget()
    together = [batch.built(planners[c, lang], (a, None), SECRET).data for c, lang, a in jobs]
    alone = []
    for cycle, lang, agency in jobs:
        forget()
        alone.append(batch.built(planners[cycle, lang], (agency, None), SECRET).data)
    assert [parts(data) for data in together] == [parts(data) for data in alone]
    assert len(writer._STYLESHEETS) >= 1


def test_a_stylesheet_kept_is_given_only_to_a_workbook_of_equal_styles() -> None:
    forget()
    books = []
    for bold in (False, True, False, True):
        book = Workbook()
        book.active.cell(1, 1, "x").font = Font(bold=bold)
        books.append(book)
    made = [writer.stylesheet(book) for book in books]
    assert made == [tostring(write_stylesheet(book)) for book in books]
    assert made[0] == made[2] != made[1] == made[3]
    assert len(writer._STYLESHEETS) == 2
