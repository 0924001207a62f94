"""One cycle on one day, computed once for every view: the repository as known on that day
(only the entries and the units' figures whose file had arrived by then), the status of the
cycle, and the assessment against the targets of its last year.

`status` (terminal and JSON), `dashboard`, `remind` and `report` each take a `Snapshot` for the
same `--cycle` and `--as-of`, so that a figure is never counted twice, nor differently: the
page's targets and city figures are those of `status --format json` for the same day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.facts import Facts
from hcmlc.core.progress import CriterionProgress, lead_agency
from hcmlc.core.results import SubmissionFile
from hcmlc.core.status import Status, build_status
from hcmlc.documents.report import build_report
from hcmlc.documents.report_content import ProgressReport
from hcmlc.errors import HcmlcError
from hcmlc.i18n import Lang
from hcmlc.models.registry import Cycle
from hcmlc.repository.load import Repository
from hcmlc.repository.reading import read_submission


@dataclass
class Snapshot:
    """Everything the views show of `cycle` on `as_of`."""

    facts: Facts
    """What the repository held, as known on `as_of` (`Facts.known_on`)."""
    cycle: Cycle
    as_of: dt.date
    deliveries: dict[FileKey, Delivery]
    status: Status
    problems: int
    _reports: dict[tuple[int, Lang], ProgressReport | HcmlcError] = field(default_factory=dict)

    def report(self, year: int | None = None, lang: Lang = "vi") -> ProgressReport:
        """The progress report of `year` (the cycle's last) as known on the day; raises
        HcmlcError when there is nothing to assess yet (computed once per year and language)."""
        key = (year or self.cycle.last_year, lang)
        if key not in self._reports:
            try:
                self._reports[key] = build_report(self.facts, key[0], lang, as_of=self.as_of)
            except HcmlcError as exc:
                self._reports[key] = exc
        found = self._reports[key]
        if isinstance(found, HcmlcError):
            raise found
        return found

    @property
    def targets_broken(self) -> bool:
        """Whether data/targets.yaml exists and cannot be read."""
        return self.facts.targets_broken


def lead_files(repo: Repository) -> list[SubmissionFile]:
    """For `repo` loaded without its files (`load(keep=False)`, from the cache), the files the
    assessment reads: those of the agencies that supply a city figure in their cycle (the
    units' figures come from the cache). At city scale: a few hundred of thousands of files."""
    catalog = repo.require_catalog()
    leads = {
        (lead, cycle.id)
        for cycle in catalog.assignments.cycles
        for indicator in catalog.indicators.values()
        if not indicator.aggregate and (lead := lead_agency(catalog, indicator, cycle))
    }
    return [
        read_submission(repo.root, dated.path) for key, dated in repo.files.items() if key in leads
    ]


def take(
    repo: Repository,
    cycle: Cycle,
    as_of: dt.date,
    lang: Lang = "vi",
    deliveries: dict[FileKey, Delivery] | None = None,
    submissions: Sequence[SubmissionFile] | None = None,
) -> Snapshot:
    """The snapshot of `cycle` on `as_of`, its rows named in `lang`; the report reads
    `submissions` (default: the files `repo` read)."""
    catalog = repo.require_catalog()
    deliveries = repo.deliveries() if deliveries is None else deliveries
    known = repo.facts(deliveries, submissions).known_on(as_of)
    status = build_status(
        catalog,
        repo.supplied,
        cycle,
        as_of,
        repo.error_count,
        lang,
        deliveries,
        repo.figures,
        source=repo.snapshot,
    )
    return Snapshot(known, cycle, as_of, deliveries, status, repo.error_count)


def targets_document(snapshot: Snapshot) -> dict[str, Any]:
    """The assessment against the targets as JSON (the page's section "against the targets"):
    codes and numbers only, the same in every language."""
    year = snapshot.cycle.last_year
    if snapshot.targets_broken:
        return {"year": year, "problem": "targets-broken"}
    try:
        report = snapshot.report(year, "en")
    except HcmlcError as exc:
        return {"year": year, "problem": str(exc)}
    return {
        "year": year,
        "problem": None,
        "counts": {status.value: n for status, n in report.total.counts.items()},
        "criteria": [_criterion(c) for c in report.assessment],
    }


def _criterion(progress: CriterionProgress) -> dict[str, Any]:
    indicators = []
    for i in progress.indicators:
        latest = i.latest
        found: dict[str, Any] = {
            "id": i.indicator.id,
            "status": i.status.value,
            "trend": i.trend.value,
            "compared_years": [p.year for p in i.comparable],
            "latest": None,
        }
        if latest is not None:
            value = latest.value if isinstance(latest.value, str) else round(latest.value, 4)
            found["latest"] = {
                "year": latest.year,
                "value": value,
                "cycle": latest.cycle,
                "agency": latest.agency,
            }
            if latest.city is not None:
                found["latest"]["supplied"] = len(latest.city.supplied)
                found["latest"]["owed"] = len(latest.city.owed)
        indicators.append(found)
    return {"id": progress.criterion.id, "status": progress.status.value, "indicators": indicators}
