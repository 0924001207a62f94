"""The git commit a repository's data is read at, so that a published view can say so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hcmlc.files.git import git_output

WATCHED = ("data", "submissions")
"""The folders whose uncommitted changes make a view differ from its commit."""


@dataclass(frozen=True)
class Revision:
    """The commit checked out, its date, and whether data/ or submissions/ differ from it."""

    commit: str
    day: dt.date
    changed: bool

    @property
    def short(self) -> str:
        return self.commit[:7]


def revision(root: Path, changed: bool | None = None) -> Revision | None:
    """The commit `root` is at; None outside a git clone, without git, or before a commit.
    `changed`: whether data/ or submissions/ differ from it, when this command asked git
    already (a snapshot of today's files, past.py)."""
    head = git_output(root, "log", "-1", "--format=%H %cs")
    commit, _space, day = head.strip().partition(" ")
    if len(commit) != 40 or not day:
        return None
    if changed is None:
        changed = uncommitted_changes(root)
    return Revision(commit, dt.date.fromisoformat(day), changed)


def uncommitted_changes(root: Path) -> bool:
    """Whether data/ or submissions/ differ from the commit `root` is at (False outside a
    clone): what makes a view of today's files differ from its commit."""
    return bool(git_output(root, "status", "--porcelain", "--", *WATCHED).strip())
