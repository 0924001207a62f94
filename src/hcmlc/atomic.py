"""Writing output files so that a reader never sees half of one and nothing is lost."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: an interrupted write leaves the old file intact."""
    temporary = _write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_new(path: Path, data: bytes) -> None:
    """Write `data` to `path`, which must not exist yet; never overwrites, never half-writes.

    Raises FileExistsError when it does: the caller says so in the user's terms."""
    temporary = _write_temporary(path, data)
    try:
        os.link(temporary, path)  # fails, atomically, when `path` exists
    finally:
        temporary.unlink(missing_ok=True)


def replace_folder(path: Path, files: dict[str, bytes]) -> None:
    """Make `path` a folder holding exactly `files` (name → bytes), swapped in whole: a reader
    sees the old folder or the new one, and an interrupted run leaves the old one intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    old = fresh.with_name(fresh.name[: -len(".tmp")] + ".old")
    try:
        os.chmod(fresh, 0o777 & ~_umask())
        for name, data in files.items():
            write_atomic(fresh / name, data)
        if path.exists():
            os.replace(path, old)
        os.replace(fresh, path)
    except BaseException:
        if old.exists() and not path.exists():
            os.replace(old, path)
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_temporary(path: Path, data: bytes) -> Path:
    """`data` in a flushed temporary file beside `path` (same file system, so rename is atomic),
    with the permissions `path` has, or those a new file gets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        os.chmod(name, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _mode_for(path: Path) -> int:
    """The existing file's permission bits, or 0o666 less the umask for a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
