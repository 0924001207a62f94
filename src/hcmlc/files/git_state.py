"""The state of the git clone a repository is in, as one digest, read from git's own files
without running git: what a saved output is keyed by besides the files (cli/saved_output.py).

Commits are named by their content, so the refs (HEAD, branches, tags, packed-refs) fix every
commit and history a command can read; the index, the configuration and the ignore and
attribute files fix what `git status` says of the working tree, whose files input_digest.py
keys. Standard library only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hcmlc.files.input_digest import Digest

PLACES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_NAMESPACE",
    "GIT_REPLACE_REF_BASE",
    "GIT_NO_REPLACE_OBJECTS",
)
"""Variables that make git read another clone, index or history than the one found here."""
FOLDERS = ("refs", "info", "objects/info")
"""The folders of a git folder whose files are keyed (the objects themselves are named by
their content: the refs fix them)."""
MAX_BYTES = 64_000_000
"""A git file larger than this (an index of a million files) is not read: nothing is saved."""


def digest_git(root: Path, digest: Digest) -> str:
    """Feed the state of the clone holding `root` to `digest`; why it cannot be keyed, or ""."""
    if any(os.environ.get(name) for name in PLACES):
        return "git is told where to look by the environment"
    top = next((f for f in (root, *root.parents) if os.path.lexists(f / ".git")), None)
    for config in _user_configs():
        _file(config, digest)
    if top is None:
        digest.update(b"no clone\0")
        return ""
    digest.update(b"top\0" + os.fsencode(top) + b"\0")
    for folder in [root, *root.parents][1 : len(root.parents) - len(top.parents) + 1]:
        for name in (".gitignore", ".gitattributes"):  # those inside root are its files
            _file(folder / name, digest)
    git = _git_folder(top / ".git")
    if git is None:
        return "the clone's .git cannot be read"
    common = _common(git)
    for folder in dict.fromkeys((git, common)):
        reason = _folder(folder, digest)
        if reason:
            return reason
    return ""


def _git_folder(dot_git: Path) -> Path | None:
    """The git folder: `.git` itself, or where a worktree's `.git` file points."""
    if dot_git.is_dir():
        return dot_git
    try:
        text = dot_git.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith("gitdir:"):
        return None
    return (dot_git.parent / text.removeprefix("gitdir:").strip()).resolve()


def _common(git: Path) -> Path:
    try:
        pointer = (git / "commondir").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return git
    return (git / pointer).resolve()


def _folder(git: Path, digest: Digest) -> str:
    """The files of a git folder that say what git answers: its own files (HEAD, the index,
    config, packed-refs, shallow …) and every file under FOLDERS."""
    digest.update(b"git\0" + os.fsencode(git) + b"\0")
    try:
        names = sorted(os.listdir(git))
    except OSError:
        return "the git folder cannot be listed"
    for name in names:
        if not _file(git / name, digest, regular_only=True):
            return f"git's {name} cannot be read"
    for folder in FOLDERS:
        for path in sorted(_files_under(git / folder)):
            if not _file(path, digest, regular_only=True):
                return f"git's {path} cannot be read"
    return ""


def _files_under(folder: Path) -> list[Path]:
    found = []
    for parent, folders, files in os.walk(folder):
        folders.sort()
        found += [Path(parent, name) for name in files]
    return found


def _file(path: Path, digest: Digest, regular_only: bool = False) -> bool:
    """Feed a file (its bytes, or its kind, or its absence) to `digest`; False when a regular
    file cannot be read whole. With `regular_only`, anything else is left out."""
    name = os.fsencode(path)
    try:
        status = os.stat(path)
    except OSError:
        if not regular_only:
            digest.update(b"-\0" + name + b"\0")
        return True
    if not stat.S_ISREG(status.st_mode):
        if not regular_only:
            digest.update(b"K\0" + name + b"\0" + str(stat.S_IFMT(status.st_mode)).encode())
        return True
    if status.st_size > MAX_BYTES:
        return False
    try:
        raw = path.read_bytes()
    except OSError:
        return not path.name.endswith(".lock")  # git's lock file, gone while we looked
    digest.update(b"F\0" + name + b"\0" + str(len(raw)).encode() + b"\0" + raw)
    return True


def _user_configs() -> list[Path]:
    """The configuration and ignore files git reads besides the clone's own."""
    home = Path(os.environ.get("HOME") or Path.home())
    xdg = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "git"
    configured = [os.environ.get(v) for v in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM")]
    return [
        home / ".gitconfig",
        xdg / "config",
        xdg / "ignore",
        xdg / "attributes",
        Path("/etc/gitconfig"),
        *(Path(c) for c in configured if c),
    ]
