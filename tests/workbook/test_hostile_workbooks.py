"""Returned workbooks are hostile: damaged archives, mangled XML, a tampered hidden sheet. Import
must answer each with located problems (or nothing to import), never an exception."""

from __future__ import annotations

import io
import os
import pickle
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcmlc.diagnostics import CODES
from hcmlc.repository.load import load
from hcmlc.workbook.batch import built
from hcmlc.workbook.importer import import_workbooks
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.seal import load_key
from hcmlc.workbook.source import fingerprint

PROJECT = Path(__file__).resolve().parents[2]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
"""Texts a spreadsheet can hold in a cell (no control characters)."""
FRAGMENTS = [
    b'<c r="E4" t="s"><v>99999</v></c>',
    b'<c r="A4" t="n"><v>1.5</v></c>',
    b'<c r="E5"><f>1/0</f></c>',
    b'<c r="ZZZZ9999999"><v>1</v></c>',
    b'<mergeCell ref="A1:XFD1048576"/>',
    b'<c t="d"><v>not a date</v></c>',
    b'<c r="E4" s="999"><v>0.5</v></c>',
    b"</row>",
    b"<![CDATA[<c>]]>",
    b"&amp;&#0;",
    b"\xff\xfe",
    b"",
]


class City:
    """A repository, its catalog, and the parts of one agency's workbook as made."""

    def __init__(self, root: Path) -> None:
        for name in ("data", "submissions", "templates"):
            shutil.copytree(PROJECT / name, root / name)
        self.root = root
        self.key = {"HCMLC_KEY_FILE": str(root.parent / f"{root.name}.key")}
        self.catalog = load(root).require_catalog()
        planner = Planner(self.catalog, self.catalog.cycles["2025"], "vi", fingerprint(root))
        with mock.patch.dict(os.environ, self.key):
            key = load_key(root, create=True)
        assert key is not None
        archive = zipfile.ZipFile(io.BytesIO(built(planner, ("so-gddt", None), key.secret).data))
        self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.made = _zip(self.parts)
        """The workbook as made, zipped once (not again in each case)."""
        from openpyxl import load_workbook

        self.loaded = pickle.dumps(load_workbook(io.BytesIO(self.made)))
        """The workbook as openpyxl loads it, pickled once: each case unpickles its own copy
        (1 ms) instead of loading the archive again (7 ms, a third of a case);
        test_a_copy_of_the_loaded_workbook_saves_as_the_loaded_one proves the copy alike."""

    def __repr__(self) -> str:
        return "City()"

    def check(self, path: Path) -> None:
        """Import `path`: every outcome is a located problem, or nothing to import."""
        catalog = self.catalog
        with mock.patch.dict(os.environ, self.key):
            results = import_workbooks(
                self.root, catalog, [(path, "x.xlsx")], catalog.cycles["2025"], write=False
            )
        for result in results:
            for problem in result.problems:
                assert problem.code in CODES
                assert problem.path in ("x.xlsx", "submissions/2025/so-gddt.yaml")
                assert problem.line >= 1 and problem.column >= 1


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> City:
    return City(tmp_path_factory.mktemp("city"))


def _zip(parts: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mangled_xml_parts_are_located_problems(city, tmp_path, data) -> None:
    parts = city.parts
    name = data.draw(st.sampled_from(sorted(n for n in parts if n.endswith(".xml"))))
    xml = parts[name]
    at = data.draw(st.integers(0, len(xml)))
    cut = data.draw(st.integers(0, 40))
    fragment = data.draw(st.sampled_from(FRAGMENTS))
    mangled = dict(parts, **{name: xml[:at] + fragment + xml[at + cut :]})
    path = tmp_path / "x.xlsx"
    path.write_bytes(_zip(mangled))
    city.check(path)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_damaged_archives_are_located_problems(city, tmp_path, data) -> None:
    blob = bytearray(city.made)  # the workbook as made, zipped once: see City.made
    for _ in range(data.draw(st.integers(1, 8))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / "x.xlsx"
    path.write_bytes(bytes(blob))
    city.check(path)


def _saved_parts(book: Any) -> dict[str, bytes]:
    """The parts `book` saves, the moment of saving (openpyxl's `modified`, to the second)
    masked: two saves a second apart are otherwise the same."""
    stream = io.BytesIO()
    book.save(stream)
    archive = zipfile.ZipFile(stream)
    moment = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    return {name: moment.sub(rb"\1\2", archive.read(name)) for name in archive.namelist()}


def test_a_copy_of_the_loaded_workbook_saves_as_the_loaded_one(city) -> None:
    """The tampering test edits an unpickled copy of the loaded workbook, not a workbook loaded
    afresh: both save the same parts, byte for byte, and a copy is its own."""
    from openpyxl import load_workbook

    loaded = _saved_parts(load_workbook(io.BytesIO(city.made)))
    copy = pickle.loads(city.loaded)
    assert _saved_parts(copy) == loaded and len(loaded) > 5
    copy["hcmlc"].cell(2, 1).value = "changed"
    assert pickle.loads(city.loaded)["hcmlc"].cell(2, 1).value != "changed"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(st.one_of(st.none(), TEXT, st.integers()), max_size=4), max_size=8))
def test_a_tampered_hidden_sheet_is_a_located_problem(city, tmp_path, rows) -> None:
    book = pickle.loads(city.loaded)  # a fresh copy of the loaded workbook: see City.loaded
    sheet = book["hcmlc"]
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            sheet.cell(number, column).value = value
    path = tmp_path / "x.xlsx"
    book.save(path)
    city.check(path)
