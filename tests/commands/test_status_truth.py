"""`hcmlc status` says only what is true: nothing owed is not 100%, items nobody owes are
listed, a file counts from the day it was delivered, late deliveries show as late, and the
duties of an agency that ended are shown with whoever holds them (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

AS_OF = "2025-12-20"
"""Five days after the 2025 deadline; Sở Tài chính's file is dated 29 December."""


def status(hcmlc, root: Path, *args: str) -> dict:
    code, out, err = hcmlc("status", "--root", str(root), "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def districts_only(root: Path) -> None:
    """3.3.4.a owed by the districts alone, as before the wards were registered: from 2025
    nobody owes it."""
    path = root / "data/frameworks.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count('"3.3.4.a": ["all-districts", "all-communes"]') == 1
    path.write_text(
        text.replace(
            '"3.3.4.a": ["all-districts", "all-communes"]', '"3.3.4.a": ["all-districts"]'
        ),
        "utf-8",
    )
    for ward in (root / "submissions/2025").glob("*.yaml"):
        if "3.3.4.a" in ward.read_text(encoding="utf-8") and ward.stem.startswith(
            ("phuong", "dac")
        ):
            ward.unlink()


def test_a_criterion_nobody_owes_shows_no_progress_not_100_percent(hcmlc, bundled) -> None:
    districts_only(bundled)
    doc = status(hcmlc, bundled, "--as-of", AS_OF)
    criterion = next(r for r in doc["criteria"] if r["id"] == "3.3.4")
    assert (criterion["owed"], criterion["progress"]) == (0, None)
    _, table, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--criteria")
    line = next(line for line in table.splitlines() if line.lstrip().startswith("3.3.4 "))
    assert line.split()[-1] == "—" and "100%" not in line


def test_items_nobody_owes_are_listed_with_who_used_to_owe_them(hcmlc, bundled) -> None:
    districts_only(bundled)
    doc = status(hcmlc, bundled, "--as-of", AS_OF)
    [unowned] = doc["unowned"]
    assert (unowned["kind"], unowned["item"]) == ("indicator", "3.3.4.a")
    assert len(unowned["formerly"]) == 22 and unowned["formerly"][:2] == ["thu-duc", "quan-1"]
    _, table, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF)
    assert "Items nobody owes in cycle 2025" in table
    assert "indicator 3.3.4.a" in table and "District 1 People's Committee" in table
    _, table, _ = hcmlc("--lang", "vi", "status", "--root", str(bundled), "--as-of", AS_OF)
    assert "TP. Thủ Đức, Quận 1, Quận 3, Quận 4, Quận 5, và 17 đơn vị khác" in table


def test_an_agency_that_ended_is_sent_to_its_successor_not_shown_done(hcmlc, bundled) -> None:
    code, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--agency", "so-khdt")
    assert code == 0
    assert "so-khdt ended on 2025-03-01; its duties in cycle 2025 are so-tai-chinh's" in out
    assert "Progress: nothing owed in cycle 2025" in out
    assert "100%" not in out and "0/0" not in out
    _, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--agency", "quan-1")
    assert (
        "quan-1 ended on 2025-07-01; its territory passed to Tan Dinh Ward, Sai Gon Ward, "
        "Ben Thanh Ward, Cau Ong Lanh Ward in cycle 2025: each owes its own items." in out
    )
    doc = status(hcmlc, bundled, "--as-of", AS_OF, "--agency", "quan-1")
    assert doc["standing"] == {
        "active": False,
        "ended": "2025-07-01",
        "started": None,
        "holder": None,
        "split": {},
        "territory": [
            "phuong-tan-dinh",
            "phuong-sai-gon",
            "phuong-ben-thanh",
            "phuong-cau-ong-lanh",
        ],
    }
    assert doc["total"]["progress"] is None


def test_the_successor_says_whose_duties_it_holds(hcmlc, bundled) -> None:
    doc = status(hcmlc, bundled, "--as-of", AS_OF)
    finance = next(r for r in doc["agencies"] if r["id"] == "so-tai-chinh")
    assert finance["formerly"] == ["so-khdt"]
    _, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF)
    assert "Department of Finance (also for DPI)" in out
    _, todo, _ = hcmlc(
        "status", "--root", str(bundled), "--as-of", AS_OF, "--agency", "so-tai-chinh"
    )
    assert "In cycle 2025 so-tai-chinh also holds the duties of DPI." in todo


def test_a_file_counts_from_the_day_it_was_submitted(hcmlc, bundled) -> None:
    """Sở Tài chính's file says `submitted: 2025-12-29`: on 20 December it had not arrived."""
    before = status(hcmlc, bundled, "--as-of", AS_OF, "--agency", "so-tai-chinh")
    assert {o["state"] for o in before["obligations"]} == {"overdue"}
    assert before["total"]["supplied"] == 0
    after = status(hcmlc, bundled, "--as-of", "2026-01-05", "--agency", "so-tai-chinh")
    supplied = [o for o in after["obligations"] if o["supplied"]]
    assert supplied and {(o["state"], o["late_days"], o["delivered"]) for o in supplied} == {
        ("late", 14, "2025-12-29")
    }
    assert after["total"]["late"] == len(supplied)
    _, todo, _ = hcmlc(
        "status", "--root", str(bundled), "--as-of", "2026-01-05", "--agency", "so-tai-chinh"
    )
    assert "supplied late" in todo and "14 days late (2025-12-29)" in todo


def test_a_delivery_after_the_deadline_counts_as_late_in_the_totals(hcmlc, bundled) -> None:
    doc = status(hcmlc, bundled, "--as-of", "2026-01-05")
    culture = next(r for r in doc["agencies"] if r["id"] == "so-vhtt")  # submitted 19 December
    assert culture["late"] == culture["supplied"] > 0
    _, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", "2026-01-05")
    assert "supplied late" in out.splitlines()[-1] or "supplied late" in out


def test_a_file_without_a_date_counts_from_the_commit_that_added_it(hcmlc, repo, git) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a: {value: 98.9, year: 2022}\n',
    )
    git.init(repo.root)
    git.commit(repo.root, "so-gddt delivers")
    added = git(repo.root, "log", "-1", "--format=%cs").strip()
    doc = status(hcmlc, repo.root, "--as-of", "2023-09-05", "--agency", "so-gddt")
    literacy = next(o for o in doc["obligations"] if o["item"] == "1.1.1.a")
    assert (literacy["supplied"], literacy["delivered"]) == (False, None)  # committed today
    doc = status(hcmlc, repo.root, "--as-of", added, "--agency", "so-gddt")
    literacy = next(o for o in doc["obligations"] if o["item"] == "1.1.1.a")
    assert (literacy["supplied"], literacy["delivered"]) == (True, added)
    assert doc["undated"] == []


def test_a_file_neither_dated_nor_committed_counts_and_says_so(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a: {value: 98.9, year: 2022}\n',
    )
    doc = status(hcmlc, repo.root, "--as-of", "2023-09-05")
    assert doc["undated"] == ["submissions/2023/so-gddt.yaml"]
    assert doc["indicators"]["supplied"] == 1
    _, out, _ = hcmlc("status", "--root", str(repo.root), "--as-of", "2023-09-05")
    assert (
        "1 file of cycle 2023 give no `submitted:` date and are not committed: counted as "
        "delivered on any day (submissions/2023/so-gddt.yaml)."
    ) in out


def test_when_the_next_cycle_is_due_and_missing_status_names_new_cycle(hcmlc, bundled) -> None:
    """Due at the start of the next reporting year (`next_cycle_from`), not when the
    deadline has passed."""
    code, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", "2026-12-01")
    assert code == 0
    assert (
        "Cycle 2026 is due from 2026-01-01 (`next_cycle_from` in data/assignments.yaml) and "
        "does not exist yet: open it with `hcmlc new-cycle 2026 --deadline YYYY-MM-DD`."
    ) in out
    assert status(hcmlc, bundled, "--as-of", "2026-01-01")["next_cycle"] == {
        "last_deadline": "2025-12-15",
        "suggested_id": "2026",
        "due": "2026-01-01",
    }
    assert "next_cycle" not in status(hcmlc, bundled, "--as-of", "2025-12-20")
    assert "next_cycle" not in status(hcmlc, bundled, "--as-of", "2025-12-01")
    assert "next_cycle" not in status(hcmlc, bundled, "--as-of", "2026-12-01", "--cycle", "2024")


def test_a_bad_date_is_a_usage_error_in_the_chosen_language(hcmlc, repo) -> None:
    code, _, err = hcmlc("status", "--root", str(repo.root), "--as-of", "05/09/2023")
    assert code == 2
    assert "--as-of `05/09/2023` is not a date" in err and "YYYY-MM-DD" in err
    assert "%Y" not in err
    code, _, err = hcmlc(
        "--lang", "vi", "status", "--root", str(repo.root), "--as-of", "2023-02-30"
    )
    assert code == 2 and "--as-of `2023-02-30` không phải là một ngày" in err
