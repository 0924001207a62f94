"""Dates of delivery from the receiving side: the day an entry's content reached the branch is
the fact; `submitted:` is a claim, shown beside it, counted only when the coordinator confirms
it; a value changed after the deadline is a revision (received.py, receiving.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import histories

GDDT = "submissions/2025/so-gddt.yaml"
CONFIRMATIONS = "data/confirmations.yaml"


def gddt(value: float = 99.1, submitted: str | None = None, comment: str = "") -> str:
    head = f"submitted: {submitted}\n" if submitted else ""
    return (
        f'{comment}agency: so-gddt\ncycle: "2025"\n{head}indicators:\n'
        f"  1.1.1.a: {{value: {value}, year: 2025}}\n"
    )


@pytest.fixture(scope="session")
def committed(tmp_path_factory) -> Path:
    """The first commit of `city`, made once per session (tests/histories.py)."""

    def build(root: Path) -> None:
        histories.commit(root, "data", "2025-12-01T10:00:00+07:00")

    return histories.committed(tmp_path_factory, "receiving", build)


@pytest.fixture
def city(repo, git, committed, monkeypatch):
    """The bundled data committed on 1 December 2025 (deadline of cycle 2025: the 15th);
    today is 20 January 2026. A copy of `committed`."""
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-20")
    histories.copy_into(committed, repo.root)

    def commit(when: str, message: str = "change") -> None:
        monkeypatch.setenv("GIT_COMMITTER_DATE", f"{when}T10:00:00+07:00")
        monkeypatch.setenv("GIT_AUTHOR_DATE", f"{when}T10:00:00+07:00")
        git.commit(repo.root, message)

    repo.commit = commit
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-01T10:00:00+07:00")  # as the first
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2025-12-01T10:00:00+07:00")  # commit left them
    return repo


def obligation(hcmlc, root, *extra: str) -> dict:
    code, out, err = hcmlc(
        "status", "--root", str(root), "--cycle", "2025", "--format", "json", *extra
    )
    assert code == 0, out + err
    [found] = [o for o in json.loads(out)["obligations"] if o["item"] == "1.1.1.a"]
    return found


def confirm(repo, day: str = "2025-12-14", agency: str = "so-gddt") -> None:
    repo.write(
        CONFIRMATIONS,
        f"""
        # Dates of delivery the coordinator vouches for.
        confirmations:
          - agency: {agency}
            cycle: "2025"
            submitted: {day}
            by: "Nguyễn Văn An, Văn phòng Sở GD&ĐT"
            note: "Công văn 123/SGDĐT, nhận qua hệ thống văn bản ngày 14/12/2025"
        """,
    )


def test_a_backdated_claim_does_not_make_a_late_file_on_time(hcmlc, city) -> None:
    city.write(GDDT, gddt(submitted="2025-12-14"))
    city.commit("2026-01-10")
    found = obligation(hcmlc, city.root)
    assert (found["state"], found["delivered"], found["late_days"]) == ("late", "2026-01-10", 26)
    assert (found["date_source"], found["received"], found["claimed"]) == (
        "received",
        "2026-01-10",
        "2025-12-14",
    )
    assert found["confirmed_by"] is None
    _, out, _ = hcmlc("status", "--root", str(city.root), "--cycle", "2025")
    assert "claimed 14/12/2025, received 10/01/2026" in out
    _, out, _ = hcmlc("--lang", "vi", "status", "--root", str(city.root), "--cycle", "2025")
    assert "khai báo 14/12/2025, nhận 10/01/2026" in out


def test_a_claim_the_coordinator_confirms_counts_and_says_who(hcmlc, city) -> None:
    city.write(GDDT, gddt(submitted="2025-12-14"))
    city.commit("2026-01-10")
    confirm(city)
    city.commit("2026-01-11", "the coordinator confirms the letter's date")
    found = obligation(hcmlc, city.root)
    assert (found["state"], found["delivered"], found["late_days"]) == ("supplied", "2025-12-14", 0)
    assert found["date_source"] == "confirmed"
    assert found["confirmed_by"] == "Nguyễn Văn An, Văn phòng Sở GD&ĐT"
    _, out, _ = hcmlc("status", "--root", str(city.root), "--cycle", "2025", "--agency", "so-gddt")
    assert "confirmed by Nguyễn Văn An, Văn phòng Sở GD&ĐT" in out
    # before the confirmation was committed, the file was late
    assert obligation(hcmlc, city.root, "--as-of", "2026-01-10")["state"] == "late"


def test_a_claim_within_a_day_of_the_fact_is_not_shown(hcmlc, city) -> None:
    city.write(GDDT, gddt(submitted="2025-12-09"))
    city.commit("2025-12-10")
    found = obligation(hcmlc, city.root)
    assert (found["state"], found["received"], found["claimed"]) == ("supplied", "2025-12-10", None)


def test_a_value_changed_after_the_deadline_is_a_revision(hcmlc, city) -> None:
    city.write(GDDT, gddt(99.1))
    city.commit("2025-12-10")
    city.write(GDDT, gddt(98.7))
    city.commit("2026-01-05")
    found = obligation(hcmlc, city.root)
    assert (found["state"], found["delivered"]) == ("supplied", "2025-12-10")
    assert (found["received"], found["revised"]) == ("2026-01-05", "2026-01-05")
    _, out, _ = hcmlc("--lang", "vi", "status", "--root", str(city.root), "--cycle", "2025")
    assert "sửa sau hạn, ngày 05/01/2026" in out


def test_a_change_of_comments_or_layout_is_no_revision(hcmlc, city) -> None:
    city.write(GDDT, gddt(99.1))
    city.commit("2025-12-10")
    city.write(
        GDDT, "# checked by the office\n" + gddt(99.1).replace("{value: 99.1", "{value:  99.1")
    )
    city.commit("2026-01-05")
    found = obligation(hcmlc, city.root)
    assert (found["received"], found["revised"]) == ("2025-12-10", None)


def test_a_renamed_file_keeps_its_dates(hcmlc, city, git) -> None:
    city.write(GDDT, gddt())
    city.commit("2025-12-10")
    git(city.root, "mv", GDDT, GDDT.replace(".yaml", ".yml"))
    city.commit("2026-01-05", "renamed")
    assert obligation(hcmlc, city.root)["received"] == "2025-12-10"


def test_a_pull_request_counts_from_its_merge(hcmlc, city, git, monkeypatch) -> None:
    git(city.root, "checkout", "--quiet", "-b", "so-gddt")
    city.write(GDDT, gddt())
    city.commit("2025-12-12")
    git(city.root, "checkout", "--quiet", "main")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-18T10:00:00+07:00")
    git(city.root, "merge", "--quiet", "--no-ff", "-m", "Merge pull request #7", "so-gddt")
    found = obligation(hcmlc, city.root)
    assert (found["state"], found["received"], found["late_days"]) == ("late", "2025-12-18", 3)


def test_an_uncommitted_entry_is_dated_today_and_said_so(hcmlc, city) -> None:
    city.write(GDDT, gddt())
    found = obligation(hcmlc, city.root)
    assert (found["date_source"], found["received"]) == ("uncommitted", "2026-01-20")


def test_without_history_the_claim_is_marked_declared(hcmlc, repo) -> None:
    repo.write(GDDT, gddt(submitted="2025-12-14"))
    found = obligation(hcmlc, repo.root, "--as-of", "2025-12-20")
    assert (found["date_source"], found["delivered"], found["state"]) == (
        "declared",
        "2025-12-14",
        "supplied",
    )


def problems(hcmlc, root) -> list[dict]:
    _, out, _ = hcmlc("validate", "--root", str(root), "--format", "json")
    return [p for p in json.loads(out)["problems"] if p["path"] == CONFIRMATIONS]


def test_a_confirmation_of_a_file_that_does_not_exist_is_an_error(hcmlc, city) -> None:
    confirm(city)
    [p] = problems(hcmlc, city.root)
    assert (p["line"], p["column"], p["code"]) == (3, 13, "HCMLC-E097")
    assert p["message"] == "so-gddt has no submission file of cycle 2025 to confirm"


def test_a_confirmation_of_an_unknown_agency_suggests_one(hcmlc, city) -> None:
    confirm(city, agency="so-gdt")
    [p] = problems(hcmlc, city.root)
    assert (p["line"], p["message"], p["hint"]) == (
        3,
        "no agency `so-gdt` in data/assignments.yaml",
        "did you mean `so-gddt`?",
    )


def test_a_confirmation_of_a_date_the_file_does_not_claim_is_an_error(hcmlc, city) -> None:
    city.write(GDDT, gddt(submitted="2025-12-13"))
    confirm(city)
    [p] = problems(hcmlc, city.root)
    assert (p["line"], p["column"]) == (5, 16)
    assert p["message"] == (
        "submissions/2025/so-gddt.yaml claims `submitted: 2025-12-13`, not 2025-12-14"
    )


def test_a_confirmation_without_who_confirms_is_an_error(hcmlc, city) -> None:
    city.write(GDDT, gddt(submitted="2025-12-14"))
    city.write(
        CONFIRMATIONS,
        'confirmations:\n  - {agency: so-gddt, cycle: "2025", submitted: 2025-12-14}\n',
    )
    [p] = problems(hcmlc, city.root)
    assert p["line"] == 2 and "by" in p["message"]


def test_only_the_coordinators_own_the_confirmations() -> None:
    """An agency's pull request that touches data/confirmations.yaml needs their review."""
    from commands.test_codeowners import COORDINATORS, PROJECT, owners_of

    text = (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert owners_of(text, "data/confirmations.yaml") == [COORDINATORS]
    assert owners_of(text, "submissions/2025/so-gddt.yaml") != [COORDINATORS]
