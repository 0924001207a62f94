"""Workbooks issued to agencies, pre-filled with what each supplied: the one way `workbook`,
`remind` (the workbook attached to a reminder) and `import` (a fresh one with a receipt) make
them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import Lang
from hcmlc.models.registry import Cycle
from hcmlc.workbook.batch import Built, Job, build_many
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.seal import Key, load_key
from hcmlc.workbook.source import fingerprint, submission_source

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"""The media type of an .xlsx workbook, for an e-mail attachment."""


def workbook_name(cycle: Cycle, agency: str, lang: Lang) -> str:
    """`workbook-<cycle>-<agency>-<lang>.xlsx`, the name every issued workbook has."""
    return f"workbook-{cycle.id}-{agency}-{lang}.xlsx"


@dataclass
class Issued:
    """The workbooks built, by agency, and the submission files that could not be read."""

    built: dict[str, Built] = field(default_factory=dict)
    broken: list[Diagnostic] = field(default_factory=list)
    key: Key | None = None
    """The key that sealed them (made by this run when `key.created`)."""


@dataclass
class Readable:
    """The submissions read for the workbooks to issue: a job per agency whose file (if any)
    can be read, and the problems of the files that cannot."""

    jobs: list[Job] = field(default_factory=list)
    broken: list[Diagnostic] = field(default_factory=list)

    @property
    def agencies(self) -> set[str]:
        """The agencies that will get a workbook."""
        return {agency for agency, _data in self.jobs}


def read_submissions(root: Path, cycle: Cycle, agencies: Iterable[str]) -> Readable:
    """What each agency's workbook is pre-filled from: its submission file of `cycle`, read; an
    agency whose file cannot be read gets none (`broken` says why)."""
    readable = Readable()
    for agency in agencies:
        source = submission_source(root, cycle.id, agency)
        problems = source.problems()
        readable.broken += problems
        if not problems:
            readable.jobs.append((agency, source.data))
    return readable


def issue_workbooks(
    root: Path, catalog: Catalog, cycle: Cycle, lang: Lang, agencies: Iterable[str]
) -> Issued:
    """The workbook of each agency, pre-filled from its submission file of `cycle`; an agency
    whose file cannot be read gets none, and its problems are returned."""
    return build_workbooks(root, catalog, cycle, lang, read_submissions(root, cycle, agencies))


def build_workbooks(
    root: Path, catalog: Catalog, cycle: Cycle, lang: Lang, readable: Readable
) -> Issued:
    """The workbooks of the submissions read (`read_submissions`), signed with the key (made
    now if there is none)."""
    issued = Issued(broken=list(readable.broken))
    if not readable.jobs:
        return issued
    contact = catalog.assignments.contact.get(lang) if catalog.assignments.contact else None
    planner = Planner(catalog, cycle, lang, fingerprint(root), contact)
    issued.key = load_key(root, create=True)
    assert issued.key is not None  # made when there was none
    for workbook in build_many(planner, readable.jobs, issued.key.secret):
        issued.built[workbook.agency] = workbook
    return issued
