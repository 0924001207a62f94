"""What hcmlc asks git: the files changed since a commit, for `validate --changed-since`, and
plain answers (`git_output`) for the views that do without git when it cannot answer."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.files.filesystem import shown_name
from hcmlc.files.git_state import PLACES
from hcmlc.i18n import _


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths, relative to `root`, that differ between `ref` and the working tree, or are new.

    Deleted files are included (they are simply never reported on); files outside `root` are not.
    """
    if ref.startswith("-"):
        raise HcmlcError(
            _("`{ref}` is not a git commit").format(ref=ref),
            _("give a branch, tag or commit, e.g. main"),
        )
    # one process: the clone's top, printed first (nothing when git finds no work tree: its
    # message is the error), then whether `ref` names a commit
    found = _run(root, "rev-parse", "--show-toplevel", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0 and not found.stdout.strip():
        _answer(root, found)
    if found.returncode != 0:
        raise _missing_ref(root, ref)
    # --relative: paths relative to `root` (which may be a subfolder of the clone), nothing outside.
    diff = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    # a name that is not UTF-8 as hcmlc reports it (`\xff`), so that its problem is kept
    return {shown_name(path) for path in (diff + untracked).split("\0") if path}


def _missing_ref(root: Path, ref: str) -> HcmlcError:
    """The error for a ref git does not know, saying how to fetch it."""
    remote, _slash, branch = ref.partition("/")
    fetch_one = (
        f"git fetch --depth=1 {remote} {branch}"
        if branch
        else _("git fetch --depth=<n> origin <branch>")
    )
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        return HcmlcError(
            _("`{ref}` is not in this shallow clone").format(ref=ref),
            _(
                "fetch it with `{command}`, or the whole history with `git fetch --unshallow`; "
                "in GitHub Actions, give actions/checkout `fetch-depth: 0`"
            ).format(command=fetch_one),
        )
    return HcmlcError(
        _("no commit `{ref}` in this repository").format(ref=ref),
        _("check the name with `git log --oneline`, or fetch it: `{command}`").format(
            command=fetch_one
        ),
    )


def _git(root: Path, *args: str) -> str:
    """git's standard output; an HcmlcError carrying git's own message when it fails."""
    return _answer(root, _run(root, *args))


def _answer(root: Path, result: subprocess.CompletedProcess[str]) -> str:
    """`result`'s standard output; an HcmlcError carrying git's own message when it failed."""
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines()[0] if result.stderr.strip() else _("failed")
        raise HcmlcError(
            _("git cannot compare files in {folder}: {reason}").format(folder=root, reason=reason),
            _(
                "--changed-since needs a git clone of the repository; "
                "leave it out to check everything"
            ),
        )
    return result.stdout


def git_output(root: Path, *args: str) -> str:
    """git's output, or "" when git cannot answer (not a clone, not installed, no commit).

    Where git would find no repository (`outside_any_clone`) it is not started: its answer
    would be "" too, and a view of a folder that is no clone asks it several times."""
    if outside_any_clone(root):
        return ""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError:
        return ""
    return result.stdout if result.returncode == 0 else ""


def outside_any_clone(root: Path) -> bool:
    """Whether git, run in `root`, could find no repository: no `.git` (folder or file) in
    `root` or any folder above it, none of them with a `HEAD` as a bare repository has, and no
    variable telling git where to look (files/git_state.py). Anything else is left to git."""
    if any(os.environ.get(name) for name in PLACES):
        return False
    folder = Path(os.path.abspath(root))
    try:
        physical = folder.resolve()
    except (OSError, RuntimeError):
        return False
    for place in dict.fromkeys((folder, *folder.parents, physical, *physical.parents)):
        if os.path.lexists(place / ".git") or os.path.lexists(place / "HEAD"):
            return False
    return True


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise HcmlcError(
            _("git is not installed"), _("install git, or leave out --changed-since")
        ) from None
