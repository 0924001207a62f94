"""The translation records: signoffs/translations/<cycle>.yaml, one record per English answer
translated or verified, bound to the digests of the Vietnamese it translates and of itself."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from hcmlc.diagnostics import Diagnostic
from hcmlc.files.atomic import write_atomic
from hcmlc.models.common import Id, NonEmpty, Strict
from hcmlc.models.registry import Reviewer
from hcmlc.signoffs.files import read_signoff_model
from hcmlc.signoffs.names import translation_path
from hcmlc.signoffs.records import Digest, quoted
from hcmlc.yamlfiles.reader import Document


class Rendering(StrEnum):
    """What a translation record says: the English was written, or verified (thẩm định)."""

    TRANSLATED = "translated"
    VERIFIED = "verified"


class TranslationRecord(Strict):
    """One English answer, the digest of the Vietnamese it translates and its own digest."""

    agency: Id
    item: Id
    source: Digest
    """The digest of the Vietnamese translated."""
    target: Digest
    """The digest of the English recorded."""
    verdict: Rendering
    by: Reviewer
    at: dt.datetime
    comment: NonEmpty | None = None


class TranslationFile(Strict):
    """The whole of signoffs/translations/<cycle>.yaml."""

    cycle: Id
    translations: list[TranslationRecord] = Field(default_factory=list)


def read_translations(
    root: Path, cycle_id: str
) -> tuple[TranslationFile | None, Document | None, list[Diagnostic]]:
    """The cycle's translation file (empty when there is none; None when broken), its document
    and its problems."""
    return read_signoff_model(
        root, translation_path(cycle_id), TranslationFile, TranslationFile(cycle=cycle_id)
    )


HEADER = (
    "# Written by `hcmlc review translated|verify` and `hcmlc translation import`: do not edit\n"
    "# by hand (the translation verifier owns this file, see .github/CODEOWNERS). `source` is\n"
    "# the SHA-256 of the Vietnamese translated, `target` of the English: a change to either\n"
    "# makes the record stale. The last record of an answer decides.\n"
)


def write_translations(root: Path, records: TranslationFile) -> None:
    """Write the translation file whole, atomically, in a fixed layout."""
    lines = [HEADER, f"cycle: {quoted(records.cycle)}", "translations:"]
    for r in records.translations:
        lines.append(f"  - agency: {quoted(r.agency)}")
        for key in ("item", "source", "target"):
            lines.append(f"    {key}: {quoted(getattr(r, key))}")
        lines.append(f"    verdict: {quoted(r.verdict.value)}")
        lines.append(f"    by: {quoted(r.by)}")
        lines.append(f"    at: {quoted(r.at.isoformat(timespec='seconds'))}")
        if r.comment is not None:
            lines.append(f"    comment: {quoted(r.comment)}")
    if not records.translations:
        lines[-1] = "translations: []"
    path = root / translation_path(records.cycle)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
