"""Building blocks shared by every model: strict base class, bilingual text, ids."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from hcmlc.i18n import _
from hcmlc.text.numerals import AT_LEAST_ZERO, Refusal, Rule, read_number, read_year

MAX_ID = 64
"""Characters of an id at most: `so-gddt`, `1.1.1.a`, `years-of-schooling` are far shorter."""
MAX_TEXT = 10_000
"""Characters of one text at most: an answer of 400 words, the longest the form asks for, is
about 3,000; a name of 900,000 characters is no name."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=MAX_ID)]
"""A stable identifier: lower-case ASCII letters, digits, dots and hyphens."""

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")

NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)
]

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"{_ATOM}(\.{_ATOM})*@{_LABEL}(\.{_LABEL})+")
"""An RFC 5322 dot-atom address at a domain name: what a mail program accepts as `To:`."""


def _email(value: str) -> str:
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise ValueError(
            _(
                "`{value}` is not an e-mail address: write it as name@domain, without a "
                "person's name or angle brackets"
            ).format(value=value)
        )
    return value


Email = Annotated[str, AfterValidator(_email)]
"""An e-mail address (`name@example.org`), without a display name."""


class Strict(BaseModel):
    """Base model: unknown keys are errors and instances never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Vietnamese, with its English version where known."""

    vi: NonEmpty
    en: NonEmpty | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Vietnamese."""
        return (self.en if lang == "en" else None) or self.vi


def text_of_plain_string(value: object) -> object:
    """A plain string where a `Text` is expected is its Vietnamese form alone."""
    return {"vi": value} if isinstance(value, str) else value


REFUSAL = "hcmlc_refusal"
"""The pydantic error type of a value `numerals` refused; its context holds message and hint."""

NUMBER_RULE = "number_rule"
"""Validation-context key: the `numerals.Rule` a `Number` is read by (default: at least 0)."""


def refused(refusal: Refusal, code: str = "HCMLC-E012") -> PydanticCustomError:
    """A pydantic error carrying a refusal, turned back into a diagnostic by schema_errors."""
    context = {
        "message": refusal.message,
        "hint": refusal.hint,
        "code": code,
        "replacement": refusal.replacement,
    }
    return PydanticCustomError(REFUSAL, "{message}", context)


def _year(value: Any) -> Any:
    if isinstance(value, str):
        year = read_year(value)
        if isinstance(year, Refusal):
            raise refused(year)
        return year
    return value


def _number(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str):
        rule = (info.context or {}).get(NUMBER_RULE, AT_LEAST_ZERO)
        assert isinstance(rule, Rule)
        number = read_number(value, rule)
        if isinstance(number, Refusal):
            raise refused(number, "HCMLC-E022")
        return number
    return value


Year = Annotated[int, BeforeValidator(_year)]
"""A year, written with four digits: `2022`, never `2022.0` or `2024-2025`."""

Number = Annotated[float, AllowInfNan(False), BeforeValidator(_number)]
"""A figure as `numerals.read_number` reads it: finite, hcmlc's form, not ambiguous."""
