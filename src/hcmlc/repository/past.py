"""Reading the repository as it stood at the end of a day (`--as-of`): the files of that day's
first-parent commit, written out of git in one `git archive` into a temporary folder and read
there as any repository is; today's files for today, or when history cannot tell (history.py).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from hcmlc.clock import today
from hcmlc.core.history import Commit, Reason, Snapshot, end_of, zone_of
from hcmlc.errors import HcmlcError
from hcmlc.files.git import git_output
from hcmlc.i18n import _
from hcmlc.repository.load import ASSIGNMENTS, Repository, data_setting, load
from hcmlc.repository.revision import uncommitted_changes

ZONE_KEY = "time_zone"
"""The setting of data/assignments.yaml naming the city's time zone (history.py)."""


def city_zone(root: Path) -> dt.tzinfo:
    """The time zone data/assignments.yaml names as of today, else Asia/Ho_Chi_Minh."""
    name = data_setting(root, ASSIGNMENTS, ZONE_KEY)
    return zone_of(name if isinstance(name, str) else None)


Place = tuple[str, str]
"""The clone's top folder and the repository's folder in it, as `git rev-parse --show-toplevel
--show-prefix` says them ("" when it cannot), asked with the history (first_parent)."""


def snapshot_of(root: Path, as_of: dt.date) -> tuple[Snapshot, Place | None]:
    """Which state of the repository at `root` a view as of `as_of` reads, and its place."""
    zone = city_zone(root)
    return snapshot(root, as_of, today(zone), zone)


@contextmanager
def load_as_of(
    root: Path, as_of: dt.date, *, cache: bool = False, keep: bool = True, compare: bool = True
) -> Iterator[Repository]:
    """The repository as it stood at the end of `as_of`, read and checked, its snapshot told;
    the temporary copy of a past commit lasts while the context does. `compare`: as `load`."""
    found, place = snapshot_of(root, as_of)
    if found.commit is None:
        repo = load(root, cache=cache, keep=keep, compare=compare)
        repo.snapshot, repo.clone = found, root
        yield repo
        return
    with tempfile.TemporaryDirectory(prefix="hcmlc-as-of-") as folder:
        copy = Path(folder)
        assert place is not None  # a commit is read from the history, which told its place
        extract(root, found.commit.id, copy, place)
        repo = load(copy, keep=keep, compare=compare)
        repo.snapshot, repo.clone = found, root
        yield repo


def extract(root: Path, commit: str, folder: Path, place: Place) -> None:
    """Write the tree of `commit` under `root`'s place in the clone (as history told it) into
    `folder`, from one `git archive`: regular files and links as committed (the reader judges
    links itself)."""
    top, prefix = place
    prefix = prefix.strip().rstrip("/")
    tree = f"{commit}:{prefix}" if prefix else commit
    try:  # from the top: from a folder, git archive keeps only that folder of the tree
        process = subprocess.Popen(
            ["git", "-C", top.strip() or str(root), "archive", "--format=tar", tree],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        raise _unreadable(commit) from None
    assert process.stdout is not None
    try:
        with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
            for member in archive:
                _write(archive, member, folder)
        # tar stops at the end-of-archive block; git still writes the record's padding, and
        # would die of a closed pipe (a failed archive) if it were not read to its end
        while process.stdout.read(1 << 16):
            pass
    except tarfile.TarError:
        raise _unreadable(commit) from None
    finally:
        process.stdout.close()
        if process.wait() != 0:
            raise _unreadable(commit)


def _write(archive: tarfile.TarFile, member: tarfile.TarInfo, folder: Path) -> None:
    """One member of the archive into `folder`; nothing that would land outside it."""
    parts = PurePosixPath(member.name).parts
    if not parts or ".." in parts or PurePosixPath(member.name).is_absolute():
        return
    target = folder.joinpath(*parts)
    if member.isdir():
        target.mkdir(parents=True, exist_ok=True)
    elif member.issym():
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(member.linkname, target)
    elif member.isfile():
        source = archive.extractfile(member)
        if source is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())


def _unreadable(commit: str) -> HcmlcError:
    return HcmlcError(
        _("git cannot write out the files of commit {commit}").format(commit=commit[:7]),
        _("check the clone with `git fsck`, or leave out --as-of to read today's files"),
    )


def first_parent(
    root: Path, zone: dt.tzinfo, now: dt.datetime
) -> tuple[list[Commit] | Reason, Place]:
    """The first-parent line from HEAD, newest first, each commit's date clamped (module
    docstring); else why history cannot be read (`reason_of`): not a clone (or no git), a
    shallow clone (its first commit would seem to hold all that came before), no commit.
    With it, the repository's place in the clone, asked of git in the same process."""
    asked = git_output(
        root, "rev-parse", "--is-shallow-repository", "--show-toplevel", "--show-prefix"
    )
    answer, top, prefix = [*asked.split("\n"), "", ""][:3]
    if not asked:  # also where there is no work tree (a bare repository): the question alone
        answer = git_output(root, "rev-parse", "--is-shallow-repository")
    if answer.strip() != "false":
        return reason_of(answer.strip()), (top, prefix)
    return _line(root, zone, now), (top, prefix)


def _line(root: Path, zone: dt.tzinfo, now: dt.datetime) -> list[Commit] | Reason:
    """The first-parent line from HEAD, each date clamped; "no-commits" when it is empty."""
    log = git_output(root, "log", "--first-parent", "--format=%H %ct", "HEAD")
    commits = []
    limit = now
    for line in log.splitlines():
        sha, _space, stamp = line.partition(" ")
        dated = dt.datetime.fromtimestamp(int(stamp), zone)
        limit = min(limit, dated)
        commits.append(Commit(sha, limit, dated))
    return commits or "no-commits"


def reason_of(shallow: str) -> Reason:
    """Why history cannot be read, from git's answer to `rev-parse --is-shallow-repository`:
    "true" a shallow clone, nothing (not a clone, or no git) none; "false" a clone without
    a commit, when its log is empty."""
    if shallow == "true":
        return "shallow"
    if shallow != "false":
        return "no-git"
    return "no-commits"


def snapshot(
    root: Path, as_of: dt.date, today: dt.date, zone: dt.tzinfo
) -> tuple[Snapshot, Place | None]:
    """The state a view of `as_of` reads: today's files for today (or a later day), else the
    last first-parent commit at or before the end of `as_of` (module docstring); with the
    place in the clone where history was read."""
    if as_of >= today:
        changed = uncommitted_changes(root)
        return Snapshot(as_of, "working-tree", changed=changed, zone=zone, today=today), None
    now = Snapshot(as_of, "commit", zone=zone, today=today).now
    commits, place = first_parent(root, zone, now)
    if isinstance(commits, str):
        return Snapshot(as_of, "no-history", reason=commits, zone=zone, today=today), place
    end = end_of(as_of, zone)
    for index, commit in enumerate(commits):
        if commit.at < end:
            clamped = tuple(c for c in commits[index:] if c.clamped)
            found = Snapshot(as_of, "commit", commit, clamped=clamped, zone=zone, today=today)
            return found, place
    first = commits[-1].at.date()
    return Snapshot(as_of, "before-history", first=first, zone=zone, today=today), place
