"""Print each guide of the built site to an A4 PDF with Chromium, for a coordinator to attach to
an e-mail: build/docs/pdf/<guide>.pdf (Vietnamese) and <guide>.en.pdf (English).

    python tools/print_guides.py build/docs

The browser is Debian's Chromium (`$HCMLC_CHROMIUM`, default /usr/bin/chromium), driven by
Playwright; pages are opened from the disk, so nothing is fetched."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

GUIDES = ("coordinator", "agency", "translator", "leadership")
"""The guides, by the name of their page in docs/guides/."""
LANGS = {"vi": "", "en": "en/"}
"""Each language's folder in the built site."""
CHROMIUM = Path(os.environ.get("HCMLC_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pdf_name(guide: str, lang: str) -> str:
    """`agency.pdf` (Vietnamese), `agency.en.pdf` (English)."""
    return f"{guide}.pdf" if lang == "vi" else f"{guide}.{lang}.pdf"


@contextmanager
def launched(browser: Any = None) -> Iterator[Any]:
    """`browser` if given (a Playwright browser already running, as the tests share one),
    else Chromium launched for the while and closed after."""
    if browser is not None:
        yield browser
        return
    # imported here: the tests import this module for its names (GUIDES, pdf_name) in every
    # process that collects them, and Playwright costs each some 50 ms to import
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield started
        finally:
            started.close()


def print_guides(site: Path, browser: Any = None) -> list[Path]:
    """Write every guide's PDF into `site`/pdf/; return the files written. In `browser` if
    given, else in Chromium launched for it."""
    out = site / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with launched(browser) as chromium:
        page = chromium.new_page()
        for lang, folder in LANGS.items():
            for guide in GUIDES:
                source = site / f"{folder}guides/{guide}/index.html"
                page.goto(source.resolve().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                target = out / pdf_name(guide, lang)
                partial = target.with_suffix(".pdf.part")
                page.pdf(
                    path=str(partial),
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template='<div style="font-size:8pt;width:100%;text-align:center">'
                    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                )
                partial.replace(target)
                written.append(target)
        page.close()
    return written


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "build/docs")
    for path in print_guides(site):
        print(f"printed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
