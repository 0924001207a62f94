"""`hcmlc validate`: every check of every file, all problems in one run."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.errors import HcmlcError
from hcmlc.files.git import changed_files
from hcmlc.i18n import _
from hcmlc.render import diagnostics as reporters
from hcmlc.render import github
from hcmlc.render.escape import visible
from hcmlc.repository.load import Repository, load
from hcmlc.yamlfiles.fix import Change, fix_files

Reporter = Callable[[Console, Sequence[Diagnostic], int], None]

DATA = "data"

REPORTERS: dict[str, Reporter] = {
    "text": reporters.render_text,
    "json": reporters.render_json,
    "github": github.render_github,
}


@dataclass(frozen=True)
class ValidateOptions:
    """What `hcmlc validate` was asked for."""

    paths: tuple[Path, ...] = ()
    output: str | None = None
    strict: bool = False
    changed_since: str | None = None
    cache: bool = False
    indent: int | None = None
    fix: bool = False


def validate(console: Console, root: Path, options: ValidateOptions) -> int:
    """Check the repository at `root`; report on `options.paths` and on the files changed
    since a commit.

    A file of data/ among the paths or the changes can break any file, so then every file is
    reported on; a changed photo or evidence file, the submissions that name it. With `fix`,
    the certain fixes are written first (yamlfiles/fix.py), and what remains is reported."""
    paths, changed_since, fix = options.paths, options.changed_since, options.fix
    output = options.output
    output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    repo, files, problems = _checked(root, paths, changed_since, cache=options.cache and not fix)
    for _round in range(MAX_FIX_ROUNDS if fix else 0):  # a fixed line may reveal the next
        changes = fix_files(root, problems)
        _print_changes(console if output != "json" else Console(stderr=True), changes)
        if not changes:
            break
        repo, files, problems = _checked(root, paths, changed_since, cache=False)
    if output == "json":
        reporters.render_json(console, problems, len(files), options.indent)
    else:
        REPORTERS[output](console, problems, len(files))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output == "github" and summary_file:
        _append(Path(summary_file), github.step_summary(problems, len(files), repo.catalog))
    failing = [p for p in problems if options.strict or p.severity is Severity.ERROR]
    return 1 if failing else 0


MAX_FIX_ROUNDS = 5
"""A syntax error hides the values below it: fixing it may show a value to fix in turn."""


def _print_changes(console: Console, changes: list[Change]) -> None:
    for change in changes:
        console.print(
            _("fixed {place}: {old} → {new}").format(
                place=f"{visible(change.path)}:{change.line}:{change.column}",
                old=_shown(change.old),
                new=_shown(change.new),
            ),
            soft_wrap=True,
            markup=False,
            highlight=False,
        )


def _shown(text: str) -> str:
    """`text` in quotes, an invisible character (a no-break or zero-width space, a tab) as its
    escape, so that a change of one into a space can be seen."""
    return visible(
        '"'
        + "".join(
            c
            if c == " " or unicodedata.category(c) not in ("Zs", "Cf", "Cc")
            else f"\\u{ord(c):04x}"
            for c in text
        )
        + '"'
    )


def _checked(
    root: Path, paths: Sequence[Path], changed_since: str | None, *, cache: bool
) -> tuple[Repository, list[str], list[Diagnostic]]:
    """The repository read, the files reported on and their problems."""
    wanted = _selected(root, paths) if paths else [""]
    if any(_within(w, [DATA]) or w == DATA for w in wanted):
        wanted = [""]
    since = changed_files(root, changed_since) if changed_since else None
    changed = since
    repo = load(root, cache=cache, keep=False)
    if repo.catalog is None:  # data/ is broken, so no submission could be checked: say so
        changed = None

    def concerns(path: str, related: tuple[str, ...] = ()) -> bool:
        """Whether a problem in `path` is asked for: the file, a file it involves or a photo
        it names was named (or is inside a folder named) and changed."""
        involved = (*related, *repo.consulted.get(path, ()))
        named = any(_within(f, wanted) for f in (path, *involved))
        return named and _touched(path, involved, changed)

    signoff_paths: list[str] = []
    if repo.catalog is not None:
        from hcmlc.signoffs.validation import signoff_problems

        signoff_paths, found = signoff_problems(root, repo.catalog, changed_since, since)
        repo.problems = [*repo.problems, *found]
    all_files = [*repo.data_files, *repo.paths, *repo.slips, *repo.report_paths, *signoff_paths]
    files = [f for f in all_files if concerns(f)]
    return repo, files, [p for p in repo.problems if concerns(p.path, p.related)]


def _append(path: Path, text: str) -> None:
    """Add to the step summary: the file is GitHub's, and other steps write to it too."""
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise HcmlcError(
            _("cannot write the step summary {path}: {reason}").format(
                path=path, reason=exc.strerror
            )
        ) from None


def _touched(path: str, related: tuple[str, ...], changed: set[str] | None) -> bool:
    """Whether a problem in `path` (involving `related`) concerns the changed files.

    A change to data/ may affect every file, so then everything concerns it. `related` holds
    the other files the problem involves and the photos and evidence its file names.
    """
    if changed is None or any(c.startswith("data/") for c in changed):
        return True
    return path in changed or any(r in changed for r in related)


def _selected(root: Path, paths: Sequence[Path]) -> list[str]:
    """Repository-relative POSIX forms of the paths the user named."""
    selected = []
    for path in paths:
        resolved = path.resolve()
        if not resolved.exists():
            raise HcmlcError(_("no such file or folder: {path}").format(path=path))
        try:
            relative = resolved.relative_to(root)
        except ValueError:
            raise HcmlcError(
                _("{path} is outside the repository {root}").format(path=path, root=root)
            ) from None
        selected.append(relative.as_posix() if relative.parts else "")
    return selected


def _within(path: str, wanted: list[str]) -> bool:
    """Whether repository-relative `path` is one of `wanted` or inside one of them."""
    return any(w in ("", path) or path.startswith(w + "/") for w in wanted)
