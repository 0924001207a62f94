"""Outputs that cannot be written: a device or FIFO named by --out, a path through a file, a
full disk, a read-only folder. Each is an I/O error with its fix and exit 2, not "a bug", and
nothing is replaced or half-written."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from hostile_cases import GOOD, SUBMISSION

from hcmlc.files import atomic


@pytest.fixture
def bundled(repo):
    """A repository with one value: every command runs, and no chart makes the report slow."""
    repo.write(SUBMISSION, GOOD)
    return repo.root


COMMANDS = [
    ("fill-form",),
    ("report",),
    ("report", "--format", "md"),
    ("schema",),
    ("codeowners",),
]


def special_file(folder, name: str) -> tuple[object, str]:
    """A character device (as root) or else a FIFO, and how hcmlc names it."""
    path = folder / name
    if os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
        return path, "a device"
    os.mkfifo(path)
    return path, "a FIFO (named pipe)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no special files on this system")
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_out_naming_a_device_is_refused_and_left_alone(
    hcmlc, bundled, tmp_path_factory, command
) -> None:
    tmp_path = tmp_path_factory.mktemp("out")
    target, kind = special_file(tmp_path, "out.file")
    before = os.stat(target)
    code, out, err = hcmlc(*command, "--root", str(bundled), "--out", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"error: cannot write {target}: it is {kind}, not a regular file\n"
        "hint: hcmlc replaces only regular files: choose another --out\n"
    )
    after = os.stat(target)
    assert (after.st_mode, after.st_rdev, after.st_ino) == (
        before.st_mode,
        before.st_rdev,
        before.st_ino,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_out_under_a_file(hcmlc, bundled, tmp_path_factory, command) -> None:
    tmp_path = tmp_path_factory.mktemp("out")
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    target = tmp_path / "a-file" / "out.file"
    code, out, err = hcmlc(*command, "--root", str(bundled), "--out", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"error: cannot write {target}: a part of the path is a file, not a folder\n"
        "hint: write somewhere you may write to (`--out PATH` where the command has it)\n"
    )


FAILURES = {
    errno.ENOSPC: (
        "the disk is full",
        "free some space on the disk, then run the command again",
    ),
    errno.EROFS: (
        "the file system is read-only",
        "write somewhere you may write to (`--out PATH` where the command has it)",
    ),
    errno.EACCES: (
        "permission denied",
        "write somewhere you may write to (`--out PATH` where the command has it)",
    ),
}


@pytest.mark.parametrize(
    ("number", "command"),
    [(errno.ENOSPC, command) for command in COMMANDS]
    + [(number, ("fill-form",)) for number in sorted(FAILURES) if number != errno.ENOSPC],
    ids=lambda value: errno.errorcode.get(value) if isinstance(value, int) else " ".join(value),
)
def test_a_full_disk_or_a_read_only_folder(
    hcmlc, bundled, tmp_path_factory, monkeypatch, number: int, command
) -> None:
    """(Simulated: root may write to a read-only folder, and no test fills a disk.)"""
    tmp_path = tmp_path_factory.mktemp("out")
    target = tmp_path / "out.file"
    target.write_bytes(b"yesterday's output")

    def failing(descriptor: int) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(atomic.os, "fsync", failing)
    force = ("--force",) if command[0] == "report" else ()  # yesterday's file is not hcmlc's
    code, out, err = hcmlc(*command, *force, "--root", str(bundled), "--out", str(target))
    reason, fix = FAILURES[number]
    assert (code, out) == (2, "")
    assert err == f"error: cannot write {target}: {reason}\nhint: {fix}\n"
    assert target.read_bytes() == b"yesterday's output"
    charts = ["out-charts"] if "md" in command else []  # written first, whole, as documented
    assert sorted(p.name for p in tmp_path.iterdir()) == [*charts, "out.file"]


def test_new_submission_in_a_read_only_repository(hcmlc, repo, monkeypatch) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", failing)
    code, _, err = hcmlc("new-submission", "--root", str(repo.root), "--agency", "so-gddt")
    assert code == 2
    assert err.startswith(
        f"error: cannot write {repo.root / 'submissions/2023/so-gddt.yaml'}: "
        "the file system is read-only\n"
    )
