"""`hcmlc dashboard` as a person sees it: the page opened from a file in Chromium (issue 16)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

A4_POINTS = (595, 842)
ARTIFACTS = Path(os.environ.get("HCMLC_ARTIFACTS", "/work/wt/artifacts"))
"""Where the screenshots of the page are saved for a person to look at."""


def as_int(text: str) -> int:
    """A count as the page prints it: `1.234` (vi) or `1,234` (en)."""
    digits = re.sub(r"[.,\s]", "", text)
    assert digits.isdigit(), text
    return int(digits)


def test_loads_from_a_file_with_no_error_and_no_other_request(shown, page_built) -> None:
    page = shown(page_built)
    assert page.evaluate("document.documentElement.lang") == page_built.lang
    assert page.locator("h1").is_visible()
    # the stylesheet applied (its hash in the Content-Security-Policy is right): a styled header
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.masthead')).backgroundColor"
    ) not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.errors == []
    assert page.requests == [page_built.url]
    assert all(url.startswith("file://") for url in page.requests)


def test_the_headline_and_each_agency_equal_status_json(shown, page_built, status_of) -> None:
    status = status_of(page_built)
    page = shown(page_built)
    headline = {
        key: as_int(page.locator(f'[data-value="total.{key}"]').inner_text())
        for key in ("owed", "supplied", "overdue", "late")
    }
    assert headline == {key: status["total"][key] for key in headline}
    assert page.locator('[data-value="total.owed"]').is_visible()
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    shown = page.locator("tr[data-agency]").evaluate_all(
        "rows => rows.map(row => row.dataset.agency)"
    )
    assert sorted(shown) == sorted(row["id"] for row in status["agencies"])
    # every row's figures as the browser shows them, read in one call (195 rows × 6 figures)
    figures = page.locator("tr[data-agency]").evaluate_all(
        """rows => Object.fromEntries(rows.map(row => [row.dataset.agency, Object.fromEntries(
            [...row.querySelectorAll('[data-figure]')].map(cell => [cell.dataset.figure,
                                                                   cell.innerText]))]))"""
    )
    for row in status["agencies"]:
        cells = figures[row["id"]]
        for key in ("owed", "supplied", "missing", "overdue", "late"):
            assert as_int(cells[key]) == row[key], (row["id"], key)
        progress = cells["progress"]
        exact = None if row["owed"] == 0 else 100 * row["supplied"] / row["owed"]
        assert progress == ("—" if exact is None else f"{round(exact)}%")
    # each table the most overdue first: the departments', then each kind of unit's
    overdue = {row["id"]: row["overdue"] for row in status["agencies"]}
    for table in page.locator("table:has(tr[data-agency])").all():
        ids = table.locator("tr[data-agency]").evaluate_all(
            "rows => rows.map(r => r.dataset.agency)"
        )
        by_page = [overdue[a] for a in ids]
        assert by_page == sorted(by_page, reverse=True)


def test_departments_first_and_the_wards_summed_and_expandable(shown, built, status_of) -> None:
    """At 168 units the 27 departments and city organisations come first, each kind of unit is
    one line, and a reader opens the list of its units (issue 26); the page as the lead sees it
    is saved."""
    page_built = built["vi"]
    status = status_of(page_built)
    page = shown(page_built)
    first = page.locator("#agencies table").first
    departments = first.locator("tr[data-agency]").evaluate_all(
        "rows => rows.map(r => r.dataset.agency)"
    )
    assert len(departments) == 27 and not any(a.startswith(("phuong", "xa-")) for a in departments)
    groups = {g["kind"]: g for g in status["unit_groups"]}
    assert set(groups) == {"ward", "commune", "special_zone"}
    for kind, group in groups.items():
        row = page.locator(f'tr[data-unit-kind="{kind}"]')
        assert as_int(row.locator('[data-figure="owed"]').inner_text()) == group["owed"]
        assert as_int(row.locator('[data-figure="overdue"]').inner_text()) == group["overdue"]
    wards = page.locator('details[data-units="ward"]')
    ward = wards.locator("tr[data-agency]").first
    assert not ward.is_visible()  # summed until opened
    page.locator('details[data-units="ward"] > summary').click()
    assert ward.is_visible()
    assert wards.locator("tr[data-agency]").count() == groups["ward"]["units"] == 113
    # the units section is within the first screens: after 27 rows, not 195
    top = page.evaluate("document.querySelector('#units').getBoundingClientRect().top")
    assert top < 3 * 900
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator('details[data-units="ward"] > summary').click()  # closed again, as it opens
    page.screenshot(path=str(ARTIFACTS / "issue-26-views-page-2025-12-20-vi.png"), full_page=True)
    page.locator("#agencies").screenshot(path=str(ARTIFACTS / "issue-26-views-agencies-vi.png"))
    page.locator('details[data-units="ward"] > summary').click()
    page.locator("#agencies").screenshot(path=str(ARTIFACTS / "issue-26-views-wards-open-vi.png"))


@pytest.mark.parametrize("width", [375, 1280])
def test_no_sideways_scrolling(shown, page_built, width) -> None:
    page = shown(page_built, width)
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1], overflow
    wider = page.evaluate(
        """width => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
        width,
    )
    assert wider == []


def test_prints_on_a4_with_the_headline_on_page_one(shown, built, status_of) -> None:
    from pypdf import PdfReader

    page_built = built["vi"]
    status = status_of(page_built)
    page = shown(page_built)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) > 1
    first = pdf.pages[0]
    assert tuple(round(float(x)) for x in first.mediabox[2:]) == A4_POINTS
    text = re.sub(r"\s+", " ", first.extract_text())
    total = status["total"]
    assert "Tóm tắt" in text and "Đã nộp" in text and "Quá hạn" in text
    shown = f"{total['supplied']:,}/{total['owed']:,}".replace(",", ".")  # as Vietnamese writes
    assert shown in text.replace(" ", "")
    assert "15/12/2025" in text


def test_axe_finds_no_serious_or_critical_violation(shown, page_built, axe_source) -> None:
    """axe-core at each width, in the page as loaded (see `shown`). The page's CSP forbids an
    inline script, so axe is not added as a <script>: Playwright evaluates it through the
    DevTools protocol, as a person's console would, under the page's own policy."""
    for width in (1280, 375):
        page = shown(page_built, width)
        if page.evaluate("typeof axe") == "undefined":
            page.evaluate(axe_source.read_text(encoding="utf-8") + "\n;0")
        results = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        serious = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], (width, serious)
