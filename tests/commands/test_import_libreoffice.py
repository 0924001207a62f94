"""A real office suite in the loop: a workbook opened and saved again by LibreOffice Calc, as a
department would, still imports. Needs `soffice` (Debian's libreoffice-calc-nogui, which
`.ci/run` installs); without it the test is skipped, unless HCMLC_REQUIRE_SOFFICE is set."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

FILE = "submissions/2023/so-gddt.yaml"
SOFFICE = shutil.which("soffice")

if SOFFICE is None and os.environ.get("HCMLC_REQUIRE_SOFFICE"):
    raise RuntimeError("soffice is required (HCMLC_REQUIRE_SOFFICE) but not installed")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def saved_by_calc(path: Path, folder: Path, home: Path) -> Path:
    """`path` opened in LibreOffice Calc and saved back as .xlsx (Excel 2007-365) into
    `folder`; `home`: LibreOffice's home and profile (calc_home)."""
    assert SOFFICE is not None
    out = folder / "saved"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(home / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(home)},
    )
    saved = out / path.name
    assert result.returncode == 0 and saved.is_file(), result.stdout + result.stderr
    return saved


def test_a_workbook_saved_again_by_libreoffice_calc_still_imports(
    hcmlc, repo, tmp_path, calc_home
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")
    book = Filled(made)
    book.set("indicators", "1.1.1.a", "value", "=98+0.9")  # Calc computes and stores 98.9
    book.set("indicators", "1.1.1.a", "year", 2022)
    book.set("indicators", "1.1.3.b", "value", 0.385, "0.0%")
    book.set("indicators", "1.1.3.b", "year", 2022)
    book.set("indicators", "1.3.3.a", "value", "trung bình")
    book.set("indicators", "1.3.3.a", "year", 2023)
    book.set("answers", "context", "first", "Thành phố Hồ Chí Minh.\n\nDân số trẻ, đa dạng.")
    book.set("answers", "mayor-quote", "first", "Học tập suốt đời.")
    book.set("answers", "mayor-quote/date", "first", dt.datetime(2023, 8, 1), "yyyy-mm-dd")
    filled = book.save(tmp_path / "filled.xlsx")
    saved = saved_by_calc(filled, tmp_path, calc_home)

    code, output, errors = hcmlc("import", "--root", str(repo.root), str(saved))
    assert (code, errors) == (0, ""), output
    data = parse_yaml((repo.root / FILE).read_text(encoding="utf-8"), FILE).data
    assert data["indicators"] == {
        "1.1.1.a": {"value": "98.9", "unit": "percent", "year": "2022"},
        "1.1.3.b": {"value": "38.5", "unit": "percent", "year": "2022"},
        "1.3.3.a": {"value": "trung bình", "year": "2023"},
    }
    assert data["answers"] == {
        "context": {"vi": "Thành phố Hồ Chí Minh.\n\nDân số trẻ, đa dạng."},
        "mayor-quote": {"vi": "Học tập suốt đời.", "date": "2023-08-01"},
    }
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0

    again = saved_by_calc(
        make(hcmlc, repo.root, "so-gddt", tmp_path / "again.xlsx"), tmp_path, calc_home
    )
    code, output, _ = hcmlc("import", "--root", str(repo.root), str(again))
    assert (code, output) == (
        0,
        f"{again}: nothing to import: no cell was changed since it was made\n",
    )


def test_a_wards_counts_saved_by_libreoffice_calc_import_as_parts(
    hcmlc, repo, tmp_path, calc_home
) -> None:
    """The ward's two counts per learning model, through Calc: the share Calc computed and
    stored is never read; the counts become `parts:`, and a fresh copy changes nothing."""
    ward, file = "phuong-phu-loi", "submissions/2025/phuong-phu-loi.yaml"
    made = make(hcmlc, repo.root, ward, tmp_path / f"{ward}.xlsx", "--cycle", "2025")
    book = Filled(made)
    counts = {
        "3.3.4.a": {"households-sharing": 73, "households": 479},
        "mh.1.1.a": {"learning-families": 8133, "families": 10215},
        "mh.3.1.a": {"learning-citizens": 337, "registered": 346},
    }
    for item, parts in counts.items():
        for part, count in parts.items():
            book.set("indicators", f"{item}/{part}", "value", count)
        book.set("indicators", item, "year", 2025)
    saved = saved_by_calc(book.save(tmp_path / "filled.xlsx"), tmp_path, calc_home)
    shares = load_workbook(saved, data_only=True)["Chỉ số"]
    share = shares[Filled(saved).ref("indicators", "mh.1.1.a", "value")].value
    assert round(share, 4) == 0.7962  # what the ward saw as it typed: 79,6%

    code, output, errors = hcmlc("import", "--root", str(repo.root), "--cycle", "2025", str(saved))
    assert (code, errors) == (0, ""), output
    data = parse_yaml((repo.root / file).read_text(encoding="utf-8"), file).data
    assert data["indicators"] == {
        item: {"parts": {p: str(n) for p, n in parts.items()}, "year": "2025"}
        for item, parts in counts.items()
    }
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    again = make(hcmlc, repo.root, ward, tmp_path / "again.xlsx", "--cycle", "2025")
    before = (repo.root / file).read_bytes()
    code, output, _ = hcmlc(
        "import",
        "--root",
        str(repo.root),
        "--cycle",
        "2025",
        str(saved_by_calc(again, tmp_path, calc_home)),
    )
    assert code == 0 and "nothing to import" in output, output
    assert (repo.root / file).read_bytes() == before
