"""Where git could find no repository, hcmlc does not start it (files/git.py
`outside_any_clone`): its answer would be nothing. Anything that could be a clone is asked."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from hcmlc.errors import HcmlcError
from hcmlc.files.git import changed_files, git_output, outside_any_clone
from hcmlc.repository.past import first_parent


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command lines of the processes started in this test (`clear()` it where counting
    should begin)."""
    found: list[list[str]] = []
    real = subprocess.Popen.__init__

    def counted(self, args, *rest, **named) -> None:  # type: ignore[no-untyped-def]
        found.append(list(args))
        real(self, args, *rest, **named)

    monkeypatch.setattr(subprocess.Popen, "__init__", counted)
    return found


def test_a_view_outside_any_clone_starts_no_git(hcmlc, repo, started) -> None:
    """The view says why history cannot be read, as git would have had it said."""
    code, out, err = hcmlc(
        "status", "--root", str(repo.root), "--as-of", "2025-12-20", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["source"]["reason"] == "no-git"
    assert started == []


def test_a_clone_above_the_folder_is_asked(git, tmp_path) -> None:
    git.init(tmp_path)
    inner = tmp_path / "city" / "data"
    inner.mkdir(parents=True)
    assert not outside_any_clone(inner)
    assert git_output(inner, "rev-parse", "--is-shallow-repository") == "false\n"


def test_a_bare_repository_above_the_folder_is_asked(git, tmp_path) -> None:
    git(tmp_path, "init", "--quiet", "--bare", "city.git")
    inner = tmp_path / "city.git" / "folder"
    inner.mkdir()
    assert not outside_any_clone(inner)
    assert git_output(inner, "rev-parse", "--is-shallow-repository") == "false\n"


def test_a_clone_named_by_the_environment_is_asked(git, tmp_path, monkeypatch) -> None:
    (tmp_path / "clone").mkdir()
    git.init(tmp_path / "clone")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert outside_any_clone(elsewhere)
    assert git_output(elsewhere, "rev-parse", "--is-shallow-repository") == ""
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "clone" / ".git"))
    assert not outside_any_clone(elsewhere)
    assert git_output(elsewhere, "rev-parse", "--is-shallow-repository") == "false\n"


@pytest.mark.parametrize("link", [True, False])
def test_a_link_into_a_clone_is_asked(git, tmp_path, link: bool) -> None:
    (tmp_path / "clone" / "city").mkdir(parents=True)
    git.init(tmp_path / "clone")
    target: Path = tmp_path / "clone" / "city"
    if link:
        (tmp_path / "outside").symlink_to(target)
        target = tmp_path / "outside"
    assert not outside_any_clone(target)
    assert git_output(target, "rev-parse", "--is-shallow-repository") == "false\n"


def test_history_is_read_in_a_folder_of_a_bare_repository(git, tmp_path) -> None:
    """No work tree: git cannot say where the folder is, and is asked the one question alone."""
    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    git.init(work)
    (work / "data" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    git.commit(work, "one")
    git(tmp_path, "clone", "--quiet", "--bare", str(work), "city.git")
    inner = tmp_path / "city.git" / "folder"
    inner.mkdir()
    now = dt.datetime.now(dt.UTC)
    commits, place = first_parent(inner, dt.UTC, now)
    assert isinstance(commits, list)
    assert [c.id for c in commits] == [git(work, "rev-parse", "HEAD").strip()]
    assert place == ("", "")
    commits, place = first_parent(work / "data", dt.UTC, now)
    assert isinstance(commits, list) and len(commits) == 1
    assert place == (str(work.resolve()), "data/")


def test_a_past_view_asks_git_each_thing_once(hcmlc, repo, git, monkeypatch, started) -> None:
    """Whether the clone is shallow, where the repository is in it, its history, the files of
    the day, the history of its submissions, the versions to compare: one process each."""
    git.init(repo.root)
    for day in ("2025-12-01", "2025-12-10"):
        monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T09:00:00+07:00")
        repo.write(f"submissions/2025/{day}.txt", day)
        git.commit(repo.root, day)
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    started.clear()  # counted from the command on
    code, out, err = hcmlc(
        "status", "--root", str(repo.root), "--as-of", "2025-12-05", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["source"]["kind"] == "commit"
    assert [args[3] for args in started] == [
        "rev-parse",
        "log",
        "archive",
        "log",
    ]  # the second log: the submissions'


def test_changed_files_tells_a_missing_commit_from_a_missing_work_tree(git, tmp_path) -> None:
    """One `rev-parse` asks both: a ref git dies on (`HEAD@{99}`) is still a missing commit,
    a bare repository still git's own message."""
    (tmp_path / "work").mkdir()
    git.init(tmp_path / "work")
    (tmp_path / "work" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    git.commit(tmp_path / "work", "one")
    with pytest.raises(HcmlcError, match=r"^no commit `HEAD@\{99\}` in this repository$"):
        changed_files(tmp_path / "work", "HEAD@{99}")
    git(tmp_path, "init", "--quiet", "--bare", "city.git")
    with pytest.raises(HcmlcError) as raised:
        changed_files(tmp_path / "city.git", "HEAD")
    assert str(raised.value) == (
        f"git cannot compare files in {tmp_path / 'city.git'}: "
        "fatal: this operation must be run in a work tree"
    )


def test_todays_dashboard_asks_once_whether_files_differ(
    hcmlc, bundled, tmp_path, git, monkeypatch, started
) -> None:
    """Today's page says the files differ from the commit from the snapshot's one question."""
    git.init(bundled)
    git.commit(bundled, "the bundled data")
    with (bundled / "submissions/2025/so-gddt.yaml").open("a", encoding="utf-8") as file:
        file.write("# checked again\n")
    monkeypatch.setenv("HCMLC_TODAY", git(bundled, "log", "-1", "--format=%cs").strip())
    started.clear()  # counted from the command on
    site = tmp_path / "site"
    code, _out, err = hcmlc("dashboard", "--root", str(bundled), "--out", str(site), "--lang", "en")
    assert code == 0, err
    page = (site / "index.html").read_text(encoding="utf-8")
    commit = git(bundled, "rev-parse", "--short=7", "HEAD").strip()
    assert f"from commit {commit} of " in page
    assert "with changes to data/ or submissions/ not yet committed" in page
    assert [args[3] for args in started].count("status") == 1
