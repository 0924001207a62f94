"""Where a city's repository keeps its files: its top folder, the data files, the frameworks,
the submissions (found by one walk that knows which lie behind a link) and the narratives."""

from __future__ import annotations

import os
from pathlib import Path

from hcmlc.checks.framework_use import USES
from hcmlc.checks.narrative import FOLDER as REPORTS
from hcmlc.diagnostics import Diagnostic
from hcmlc.errors import RepositoryNotFound
from hcmlc.files.filesystem import shown_name
from hcmlc.i18n import _
from hcmlc.yamlfiles.slips import renamed

CRITERIA = "data/criteria.yaml"
ASSIGNMENTS = "data/assignments.yaml"
TARGETS = "data/targets.yaml"
DOCUMENTS = "data/documents.yaml"
CONFIRMATIONS = "data/confirmations.yaml"
UNITS = "data/units.yaml"
FRAMEWORKS = "data/frameworks"
"""Further frameworks, one file each, read in the order of their names."""
SUBMISSIONS = "submissions"


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding data/assignments.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ASSIGNMENTS).is_file():
            return folder
    raise RepositoryNotFound(
        _("no hcmlc repository at or above {folder}").format(folder=start),
        _("run hcmlc inside a city's repository (one with {file}), or pass --root").format(
            file=ASSIGNMENTS
        ),
    )


def submission_paths(root: Path) -> list[Path]:
    """Every submission file, in a stable order: whatever is named `*.yaml` or `*.yml` and is
    not a folder, so that a FIFO or a dangling link in its place is reported, not skipped."""
    return [root / relative for relative, _linked in submission_files(root)]


def submission_files(root: Path, slips: list[str] | None = None) -> list[tuple[str, bool]]:
    """`submission_paths` as repository-relative POSIX paths, each with whether a link lies on
    its way (then it must be resolved to be known inside): the walk learns which entries are
    links from the folder listing itself, without a system call per file. Folders reached
    through a link are not entered (as `Path.rglob` does not), unreadable ones skipped. The
    files whose extension is a slip (`.yaml.txt`, `.YAML`) are added to `slips`."""
    folder = root / SUBMISSIONS
    if not folder.is_dir():
        return []
    found: list[tuple[str, bool]] = []
    pending = [(SUBMISSIONS, folder.is_symlink())]
    while pending:
        relative, linked = pending.pop()
        try:
            with os.scandir(root / relative) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            path = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append((path, linked))
            elif _suffix(entry.name) in (".yaml", ".yml") and not _is_folder(entry):
                found.append((path, linked or entry.is_symlink()))
            elif slips is not None and renamed(entry.name) and not _is_folder(entry):
                slips.append(path)
    return sorted(found, key=lambda file: file[0].split("/"))


def _suffix(name: str) -> str:
    """`PurePosixPath(name).suffix` without making a path (thousands of files a run)."""
    at = name.rfind(".")
    return name[at:] if 0 < at < len(name) - 1 else ""


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether `entry`, its link followed, is a folder; a loop of links is not one."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def framework_paths(root: Path) -> list[str]:
    """The city's own framework files: data/criteria.yaml (always, unless data/frameworks.yaml
    names frameworks hcmlc ships), then every file of data/frameworks/ by name."""
    folder = root / FRAMEWORKS
    extra = sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []
    own = [] if (root / USES).exists() and not (root / CRITERIA).exists() else [CRITERIA]
    return [*own, *(p.relative_to(root).as_posix() for p in extra)]


def narrative_paths(root: Path) -> list[Path]:
    """Every file of reports/ (the coordinator's words in the progress reports)."""
    folder = root / REPORTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def misnamed(relative: str) -> Diagnostic:
    """A submission whose name is not UTF-8: it is not read, and its name is shown escaped."""
    return Diagnostic(
        shown_name(relative),
        1,
        1,
        "HCMLC-E006",
        _("the file's name is not UTF-8 text, so hcmlc does not read it"),
        _("rename it after the agency's id, e.g. submissions/2023/so-gddt.yaml"),
    )
