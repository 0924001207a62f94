"""One guide per role, in Vietnamese and English, each printed to an A4 PDF that its page links
to; every step names a command or a cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from print_guides import GUIDES, pdf_name

DOCS = Path(__file__).resolve().parents[2] / "docs"
TITLES = {
    "coordinator": ("Hướng dẫn cho điều phối viên", "Coordinator's guide"),
    "agency": ("Hướng dẫn cho sở, ngành, phường, xã", "Guide for departments, wards and communes"),
    "translator": ("Hướng dẫn biên dịch và kiểm định", "Translator's and verifier's guide"),
    "leadership": ("Hướng dẫn cho lãnh đạo", "Guide for leadership"),
}
A4 = (595, 842)


@pytest.mark.parametrize("guide", GUIDES)
def test_each_guide_is_written_in_vietnamese_and_english(guide: str) -> None:
    vi, en = TITLES[guide]
    assert (DOCS / f"guides/{guide}.md").read_text(encoding="utf-8").startswith(f"# {vi}\n")
    assert (DOCS / f"guides/{guide}.en.md").read_text(encoding="utf-8").startswith(f"# {en}\n")


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_guide_prints_to_a4_and_its_page_links_to_it(
    printed: Path, printed_broken_links: list[str], guide: str, lang: str
) -> None:
    from pypdf import PdfReader  # imported by the tests that read a PDF, not by every worker

    reader = PdfReader(printed / "pdf" / pdf_name(guide, lang))
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {A4}
    first = reader.pages[0].extract_text()
    title = TITLES[guide][0 if lang == "vi" else 1]
    assert " ".join(first.split()).startswith(title)
    assert "Tiếng Việt" not in first and "Tìm kiếm" not in first  # no menu, no search box
    page = printed / ("" if lang == "vi" else "en/") / f"guides/{guide}/index.html"
    assert f'/pdf/{pdf_name(guide, lang)}"' in page.read_text(encoding="utf-8")
    assert printed_broken_links == []


def test_the_wards_guide_names_each_cell_they_type_in() -> None:
    text = (DOCS / "guides/agency.md").read_text(encoding="utf-8")
    for cell in ("**B10**", "**B11**", "**E**", "**F**", "**G**", "**H**", "**I**", "**K**"):
        assert cell in text
    assert "Cần sửa:" in text and "Cách sửa:" in text and "Đề nghị kiểm tra lại:" in text


def test_the_coordinators_year_runs_from_init_to_close_cycle() -> None:
    text = (DOCS / "guides/coordinator.md").read_text(encoding="utf-8")
    steps = re.findall(r"^hcmlc ([a-z-]+)", text, flags=re.MULTILINE)
    order = [
        "init",
        "new-cycle",
        "workbook",
        "import",
        "remind",
        "review",
        "translation",
        "report",
        "fill-form",
        "close-cycle",
    ]
    assert [s for s in dict.fromkeys(steps) if s in order] == order
