"""The city's targets of data/targets.yaml: what each indicator should reach, and by when."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, model_validator

from hcmlc.i18n import _
from hcmlc.models.common import NonEmpty, Number, Strict, Year


class Direction(StrEnum):
    """Which way a figure improves."""

    HIGHER = "higher"
    LOWER = "lower"


class Point(Strict):
    """A figure and the year it describes."""

    value: Number
    year: Annotated[Year, Field(ge=1990, le=2100)]


class Target(Strict):
    """The goal of one indicator: a figure to reach (quantitative) or a state (qualitative)."""

    baseline: Point | None = None
    target: Point | None = None
    direction: Direction = Direction.HIGHER
    required: NonEmpty | None = None
    """The state a qualitative indicator must be in; on the level scale, at least that level."""
    source: NonEmpty | None = None
    """Where the target was decided, e.g. a plan or a resolution."""
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _one_goal(self) -> Self:
        if self.target is None and self.required is None:
            raise ValueError(_("give `target` (a figure to reach) or `required` (a state)"))
        if self.target is not None and self.required is not None:
            raise ValueError(_("give `target` or `required`, not both"))
        if self.required is not None and self.baseline is not None:
            raise ValueError(_("a `baseline` belongs to a figure, not to a `required` state"))
        return self


class Targets(Strict):
    """The whole of data/targets.yaml: indicator id → its target."""

    source: NonEmpty | None = None
    targets: dict[str, Target] = {}
