"""`hcmlc codeowners`: .github/CODEOWNERS from the reviewers in data/assignments.yaml."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.commands.generated import GeneratedOptions, publish
from hcmlc.documents.codeowners import CODEOWNERS_PATH, codeowners
from hcmlc.repository.load import load


def write_codeowners(console: Console, root: Path, options: GeneratedOptions) -> int:
    """Write CODEOWNERS to `out` (default .github/CODEOWNERS), or check that it is current."""
    text = codeowners(load(root).require_catalog().assignments)
    target = options.out or root / CODEOWNERS_PATH
    return publish(console, root, text, target, options.check, "hcmlc codeowners")
