"""Writing output files so that a reader never sees half of one and nothing is lost.

Every output goes to a temporary file beside it, named `.<name>.<pid>.<random>.hcmlc-tmp`, and
is renamed into place. A run killed mid-write leaves that file behind; the next write into the
same folder removes it once its process is gone. Only regular files are replaced: `--out
/dev/null` run as root must not turn a device into a file. A full disk, a read-only folder or a
path through a file are the user's to fix: an OutputError (exit 2) says which and how.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.files.filesystem import describe
from hcmlc.i18n import N_, _

TEMPORARY = ".hcmlc-tmp"
"""Suffix of a file or folder being written; a folder being replaced is kept as `.hcmlc-old`."""
OLD = ".hcmlc-old"
STALE_SECONDS = 24 * 3600
"""A temporary older than this is a leftover even if its process id is in use again."""

_FIX_SPACE = N_("free some space on the disk, then run the command again")
_FIX_PLACE = N_("write somewhere you may write to (`--out PATH` where the command has it)")
_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (N_("the disk is full"), _FIX_SPACE),
    errno.EACCES: (N_("permission denied"), _FIX_PLACE),
    errno.EPERM: (N_("permission denied"), _FIX_PLACE),
    errno.EROFS: (N_("the file system is read-only"), _FIX_PLACE),
    errno.ENOTDIR: (N_("a part of the path is a file, not a folder"), _FIX_PLACE),
    errno.EEXIST: (N_("a part of the path is a file, not a folder"), _FIX_PLACE),
    errno.EISDIR: (N_("it is a folder"), _FIX_PLACE),
    errno.ENAMETOOLONG: (N_("the name is too long"), _FIX_PLACE),
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = (N_("the disk quota is used up"), _FIX_SPACE)


class OutputError(HcmlcError):
    """An output that cannot be written: the disk, the folder or the path is at fault."""


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """Replace `path` with `data` (or its pieces, written in turn) in one step: an interrupted
    write leaves the old file intact.

    `durable=False` skips waiting for the disk (fsync): for a cache entry, which its reader
    checks and a power cut may at worst cost again, never for a file a user keeps."""
    with _failures_explained(path):
        _replace_file(path, data, durable)


def create_new(path: Path, data: bytes) -> None:
    """Write `data` to `path`, which must not exist yet; never overwrites, never half-writes.

    Raises FileExistsError when it does: the caller says so in the user's terms."""
    with _failures_explained(path):
        temporary = _write_temporary(path, data)
        try:
            os.link(temporary, path)  # fails, atomically, when `path` exists
            created = True
        except FileExistsError:
            created = False
        finally:
            temporary.unlink(missing_ok=True)
    if not created:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def replace_folder(path: Path, files: dict[str, bytes]) -> None:
    """Make `path` a folder holding exactly `files` (name → bytes), swapped in whole: a reader
    sees the old folder or the new one, and an interrupted run leaves the old one intact."""
    with _failures_explained(path):
        if (path.exists() or path.is_symlink()) and not path.is_dir():
            raise OutputError(
                _("cannot write {path}: it exists and is not a folder").format(path=path),
                _("move that file away, or choose another --out"),
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path.parent)
        prefix = f".{path.name}.{os.getpid()}."
        fresh = Path(tempfile.mkdtemp(prefix=prefix, suffix=TEMPORARY, dir=path.parent))
        old = fresh.with_name(fresh.name[: -len(TEMPORARY)] + OLD)
        try:
            os.chmod(fresh, 0o777 & ~_umask())
            for name, data in files.items():
                _replace_file(fresh / name, data)
            if path.exists():
                os.replace(path, old)
            os.replace(fresh, path)
        except BaseException:
            if old.exists() and not path.exists():
                os.replace(old, path)
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        shutil.rmtree(old, ignore_errors=True)


def _replace_file(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    _require_regular_target(path)
    temporary = _write_temporary(path, data, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_leftovers(folder: Path) -> list[str]:
    """Remove the temporaries that interrupted runs left in `folder` (those whose process is
    gone, or older than a day); their names."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _is_leftover(entry):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _is_leftover(entry: os.DirEntry[str]) -> bool:
    if not entry.name.startswith(".") or not entry.name.endswith((TEMPORARY, OLD)):
        return False
    parts = entry.name.split(".")  # "", name…, pid, random+suffix
    pid = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None
    if pid == os.getpid():
        return False
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > STALE_SECONDS or (pid is not None and not _running(pid))


def _running(pid: int) -> bool:
    """Whether a process `pid` exists (on Windows, where signal 0 would end it: assume so)."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's
        return True
    return True


def check_target(path: Path) -> None:
    """Refuse, before any work is done for it, an output that `write_atomic` would refuse."""
    with _failures_explained(path):
        _require_regular_target(path)


def _require_regular_target(path: Path) -> None:
    """Refuse to replace anything but a regular file (links followed): a device, a FIFO, a
    folder; and a path through a file."""
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
            break
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OutputError(
            _("cannot write {path}: it is {kind}, not a regular file").format(
                path=path, kind=describe(mode)
            ),
            _("hcmlc replaces only regular files: choose another --out"),
        )


def _write_temporary(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> Path:
    """`data` in a flushed temporary file beside `path` (same file system, so rename is atomic),
    with the permissions `path` has, or those a new file gets; on the disk if `durable`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path.parent)
    prefix = f".{path.name}.{os.getpid()}."
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=TEMPORARY, dir=path.parent)
    temporary = Path(name)
    try:
        os.chmod(name, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                stream.writelines(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


@contextlib.contextmanager
def _failures_explained(path: Path) -> Iterator[None]:
    """An OSError while writing `path` becomes an OutputError saying what is wrong and how to
    fix it."""
    try:
        yield
    except OSError as exc:
        reason, fix = _REASONS.get(exc.errno or 0, (None, _FIX_PLACE))
        raise OutputError(
            _("cannot write {path}: {reason}").format(
                path=path, reason=_(reason) if reason else exc.strerror or exc
            ),
            _(fix),
        ) from None


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
