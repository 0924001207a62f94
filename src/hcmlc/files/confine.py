"""Paths that hcmlc reads or that submissions name: they must stay inside the repository."""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from hcmlc.files.filesystem import has_control

Escape = Literal["control", "absolute", "climbs", "link"]
"""How a path leaves the repository: by a control character (NUL, a line break, which no path
holds), from the file system's root, by `..`, or through a link."""

URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")


def escape(root: Path, written: str) -> Escape | None:
    """How the path `written` in a submission leaves the repository at `root`, if it does.

    A web link is not a path; a document reference such as `45/BC-UBND` stays inside."""
    if has_control(written):  # checked first: NUL would end the path inside the system call
        return "control"
    if URL.match(written):
        return None
    posix = written.replace("\\", "/")  # Windows users write backslashes
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(written).anchor:
        return "absolute"
    if ".." in PurePosixPath(posix).parts:
        return "climbs"
    return None if is_inside(root, root / posix) else "link"


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path` (written below `root`, without `..`), its links followed, is inside `root`.

    Only a path through a link needs resolving; checking each part for one is cheaper."""
    current = str(root)
    for part in path.relative_to(root).parts:
        current = os.path.join(current, part)
        if os.path.islink(current):
            try:
                return path.resolve().is_relative_to(root.resolve())
            except (OSError, RuntimeError):  # a loop of links, a name too long: not inside
                return False
    return True
