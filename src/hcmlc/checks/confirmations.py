"""The checks of data/confirmations.yaml: each confirmation names a submission that exists, and
the date that submission claims (models/confirmations.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import FileKey
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.models.confirmations import Confirmation, Confirmations
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.reader import Document


class Dated(Protocol):
    """A submission file as read (repository/deliveries.py): its path and claimed date."""

    @property
    def path(self) -> str: ...

    @property
    def submitted(self) -> dt.date | None: ...


CODE = "HCMLC-E097"
FILE = "data/confirmations.yaml"


def check_confirmations(
    catalog: Catalog, doc: Document, model: Confirmations, files: Mapping[FileKey, Dated]
) -> list[Diagnostic]:
    """A confirmation of an unknown agency or cycle, of a submission that does not exist, of a
    date the submission does not claim, or a second one of the same submission."""
    problems: list[Diagnostic] = []
    seen: set[FileKey] = set()
    for index, found in enumerate(model.confirmations):
        at = ("confirmations", index)
        problem = _problem(catalog, found, files, seen)
        if problem is not None:
            field, message, hint = problem
            problems.append(doc.problem((*at, field), CODE, message, hint))
        seen.add((found.agency, found.cycle))
    return problems


def _problem(
    catalog: Catalog, found: Confirmation, files: Mapping[FileKey, Dated], seen: set[FileKey]
) -> tuple[str, str, str | None] | None:
    """(field, message, hint) of what is wrong with one confirmation, if anything."""
    if found.agency not in catalog.agencies:
        message = _("no agency `{agency}` in data/assignments.yaml").format(agency=found.agency)
        return "agency", message, did_you_mean(found.agency, catalog.agencies)
    if found.cycle not in catalog.cycles:
        message = _("no cycle `{cycle}` in data/assignments.yaml").format(cycle=found.cycle)
        return "cycle", message, did_you_mean(found.cycle, catalog.cycles)
    key = (found.agency, found.cycle)
    if key in seen:
        message = _("{agency}'s file of cycle {cycle} is confirmed twice").format(
            agency=found.agency, cycle=found.cycle
        )
        return "agency", message, _("keep one confirmation per submission file")
    file = files.get(key)
    if file is None:
        message = _("{agency} has no submission file of cycle {cycle} to confirm").format(
            agency=found.agency, cycle=found.cycle
        )
        return "agency", message, _("confirm a date only for a file in submissions/")
    if file.submitted != found.submitted:
        claimed = file.submitted.isoformat() if file.submitted else _("no date")
        message = _("{path} claims `submitted: {claimed}`, not {day}").format(
            path=file.path, claimed=claimed, day=found.submitted.isoformat()
        )
        return "submitted", message, _("confirm the date the file claims, or remove this entry")
    return None


def confirmed(model: Confirmations | None) -> dict[FileKey, tuple[dt.date, str]]:
    """(agency, cycle) → the confirmed date and who confirmed it."""
    if model is None:
        return {}
    return {(c.agency, c.cycle): (c.submitted, c.by) for c in model.confirmations}
