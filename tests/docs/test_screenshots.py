"""The guides' pictures are made by tools/screenshots.py from the bundled data: the workbook as
LibreOffice prints it, the status page as Chromium shows it; every picture in docs/images/ is
one the script makes and a guide shows."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"
MADE = {"workbook-huong-dan.png", "workbook-chi-so-da-dien.png", "status-page.png"}
SOFFICE = shutil.which("soffice")
if SOFFICE is None and os.environ.get("HCMLC_REQUIRE_SOFFICE"):
    raise RuntimeError("soffice is required (HCMLC_REQUIRE_SOFFICE) but not installed")


def test_every_picture_is_made_by_the_script_and_shown_by_a_guide() -> None:
    assert {p.name for p in (DOCS / "images").iterdir()} == MADE
    shown = set()
    for page in DOCS.rglob("*.md"):
        shown |= set(re.findall(r"\]\(\.\./images/([^)]+)\)", page.read_text(encoding="utf-8")))
    assert shown == MADE


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_script_makes_them_from_the_bundled_data(tmp_path: Path, chromium: Any) -> None:
    """The script's `main`, run in this process to show the page in the session's browser
    (tests/conftest.py): the same steps as `python tools/screenshots.py`, whose own hcmlc,
    LibreOffice and poppler run as processes of their own as ever."""
    from screenshots import main

    assert main([str(tmp_path)], chromium) == 0
    written = sorted(tmp_path.iterdir())
    assert {p.name for p in written} == MADE
    for path in written:
        image = Image.open(path)
        assert 600 <= image.width <= 1400 and image.height >= 300, path
        assert path.stat().st_size < 200_000, path  # small enough to keep in the repository
    sheet = Image.open(tmp_path / "workbook-chi-so-da-dien.png").convert("RGB")
    data = sheet.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    yellow = sum(1 for r, g, b in pixels if r > 240 and g > 230 and 180 < b < 225)
    assert yellow > 1000  # the input cells are yellow, as LibreOffice prints them
