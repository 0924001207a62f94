"""A person's text cut into paragraphs: the one rule the form's answers and the report's
narrative share."""

from __future__ import annotations

import re
import unicodedata

from hcmlc.text.controls import shown_controls

_NEW_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*[-+•] )")
"""A blank line, or a line that starts a list item (`- `, `+ `, `• `), begins a paragraph."""


def paragraphs(text: str | None) -> list[list[str]]:
    """`text`'s paragraphs, each as its lines: NFC, Windows line ends made plain, control
    characters other than tabs and non-characters (which Word cannot hold) shown as `\\x07`,
    as in every document (text/controls.py)."""
    if not text:
        return []
    clean = shown_controls(unicodedata.normalize("NFC", text).replace("\r\n", "\n"))
    return [part.split("\n") for part in _NEW_PARAGRAPH.split(clean.strip()) if part.strip()]


def joined_paragraphs(text: str | None) -> list[str]:
    """`text`'s paragraphs, the lines of each joined into one line of single spaces."""
    return [" ".join(" ".join(lines).split()) for lines in paragraphs(text)]
