"""An internal error keeps its traceback: in a crash log beside the cache (as pre-commit keeps
pre-commit.log), and on standard error too with `--debug` or `$HCMLC_DEBUG`."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from hcmlc import __version__

DEBUG_VAR = "HCMLC_DEBUG"
_debug = False


def set_debug(on: bool) -> None:
    """Show the traceback of an internal error on standard error (the `--debug` switch)."""
    global _debug
    _debug = on


def debugging() -> bool:
    """Whether `--debug` was given or `$HCMLC_DEBUG` is set to anything but empty or 0."""
    return _debug or os.environ.get(DEBUG_VAR, "") not in ("", "0")


def record(error: BaseException) -> tuple[str, Path | None]:
    """The traceback of `error`, and the crash log it was written to (None if it could not
    be written: the traceback is then only shown with --debug)."""
    from hcmlc.repository.cache import cache_dir

    text = "".join(traceback.format_exception(error))
    header = (
        f"hcmlc {__version__}, Python {sys.version.split()[0]}, "
        f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n"
        f"command: {' '.join(sys.argv)}\n\n"
    )
    log = cache_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(header + text, encoding="utf-8")
    except OSError:
        return text, None
    return text, log
