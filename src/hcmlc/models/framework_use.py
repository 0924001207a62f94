"""data/frameworks.yaml: which frameworks hcmlc ships a city uses, and who supplies what."""

from __future__ import annotations

from pydantic import Field

from hcmlc.models.common import Id, Strict


class Use(Strict):
    """One framework hcmlc ships, at the version the city reports against."""

    framework: Id
    version: str = Field(min_length=1, max_length=32)


class Owners(Strict):
    """Who supplies an indicator, and where that agency gets it."""

    agencies: list[Id] = []
    obtained_from: list[Id] = []


class FrameworkUses(Strict):
    """The whole of data/frameworks.yaml."""

    uses: list[Use] = Field(min_length=1)
    assign: dict[Id, list[Id] | Owners] = {}
    """Indicator id → its agencies (a list), or `{agencies: […], obtained_from: […]}`; an
    indicator not listed, or listed with no agency, is not assigned yet."""

    def owners(self, indicator: str) -> Owners:
        given = self.assign.get(indicator, [])
        return given if isinstance(given, Owners) else Owners(agencies=given)
