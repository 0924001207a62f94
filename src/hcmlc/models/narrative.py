"""reports/<year>.yaml: the coordinator's own words in the progress report of that year.

hcmlc writes the figures; the coordinator writes what they mean: an opening, the analysis of
each criterion not yet met (plan 1256/KH-UBND, II.3.e), and a closing section. Kept in the
repository, the words survive every regeneration of the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator

from hcmlc.i18n import _
from hcmlc.models.common import Strict, Text


def _number(value: str) -> str:
    if not (value.isascii() and value.isdigit() and len(value) <= 6):
        raise ValueError(
            _("`{value}` is not a document number: write the number alone, e.g. `45`").format(
                value=value
            )
        )
    return value


Number = Annotated[str, AfterValidator(_number)]
"""The number the archive (văn thư) gives the report when it is registered."""


class Narrative(Strict):
    """The whole of one reports/<year>.yaml."""

    number: Number | None = None
    """The report's number, once registered (without it, the number is left blank)."""
    date: dt.date | None = None
    """The day the report is issued (without it, the day and month are left blank)."""
    opening: Text | None = None
    """Paragraphs printed after the report's title and basis."""
    analysis: dict[str, Text] = {}
    """Criterion id → the analysis printed with that criterion, when it is not met."""
    closing: Text | None = None
    """Paragraphs of the closing section (proposals, next steps)."""


@dataclass(frozen=True)
class CoordinatorWords:
    """The coordinator's words for a year's report (none yet, or a sound file), and the file
    they are, or would be, written in."""

    narrative: Narrative
    path: str
