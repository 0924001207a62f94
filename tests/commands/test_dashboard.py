"""`hcmlc dashboard`: the page written as one self-contained file, its folder replaced whole or
refused, the banner on data with errors, the documents built beside it (issue 16)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hcmlc.text.dates import day_text

AS_OF = "2025-12-20"


def dashboard(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("dashboard", "--root", str(root), "--as-of", AS_OF, *args)


class Page(HTMLParser):
    """What a page holds: its tags, and the text of the elements a test looks up."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        key = found.get("data-value") or found.get("data-agency")
        if tag not in ("meta", "br", "col", "rect", "circle", "line", "polyline"):
            self._open.append(key)
            if key:
                self.texts[key] = ""

    def handle_endtag(self, tag) -> None:
        if tag not in ("meta", "br", "col", "rect", "circle", "line", "polyline") and self._open:
            self._open.pop()

    def handle_data(self, data) -> None:
        for key in self._open:
            if key:
                self.texts[key] += data


def as_int(text: str) -> int:
    """A count as the page prints it: `1.925` (vi) or `1,925` (en)."""
    digits = re.sub(r"[.,\s]", "", text)
    assert digits.isdigit(), text
    return int(digits)


def read_page(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


def test_writes_one_self_contained_page_in_site(hcmlc, bundled, monkeypatch) -> None:
    monkeypatch.chdir(bundled)
    code, out, err = dashboard(hcmlc, bundled)
    assert code == 0
    assert err.startswith("History cannot be read (this is not a git clone")  # a copy
    assert out == "Wrote site/index.html: the status of cycle 2025 as of 2025-12-20.\n"
    html = read_page(bundled / "site")
    assert html.startswith('<!DOCTYPE html>\n<html lang="vi">')
    page = Page(html)
    assert (page.texts["total.supplied"], page.texts["total.owed"]) == ("94", "1.940")
    # nothing to fetch: no script, no external stylesheet, font or image, and a policy to match
    assert not [t for t, a in page.tags if t in ("script", "link", "img", "iframe", "object")]
    assert not re.search(r"\b(src|href)=\"(https?:)?//", html)
    policy = next(a["content"] for t, a in page.tags if a.get("http-equiv"))
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert policy.startswith(f"default-src 'none'; style-src 'sha256-{digest}'")
    assert "<svg" in html and "url(#pattern-overdue)" in css
    manifest = json.loads((bundled / "site/.hcmlc-manifest.json").read_text("utf-8"))
    assert list(manifest["files"]) == ["index.html"]
    assert sorted(p.name for p in (bundled / "site").iterdir()) == [
        ".hcmlc-manifest.json",
        "index.html",
    ]


def test_english_with_lang_en(hcmlc, bundled, tmp_path) -> None:
    code, _, _ = dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"), "--lang", "en")
    html = read_page(tmp_path / "site")
    assert code == 0 and '<html lang="en">' in html
    assert "<h1>Ho Chi Minh City: Learning City status</h1>" in html
    assert "Đã nộp" not in html and "Department of Finance" in html


def test_every_figure_of_the_page_is_the_status_json_figure(hcmlc, bundled, tmp_path) -> None:
    code, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--format", "json")
    assert code == 0
    status = json.loads(out)
    dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"))
    page = Page(read_page(tmp_path / "site"))
    for key in ("owed", "supplied", "overdue", "late"):
        assert as_int(page.texts[f"total.{key}"]) == status["total"][key]
    assert {row["id"] for row in status["agencies"]} <= set(page.texts)


def test_the_folder_is_replaced_whole(hcmlc, bundled, tmp_path) -> None:
    form = tmp_path / "gnlc-form-2023-vi.docx"
    assert hcmlc("fill-form", "--root", str(bundled), "--as-of", AS_OF, "--out", str(form))[0] == 0
    site = tmp_path / "site"
    assert dashboard(hcmlc, bundled, "--out", str(site))[0] == 0
    assert (site / "gnlc-form-2023-vi.docx").read_bytes() == form.read_bytes()
    (tmp_path / "gnlc-form-2023-vi.docx").unlink()
    assert dashboard(hcmlc, bundled, "--out", str(site))[0] == 0
    assert sorted(p.name for p in site.iterdir()) == [".hcmlc-manifest.json", "index.html"]
    assert "gnlc-form" not in read_page(site)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda site: (site / "notes.txt").write_text("mine"), "notes.txt"),
        (lambda site: (site / "index.html").write_text("edited"), "index.html"),
        (lambda site: (site / "drafts").mkdir(), "drafts/"),
        (lambda site: (site / ".hcmlc-manifest.json").write_text("{"), "index.html"),
    ],
)
def test_a_folder_with_files_hcmlc_did_not_write_is_refused(
    hcmlc, bundled, tmp_path, change, named
) -> None:
    site = tmp_path / "site"
    dashboard(hcmlc, bundled, "--out", str(site))
    change(site)
    before = {p.name: p.stat().st_mtime_ns for p in site.iterdir()}
    code, out, err = dashboard(hcmlc, bundled, "--out", str(site))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {site} holds files hcmlc did not write")
    assert named in err and "nothing was replaced" in err
    assert "hint: move them out of" in err
    assert {p.name: p.stat().st_mtime_ns for p in site.iterdir()} == before


def test_a_folder_that_was_never_hcmlcs_is_refused(hcmlc, bundled, tmp_path) -> None:
    code, _, err = dashboard(hcmlc, bundled, "--out", str(bundled))
    assert code == 2
    assert "data/assignments.yaml" in err and "and" in err  # five named, then a count
    assert (bundled / "data/frameworks.yaml").is_file()
    (tmp_path / "file").write_text("x")
    assert dashboard(hcmlc, bundled, "--out", str(tmp_path / "file"))[0] == 2
    assert (tmp_path / "file").read_text() == "x"
    (tmp_path / "link").symlink_to(bundled / "data", target_is_directory=True)
    code, _, err = dashboard(hcmlc, bundled, "--out", str(tmp_path / "link"))
    assert code == 2 and "is not a folder hcmlc can replace" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert dashboard(hcmlc, bundled, "--out", str(empty))[0] == 0


def test_the_form_and_report_built_beside_it_are_published_and_linked(
    hcmlc, bundled, tmp_path
) -> None:
    form, report = tmp_path / "gnlc-form-2023-vi.docx", tmp_path / "progress-report-2025-en.docx"
    common = ("--root", str(bundled), "--as-of", AS_OF)
    assert hcmlc("fill-form", *common, "--out", str(form))[0] == 0
    assert hcmlc("report", *common, "--lang", "en", "--out", str(report))[0] == 0
    code, out, _ = dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"))
    assert code == 0
    assert out.endswith(
        "Published beside it: gnlc-form-2023-vi.docx, progress-report-2025-en.docx.\n"
    )
    html = read_page(tmp_path / "site")
    assert "<li>Mẫu đơn đăng ký GNLC đã điền, kỳ 2023:\n" in html
    assert '<a href="gnlc-form-2023-vi.docx" hreflang="vi">tiếng Việt</a>' in html
    assert '<a href="progress-report-2025-en.docx" hreflang="en">tiếng Anh</a>' in html
    size = round(report.stat().st_size / 1000)
    assert f"(Word, {size} KB)" in html
    assert (tmp_path / "site/progress-report-2025-en.docx").read_bytes() == report.read_bytes()


def test_errors_in_the_data_put_a_banner_on_the_page(hcmlc, bundled, tmp_path) -> None:
    file = bundled / "submissions/2025/so-gddt.yaml"
    file.write_text(file.read_text("utf-8").replace("value: 99.1", "value: 99,1%"), "utf-8")
    code, out, _ = dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"))
    assert code == 1
    assert "note: the data has 1 error: the page says so in a banner" in out
    html = read_page(tmp_path / "site")
    page = Page(html)
    assert 'class="banner" role="region"' in html and 'data-errors="1"' in html
    assert "Kho dữ liệu có 1 lỗi." in html and "<code>hcmlc validate</code>" in html
    _, json_out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--format", "json")
    status = json.loads(json_out)
    assert as_int(page.texts["total.supplied"]) == status["total"]["supplied"] == 93
    assert "99,1%" not in html.split('id="targets"')[1]  # the figure with an error is not shown


def test_broken_data_still_publishes_a_page_that_says_so(hcmlc, bundled, tmp_path) -> None:
    (bundled / "data/assignments.yaml").write_text("city: [\n", "utf-8")
    code, out, _ = dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"))
    assert code == 1
    assert out.startswith(f"Wrote {tmp_path / 'site/index.html'} without figures")
    html = read_page(tmp_path / "site")
    assert "Các tệp dữ liệu trong data/ (bộ tiêu chí, phân công) có lỗi" in html
    assert 'data-value="total' not in html and 'id="agencies"' not in html


def test_an_unknown_cycle_is_a_usage_error(hcmlc, bundled, tmp_path) -> None:
    code, _, err = dashboard(hcmlc, bundled, "--out", str(tmp_path / "s"), "--cycle", "2099")
    assert code == 2 and "unknown cycle `2099`" in err
    assert not (tmp_path / "s").exists()


def test_text_from_the_data_is_printed_as_text(hcmlc, bundled, tmp_path) -> None:
    registry = bundled / "data/assignments.yaml"
    registry.write_text(
        registry.read_text("utf-8").replace(
            'vi: "Sở Y tế"', 'vi: "Sở Y tế <script>alert(1)</script> {{ 7*7 }}"', 1
        ),
        "utf-8",
    )
    assert dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"))[0] == 0
    html = read_page(tmp_path / "site")
    assert "<script" not in html
    assert "Sở Y tế &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html


def test_the_commit_of_the_data_is_on_the_page(hcmlc, bundled, tmp_path, git) -> None:
    git.init(bundled)
    git.commit(bundled, "the bundled data")
    commit = git(bundled, "rev-parse", "HEAD").strip()
    day = git(bundled, "log", "-1", "--format=%cs").strip()
    dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"), "--lang", "en")
    html = read_page(tmp_path / "site")
    shown = day_text(dt.date.fromisoformat(day), "en")
    # committed today, after the day shown: the files as they are, which history cannot date
    assert f"from commit {commit[:7]} of {shown} · History begins on" in html
    (bundled / "submissions/2025/new.yaml").write_text("agency: so-y-te\n", "utf-8")
    dashboard(hcmlc, bundled, "--out", str(tmp_path / "site"), "--lang", "en")
    assert "with changes to data/ or submissions/ not yet committed" in read_page(tmp_path / "site")
