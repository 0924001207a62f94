"""Whom to write to and how an agency delivers: data/focal-points.yaml over the registry.

A focal point in data/focal-points.yaml wins over one written under the agency in
data/assignments.yaml (the older place, still read). The channel of an agency is its own entry
in `channels`, else that of a group it belongs to, else `workbook` for the wards, communes and
the special zone and `yaml` for the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hcmlc.checks.data import unknown_id
from hcmlc.diagnostics import Diagnostic
from hcmlc.models.contacts import Channel, FocalPoints
from hcmlc.models.registry import Agency, AgencyKind, Assignments
from hcmlc.yamlfiles.reader import Document

FOCAL_POINTS = "data/focal-points.yaml"
WORKBOOK_KINDS = frozenset({AgencyKind.WARD, AgencyKind.COMMUNE, AgencyKind.SPECIAL_ZONE})
"""The kinds of agency that deliver by workbook unless the coordinator says otherwise."""


@dataclass(frozen=True)
class Contacts:
    """The channel of each agency, as data/focal-points.yaml and the defaults decide."""

    assignments: Assignments
    file: FocalPoints = field(default_factory=FocalPoints)

    def channel(self, agency: Agency) -> Channel:
        """How `agency` delivers: its own entry, a group's, else the default of its kind."""
        own = self.file.channels.get(agency.id)
        if own is not None:
            return own
        for group in self.assignments.groups:
            if group.id in self.file.channels and agency.kind in group.kinds:
                return self.file.channels[group.id]
        return "workbook" if agency.kind in WORKBOOK_KINDS else "yaml"


def with_focal_points(agencies: Iterable[Agency], file: FocalPoints) -> list[Agency]:
    """The agencies, each with its focal point of `file` where it has one there."""
    found = file.focal_points
    return [
        a.model_copy(update={"focal_point": found[a.id]}) if a.id in found else a for a in agencies
    ]


def check_focal_points(
    doc: Document, file: FocalPoints, agencies: Iterable[str], groups: Iterable[str]
) -> list[Diagnostic]:
    """Every key names a known agency (or, under `channels`, a group)."""
    known = set(agencies)
    problems = [
        unknown_id(doc, ("focal_points", agency), "agency", agency, known, key=True)
        for agency in file.focal_points
        if agency not in known
    ]
    either = known | set(groups)
    problems += [
        unknown_id(doc, ("channels", ref), "agency", ref, either, key=True)
        for ref in file.channels
        if ref not in either
    ]
    return problems
