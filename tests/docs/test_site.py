"""`make docs`: the site builds offline in strict mode, in Vietnamese and English, and every
internal link leads to a page (and anchor) of it."""

from __future__ import annotations

import re
from pathlib import Path

from check_site_links import broken_links, main

PROJECT = Path(__file__).resolve().parents[2]


def test_the_site_builds_in_vietnamese_with_english_beside(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in home and "Tôi cần đọc hướng dẫn nào?" in home
    assert '<html lang="en"' in english and "Which guide do I need?" in english


def test_no_internal_link_is_broken(printed_broken_links: list[str]) -> None:
    assert printed_broken_links == []


def test_the_site_loads_nothing_from_the_internet(site: Path) -> None:
    """No web font, script or style from elsewhere: the pages read offline and privately."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?://', text), page


def test_the_link_checker_finds_a_missing_page_and_anchor(tmp_path: Path, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#top">ok</a><a href="b/">no</a><a href="a/#nowhere">no</a>'
        '<a href="https://example.org/x">outside</a><a href="#here">no</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path) == [
        "index.html: b/",
        "index.html: a/#nowhere",
        "index.html: #here",
    ]
    assert main([str(tmp_path)]) == 1
    assert "broken link: index.html: b/" in capsys.readouterr().err


def test_make_docs_is_run_by_ci() -> None:
    ci = (PROJECT / ".ci/run").read_text(encoding="utf-8")
    assert "\nmake docs\n" in ci
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in makefile and "tools/check_site_links.py" in makefile
