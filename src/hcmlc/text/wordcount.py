"""Counting words the way the UNESCO form's limits mean them, in Vietnamese and English.

A word is a run of letters and digits. Hyphens, apostrophes, dots and commas *inside* a run
join it ("e-learning", "TP.HCM", "9.389.720", "3,5" are one word each); spaces, slashes
and all other punctuation separate words ("và/hoặc" is two). Punctuation alone is no word.
Vietnamese is written one syllable per space-separated token, so "Hồ Chí Minh" is three
words, as Microsoft Word counts it.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import filterfalse

_WORD = re.compile(r"[^\W_]+(?:['’.,\-‐‑][^\W_]+)*")


def count_words(text: str) -> int:
    """Number of words in `text` by the rule above.

    No word spans a space, so the text is counted token by token; a token of letters and
    digits alone (`str.isalnum`, the expression's `[^\\W_]`) is one word without the
    expression, which then reads only the tokens holding punctuation: twice as fast (and
    faster again with no Python loop over the tokens)."""
    tokens = unicodedata.normalize("NFC", text).split()
    punctuated = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(punctuated) + sum(map(len, map(_WORD.findall, punctuated)))
