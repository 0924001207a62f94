"""The learning-city framework of data/criteria.yaml: areas, standards, criteria, indicators."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Literal, Self

from pydantic import Field, model_validator

from hcmlc.i18n import _
from hcmlc.models.common import Id, Strict, Text


class Unit(StrEnum):
    """Units of quantitative indicators."""

    PERCENT = "percent"
    COUNT = "count"
    PER_100K = "per_100k"
    USD = "usd"
    YEARS = "years"
    HOURS_PER_WEEK = "hours_per_week"
    TONNES_PER_CAPITA = "tonnes_per_capita"
    KG_PER_CAPITA = "kg_per_capita"


class Scale(StrEnum):
    """Scales of qualitative indicators."""

    EXISTENCE = "existence"
    """A policy, mechanism or event exists or not."""
    LEVEL = "level"
    """A level of effectiveness, implementation or satisfaction."""


class Indicator(Strict):
    """One measurable indicator of a criterion and the agencies that supply it."""

    id: Id
    label: str | None = None
    text: Text
    kind: Literal["quantitative", "qualitative"]
    unit: Unit | None = None
    scale: Scale | None = None
    agencies: list[Id] = Field(min_length=1)
    obtained_from: list[Id] = []
    note: str | None = None

    @model_validator(mode="after")
    def _unit_matches_kind(self) -> Self:
        if self.kind == "quantitative" and (self.unit is None or self.scale is not None):
            raise ValueError(_("a quantitative indicator needs a `unit` and no `scale`"))
        if self.kind == "qualitative" and (self.scale is None or self.unit is not None):
            raise ValueError(_("a qualitative indicator needs a `scale` and no `unit`"))
        return self


class Criterion(Strict):
    """A basic criterion (tiêu chí cơ bản), e.g. 1.1.1."""

    id: Id
    label: str | None = None
    title: Text
    indicators: list[Indicator] = Field(min_length=1)


class Standard(Strict):
    """A standard (tiêu chuẩn), e.g. 1.1."""

    id: Id
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class Area(Strict):
    """One of the three areas of the framework."""

    id: Id
    title: Text
    standards: list[Standard] = Field(min_length=1)


class Framework(Strict):
    """The whole of data/criteria.yaml."""

    source: str | None = None
    areas: list[Area] = Field(min_length=1)

    def standards(self) -> Iterator[Standard]:
        for area in self.areas:
            yield from area.standards

    def criteria(self) -> Iterator[Criterion]:
        for standard in self.standards():
            yield from standard.criteria

    def indicators(self) -> Iterator[Indicator]:
        for criterion in self.criteria():
            yield from criterion.indicators
