"""Finding and reading a city's repository: the data files and every submission."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from hcmlc.catalog import Catalog
from hcmlc.checks import Entry, SubmissionFile, check_data, check_submissions
from hcmlc.confine import is_inside
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.errors import DataError, RepositoryNotFound
from hcmlc.models.framework import Framework
from hcmlc.models.registry import Assignments
from hcmlc.models.submission import Submission
from hcmlc.schema_errors import validate
from hcmlc.yamlio import Document, read_yaml

M = TypeVar("M", Framework, Assignments, Submission)

CRITERIA = "data/criteria.yaml"
ASSIGNMENTS = "data/assignments.yaml"
SUBMISSIONS = "submissions"


@dataclass
class Repository:
    """A repository read and checked: its catalog (when the data files are sound) and problems."""

    root: Path
    catalog: Catalog | None
    submissions: list[SubmissionFile]
    problems: list[Diagnostic] = field(default_factory=list)
    supplied: set[Entry] = field(default_factory=set)

    def require_catalog(self) -> Catalog:
        """The catalog, or a DataError when data/ is too broken to use."""
        if self.catalog is None:
            raise DataError("the data files are broken", "run `hcmlc validate` and fix data/ first")
        return self.catalog

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
        f"no hcmlc repository at or above {start}",
        f"run hcmlc inside a city's repository (one with {ASSIGNMENTS}), or pass --root",
    )


def submission_paths(root: Path) -> list[Path]:
    """Every submission file, in a stable order."""
    folder = root / SUBMISSIONS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load(root: Path) -> Repository:
    """Read and check everything; problems are collected, never raised."""
    with _collector_paused():
        return _load(root)


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


def _load(root: Path) -> Repository:
    framework_doc = _read(root, CRITERIA)
    assignments_doc = _read(root, ASSIGNMENTS)
    framework, framework_problems = _model(Framework, framework_doc)
    assignments, assignments_problems = _model(Assignments, assignments_doc)
    problems = framework_problems + assignments_problems
    files = []
    for path in submission_paths(root):
        doc = _read(root, path.relative_to(root).as_posix())
        submission, submission_problems = _model(Submission, doc)
        files.append(SubmissionFile(doc, submission))
        problems += submission_problems
    repo = Repository(root, None, files)
    if framework and assignments:
        repo.catalog = Catalog(framework, assignments)
        problems += check_data(repo.catalog, framework_doc, assignments_doc)
        submission_problems, repo.supplied = check_submissions(repo.catalog, files, root)
        problems += submission_problems
    repo.problems = sorted(problems, key=Diagnostic.sort_key)
    return repo


def _read(root: Path, relative: str) -> Document:
    path = root / relative
    if not is_inside(root, path):
        problem = Diagnostic(
            relative,
            1,
            1,
            "HCMLC-E051",
            "the file is a link leading outside the repository; hcmlc does not read it",
            "replace the link with the file itself",
        )
        return Document(relative, None, None, [problem])
    return read_yaml(path, relative)


def _model(model: type[M], doc: Document) -> tuple[M | None, list[Diagnostic]]:
    """The file's model; a duplicate key is reported but does not hide the rest of the file."""
    if doc.data is None:
        return None, doc.problems
    if not isinstance(doc.data, dict):
        problem = doc.problem((), "HCMLC-E012", "the file must be a mapping of `key: value` lines")
        return None, [*doc.problems, problem]
    instance, problems = validate(model, doc.data, doc)
    return instance, doc.problems + problems
