"""Typing an indicator's value by its unit or scale, with a plain reason when it does not fit."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from hcmlc.i18n import _
from hcmlc.models.framework import Indicator, Scale, Unit
from hcmlc.schema_errors import number_hint


@dataclass(frozen=True)
class Bounds:
    low: float
    high: float
    whole: bool = False


UNIT_BOUNDS: dict[Unit, Bounds] = {
    Unit.PERCENT: Bounds(0, 100),
    Unit.COUNT: Bounds(0, math.inf, whole=True),
    Unit.PER_100K: Bounds(0, 100_000),
    Unit.USD: Bounds(0, math.inf),
    Unit.YEARS: Bounds(0, 30),
    Unit.HOURS_PER_WEEK: Bounds(0, 168),
    Unit.TONNES_PER_CAPITA: Bounds(0, math.inf),
    Unit.KG_PER_CAPITA: Bounds(0, math.inf),
}

SCALE_STATES: dict[Scale, dict[str, str]] = {
    Scale.EXISTENCE: {"yes": "có", "no": "không"},
    Scale.LEVEL: {"high": "cao", "medium": "trung bình", "low": "thấp", "none": "không có"},
}
"""Each scale's states: stable code → Vietnamese word; either may be written."""

NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
"""A number as hcmlc reads it: dot for decimals, no thousands separators, no unit."""


class ValueProblem(ValueError):
    """A value that does not fit its indicator, with a hint on how to write it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def parse_value(raw: str, indicator: Indicator) -> float | str:
    """The number (quantitative) or state code (qualitative) that `raw` means for `indicator`."""
    if indicator.unit is not None:
        return parse_quantity(raw, indicator.unit)
    assert indicator.scale is not None  # the model guarantees one of unit and scale
    return parse_state(raw, indicator.scale)


def parse_quantity(raw: str, unit: Unit) -> float:
    text = raw.strip()
    if not NUMBER.fullmatch(text):
        raise ValueProblem(_("`{raw}` is not a number").format(raw=raw), number_hint(raw))
    number = float(text)
    bounds = UNIT_BOUNDS[unit]
    if not math.isfinite(number) or not bounds.low <= number <= bounds.high:
        message = (
            _("{number} does not fit the unit `{unit}`: it must be at least {low:g}")
            if math.isinf(bounds.high)
            else _(
                "{number} does not fit the unit `{unit}`: it must be at least {low:g} "
                "and at most {high:g}"
            )
        )
        raise ValueProblem(
            message.format(number=text, unit=unit, low=bounds.low, high=bounds.high),
            _("check the figure and its unit"),
        )
    if bounds.whole and not number.is_integer():
        raise ValueProblem(
            _("{number} does not fit the unit `{unit}`: it must be a whole number").format(
                number=text, unit=unit
            )
        )
    return number


def parse_state(raw: str, scale: Scale) -> str:
    states = SCALE_STATES[scale]
    word = unicodedata.normalize("NFC", raw).strip().casefold()
    for code, vietnamese in states.items():
        if word in (code, vietnamese):
            return code
    choices = ", ".join(f"`{vi}` ({code})" for code, vi in states.items())
    raise ValueProblem(
        _("`{raw}` is not a state of the scale `{scale}`").format(raw=raw, scale=scale),
        _("write one of {choices}").format(choices=choices),
    )
