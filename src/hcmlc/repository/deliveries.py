"""When each agency delivered its file of a cycle, and whether that date can be true.

A file's delivery is the `submitted:` date it gives; a file without one is dated by the commit
that added it to the repository's history; a file neither dated nor committed (or in a shallow
clone, whose history starts late) is undated, and counts as delivered on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.diagnostics import Diagnostic
from hcmlc.files.git import git_output
from hcmlc.i18n import _
from hcmlc.yamlfiles.reader import Document

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class Dated:
    """A submission file as read: its path and the `submitted:` date it gives, if any."""

    path: str
    submitted: dt.date | None


def deliveries(
    root: Path,
    files: dict[FileKey, Dated],
    rev: str = "HEAD",
    known: dict[str, dt.date] | None = None,
) -> dict[FileKey, Delivery]:
    """Each file's delivery: its `submitted:` date, else the commit up to `rev` that added it
    (`known` when history was read already), else none."""
    undated = [f.path for f in files.values() if f.submitted is None]
    added = {}
    if undated:
        added = known if known is not None else added_on(root, undated, rev)
    result = {}
    for key, file in files.items():
        if file.submitted is not None:
            result[key] = Delivery(file.path, file.submitted, "submitted")
        elif file.path in added:
            result[key] = Delivery(file.path, added[file.path], "commit")
        else:
            result[key] = Delivery(file.path, None, "unknown")
    return result


def added_on(root: Path, paths: Iterable[str], rev: str = "HEAD") -> dict[str, dt.date]:
    """Repository-relative path → the date of the commit that added it (its latest addition).

    Empty when `root` is not in a git clone, git is missing, or the clone is shallow (its first
    commit would seem to add every file)."""
    wanted = set(paths)
    if git_output(root, "rev-parse", "--is-shallow-repository").strip() != "false":
        return {}
    # Newest first: the first addition seen of a path is its latest one.
    log = git_output(
        root,
        "log",
        "--diff-filter=A",
        "--relative",
        "--format=%x00%cs",
        "--name-only",
        rev,
        "--",
        "submissions",
    )
    found: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
        elif line in wanted and line not in found and day is not None:
            found[line] = day
    return found


def check_dates(
    catalog: Catalog,
    files: Iterable[tuple[str, str, dt.date]],
    today: dt.date,
    doc_of: Callable[[str], Document],
) -> list[Diagnostic]:
    """A `submitted:` date after today, or before its cycle opened (path, cycle, date)."""
    problems = []
    for path, cycle_id, day in files:
        cycle = catalog.cycles.get(cycle_id)
        if cycle is None:
            continue  # an unknown cycle is reported by the file's own checks
        opened = catalog.opening(cycle)
        if day > today:
            message = _("`submitted: {day}` is in the future (today is {today})").format(
                day=day, today=today
            )
        elif opened is not None and day < opened:
            message = _("`submitted: {day}` is before cycle {cycle} opened on {opened}").format(
                day=day, cycle=cycle.id, opened=opened
            )
        else:
            continue
        problems.append(
            doc_of(path).problem(
                ("submitted",),
                "HCMLC-E090",
                message,
                _("write the day the file was delivered, as YYYY-MM-DD"),
            )
        )
    return problems
