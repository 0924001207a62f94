"""Finding and reading a city's repository: the data files and every submission."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from hcmlc.cache import Cache
from hcmlc.catalog import Catalog
from hcmlc.checks import (
    Entry,
    FileCheck,
    SubmissionFile,
    check_data,
    check_duplicates,
    check_submission,
    check_targets,
)
from hcmlc.confine import is_inside
from hcmlc.diagnostics import Diagnostic, Severity, cap_per_file
from hcmlc.errors import DataError, RepositoryNotFound
from hcmlc.filesystem import is_utf8_name, shown_name
from hcmlc.i18n import _, counted
from hcmlc.models.framework import Framework
from hcmlc.models.registry import Assignments
from hcmlc.models.submission import Submission
from hcmlc.models.targets import Targets
from hcmlc.schema_errors import validate
from hcmlc.yamlio import Document, parse_bytes, read_raw

M = TypeVar("M", Framework, Assignments, Submission, Targets)

CRITERIA = "data/criteria.yaml"
ASSIGNMENTS = "data/assignments.yaml"
TARGETS = "data/targets.yaml"
SUBMISSIONS = "submissions"


@dataclass
class Repository:
    """A repository read and checked: its catalog (when the data files are sound) and problems."""

    root: Path
    catalog: Catalog | None
    submissions: list[SubmissionFile]
    """The submission files parsed in this run: all of them, unless results came from a cache."""
    problems: list[Diagnostic] = field(default_factory=list)
    supplied: set[Entry] = field(default_factory=set)
    paths: list[str] = field(default_factory=list)
    """Every submission file's repository-relative path."""
    targets: Targets | None = None
    """data/targets.yaml when present and sound; a city without one has no targets yet."""
    data_files: list[str] = field(default_factory=lambda: [CRITERIA, ASSIGNMENTS])
    """The files of data/ that were read."""

    def require_catalog(self) -> Catalog:
        """The catalog, or a DataError when data/ is too broken to use."""
        if self.catalog is None:
            raise DataError(
                _("the data files are broken"), _("run `hcmlc validate` and fix data/ first")
            )
        return self.catalog

    def require_sound_data(self) -> Catalog:
        """The catalog, or a DataError naming the problems when data/criteria.yaml or
        data/assignments.yaml has errors: a form or a report built on an unknown agency or
        indicator would be wrong, or fail half-way."""
        catalog = self.require_catalog()
        broken = [
            p
            for p in self.problems
            if p.path in (CRITERIA, ASSIGNMENTS) and p.severity is Severity.ERROR
        ]
        if broken:
            shown = "; ".join(f"{p.path}:{p.line}:{p.column}: {p.message}" for p in broken[:3])
            more = len(broken) - 3
            raise DataError(
                _("the data files have {errors}: {problems}").format(
                    errors=counted(len(broken), "{n} error", "{n} errors"),
                    problems=shown + (f" (+{more})" if more > 0 else ""),
                ),
                _("fix data/ first: `hcmlc validate data` lists every problem"),
            )
        return catalog

    @property
    def error_count(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)


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
    folder = root / SUBMISSIONS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and not p.is_dir())


def load(root: Path, *, cache: bool = False, keep: bool = True) -> Repository:
    """Read and check everything; problems are collected, never raised.

    With `cache`, a submission whose result an earlier run kept, and which has not changed, is
    not read again (see cache.py); `submissions` then holds only the files read. Without
    `keep`, it holds none: validate and status need only the problems and entries, and at
    city scale the documents would take most of the memory."""
    with _collector_paused():
        return _load(root, cache, keep)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while reading: what is read lives until the command ends,
    and at city scale the collector would re-scan that growing heap a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path, use_cache: bool, keep: bool) -> Repository:
    framework_raw, framework_doc = _read(root, CRITERIA)
    assignments_raw, assignments_doc = _read(root, ASSIGNMENTS)
    framework, framework_problems = _model(Framework, framework_doc)
    assignments, assignments_problems = _model(Assignments, assignments_doc)
    problems = framework_problems + assignments_problems
    repo = Repository(root, None, [])
    if framework and assignments:
        repo.catalog = Catalog(framework, assignments)
        problems += check_data(repo.catalog, framework_doc, assignments_doc)
    if (root / TARGETS).exists():  # a FIFO in its place is reported, not skipped
        repo.data_files.append(TARGETS)
        problems += _load_targets(repo)
    store = None
    if use_cache and repo.catalog and framework_raw and assignments_raw:
        store = Cache.open(root, [framework_raw, assignments_raw])
    identities = []
    for path in submission_paths(root):
        relative = path.relative_to(root).as_posix()
        if not is_utf8_name(relative):
            problems.append(_misnamed(relative))
            continue
        check = _submission(repo, relative, store, keep)
        problems += check.problems
        repo.supplied |= check.accepted
        repo.paths.append(relative)
        identities.append((relative, check.identity))
    parsed = {file.doc.path: file.doc for file in repo.submissions}
    problems += check_duplicates(identities, lambda p: parsed.get(p) or _read(root, p)[1])
    if store:
        store.save()
    repo.problems = cap_per_file(problems)  # sorted by file and place
    return repo


def _misnamed(relative: str) -> Diagnostic:
    """A submission whose name is not UTF-8: it is not read, and its name is shown escaped."""
    return Diagnostic(
        shown_name(relative),
        1,
        1,
        "HCMLC-E006",
        _("the file's name is not UTF-8 text, so hcmlc does not read it"),
        _("rename it after the agency's id, e.g. submissions/2023/so-gddt.yaml"),
    )


def _load_targets(repo: Repository) -> list[Diagnostic]:
    """Read data/targets.yaml into `repo.targets` when it is sound; its problems."""
    doc = _read(repo.root, TARGETS)[1]
    targets, problems = _model(Targets, doc)
    if targets is not None and repo.catalog is not None:
        problems += check_targets(repo.catalog, doc, targets)
        repo.targets = None if problems else targets
    return problems


def _submission(repo: Repository, relative: str, store: Cache | None, keep: bool) -> FileCheck:
    """One submission file's problems and entries: from `store` if unchanged, else checked."""
    raw, doc = _read(repo.root, relative, parse=store is None)
    if raw is not None and store is not None:
        kept = store.get(relative, raw)
        if kept is not None:
            return kept
        doc = parse_bytes(raw, relative)
    model, model_problems = _model(Submission, doc)
    file = SubmissionFile(doc, model)
    if keep:
        repo.submissions.append(file)
    found = check_submission(repo.catalog, file, repo.root) if repo.catalog else FileCheck(())
    check = replace(found, problems=(*model_problems, *found.problems))
    if raw is not None and store is not None:
        store.put(relative, raw, check)
    return check


def _read(root: Path, relative: str, *, parse: bool = True) -> tuple[bytes | None, Document]:
    """The file's bytes (None when unreadable) and, if `parse`, its document."""
    path = root / relative
    if not is_inside(root, path):
        problem = Diagnostic(
            relative,
            1,
            1,
            "HCMLC-E051",
            _("the file is a link leading outside the repository; hcmlc does not read it"),
            _("replace the link with the file itself"),
        )
        return None, Document(relative, None, None, [problem])
    raw = read_raw(path, relative)
    if isinstance(raw, Diagnostic):
        return None, Document(relative, None, None, [raw])
    return raw, parse_bytes(raw, relative) if parse else Document(relative, None, None)


def _model(model: type[M], doc: Document) -> tuple[M | None, list[Diagnostic]]:
    """The file's model; a duplicate key is reported but does not hide the rest of the file."""
    if doc.data is None:
        return None, doc.problems
    if not isinstance(doc.data, dict):
        problem = doc.problem(
            (), "HCMLC-E012", _("the file must be a mapping of `key: value` lines")
        )
        return None, [*doc.problems, problem]
    instance, problems = validate(model, doc.data, doc)
    return instance, doc.problems + problems
