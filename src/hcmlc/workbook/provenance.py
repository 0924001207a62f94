"""Whose a returned workbook says it is, checked: its hidden sheet sealed by the coordinator's
key (else refused, or let through for the agency `--agency` names), and the agency and cycle it
names known and those the run expects."""

from __future__ import annotations

from collections.abc import Iterable

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import LANGUAGES, _
from hcmlc.models.registry import Cycle
from hcmlc.text.suggest import did_you_mean
from hcmlc.workbook.cells import Cell
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.meta import Meta
from hcmlc.workbook.read import Returned
from hcmlc.workbook.seal import Key, check


def sealed(
    catalog: Catalog, meta: Meta, display: str, key: Key | None, agency: str | None
) -> list[Diagnostic]:
    """The hidden sheet signed by the coordinator's key; else refused, unless `--agency` names
    the agency (then only that agency's file can be written, and the seal is a warning)."""
    known: dict[str, Iterable[str]] = {
        "agency": catalog.agencies,
        "cycle": catalog.cycles,
        "lang": LANGUAGES,
    }
    broken = check(meta.sealed, key, known, META_SHEET)
    if broken is None:
        return []
    where = (display, broken.row, broken.column)
    if agency is not None:
        message = _("{problem}; imported for `{agency}` only, as --agency says").format(
            problem=broken.message, agency=agency
        )
        return [Diagnostic(*where, "HCMLC-W076", message, broken.hint, sheet=META_SHEET)]
    hint = broken.hint or _(
        "import the workbook as it was made and returned; if you have checked who sent it, name "
        "the agency: `hcmlc import --agency ID FILE` writes it into that agency's file only"
    )
    return [Diagnostic(*where, "HCMLC-E073", broken.message, hint, sheet=META_SHEET)]


def identity(
    catalog: Catalog, returned: Returned, cycle: Cycle, agency: str | None
) -> list[Diagnostic]:
    """The workbook names a known agency and cycle, those the run expects."""
    meta = returned.meta
    agency_cell = returned.identity or Cell("", 1, 1)
    cycle_cell = Cell(agency_cell.sheet, agency_cell.row + 1, agency_cell.column)
    problems = []
    if meta.agency not in catalog.agencies:
        hint = did_you_mean(meta.agency, catalog.agencies) or _(
            "see the agency ids in data/assignments.yaml"
        )
        message = _("unknown agency `{ref}`").format(ref=meta.agency)
        problems.append(at_cell(returned, agency_cell, "HCMLC-E020", message, hint))
    elif agency is not None and meta.agency != agency:
        problems.append(
            at_cell(
                returned,
                agency_cell,
                "HCMLC-E073",
                _("the workbook is for `{agency}`, not `{expected}`").format(
                    agency=meta.agency, expected=agency
                ),
                _(
                    "check who sent it; without --agency it is written into "
                    "submissions/{cycle}/{agency}.yaml"
                ).format(cycle=meta.cycle, agency=meta.agency),
            )
        )
    if meta.cycle not in catalog.cycles:
        hint = did_you_mean(meta.cycle, catalog.cycles) or _(
            "see the cycle ids in data/assignments.yaml"
        )
        message = _("unknown cycle `{ref}`").format(ref=meta.cycle)
        problems.append(at_cell(returned, cycle_cell, "HCMLC-E020", message, hint))
    elif meta.cycle != cycle.id:
        problems.append(
            at_cell(
                returned,
                cycle_cell,
                "HCMLC-E073",
                _("the workbook is for cycle {cycle}, not cycle {expected}").format(
                    cycle=meta.cycle, expected=cycle.id
                ),
                _(
                    "to correct cycle {cycle}, import it with `--cycle {cycle}`; for cycle "
                    "{expected}, send the agency a fresh workbook "
                    "(`hcmlc workbook --agency {agency} --cycle {expected}`)"
                ).format(cycle=meta.cycle, expected=cycle.id, agency=meta.agency),
            )
        )
    return problems


def at_cell(
    returned: Returned, cell: Cell, code: str, message: str, hint: str | None
) -> Diagnostic:
    """A problem of `returned` located at `cell`."""
    return Diagnostic(
        returned.path, cell.row, cell.column, code, message, hint, sheet=cell.sheet or None
    )
