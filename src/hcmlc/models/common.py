"""Building blocks shared by every model: strict base class, bilingual text, ids."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

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
