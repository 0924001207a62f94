"""Only regular files are read: a FIFO, a device or a socket is refused before it is opened,
reads are bounded, and names are checked before they reach the file system.

A pull request can put a FIFO where a photo should be (reading it would wait for ever), name a
device, or add a file whose name is not UTF-8 (Python keeps such bytes as surrogates, which no
terminal or document can print). Every read of a file that input names goes through here.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from hcmlc.i18n import _

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_BINARY", 0)


class SpecialFile(OSError):
    """Something that is not a regular file where hcmlc expected one."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(describe(mode))
        self.path, self.kind = path, describe(mode)


class TooLarge(OSError):
    """A file over the size a reader accepts; it was not read."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.path, self.size = path, size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), refused unread when it is
    something else or larger than `limit` bytes. Raises SpecialFile, TooLarge or OSError."""
    mode = os.stat(path).st_mode  # before opening: opening some devices already acts
    if not stat.S_ISREG(mode):
        raise SpecialFile(path, mode)
    descriptor = os.open(path, _FLAGS)  # non-blocking: a FIFO swapped in since cannot hang us
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise SpecialFile(path, status.st_mode)
        if status.st_size > limit:
            raise TooLarge(path, status.st_size)
        data = _read_all(descriptor, limit + 1, status.st_size + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew while we looked
        raise TooLarge(path, len(data))
    return data


def _read_all(descriptor: int, most: int, expected: int) -> bytes:
    """Up to `most` bytes from `descriptor`, to its end, asking first for the `expected` size
    (a buffer of `most` would be allocated for every file): by the descriptor itself, since a
    file object around it costs more than the read of a submission."""
    chunks = []
    left = most
    while left > 0:
        chunk = os.read(descriptor, min(left, expected))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def kind_of(path: Path) -> str | None:
    """What `path` is when it exists and is neither a regular file nor a folder, else None."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return describe(mode)


def describe(mode: int) -> str:
    """`a FIFO (named pipe)`, `a device`, … in the interface's language."""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a FIFO (named pipe)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a special file")


def has_control(text: str) -> bool:
    """Whether `text` holds a control character (NUL, ESC, a line break …): no path does."""
    return _CONTROL.search(text) is not None


def is_utf8_name(name: str) -> bool:
    """Whether a name read from the file system was valid UTF-8 (Python keeps other bytes as
    surrogates, which nothing can print)."""
    return _SURROGATE.search(name) is None


def shown_name(name: str) -> str:
    """A file system name as it can be printed: bytes that are not UTF-8 as `\\xff`."""
    if is_utf8_name(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
