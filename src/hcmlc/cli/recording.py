"""A run of the command line with what it prints copied, so that it can be saved
(cli/saved_output.py)."""

from __future__ import annotations

import io
import sys
from typing import Any


class _Copy(io.BufferedIOBase):
    """A binary stream that writes through to `target` and keeps a copy of what it wrote, up
    to `limit` bytes: a longer output could not be saved, and is not held (status of a city
    ×10 as JSON is some 55 MB)."""

    def __init__(self, target: Any, limit: int) -> None:
        super().__init__()
        self.target, self.copy, self.broken, self.limit = target, bytearray(), False, limit
        self.over = False

    @property
    def name(self) -> Any:
        return getattr(self.target, "name", None)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        if not self.over and len(self.copy) + len(chunk) > self.limit:
            self.over, self.copy = True, bytearray()
        if not self.over:
            self.copy += chunk
        try:
            self.target.write(chunk)
        except BrokenPipeError:
            self.broken = True
            raise
        return len(chunk)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return bool(self.target.isatty())

    def fileno(self) -> int:
        return int(self.target.fileno())


def recorded(run: Any, limit: int) -> tuple[Any, bytes | None, bytes | None]:
    """Run `run` with standard output and error copied: how it exited (SystemExit's code)
    and what each stream received (None for a stream whose reader went away, that is not a
    plain stream, or that received more than `limit` bytes)."""
    originals = sys.stdout, sys.stderr
    if not all(isinstance(stream, io.TextIOWrapper) for stream in originals):
        try:
            run()
        except SystemExit as exit:
            return exit.code, None, None
        return 0, None, None
    copies = []
    for name, stream in (("stdout", sys.stdout), ("stderr", sys.stderr)):
        copy = _Copy(stream.buffer, limit)
        wrapper = io.TextIOWrapper(
            copy,
            encoding="utf-8",
            errors=stream.errors or "strict",
            line_buffering=bool(stream.line_buffering),
            write_through=True,
        )
        setattr(sys, name, wrapper)
        copies.append((copy, wrapper))
    code: Any = 0
    try:
        run()
    except SystemExit as exit:
        code = 0 if exit.code is None else exit.code
    finally:
        for copy, wrapper in copies:
            try:
                wrapper.flush()
            except (BrokenPipeError, ValueError):
                copy.broken = True
        sys.stdout, sys.stderr = originals
    outputs = [None if c.broken or c.over else bytes(c.copy) for c, _wrapper in copies]
    return code, outputs[0], outputs[1]
