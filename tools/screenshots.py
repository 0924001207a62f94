"""The pictures of the guides, made from the bundled data (never kept by hand):

- a ward's workbook as LibreOffice Calc prints it (`soffice --headless --convert-to pdf`, then
  `pdftoppm -png`): its sheet «Hướng dẫn», and its sheet «Chỉ số» with a row filled in;
- the status page of 20 December 2025 as Chromium shows it.

    python tools/screenshots.py docs/images

Needs LibreOffice (soffice), poppler (pdftoppm) and Chromium ($HCMLC_CHROMIUM, default
/usr/bin/chromium). Runs hcmlc from this checkout on the repository's own bundled data, with a
signing key of the run (never the user's), and writes every picture atomically."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from office_profile import profile
from openpyxl import load_workbook
from PIL import Image, ImageChops
from print_guides import launched

PROJECT = Path(__file__).resolve().parents[1]
AGENCY = "phuong-sai-gon"
AS_OF = "2025-12-20"
WIDTH = 1400
"""The widest a picture is kept, in pixels."""
FILLED = {"E": "87,5", "F": 2025, "G": "Báo cáo tổng kết năm 2025 của UBND phường"}
"""What a ward types in its first indicator's row, for the filled picture."""


def _run(args: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
    subprocess.run(args, env=env, cwd=cwd, check=True, capture_output=True, text=True)


def _trimmed(image: Image.Image, margin: int = 12) -> Image.Image:
    """The image cut to its content (what is not white), with a margin, at most WIDTH wide."""
    rgb = image.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box is not None:
        left, top, right, bottom = box
        rgb = rgb.crop(
            (
                max(left - margin, 0),
                max(top - margin, 0),
                min(right + margin, rgb.width),
                min(bottom + margin, rgb.height),
            )
        )
    if rgb.width > WIDTH:
        rgb = rgb.resize((WIDTH, round(rgb.height * WIDTH / rgb.width)), Image.Resampling.LANCZOS)
    return rgb


def _save(image: Image.Image, target: Path) -> Path:
    partial = target.with_name(target.name + ".part")
    # 64 colours keep the text sharp and the file small enough to keep in the repository
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(
        partial, format="PNG", optimize=True
    )
    partial.replace(target)
    return target


def _pages(pages: list[tuple[Path, int]], work: Path, env: dict[str, str]) -> list[Image.Image]:
    """Page `n` (from 1) of each workbook as LibreOffice prints it to PDF (one start of
    LibreOffice for them all: it takes longer than printing, in a profile of the run that
    spares it its graphics self-tests, tools/office_profile.py); only that page is drawn."""
    out = work / "pdf"
    out.mkdir()
    paths = [str(w) for w, _ in pages]
    soffice = ["soffice", profile(work / "libreoffice", "soffice", env), "--headless"]
    _run([*soffice, "--convert-to", "pdf", "--outdir", str(out), *paths], env)
    drawn = []
    for workbook, n in pages:
        pdf, image = out / f"{workbook.stem}.pdf", out / f"{workbook.stem}-{n}"
        page = ["-f", str(n), "-l", str(n), "-singlefile"]
        _run(["pdftoppm", "-r", "150", "-png", *page, str(pdf), str(image)], env)
        drawn.append(Image.open(f"{image}.png"))
    return drawn


def _fill(workbook: Path, filled: Path) -> None:
    """The workbook with its first indicator's row typed in, as a ward would."""
    book = load_workbook(workbook)
    sheet = book["Chỉ số"]
    for column, value in FILLED.items():
        sheet[f"{column}4"] = value
    book.save(filled)


def screenshots(images: Path, browser: Any = None) -> list[Path]:
    """Make every picture into `images`; return the files written. The status page is shown in
    `browser` if given, else in Chromium launched for it."""
    images.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="hcmlc-screenshots-") as temp:
        work = Path(temp)
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(work / "config"),
            "HOME": str(work),
            "HCMLC_LANG": "vi",
        }
        hcmlc = str(Path(sys.executable).parent / "hcmlc")
        workbook = work / f"{AGENCY}.xlsx"
        _run(
            [hcmlc, "workbook", "--agency", AGENCY, "--out", str(workbook), "--root", str(PROJECT)],
            env,
        )
        filled = work / f"{AGENCY}-filled.xlsx"
        _fill(workbook, filled)
        # the sheet «Hướng dẫn» is the issued workbook's first page; «Chỉ số», the second
        guide, typed_in = _pages([(workbook, 1), (filled, 2)], work, env)
        written.append(_save(_trimmed(guide), images / "workbook-huong-dan.png"))
        written.append(_save(_trimmed(typed_in), images / "workbook-chi-so-da-dien.png"))
        site = work / "site"
        _run(
            [hcmlc, "dashboard", "--out", str(site), "--as-of", AS_OF, "--root", str(PROJECT)], env
        )
        with launched(browser) as chromium:
            page = chromium.new_page(viewport={"width": 1200, "height": 1100})
            page.goto((site / "index.html").as_uri(), wait_until="load")
            shot = work / "status.png"
            page.screenshot(path=str(shot))
            page.close()
        written.append(_save(_trimmed(Image.open(shot), 0), images / "status-page.png"))
    return written


def main(argv: list[str], browser: Any = None) -> int:
    """`python tools/screenshots.py [folder]`; `browser`: see `screenshots`."""
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        print(
            "screenshots: needs LibreOffice (soffice) and poppler-utils (pdftoppm)", file=sys.stderr
        )
        return 2
    for path in screenshots(Path(argv[0] if argv else "docs/images"), browser):
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
