"""Git histories that the tests of a file start from, committed once per session (per xdist
worker) and copied, `.git` and all, into each test's own folder: the same commits, ids included
(fixed dates, the tester's identity), as each test committing them itself, without its `git
init` and an add and a commit per step (seven git processes for three commits)."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from repositories import application_repo

IDENTITY = (
    "[user]\n\temail = tester@example.org\n\tname = Tester\n[commit]\n\tgpgsign = false\n"
    "[maintenance]\n\tauto = false\n"
)
"""What `git config` writes for the tester's identity and unsigned commits (conftest's Git.init);
and no `git maintenance run --auto` started by each commit (a process that finds nothing to do
in a test's few objects)."""


def init(folder: Path) -> None:
    """A new clone whose commits are the tester's, unsigned: the settings are the lines `git
    config user.email …` (and user.name, commit.gpgsign, maintenance.auto) would add, written
    here rather than by more git processes per clone."""
    _git(folder, {}, "init", "--quiet", "--initial-branch=main")
    with (folder / ".git/config").open("a", encoding="utf-8") as config:
        config.write(IDENTITY)


def write(root: Path, relative: str, text: str) -> Path:
    """`text` written at `relative` under `root`, dedented (conftest's Repo.write)."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def commit(root: Path, message: str, when: str | None = None, author: str | None = None) -> None:
    """Everything in `root` committed at `when` (committer date; else now), written at `author`
    or then."""
    dates = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": author or when} if when else {}
    _git(root, dates, "add", "--all")
    _git(root, dates, "commit", "--quiet", "--message", message)


def committed(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The bundled data of the application cycle (the `repo` fixture's) in a new clone, with
    the commits `build` makes in it."""
    root = application_repo(factory.mktemp(name))
    init(root)
    build(root)
    return root


def copy_into(history: Path, root: Path) -> None:
    """`history`'s files and `.git` into `root`, over the `repo` fixture's same files."""
    shutil.copytree(history, root, symlinks=True, dirs_exist_ok=True)


def _git(folder: Path, env: dict[str, str], *args: str) -> None:
    """git without the user's or the system's configuration, as the `git` fixture runs it."""
    alone = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", **env}
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, env=alone, check=False
    )
    assert done.returncode == 0, done.stderr
