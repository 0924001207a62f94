"""The digest of the exact content a sign-off signs: canonical JSON of the data as read."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any, Literal

ItemKind = Literal["indicator", "answer"]

INDICATOR_FIELDS = ("value", "unit", "year", "parts", "source")
"""What a review of a figure signs; evidence and notes may change without reopening it."""
PREFIX = "sha256:"


def digest_of(content: Any) -> str:
    """`sha256:<hex>` of `content` in canonical form (sorted keys, NFC text, no spaces)."""
    text = json.dumps(_nfc(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def reviewed_content(kind: ItemKind, entry: Any) -> Any:
    """The part of an entry a review signs: a figure's value, unit, year, parts and source;
    an answer in Vietnamese (its English is the translation's business, its note nobody's)."""
    if not isinstance(entry, dict):
        return entry
    if kind == "indicator":
        return {key: entry[key] for key in INDICATOR_FIELDS if key in entry}
    return _vietnamese({key: value for key, value in entry.items() if key != "note"})


def entry_digests(data: Any) -> dict[tuple[ItemKind, str], str]:
    """(kind, item) → digest of every entry of a submission file's data."""
    found: dict[tuple[ItemKind, str], str] = {}
    if not isinstance(data, dict):
        return found
    sections: tuple[tuple[ItemKind, str], ...] = (
        ("indicator", "indicators"),
        ("answer", "answers"),
    )
    for kind, section in sections:
        entries = data.get(section)
        if isinstance(entries, dict):
            for item, entry in entries.items():
                found[(kind, str(item))] = digest_of(reviewed_content(kind, entry))
    return found


def text_digest(text: str) -> str:
    """The digest of one text in one language (what a translation translates)."""
    return digest_of(text.strip())


def _vietnamese(value: Any) -> Any:
    """`value` without the English of its bilingual texts (`{vi: …, en: …}`)."""
    if isinstance(value, dict):
        bilingual = "vi" in value
        return {k: _vietnamese(v) for k, v in value.items() if not (bilingual and k == "en")}
    if isinstance(value, list):
        return [_vietnamese(v) for v in value]
    return value


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {str(_nfc(k)): _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value
