"""The data files a repository may hold besides its frameworks and registry, each read into
the `Repository` when sound, with its problems: the focal points, the targets, the
coordinator's confirmations and the narratives of reports/."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hcmlc.checks.confirmations import check_confirmations
from hcmlc.checks.data import check_targets
from hcmlc.checks.narrative import check_name, check_narrative, year_of
from hcmlc.diagnostics import Diagnostic
from hcmlc.models.confirmations import Confirmations
from hcmlc.models.contacts import FocalPoints
from hcmlc.models.narrative import Narrative
from hcmlc.models.registry import Agency, Assignments
from hcmlc.models.targets import Targets
from hcmlc.repository.contacts import FOCAL_POINTS, Contacts, check_focal_points
from hcmlc.repository.layout import CONFIRMATIONS, TARGETS, narrative_paths
from hcmlc.repository.reading import data_model, read_data, read_file, read_model

if TYPE_CHECKING:
    from hcmlc.repository.load import Repository


def load_focal_points(
    repo: Repository, assignments: Assignments, units: list[Agency]
) -> tuple[Contacts, list[Diagnostic]]:
    """data/focal-points.yaml when present: its model (empty when broken) and its problems."""
    if not (repo.root / FOCAL_POINTS).exists():
        return Contacts(assignments), []
    repo.data_files.append(FOCAL_POINTS)
    raw, doc = read_data(repo.root, FOCAL_POINTS)
    file, problems = data_model(FocalPoints, raw, doc)
    if file is None:
        return Contacts(assignments), problems
    agencies = [a.id for a in (*assignments.agencies, *units)]
    problems += check_focal_points(doc, file, agencies, [g.id for g in assignments.groups])
    return Contacts(assignments, file), problems


def load_confirmations(repo: Repository) -> list[Diagnostic]:
    """Read data/confirmations.yaml, when present, into `repo.confirmations` if sound."""
    if not (repo.root / CONFIRMATIONS).is_file() or repo.catalog is None:
        return []
    repo.data_files.append(CONFIRMATIONS)
    raw, doc = read_data(repo.root, CONFIRMATIONS)
    model, problems = data_model(Confirmations, raw, doc)
    if model is not None:
        problems += check_confirmations(repo.catalog, doc, model, repo.files)
        repo.confirmations = None if problems else model
    return problems


def load_targets(repo: Repository) -> list[Diagnostic]:
    """Read data/targets.yaml into `repo.targets` when it is sound; its problems."""
    raw, doc = read_data(repo.root, TARGETS)
    targets, problems = data_model(Targets, raw, doc)
    if targets is not None and repo.catalog is not None:
        problems += check_targets(repo.catalog, doc, targets)
        repo.targets = None if problems else targets
    return problems


def load_narratives(repo: Repository) -> list[Diagnostic]:
    """Read reports/<year>.yaml into `repo.narratives` when sound; their problems."""
    problems: list[Diagnostic] = []
    for path in narrative_paths(repo.root):
        relative = path.relative_to(repo.root).as_posix()
        repo.report_paths.append(relative)
        doc = read_file(repo.root, relative)[1]
        year = year_of(relative)
        if year is None or year in repo.narrative_files:
            problems += check_name(doc, repo.narrative_files.get(year or 0))
            continue
        repo.narrative_files[year] = relative
        narrative, found = read_model(Narrative, doc)
        if narrative is not None and repo.catalog is not None:
            found += check_narrative(repo.catalog, doc, narrative)
            if not found:
                repo.narratives[year] = narrative
        problems += found
    return problems
