"""Where git could find no repository, hcmlc does not start it (files/git.py
`outside_any_clone`): its answer would be nothing. Anything that could be a clone is asked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from hcmlc.files.git import git_output, outside_any_clone


def test_a_view_outside_any_clone_starts_no_git(hcmlc, repo, monkeypatch) -> None:
    """The view says why history cannot be read, as git would have had it said."""
    started: list[object] = []
    real = subprocess.Popen.__init__

    def counted(self, args, *rest, **named) -> None:  # type: ignore[no-untyped-def]
        started.append(args)
        real(self, args, *rest, **named)

    monkeypatch.setattr(subprocess.Popen, "__init__", counted)
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
