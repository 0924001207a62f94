"""`--as-of D` reads the repository as it stood at the end of D in the city's time zone, from
the first-parent history by committer dates (history.py, past.py); today reads the files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import histories

GDDT = "submissions/2025/so-gddt.yaml"
NOI_VU = "submissions/2025/so-noi-vu.yaml"


def gddt(value: float = 99.1) -> str:
    return (
        f'agency: so-gddt\ncycle: "2025"\nindicators:\n  1.1.1.a: {{value: {value}, year: 2025}}\n'
    )


LDTBXH = "submissions/2025/so-y-te.yaml"
LDTBXH_TEXT = 'agency: so-y-te\ncycle: "2025"\nindicators:\n  1.1.4.b: {value: 5, year: 2025}\n'
NOI_VU_TEXT = 'agency: so-noi-vu\ncycle: "2025"\nindicators:\n  1.1.3.a: {value: 80, year: 2025}\n'


@pytest.fixture(scope="session")
def committed(tmp_path_factory) -> Path:
    """The history of `history`, committed once per session (tests/histories.py)."""

    def build(root: Path) -> None:
        histories.commit(root, "data", "2025-12-01T09:00:00+07:00")
        histories.write(root, GDDT, gddt())
        histories.commit(root, "so-gddt", "2025-12-10T09:00:00+07:00")
        histories.write(root, NOI_VU, NOI_VU_TEXT)
        histories.commit(root, "so-noi-vu", "2025-12-20T09:00:00+07:00")

    return histories.committed(tmp_path_factory, "history", build)


@pytest.fixture
def history(repo, git, committed, monkeypatch):
    """The bundled data committed on 1 December 2025; so-gddt on the 10th, so-noi-vu on the
    20th (after the deadline of the 15th); today is 10 January 2026. A copy of `committed`."""
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    histories.copy_into(committed, repo.root)

    def commit(when: str, message: str, author: str | None = None) -> None:
        monkeypatch.setenv("GIT_COMMITTER_DATE", when)
        monkeypatch.setenv("GIT_AUTHOR_DATE", author or when)
        git.commit(repo.root, message)

    repo.commit = commit
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-20T09:00:00+07:00")  # as the last commit
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2025-12-20T09:00:00+07:00")  # left them
    return repo


def status(hcmlc, root, day: str, *extra: str) -> dict:
    code, out, err = hcmlc(
        "status", "--root", str(root), "--cycle", "2025", "--as-of", day, "--format", "json", *extra
    )
    assert code == 0, err
    return json.loads(out)


def delivered(document: dict) -> dict[str, str | None]:
    return {
        f"{o['agency']} {o['item']}": o["delivered"]
        for o in document["obligations"]
        if o["supplied"]
    }


def test_a_past_day_reads_the_commit_of_that_day(hcmlc, history, git) -> None:
    first = status(hcmlc, history.root, "2025-12-12")
    assert delivered(first) == {"so-gddt 1.1.1.a": "2025-12-10"}
    commit = git(history.root, "rev-parse", "HEAD~1").strip()
    assert first["source"]["kind"] == "commit"
    assert first["source"]["commit"] == commit
    assert first["source"]["note"] == (
        "Read from history: the repository as it stood at the end of 2025-12-12, "
        f"commit {commit[:7]} of 2025-12-10."
    )
    later = status(hcmlc, history.root, "2025-12-25")
    assert delivered(later) == {"so-gddt 1.1.1.a": "2025-12-10", "so-noi-vu 1.1.3.a": "2025-12-20"}


def test_a_file_fixed_later_does_not_change_a_past_day(hcmlc, history) -> None:
    """The value so-gddt changes on 5 January is not what 20 December saw, today or later."""
    before = status(hcmlc, history.root, "2025-12-20")
    history.write(GDDT, gddt(42))
    history.commit("2026-01-05T09:00:00+07:00", "so-gddt fixes its figure")
    assert status(hcmlc, history.root, "2025-12-20") == before


def test_uncommitted_changes_count_only_today_and_the_view_says_so(hcmlc, history) -> None:
    history.write(LDTBXH, LDTBXH_TEXT)
    past = status(hcmlc, history.root, "2026-01-09")
    assert past["source"]["kind"] == "commit"
    today = status(hcmlc, history.root, "2026-01-10")
    assert today["source"] == {
        "kind": "working-tree",
        "commit": None,
        "committed": None,
        "reason": None,
        "history_begins": None,
        "uncommitted_changes": True,
        "clamped_commits": [],
        "note": "Read from the files as they are (today), with uncommitted changes.",
    }
    _code, out, _ = hcmlc("status", "--root", str(history.root), "--cycle", "2025")
    assert "Read from the files as they are (today), with uncommitted changes." in out


def test_the_day_ends_in_the_citys_time_zone(hcmlc, history, monkeypatch) -> None:
    """20:00 UTC on the 25th is 03:00 on the 26th in Ho Chi Minh City, unless data says UTC."""
    history.write(GDDT, gddt(50))
    history.commit("2025-12-25T20:00:00+00:00", "late evening in Europe")
    assert delivered(status(hcmlc, history.root, "2025-12-25"))["so-gddt 1.1.1.a"] == "2025-12-10"
    path = history.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("current_cycle:", 'time_zone: "UTC"\ncurrent_cycle:'), "utf-8")
    history.commit("2026-01-02T09:00:00+07:00", "the city keeps UTC")
    source = status(hcmlc, history.root, "2025-12-25")["source"]
    assert source["committed"] == "2025-12-25T20:00:00+00:00"


def test_an_unknown_time_zone_is_a_located_error(hcmlc, repo) -> None:
    path = repo.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("current_cycle:", 'time_zone: "Mars/Olympus"\ncurrent_cycle:'), "utf-8"
    )
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [problem] = json.loads(out)["problems"]
    assert code == 1
    assert (problem["path"], problem["line"]) == ("data/assignments.yaml", 31)
    assert problem["message"].startswith(
        "`Mars/Olympus` is not a time zone this system knows: write a zone of the IANA database"
    )


def test_a_day_before_history_begins_reads_the_files_and_says_so(hcmlc, history) -> None:
    document = status(hcmlc, history.root, "2025-11-30")
    assert document["source"]["kind"] == "before-history"
    assert document["source"]["history_begins"] == "2025-12-01"
    assert document["source"]["note"] == (
        "History begins on 2025-12-01, after 2025-11-30: read from the files as they are; "
        "their `submitted:` dates are declared by the senders, not received dates."
    )
    _code, out, _ = hcmlc(
        "status", "--root", str(history.root), "--cycle", "2025", "--as-of", "2025-11-30"
    )
    assert "History begins on 2025-12-01, after 2025-11-30" in out


def test_without_git_the_files_are_read_and_the_view_says_why(hcmlc, repo) -> None:
    source = status(hcmlc, repo.root, "2025-12-20")["source"]
    assert (source["kind"], source["reason"]) == ("no-history", "no-git")
    assert source["note"] == (
        "History cannot be read (this is not a git clone, or git is missing): read from the "
        "files as they are, not as they stood on 2025-12-20; `submitted:` dates are declared "
        "by the senders, not received dates."
    )


def test_a_shallow_clone_cannot_tell(hcmlc, history, tmp_path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth=1", f"file://{history.root}", str(clone)], check=True
    )
    source = status(hcmlc, clone, "2025-12-12")["source"]
    assert (source["kind"], source["reason"]) == ("no-history", "shallow")


def test_a_commit_dated_in_the_future_counts_from_the_next_one(hcmlc, history) -> None:
    """A wrong clock wrote 2030; the commit after it shows the change was there by the 28th."""
    history.write(GDDT, gddt(60))
    history.commit("2030-01-01T09:00:00+07:00", "a wrong clock")
    history.write(NOI_VU, NOI_VU_TEXT.replace("80", "81"))
    history.commit("2025-12-28T09:00:00+07:00", "the next commit")
    assert status(hcmlc, history.root, "2025-12-27")["source"]["clamped_commits"] == []
    seen = status(hcmlc, history.root, "2025-12-28")
    assert seen["source"]["commit"] != seen["source"]["clamped_commits"][0]
    assert len(seen["source"]["clamped_commits"]) == 1


def test_the_committer_date_counts_not_the_author_date(hcmlc, history) -> None:
    """A rebase keeps the author's date of 11 December; the branch got it on the 30th."""
    history.write(GDDT, gddt(70))
    history.commit("2025-12-30T09:00:00+07:00", "rebased", author="2025-12-11T09:00:00+07:00")
    assert status(hcmlc, history.root, "2025-12-29")["source"]["committed"].startswith("2025-12-20")


def test_a_merged_branch_counts_from_its_merge(hcmlc, history, git, monkeypatch) -> None:
    """Commits of a pull request dated the 12th reach the branch when merged on the 22nd."""
    git(history.root, "checkout", "--quiet", "-b", "agency")
    history.write(LDTBXH, LDTBXH_TEXT)
    history.commit("2025-12-12T09:00:00+07:00", "so-ldtbxh's pull request")
    git(history.root, "checkout", "--quiet", "main")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-22T09:00:00+07:00")
    git(history.root, "merge", "--quiet", "--no-ff", "-m", "Merge", "agency")
    early = status(hcmlc, history.root, "2025-12-21")
    late = status(hcmlc, history.root, "2025-12-22")
    assert early["source"]["committed"].startswith("2025-12-20")
    assert late["source"]["committed"].startswith("2025-12-22")


def test_a_renamed_file_is_read_under_the_name_of_that_day(hcmlc, history, git) -> None:
    git(history.root, "mv", NOI_VU, NOI_VU.replace(".yaml", ".yml"))
    history.commit("2025-12-27T09:00:00+07:00", "renamed")
    assert (
        delivered(status(hcmlc, history.root, "2025-12-26")).keys()
        == delivered(status(hcmlc, history.root, "2025-12-28")).keys()
    )


def test_a_repository_in_a_folder_of_a_clone(hcmlc, repo, git, monkeypatch, tmp_path) -> None:
    outer = tmp_path / "outer"
    outer.mkdir()
    (repo.root / "data").rename(outer / "data")
    (outer / "submissions/2025").mkdir(parents=True)
    (outer / "submissions/2025/so-gddt.yaml").write_text(gddt(), "utf-8")
    git.init(tmp_path)
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-10T09:00:00+07:00")
    git.commit(tmp_path, "all")
    document = status(hcmlc, outer, "2025-12-12")
    assert document["source"]["kind"] == "commit"
    assert delivered(document) == {"so-gddt 1.1.1.a": "2025-12-10"}


def test_remind_report_and_dashboard_say_what_they_read(hcmlc, history, git, tmp_path) -> None:
    note = "Read from history: the repository as it stood at the end of 2025-12-12"
    root = str(history.root)
    for args in (
        ("dashboard", "--out", str(tmp_path / "site")),
        ("remind", "--format", "md", "--out", str(tmp_path / "letters")),
        ("report", "--year", "2025", "--format", "md", "--out", str(tmp_path / "report.md")),
    ):
        code, out, err = hcmlc(*args, "--root", root, "--as-of", "2025-12-12")
        assert code == 0, out + err
        assert err.startswith(note), (args, err)
    page = (tmp_path / "site/index.html").read_text("utf-8")
    commit = git(history.root, "rev-parse", "--short=7", "HEAD~1").strip()
    assert f"theo commit {commit} ngày" in page  # the commit it was read at, not HEAD
