"""'Did you mean …?' for misspelt ids and keys."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from hcmlc.i18n import _


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `word`, if any is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A hint sentence naming the closest candidate, or None."""
    match = closest(word, candidates)
    return _("did you mean `{match}`?").format(match=match) if match else None
