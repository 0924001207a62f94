"""An approved item is locked: a pull request that changes it fails until the coordinator
reopens it, and an import keeps its approved content while taking the rest."""

from __future__ import annotations

import json
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


class Views:
    """What status (table and JSON) and the report (approved content only) say of one item."""

    def __init__(self, hcmlc, root: Path) -> None:
        self.hcmlc, self.root = hcmlc, root

    def json_state(self, item: str) -> str:
        out = self.hcmlc("status", "--root", str(self.root), "--format", "json")[1]
        return next(i["state"] for i in json.loads(out)["reviews"]["items"] if i["item"] == item)

    def table_state(self, item: str) -> str:
        out = self.hcmlc("status", "--root", str(self.root), "--agency", "so-gddt")[1]
        row = next(line for line in out.splitlines() if f"  {item}  " in line and "@" in line)
        return row.split(f"  {item}  ")[0].strip()

    def report_cell(self, item: str) -> str:
        out = self.root / "out" / "report.md"
        args = ("--format", "md", "--out", str(out), "--force", "--approved-only")
        assert self.hcmlc("report", "--root", str(self.root), *args)[0] == 0
        row = next(
            r for r in out.read_text(encoding="utf-8").splitlines() if r.startswith(f"| {item} ")
        )
        return row.split(" | ")[2]

    def all(self, item: str) -> tuple[str, str, str]:
        return self.json_state(item), self.table_state(item), self.report_cell(item)


def check(hcmlc, root: Path) -> tuple[int, list[dict]]:
    code, out, _ = hcmlc(
        "validate", "--root", str(root), "--changed-since", "main", "--format", "json"
    )
    return code, json.loads(out)["problems"]


def test_approve_change_reopen_change_approve(hcmlc, bundled, git) -> None:
    git.init(bundled)
    git.commit(bundled, "The city's repository")
    views = Views(hcmlc, bundled)
    assert hcmlc("review", "approve", "--agency", "so-gddt", "--root", str(bundled))[0] == 0
    git.commit(bundled, "Review: so-gddt approved")
    assert views.all("1.1.1.a") == ("approved", "approved", "99,1% (năm 2025)")

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
    assert views.all("1.1.1.a") == ("stale", "changed since approved", "Chưa có số liệu")

    reopen = ("review", "reopen", "--agency", "so-gddt", "1.1.1.a", "--comment", "new census")
    assert hcmlc(*reopen, "--root", str(bundled))[0] == 0
    git.commit(bundled, "Review: 1.1.1.a reopened")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == ("awaiting", "awaiting review", "Chưa có số liệu")

    set_value(bundled, "value: 98.5", "value: 98.6")
    git.commit(bundled, "so-gddt: the census figure")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == ("awaiting", "awaiting review", "Chưa có số liệu")

    assert (
        hcmlc("review", "approve", "--agency", "so-gddt", "1.1.1.a", "--root", str(bundled))[0] == 0
    )
    git.commit(bundled, "Review: 1.1.1.a approved again")
    assert check(hcmlc, bundled) == (0, [])
    assert views.all("1.1.1.a") == ("approved", "approved", "98,6% (năm 2025)")


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
