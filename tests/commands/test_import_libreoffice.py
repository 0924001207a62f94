"""A real office suite in the loop: a workbook opened and saved again by LibreOffice Calc, as a
department would, still imports. Needs `soffice` (Debian's libreoffice-calc-nogui, which
`.ci/run` installs); without it the test is skipped, unless HCMLC_REQUIRE_SOFFICE is set.

The workbooks go through Calc once in the run, all four in one start of it (`prepared`,
calc_files.py: a start costs a second of CPU); each test imports them into its own repository."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from calc_files import SOFFICE, Prepared, in_process, saved_by_calc
from openpyxl import load_workbook
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml
from repositories import application_repo
from shared_work import Shared

FILE = "submissions/2023/so-gddt.yaml"
WARD, WARD_FILE = "phuong-phu-loi", "submissions/2025/phuong-phu-loi.yaml"
XLSX = "xlsx:Calc MS Excel 2007 XML"
"""Calc's filter for File → Save As → Excel 2007-365 (.xlsx)."""
COUNTS = {
    "3.3.4.a": {"households-sharing": 73, "households": 479},
    "mh.1.1.a": {"learning-families": 8133, "families": 10215},
    "mh.3.1.a": {"learning-citizens": 337, "registered": 346},
}
"""The ward's two counts per learning model."""
WARD_INDICATORS = {
    item: {"parts": {p: str(n) for p, n in parts.items()}, "year": "2025"}
    for item, parts in COUNTS.items()
}
"""The ward's submission after the import of `filled_counts`."""

if SOFFICE is None and os.environ.get("HCMLC_REQUIRE_SOFFICE"):
    raise RuntimeError("soffice is required (HCMLC_REQUIRE_SOFFICE) but not installed")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


VALUES = {
    "1.1.1.a": {"value": "98.9", "unit": "percent", "year": "2022"},
    "1.1.3.b": {"value": "38.5", "unit": "percent", "year": "2022"},
    "1.3.3.a": {"value": "trung bình", "year": "2023"},
}
ANSWERS = {
    "context": {"vi": "Thành phố Hồ Chí Minh.\n\nDân số trẻ, đa dạng."},
    "mayor-quote": {"vi": "Học tập suốt đời.", "date": "2023-08-01"},
}
"""so-gddt's submission after the import of `filled_values`."""


def filled_values(hcmlc, root: Path, folder: Path, name: str, first: object = "=98+0.9") -> Path:
    """so-gddt's workbook with a formula (`first`), a percentage, a word, paragraphs and a date
    typed in."""
    book = Filled(make(hcmlc, root, "so-gddt", folder / f"so-gddt-{name}"))
    book.set("indicators", "1.1.1.a", "value", first)  # Calc computes and stores 98.9
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.set("indicators", "1.1.3.b", "value", 0.385, "0.0%")
    book.set("indicators", "1.1.3.b", "year", 2022)
    book.set("indicators", "1.3.3.a", "value", "trung bình")
    book.set("indicators", "1.3.3.a", "year", 2023)
    book.set("answers", "context", "first", "Thành phố Hồ Chí Minh.\n\nDân số trẻ, đa dạng.")
    book.set("answers", "mayor-quote", "first", "Học tập suốt đời.")
    book.set("answers", "mayor-quote/date", "first", dt.datetime(2023, 8, 1), "yyyy-mm-dd")
    return book.save(folder / name)


def filled_counts(hcmlc, root: Path, folder: Path) -> Path:
    """The ward's workbook with its counts typed in (Calc computes the shares)."""
    book = Filled(make(hcmlc, root, WARD, folder / f"{WARD}.xlsx", "--cycle", "2025"))
    for item, parts in COUNTS.items():
        for part, count in parts.items():
            book.set("indicators", f"{item}/{part}", "value", count)
        book.set("indicators", item, "year", 2025)
    return book.save(folder / "counts.xlsx")


def prepare(folder: Path, home: Path) -> dict[str, object]:
    """The workbooks of this module's tests, saved by Calc in one start of it (calc_files.py):
    the filled ones, and the copies issued again after their import. These are issued from a
    repository into which the filled workbooks were imported as openpyxl saved them (the
    formula typed as the number Calc computes), which holds what the tests' imports of Calc's
    copies hold (asserted here and there), so that one start of Calc saves all four."""
    hcmlc, key = in_process(folder)
    values_root = application_repo(folder / "values-repo")
    ward_root = application_repo(folder / "ward-repo")
    made = folder / "made"
    made.mkdir()
    values = filled_values(hcmlc, values_root, made, "values.xlsx")
    counts = filled_counts(hcmlc, ward_root, made)
    typed = filled_values(hcmlc, values_root, made, "values-typed.xlsx", first=98.9)
    assert hcmlc("import", "--root", str(values_root), str(typed))[0] == 0
    data = parse_yaml((values_root / FILE).read_text(encoding="utf-8"), FILE).data
    assert (data["indicators"], data["answers"]) == (VALUES, ANSWERS)
    assert hcmlc("import", "--root", str(ward_root), "--cycle", "2025", str(counts))[0] == 0
    data = parse_yaml((ward_root / WARD_FILE).read_text(encoding="utf-8"), WARD_FILE).data
    assert data["indicators"] == WARD_INDICATORS
    again = [
        make(hcmlc, values_root, "so-gddt", made / "values-again.xlsx"),
        make(hcmlc, ward_root, WARD, made / "counts-again.xlsx", "--cycle", "2025"),
    ]
    saved = saved_by_calc([values, counts, *again], XLSX, folder / "saved", home)
    names = ("values", "counts", "values-again", "counts-again")
    files = {name: str(path) for name, path in zip(names, saved, strict=True)}
    return {"files": files, "key": str(key)}


@pytest.fixture(scope="session")
def prepared(tmp_path_factory, calc_home) -> Prepared:
    """This module's workbooks saved by Calc, once in the run (see calc_files.py)."""
    shared = Shared(tmp_path_factory, "calc")
    return Prepared.of(shared.get("libreoffice", lambda folder: prepare(folder, calc_home)))


def test_a_workbook_saved_again_by_libreoffice_calc_still_imports(
    hcmlc, repo, tmp_path, prepared, monkeypatch
) -> None:
    monkeypatch.setenv("HCMLC_KEY_FILE", str(prepared.key))  # the key that sealed them
    saved = prepared.copy("values", tmp_path)  # filled_values, saved by Calc

    code, output, errors = hcmlc("import", "--root", str(repo.root), str(saved))
    assert (code, errors) == (0, ""), output
    data = parse_yaml((repo.root / FILE).read_text(encoding="utf-8"), FILE).data
    assert data["indicators"] == VALUES
    assert data["answers"] == ANSWERS
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0

    again = prepared.copy("values-again", tmp_path)  # issued after the import, saved by Calc
    code, output, _ = hcmlc("import", "--root", str(repo.root), str(again))
    assert (code, output) == (
        0,
        f"{again}: nothing to import: no cell was changed since it was made\n",
    )


def test_a_wards_counts_saved_by_libreoffice_calc_import_as_parts(
    hcmlc, repo, tmp_path, prepared, monkeypatch
) -> None:
    """The ward's two counts per learning model, through Calc: the share Calc computed and
    stored is never read; the counts become `parts:`, and a fresh copy changes nothing."""
    monkeypatch.setenv("HCMLC_KEY_FILE", str(prepared.key))  # the key that sealed them
    saved = prepared.copy("counts", tmp_path)  # filled_counts, saved by Calc
    shares = load_workbook(saved, data_only=True)["Chỉ số"]
    share = shares[Filled(saved).ref("indicators", "mh.1.1.a", "value")].value
    assert round(share, 4) == 0.7962  # what the ward saw as it typed: 79,6%

    code, output, errors = hcmlc("import", "--root", str(repo.root), "--cycle", "2025", str(saved))
    assert (code, errors) == (0, ""), output
    data = parse_yaml((repo.root / WARD_FILE).read_text(encoding="utf-8"), WARD_FILE).data
    assert data["indicators"] == WARD_INDICATORS
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    before = (repo.root / WARD_FILE).read_bytes()
    again = prepared.copy("counts-again", tmp_path)  # issued after the import, saved by Calc
    code, output, _ = hcmlc("import", "--root", str(repo.root), "--cycle", "2025", str(again))
    assert code == 0 and "nothing to import" in output, output
    assert (repo.root / WARD_FILE).read_bytes() == before
