"""The documents a status page publishes agree with it (issue 26): built with it in one run
(`dashboard --documents`), or found beside its folder carrying its fingerprint (the digest of
the same data, the same as-of day) in their .docx custom properties; any other is refused,
naming the command that rebuilds it, and nothing is published."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hcmlc.repository.fingerprint import Fingerprint, read

AS_OF = "2025-12-20"
NAMES = [
    "gnlc-form-2023-vi.docx",
    "gnlc-form-2023-en.docx",
    "progress-report-2025-vi.docx",
    "progress-report-2025-en.docx",
]


def page_marks(site: Path) -> Fingerprint:
    html = (site / "index.html").read_text(encoding="utf-8")
    data = re.search(r'<meta name="hcmlc-data" content="([0-9a-f]{64})">', html)
    day = re.search(r'<meta name="hcmlc-as-of" content="([0-9-]+)">', html)
    assert data and day
    return Fingerprint(data.group(1), dt.date.fromisoformat(day.group(1)))


def test_documents_are_built_with_the_page_from_the_same_data_and_day(
    hcmlc, bundled, tmp_path
) -> None:
    site = tmp_path / "site"
    code, out, err = hcmlc(
        "dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(site), "--documents"
    )
    assert code == 0
    assert err.startswith("History cannot be read")  # a copy, not a clone: it says so
    assert out.endswith(f"Published beside it: {', '.join(NAMES)}.\n")
    marks = page_marks(site)
    assert marks.as_of.isoformat() == AS_OF
    for name in NAMES:
        assert read((site / name).read_bytes()) == marks, name
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="progress-report-2025-vi.docx" hreflang="vi">tiếng Việt</a>' in html


def test_a_report_of_another_day_is_refused_with_the_command_that_rebuilds_it(
    hcmlc, bundled, tmp_path
) -> None:
    report = tmp_path / "progress-report-2025-vi.docx"
    assert (
        hcmlc("report", "--root", str(bundled), "--as-of", "2025-12-10", "--out", str(report))[0]
        == 0
    )
    site = tmp_path / "site"
    code, out, err = hcmlc(
        "dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(site)
    )
    assert (code, out) == (2, "")
    assert "1 document beside it was not built from the data and day of the page" in err
    assert "progress-report-2025-vi.docx was built from data " in err
    assert "as of 2025-12-10" in err
    assert "`hcmlc report --year 2025 --lang vi --as-of 2025-12-20`" in err
    assert "hcmlc dashboard --documents --as-of 2025-12-20" in err
    assert not site.exists()
    # rebuilt as named: published
    assert hcmlc("report", "--root", str(bundled), "--as-of", AS_OF, "--out", str(report))[0] == 0
    assert hcmlc("dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(site))[0] == 0
    assert (site / report.name).read_bytes() == report.read_bytes()


def test_a_document_built_before_the_data_changed_is_refused(hcmlc, bundled, tmp_path) -> None:
    form = tmp_path / "gnlc-form-2023-vi.docx"
    assert hcmlc("fill-form", "--root", str(bundled), "--as-of", AS_OF, "--out", str(form))[0] == 0
    file = bundled / "submissions/2025/so-gddt.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\n# checked\n", encoding="utf-8")
    code, _, err = hcmlc(
        "dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(tmp_path / "site")
    )
    assert code == 2
    assert "`hcmlc fill-form --cycle 2023 --lang vi --as-of 2025-12-20`" in err


def test_a_document_without_a_fingerprint_is_refused(hcmlc, bundled, tmp_path) -> None:
    (tmp_path / "progress-report-2025-en.docx").write_bytes(b"x" * 45_000)
    code, _, err = hcmlc(
        "dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(tmp_path / "site")
    )
    assert code == 2
    assert (
        "progress-report-2025-en.docx carries no fingerprint of the data it was built from" in err
    )
    assert "`hcmlc report --year 2025 --lang en --as-of 2025-12-20`" in err


def test_a_document_that_cannot_be_built_leaves_the_page_to_be_published(
    hcmlc, bundled, tmp_path
) -> None:
    (bundled / "templates/progress-report.docx").write_bytes(b"not a Word document")
    site = tmp_path / "site"
    code, out, _ = hcmlc(
        "dashboard", "--root", str(bundled), "--as-of", AS_OF, "--out", str(site), "--documents"
    )
    assert code == 0
    assert "Published beside it: gnlc-form-2023-vi.docx, gnlc-form-2023-en.docx." in out
    assert (
        "note: progress-report-2025-vi.docx could not be built, and is not published: the template"
    ) in out
    assert sorted(p.name for p in site.iterdir()) == [
        ".hcmlc-manifest.json",
        "gnlc-form-2023-en.docx",
        "gnlc-form-2023-vi.docx",
        "index.html",
    ]
