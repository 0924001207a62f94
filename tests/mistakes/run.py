"""Validate one mistake in a repository holding the bundled data/, in one language."""

from __future__ import annotations

import shutil
from pathlib import Path

from hcmlc.i18n import Lang, use_language
from hcmlc.repository.load import load

from .cases import Mistake

Found = tuple[str, int, int, str, str, str | None]


def found(root: Path, case: Mistake, lang: Lang) -> list[Found]:
    """Every problem `validate` reports for `case`, worded in `lang`."""
    shutil.rmtree(root / "submissions", ignore_errors=True)
    for relative, data in case.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    use_language(lang)
    try:
        repo = load(root)
    finally:
        use_language(None)
    return [(p.path, p.line, p.column, p.code, p.message, p.hint) for p in repo.problems]
