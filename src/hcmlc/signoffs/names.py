"""Where the sign-offs live and what their verdicts are called: what every view needs, without
the models that read and check the files (imported only when a file must be read)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

REVIEWS = "signoffs/reviews"
TRANSLATIONS = "signoffs/translations"
SUBMISSIONS = "submissions"


class Verdict(StrEnum):
    """What the coordinator said of an item."""

    APPROVED = "approved"
    ISSUES = "issues"
    REOPENED = "reopened"


def review_path(cycle_id: str) -> str:
    return f"{REVIEWS}/{cycle_id}.yaml"


def translation_path(cycle_id: str) -> str:
    return f"{TRANSLATIONS}/{cycle_id}.yaml"


def submission_path(root: Path, cycle_id: str, agency: str) -> str:
    """The agency's submission file of the cycle (named after the agency)."""
    for suffix in (".yaml", ".yml"):
        relative = f"{SUBMISSIONS}/{cycle_id}/{agency}{suffix}"
        if (root / relative).is_file():
            return relative
    return f"{SUBMISSIONS}/{cycle_id}/{agency}.yaml"
