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


class Part(Strict):
    """One of the figures an indicator asks for: each of two figures (1.1.4.a), or the
    numerator and the denominator of a ratio."""

    id: Id
    text: Text


Aggregate = Literal["sum", "ratio"]
"""How a city figure is formed from the units' figures: their sum (counts), or the ratio of
their summed numerators and denominators (a percentage, or a figure per 100,000)."""

RATIO_SCALE: dict[str, float] = {"percent": 100.0, "per_100k": 100_000.0}
"""What a ratio of two counts is multiplied by, per unit of the indicator."""


class Indicator(Strict):
    """One measurable indicator of a criterion and the agencies that supply it."""

    id: Id
    label: str | None = None
    text: Text
    kind: Literal["quantitative", "qualitative"]
    unit: Unit | None = None
    scale: Scale | None = None
    agencies: list[Id] = []
    """Who supplies it: in a framework file the city keeps, at least one (data_checks.py); in a
    framework hcmlc ships, none, the city's data/frameworks.yaml assigns them."""
    obtained_from: list[Id] = []
    parts: list[Part] = []
    """The figures an entry gives instead of one `value`: the first is the indicator's value,
    except for a ratio, whose value is the first part over the second."""
    aggregate: Aggregate | None = None
    """How the city figure is formed from the figures of the units that owe it; None: it is
    the figure of the first agency listed, or there is none."""
    note: str | None = None

    @model_validator(mode="after")
    def _unit_matches_kind(self) -> Self:
        if self.kind == "quantitative" and (self.unit is None or self.scale is not None):
            raise ValueError(_("a quantitative indicator needs a `unit` and no `scale`"))
        if self.kind == "qualitative" and (self.scale is None or self.unit is not None):
            raise ValueError(_("a qualitative indicator needs a `scale` and no `unit`"))
        if self.kind == "qualitative" and (self.parts or self.aggregate):
            raise ValueError(_("a qualitative indicator has no `parts` and no `aggregate`"))
        if len({p.id for p in self.parts}) != len(self.parts):
            raise ValueError(_("the ids of `parts` must differ"))
        if self.aggregate == "sum" and self.unit is not Unit.COUNT:
            raise ValueError(_("`aggregate: sum` adds up counts: it needs `unit: count`"))
        if self.aggregate == "ratio" and (len(self.parts) != 2 or self.unit not in RATIO_SCALE):
            raise ValueError(
                _(
                    "`aggregate: ratio` needs `unit: percent` or `per_100k` and two `parts`: "
                    "the numerator, then the denominator"
                )
            )
        return self

    @property
    def ratio(self) -> bool:
        """Whether an entry's value is its first part over its second (two counts)."""
        return self.aggregate == "ratio"

    def part_unit(self) -> Unit:
        """The unit of each part: counts for a ratio, else the indicator's own unit."""
        assert self.unit is not None
        return Unit.COUNT if self.ratio else self.unit


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
    """The whole of data/criteria.yaml, or of one file of data/frameworks/."""

    id: Id = "unesco"
    """Unique among the frameworks; data/criteria.yaml is UNESCO's unless it says otherwise."""
    version: str | None = None
    """The version of a framework hcmlc ships (src/hcmlc/frameworks/<id>/<version>.yaml)."""
    title: Text | None = None
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
