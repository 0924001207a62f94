"""`hcmlc validate`: every check of every file, all problems in one run."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.diagnostics import Severity
from hcmlc.errors import HcmlcError
from hcmlc.render import diagnostics as reporters
from hcmlc.repository import ASSIGNMENTS, CRITERIA, load


def run(console: Console, root: Path, paths: list[Path], output: str, strict: bool) -> int:
    """Check the repository at `root`; report problems of `paths` only when given."""
    wanted = _selected(root, paths) if paths else [""]
    repo = load(root)
    problems = [p for p in repo.problems if _within(p.path, wanted)]
    all_files = [CRITERIA, ASSIGNMENTS, *(s.doc.path for s in repo.submissions)]
    files = sum(_within(f, wanted) for f in all_files)
    render = reporters.render_json if output == "json" else reporters.render_text
    render(console, problems, files)
    failing = [p for p in problems if strict or p.severity is Severity.ERROR]
    return 1 if failing else 0


def _selected(root: Path, paths: list[Path]) -> list[str]:
    """Repository-relative POSIX forms of the paths the user named."""
    selected = []
    for path in paths:
        resolved = path.resolve()
        if not resolved.exists():
            raise HcmlcError(f"no such file or folder: {path}")
        try:
            relative = resolved.relative_to(root)
        except ValueError:
            raise HcmlcError(f"{path} is outside the repository {root}") from None
        selected.append(relative.as_posix() if relative.parts else "")
    return selected


def _within(path: str, wanted: list[str]) -> bool:
    """Whether repository-relative `path` is one of `wanted` or inside one of them."""
    return any(w in ("", path) or path.startswith(w + "/") for w in wanted)
