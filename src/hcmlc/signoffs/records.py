"""The sign-off files: signoffs/reviews/<cycle>.yaml, written by `hcmlc review` only.

Each file is a list of records, oldest first; the last record of an (agency, item) decides its
state. Git keeps the history of the file, and the file keeps the history of the item."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from hcmlc.diagnostics import Diagnostic
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.models.common import Id, NonEmpty, Strict
from hcmlc.models.registry import Reviewer
from hcmlc.signoffs.files import read_signoff_model
from hcmlc.signoffs.names import Verdict, review_path
from hcmlc.yamlfiles.reader import Document

Digest = Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]


class ReviewRecord(Strict):
    """The coordinator's verdict on one agency's item, bound to the content's digest."""

    agency: Id
    item: Id
    kind: Literal["indicator", "answer"]
    digest: Digest
    verdict: Verdict
    by: Reviewer
    at: dt.datetime
    comment: NonEmpty | None = None

    @model_validator(mode="after")
    def _says_why(self) -> Self:
        if self.verdict is not Verdict.APPROVED and self.comment is None:
            raise ValueError(
                _("a verdict `{verdict}` needs a `comment` saying why").format(
                    verdict=self.verdict.value
                )
            )
        return self


class ReviewFile(Strict):
    """The whole of signoffs/reviews/<cycle>.yaml."""

    cycle: Id
    reviews: list[ReviewRecord] = Field(default_factory=list)


def read_reviews(
    root: Path, cycle_id: str
) -> tuple[ReviewFile | None, Document | None, list[Diagnostic]]:
    """The cycle's review file (empty when there is none yet; None when it is broken), its
    document and its problems."""
    return read_signoff_model(root, review_path(cycle_id), ReviewFile, ReviewFile(cycle=cycle_id))


def latest(records: list[ReviewRecord]) -> dict[tuple[str, str, str], ReviewRecord]:
    """(agency, kind, item) → its last record."""
    return {(r.agency, r.kind, r.item): r for r in records}


HEADER = (
    "# Written by `hcmlc review`: do not edit by hand (the coordinators own this file, see\n"
    "# .github/CODEOWNERS). One record per verdict, oldest first; the last one of an item\n"
    "# decides. `digest` is the SHA-256 of the content signed: a change to it makes the\n"
    "# verdict stale.\n"
)


def write_reviews(root: Path, reviews: ReviewFile) -> None:
    """Write the review file whole, atomically, in a fixed layout."""
    lines = [HEADER, f"cycle: {quoted(reviews.cycle)}", "reviews:"]
    for r in reviews.reviews:
        lines.append(f"  - agency: {quoted(r.agency)}")
        for key in ("item", "kind", "digest", "verdict", "by"):
            value = getattr(r, key)
            lines.append(
                f"    {key}: {quoted(str(value.value if isinstance(value, StrEnum) else value))}"
            )
        lines.append(f"    at: {quoted(r.at.isoformat(timespec='seconds'))}")
        if r.comment is not None:
            lines.append(f"    comment: {quoted(r.comment)}")
    if not reviews.reviews:
        lines[-1] = "reviews: []"
    path = root / review_path(reviews.cycle)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)
