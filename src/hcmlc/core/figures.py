"""What one indicator entry says: its value, and the figures it gives when its indicator asks
for several (`parts`): two figures (1.1.4.a), or the numerator and denominator of a ratio."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from hcmlc.core.values import ValueProblem, parse_quantity, parse_value
from hcmlc.i18n import _
from hcmlc.models.framework import RATIO_SCALE, Indicator

FIGURE_PARTS = "HCMLC-E064"


@dataclass(frozen=True)
class Reading:
    """An entry's value (a number or a state code) and its parts, in the indicator's order."""

    value: float | str
    parts: tuple[float, ...] = ()


class Written(Protocol):
    """What a reading needs of an entry: its `value` or its `parts`, as written (an
    `IndicatorValue`, or `WrittenFigures`)."""

    @property
    def value(self) -> str | None: ...

    @property
    def parts(self) -> Mapping[str, str]: ...


@dataclass(frozen=True, slots=True)
class WrittenFigures:
    """An entry's value or parts as the checker read them, field by field: building the whole
    model for each of a city's 100,000 entries would cost more than reading them."""

    value: str | None = None
    parts: Mapping[str, str] = field(default_factory=dict)


class EntryProblem(ValueProblem):
    """An entry that does not give what its indicator asks for, located below the entry."""

    def __init__(
        self,
        message: str,
        hint: str | None,
        where: tuple[str, ...],
        code: str = FIGURE_PARTS,
        *,
        key: bool = False,
        replacement: str | None = None,
    ) -> None:
        super().__init__(message, hint, replacement)
        self.where, self.code, self.key = where, code, key


def read_entry(entry: Written, indicator: Indicator) -> Reading:
    """The reading of `entry`; an EntryProblem (or a ValueProblem of its value) otherwise."""
    return Reading(*read_figures(entry, indicator))


def read_figures(entry: Written, indicator: Indicator) -> tuple[float | str, tuple[float, ...]]:
    """The value and parts of `entry`'s reading, as `read_entry` (without building a `Reading`
    for each of a city's 100,000 entries, as the checker reads them)."""
    if not indicator.parts:
        if entry.parts:
            raise EntryProblem(
                _("indicator {id} asks for one figure, `value`, not `parts`").format(
                    id=indicator.id
                ),
                _("write the figure as `value:` and delete `parts:`"),
                ("parts",),
            )
        if entry.value is None:
            raise EntryProblem(
                _("indicator {id}: `value` is missing").format(id=indicator.id),
                _("write the figure or state after `value:`"),
                ("value",),  # where it belongs: the entry's line in YAML, the cell in a workbook
                "HCMLC-E010",
            )
        return parse_value(entry.value, indicator), ()
    return _parts(entry, indicator)


def _parts(entry: Written, indicator: Indicator) -> tuple[float, tuple[float, ...]]:
    ids = [p.id for p in indicator.parts]
    wanted = ", ".join(f"`{i}`" for i in ids)
    if entry.value is not None:
        raise EntryProblem(
            _("indicator {id} asks for {parts} under `parts:`, not one `value`").format(
                id=indicator.id, parts=wanted
            ),
            _("hcmlc computes the percentage from the two counts: write them under `parts:`")
            if indicator.ratio
            else _("write each figure under `parts:` and delete `value:`"),
            ("value",),
        )
    for name in entry.parts:
        if name not in ids:
            raise EntryProblem(
                _("indicator {id} has no part `{part}`").format(id=indicator.id, part=name),
                _("its parts are {parts}").format(parts=wanted),
                ("parts", name),
                key=True,
            )
    missing = [i for i in ids if i not in entry.parts]
    if missing:
        message = (
            _("indicator {id} is a ratio: the denominator `{part}` is missing")
            if indicator.ratio and missing == ids[1:]
            else _("indicator {id}: part `{part}` is missing")
        )
        raise EntryProblem(
            message.format(id=indicator.id, part=missing[0]),
            _("give every part: {parts}").format(parts=wanted),
            ("parts",) if entry.parts else (),
        )
    unit = indicator.part_unit()
    numbers = []
    for name in ids:
        try:
            numbers.append(parse_quantity(entry.parts[name], unit))
        except ValueProblem as problem:
            raise EntryProblem(
                _("indicator {id}, part `{part}`: {problem}").format(
                    id=indicator.id, part=name, problem=problem
                ),
                problem.hint or _("check the figure and its unit"),
                ("parts", name),
                "HCMLC-E022",
                replacement=problem.replacement,
            ) from None
    if not indicator.ratio:
        return numbers[0], tuple(numbers)
    numerator, denominator = numbers
    if denominator == 0:
        raise EntryProblem(
            _("indicator {id}: the denominator `{part}` is 0").format(id=indicator.id, part=ids[1]),
            _("give the total the numerator is counted out of"),
            ("parts", ids[1]),
        )
    if numerator > denominator:
        raise EntryProblem(
            _(
                "indicator {id}: the numerator `{numerator}` ({n:g}) is above the denominator "
                "`{denominator}` ({d:g})"
            ).format(
                id=indicator.id, numerator=ids[0], n=numerator, denominator=ids[1], d=denominator
            ),
            _("check both counts: the first is counted out of the second"),
            ("parts", ids[0]),
        )
    assert indicator.unit is not None
    return ratio_value(numerator, denominator, indicator), (numerator, denominator)


def ratio_value(numerator: float, denominator: float, indicator: Indicator) -> float:
    """The indicator's value of a numerator over a denominator: a percentage, or per 100,000."""
    assert indicator.unit is not None
    return RATIO_SCALE[indicator.unit] * numerator / denominator


@dataclass(frozen=True)
class LocalFigure:
    """One unit's accepted figure of an indicator whose city figure is formed from the units'
    (`aggregate`): what status and the report sum up, kept by the cache with the file's result."""

    cycle: str
    agency: str
    indicator: str
    year: int
    value: float
    parts: tuple[float, ...] = ()
    illustrative: bool = False
