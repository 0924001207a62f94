"""The coordinator's file of whom to write to: data/focal-points.yaml.

It is kept by hand beside the generated data/units.yaml, so that regenerating the units loses
no address: the focal point of any agency (department or ward), and the channel an agency
delivers by (a workbook by e-mail, or its YAML file in the repository).
"""

from __future__ import annotations

from typing import Literal

from hcmlc.models.common import Id, NonEmpty, Strict
from hcmlc.models.registry import FocalPoint

Channel = Literal["workbook", "yaml"]
"""How an agency delivers: `workbook` (fills the workbook it is sent and replies), `yaml` (edits
its submission file in the repository)."""


class FocalPoints(Strict):
    """The whole of data/focal-points.yaml."""

    focal_points: dict[Id, FocalPoint] = {}
    """Agency id → the person reminders and receipts are addressed to."""
    channels: dict[Id, Channel] = {}
    """Agency or group id → its channel; an agency's own entry wins over its group's."""
    note: NonEmpty | None = None
