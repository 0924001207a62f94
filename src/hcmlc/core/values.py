"""Typing an indicator's value by its unit or scale, with a plain reason when it does not fit."""

from __future__ import annotations

import unicodedata

from hcmlc.diagnostics import excerpt
from hcmlc.i18n import _
from hcmlc.models.framework import Indicator, Scale, Unit
from hcmlc.text.numerals import Refusal, Rule, read_number

UNIT_BOUNDS: dict[Unit, Rule] = {
    Unit.PERCENT: Rule(0, 100, unit=Unit.PERCENT.value),
    Unit.COUNT: Rule(0, whole=True, unit=Unit.COUNT.value),
    Unit.PER_100K: Rule(0, 100_000, unit=Unit.PER_100K.value),
    Unit.USD: Rule(0, unit=Unit.USD.value),
    Unit.YEARS: Rule(0, 30, unit=Unit.YEARS.value),
    Unit.HOURS_PER_WEEK: Rule(0, 168, unit=Unit.HOURS_PER_WEEK.value),
    Unit.TONNES_PER_CAPITA: Rule(0, unit=Unit.TONNES_PER_CAPITA.value),
    Unit.KG_PER_CAPITA: Rule(0, unit=Unit.KG_PER_CAPITA.value),
}
"""What a figure in each unit must be; `numerals.read_number` reads it by this rule."""

SCALE_STATES: dict[Scale, dict[str, str]] = {
    Scale.EXISTENCE: {"yes": "có", "no": "không"},
    Scale.LEVEL: {"high": "cao", "medium": "trung bình", "low": "thấp", "none": "không có"},
}
"""Each scale's states: stable code → Vietnamese word; either may be written."""


class ValueProblem(ValueError):
    """A value that does not fit its indicator, with a hint on how to write it."""

    def __init__(
        self, message: str, hint: str | None = None, replacement: str | None = None
    ) -> None:
        super().__init__(message)
        self.hint = hint
        self.replacement = replacement
        """The exact text to write instead, when it is certain (`numerals.Refusal`)."""


def parse_value(raw: str, indicator: Indicator) -> float | str:
    """The number (quantitative) or state code (qualitative) that `raw` means for `indicator`."""
    if indicator.unit is not None:
        return parse_quantity(raw, indicator.unit)
    assert indicator.scale is not None  # the model guarantees one of unit and scale
    return parse_state(raw, indicator.scale)


def parse_quantity(raw: str, unit: Unit) -> float:
    """The figure `raw` means in `unit`; see `numerals.read_number`."""
    number = read_number(raw, UNIT_BOUNDS[unit])
    if isinstance(number, Refusal):
        raise ValueProblem(number.message, number.hint, number.replacement)
    return number


def parse_state(raw: str, scale: Scale) -> str:
    states = SCALE_STATES[scale]
    word = unicodedata.normalize("NFC", raw).strip().casefold()
    for code, vietnamese in states.items():
        if word in (code, vietnamese):
            return code
    choices = ", ".join(f"`{vi}` ({code})" for code, vi in states.items())
    raise ValueProblem(
        _("`{raw}` is not a state of the scale `{scale}`").format(raw=excerpt(raw), scale=scale),
        _("write one of {choices}").format(choices=choices),
    )
