"""An approved item is locked: a pull request that changes it fails until the coordinator
reopens it, and an import keeps its approved content while taking the rest."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from workbook_files import Filled, make

COORDINATORS = "@hcmc-learning-city/so-gddt-dieu-phoi"
FILE = "submissions/2025/so-gddt.yaml"


@pytest.fixture(autouse=True)
def replayed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")


def set_value(root: Path, old: str, new: str) -> None:
    path = root / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


RECEIPT_COUNTS = re.compile(
    r"(\d+) nội dung đã duyệt, (\d+) chờ rà soát, (\d+) có vấn đề, (\d+) đã sửa sau khi duyệt"
)
RECEIPT_STATES = {"có vấn đề": "issues", "đã sửa sau khi được duyệt": "stale"}


class Views:
    """What status (table and JSON), the page, the agency's receipt and the report (approved
    content only) say of one item of so-gddt; the page's and the receipt's counts of so-gddt's
    items by state are checked against the JSON's on every call."""

    def __init__(self, hcmlc, root: Path, scratch: Path) -> None:
        self.hcmlc, self.root, self.scratch = hcmlc, root, scratch

    def json_state(self, item: str) -> tuple[str, dict[str, int]]:
        out = self.hcmlc("status", "--root", str(self.root), "--format", "json")[1]
        reviews = json.loads(out)["reviews"]
        counts = dict.fromkeys(("awaiting", "issues", "approved", "stale"), 0)
        for found in reviews["items"]:
            if found["agency"] == "so-gddt":
                counts[found["state"]] += 1
        return next(i["state"] for i in reviews["items"] if i["item"] == item), counts

    def table_state(self, item: str) -> str:
        out = self.hcmlc("status", "--root", str(self.root), "--agency", "so-gddt")[1]
        row = next(line for line in out.splitlines() if f"  {item}  " in line and "@" in line)
        return row.split(f"  {item}  ")[0].strip()

    def page_state(self, item: str) -> tuple[str, dict[str, int]]:
        """The item's state where the page lists it (with issues, or changed since approved),
        else "counted"; and so-gddt's row of counts."""
        site = self.scratch / "site"
        args = ("--root", str(self.root), "--out", str(site), "--lang", "en")
        assert self.hcmlc("dashboard", *args)[0] == 0
        html = (site / "index.html").read_text(encoding="utf-8")
        row = re.search(r'<tr data-review="so-gddt">(.*?)</tr>', html)
        assert row is not None
        counts = {s: int(n) for s, n in re.findall(r'data-figure="(\w+)">(\d+)<', row[1])}
        listed = re.search(rf'data-review-item="so-gddt/{item}">.*?data-state="(\w+)"', html)
        return (listed[1] if listed else "counted"), counts

    def receipt_state(self, item: str) -> tuple[str, dict[str, int]]:
        """The agency returns its workbook as it stands; what its receipt says of `item`
        (listed with issues or changed since approved, else "counted") and of its counts."""
        inbox, receipts = self.scratch / "inbox", self.scratch / "receipts"
        for folder in (inbox, receipts):
            shutil.rmtree(folder, ignore_errors=True)
        inbox.mkdir(parents=True)
        make(self.hcmlc, self.root, "so-gddt", inbox / "so-gddt.xlsx", "--cycle", "2025")
        args = ("--root", str(self.root), str(inbox), "--receipts", str(receipts))
        assert self.hcmlc("import", *args)[0] == 0
        text = (receipts / "so-gddt.txt").read_text(encoding="utf-8")
        found = RECEIPT_COUNTS.search(text)
        assert found is not None, text
        states = ("approved", "awaiting", "issues", "stale")
        counts = {s: int(n) for s, n in zip(states, found.groups(), strict=True)}
        listed = re.search(rf"^\d+\. {re.escape(item)}: (.*)$", text, re.M)
        if listed is None:
            return "counted", counts
        return next(s for w, s in RECEIPT_STATES.items() if listed[1].startswith(w)), counts

    def report_cell(self, item: str) -> str:
        out = self.root / "out" / "report.md"
        args = ("--format", "md", "--out", str(out), "--force", "--approved-only")
        assert self.hcmlc("report", "--root", str(self.root), *args)[0] == 0
        row = next(
            r for r in out.read_text(encoding="utf-8").splitlines() if r.startswith(f"| {item} ")
        )
        return row.split(" | ")[2]

    def all(self, item: str) -> tuple[str, str, str, str, str]:
        """JSON, table and report, then the page and the receipt, each of whose counts must be
        the JSON's."""
        state, counts = self.json_state(item)
        page, page_counts = self.page_state(item)
        receipt, receipt_counts = self.receipt_state(item)
        assert page_counts == counts
        assert receipt_counts == counts
        return state, self.table_state(item), self.report_cell(item), page, receipt


def check(hcmlc, root: Path) -> tuple[int, list[dict]]:
    code, out, _ = hcmlc(
        "validate", "--root", str(root), "--changed-since", "main", "--format", "json"
    )
    return code, json.loads(out)["problems"]


def test_approve_change_reopen_change_approve(hcmlc, bundled, git, tmp_path) -> None:
    git.init(bundled)
    git.commit(bundled, "The city's repository")
    views = Views(hcmlc, bundled, tmp_path)
    assert hcmlc("review", "approve", "--agency", "so-gddt", "--root", str(bundled))[0] == 0
    git.commit(bundled, "Review: so-gddt approved")
    assert views.all("1.1.1.a") == ("approved", "approved", "99,1% (năm 2025)", *["counted"] * 2)

    git(bundled, "switch", "--quiet", "-c", "pull-request")
    set_value(bundled, "value: 99.1", "value: 98.5")
    git.commit(bundled, "so-gddt: literacy rate corrected")
    code, problems = check(hcmlc, bundled)
    assert code == 1
    assert [(p["path"], p["line"], p["column"], p["code"]) for p in problems] == [
        (FILE, 7, 3, "HCMLC-E103")
    ]
    assert problems[0]["message"] == (
        f"1.1.1.a was approved by {COORDINATORS} on 2026-01-10; it may not change until the "
        "coordinator reopens it"
    )
    assert problems[0]["hint"] == (
        "restore the approved content, or ask the coordinator to reopen it: "
        '`hcmlc review reopen --agency so-gddt 1.1.1.a --comment "…"`'
    )
    assert views.all("1.1.1.a") == (
        "stale",
        "changed since approved",
        "Chưa có số liệu",
        "stale",
        "stale",
    )

    reopen = ("review", "reopen", "--agency", "so-gddt", "1.1.1.a", "--comment", "new census")
    assert hcmlc(*reopen, "--root", str(bundled))[0] == 0
    git.commit(bundled, "Review: 1.1.1.a reopened")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == (
        "awaiting",
        "awaiting review",
        "Chưa có số liệu",
        *["counted"] * 2,
    )

    set_value(bundled, "value: 98.5", "value: 98.6")
    git.commit(bundled, "so-gddt: the census figure")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == (
        "awaiting",
        "awaiting review",
        "Chưa có số liệu",
        *["counted"] * 2,
    )

    assert (
        hcmlc("review", "approve", "--agency", "so-gddt", "1.1.1.a", "--root", str(bundled))[0] == 0
    )
    git.commit(bundled, "Review: 1.1.1.a approved again")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == ("approved", "approved", "98,6% (năm 2025)", *["counted"] * 2)


def test_an_approval_of_content_no_commit_held(hcmlc, bundled, git) -> None:
    git.init(bundled)
    git.commit(bundled, "The city's repository")
    git(bundled, "switch", "--quiet", "-c", "pull-request")
    set_value(bundled, "value: 99.1", "value: 98.5")
    assert (
        hcmlc("review", "approve", "--agency", "so-gddt", "1.1.1.a", "--root", str(bundled))[0] == 0
    )
    set_value(bundled, "value: 98.5", "value: 98.7")  # never committed as approved
    _code, problems = check(hcmlc, bundled)
    assert [(p["path"], p["code"]) for p in problems] == [
        ("signoffs/reviews/2025.yaml", "HCMLC-E101")
    ]


def test_import_keeps_an_approved_item_and_takes_the_rest(hcmlc, bundled, tmp_path) -> None:
    made = make(hcmlc, bundled, "so-gddt", tmp_path / "so-gddt.xlsx", "--cycle", "2025")
    hcmlc("review", "approve", "--agency", "so-gddt", "1.1.1.a", "--root", str(bundled))
    filled = Filled(made)
    cell = filled.set("indicators", "1.1.1.a", "value", 98)
    filled.set("indicators", "2.1.1.b", "value", 99.8)
    back = filled.save(tmp_path / "back.xlsx")
    code, out, _ = hcmlc("import", "--root", str(bundled), str(back), "--cycle", "2025")
    assert code == 0
    assert out.splitlines()[:4] == [
        f"{back} → {FILE}: 0 added, 1 changed, 0 removed, 8 unchanged",
        "    changed: 2.1.1.b (value: 99.7 → 99.8)",
        f"{back}:Chỉ số!{cell}: warning: 1.1.1.a was approved by {COORDINATORS} on 2026-01-10: "
        "the workbook's change to it is refused and the approved content kept; the rest of the "
        "workbook is imported [HCMLC-W104]",
        "    hint: restore the approved content, or ask the coordinator to reopen it: "
        '`hcmlc review reopen --agency so-gddt 1.1.1.a --comment "…"`',
    ]
    text = (bundled / FILE).read_text(encoding="utf-8")
    assert "value: 99.1\n" in text and "value: 99.8\n" in text


def test_the_page_and_the_receipt_name_an_item_with_issues_and_the_comment(
    hcmlc, bundled, tmp_path
) -> None:
    comment = "mẫu số là dân số năm 2024"
    args = ("--agency", "so-gddt", "--root", str(bundled))
    assert hcmlc("review", "approve", *args)[0] == 0
    assert hcmlc("review", "issues", *args, "2.1.1.b", "--comment", comment)[0] == 0
    views = Views(hcmlc, bundled, tmp_path)
    assert views.all("2.1.1.b") == ("issues", "has issues", "Chưa có số liệu", "issues", "issues")

    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-review-item="so-gddt/2.1.1.b">(.*?)</tr>', html)
    assert row is not None
    assert [
        re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row[1])
    ] == [
        "Department of Education and Training",
        "2.1.1.b",
        "has issues",
        f"{comment} ({COORDINATORS}, 10 January 2026)",
    ]
    text = (tmp_path / "receipts/so-gddt.txt").read_text(encoding="utf-8")
    review = text.split("Kết quả rà soát số liệu của đơn vị điều phối:\n")[1].split("\n\n")[0]
    assert review.splitlines() == [
        "8 nội dung đã duyệt, 0 chờ rà soát, 1 có vấn đề, 0 đã sửa sau khi duyệt.",
        f"1. 2.1.1.b: có vấn đề — {comment} ({COORDINATORS}, ngày 10/01/2026)",
    ]


def test_a_wards_review_reaches_its_receipt_and_the_page(hcmlc, bundled, tmp_path) -> None:
    """The seam of the wards' channel and the review: a ward's counts (its learning models,
    two counts each) marked "has issues", the ward returning its workbook, its receipt and the
    page's wards list telling the same as status."""
    ward, comment = "phuong-ban-co", "số gia đình được công nhận lớn hơn tổng số hộ"
    args = ("--agency", ward, "--root", str(bundled), "--cycle", "2025")
    assert hcmlc("review", "approve", *args)[0] == 0
    assert hcmlc("review", "issues", *args, "mh.1.1.a", "--comment", comment)[0] == 0
    out = hcmlc("status", "--root", str(bundled), "--format", "json")[1]
    items = [i for i in json.loads(out)["reviews"]["items"] if i["agency"] == ward]
    counts = {s: sum(i["state"] == s for i in items) for s in ("awaiting", "issues", "approved")}
    assert counts == {"awaiting": 0, "issues": 1, "approved": 5}

    inbox, receipts = tmp_path / "inbox", tmp_path / "receipts"
    inbox.mkdir()
    make(hcmlc, bundled, ward, inbox / f"{ward}.xlsx", "--cycle", "2025")
    code, _, _ = hcmlc("import", "--root", str(bundled), str(inbox), "--receipts", str(receipts))
    assert code == 0
    text = (receipts / f"{ward}.txt").read_text(encoding="utf-8")
    review = text.split("Kết quả rà soát số liệu của đơn vị điều phối:\n")[1].split("\n\n")[0]
    assert review.splitlines() == [
        "5 nội dung đã duyệt, 0 chờ rà soát, 1 có vấn đề, 0 đã sửa sau khi duyệt.",
        f"1. mh.1.1.a: có vấn đề — {comment} ({COORDINATORS}, ngày 10/01/2026)",
    ]

    site = tmp_path / "site"
    assert hcmlc("dashboard", "--root", str(bundled), "--out", str(site), "--lang", "en")[0] == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    units = html.split('<details class="units" data-review-units>')[1].split("</details>")[0]
    row = re.search(rf'<tr data-review="{ward}">(.*?)</tr>', units)
    assert row is not None
    shown = {s: int(n) for s, n in re.findall(r'data-figure="(\w+)">(\d+)<', row[1])}
    assert shown == {**counts, "stale": 0}
    listed = re.search(rf'<tr data-review-item="{ward}/mh.1.1.a">(.*?)</tr>', html)
    assert listed is not None and 'data-state="issues"' in listed[1] and comment in listed[1]
