"""What one agency supplies for one cycle: submissions/<cycle>/<agency>.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from hcmlc.models.common import Id, NonEmpty, Number, Strict, Text, Year, text_of_plain_string


def _none_is_empty(value: Any) -> Any:
    """`indicators:` with every entry commented out (as new-submission writes it) is empty."""
    return {} if value is None else value


Section = Annotated[dict[str, Any], BeforeValidator(_none_is_empty)]
"""A section read only as a mapping of ids, its entries left to the checker."""


def _written_is_filled(value: Any) -> Any:
    """A field that may be left out, but not written with nothing after its colon."""
    if value is None:
        raise ValueError("empty")
    return value


class IndicatorValue(Strict):
    """A figure or a qualitative state for one indicator; `value` is typed by its indicator.

    An indicator that asks for several figures (its `parts`) takes them under `parts:`, by part
    id, instead of `value` (checks.py requires the one its indicator asks for)."""

    value: Annotated[NonEmpty | None, BeforeValidator(_written_is_filled)] = None
    """Left out for an indicator with `parts`; never written empty."""
    # a factory: pydantic deep-copies a `{}` default for each entry (100,000 in a city); the
    # schema still shows it
    parts: dict[str, NonEmpty] = Field(default_factory=dict, json_schema_extra={"default": {}})
    unit: str | None = None
    year: Year
    source: NonEmpty | None = None
    evidence: NonEmpty | None = None
    note: NonEmpty | None = None
    illustrative: bool = False


class TextAnswer(Strict):
    """A free-text answer, in Vietnamese and (for UNESCO) English."""

    vi: NonEmpty
    en: NonEmpty | None = None
    note: NonEmpty | None = None


class FigureAnswer(Strict):
    """A figure of the city profile with the year it describes."""

    value: Number
    """Read by the question's unit when it has one (validation context `NUMBER_RULE`)."""
    year: Year
    source: NonEmpty | None = None
    note: NonEmpty | None = None
    illustrative: bool = False


class ChoiceAnswer(Strict):
    """The option chosen among a question's options."""

    choice: Id


class QuoteAnswer(Strict):
    """A quotation and the date it was given."""

    vi: NonEmpty
    en: NonEmpty | None = None
    date: dt.date


class Photo(Strict):
    """One photograph with its caption and copyright; `validate` warns when either is missing."""

    path: NonEmpty
    caption: Text | None = None
    copyright: Annotated[
        Text | None, BeforeValidator(text_of_plain_string, json_schema_input_type=str | Text | None)
    ] = None
    """Who holds the rights; `{vi: …, en: …}` for the English form (a plain text is Vietnamese)."""


class Submission(Strict):
    """The whole of one submission file; answers are typed by their questions."""

    agency: Id
    cycle: Id
    prepared_by: NonEmpty | None = None
    submitted: dt.date | None = None
    """The day the agency says it delivered the file (its claim, for the YAML channel)."""
    received: dt.date | None = None
    """The day the receiving side got the file's content: written by `hcmlc import`; when
    present it dates the delivery, before `submitted`."""
    indicators: Annotated[dict[str, IndicatorValue], BeforeValidator(_none_is_empty)] = {}
    answers: Annotated[dict[str, Any], BeforeValidator(_none_is_empty)] = {}


ANSWER_MODELS: dict[str, type[Strict]] = {
    "text": TextAnswer,
    "figure": FigureAnswer,
    "choice": ChoiceAnswer,
    "quote": QuoteAnswer,
}
"""Answer model per question kind; `contact` and `photos` are checked against their question."""
