"""The commune-level units of data/units.yaml, generated from the statistics office's list."""

from __future__ import annotations

from pydantic import Field

from hcmlc.models.common import Id, NonEmpty, Strict
from hcmlc.models.registry import Agency


class Units(Strict):
    """The whole of data/units.yaml: the units (agencies of the registry) and, for each former
    district, the units that took over its territory."""

    source: NonEmpty
    units: list[Agency] = Field(min_length=1)
    territories: dict[Id, list[Id]] = {}
