"""What every family of a submission file's rules shares (identity, duties, indicators,
answers, photos): the file, what it is checked against, its problems so far, and how one is
added (a part of `submission._SubmissionChecker`)."""

from __future__ import annotations

from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic
from hcmlc.yamlfiles.reader import Document, Loc


class FileRules:
    """The state the rules of one submission file share; the checker sets it."""

    catalog: Catalog
    doc: Document
    root: Path
    """The repository's top folder, below which photos and evidence are found."""
    problems: list[Diagnostic]

    def _full(self) -> bool:
        """Whether the file has more problems than it lists (diagnostics.MAX_PER_FILE)."""
        return len(self.problems) > MAX_PER_FILE

    def _add(
        self,
        loc: Loc,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        fix: tuple[str, str] | None = None,
    ) -> None:
        self.problems.append(self.doc.problem(loc, code, message, hint, key=key, fix=fix))
