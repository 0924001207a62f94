"""The Rich consoles every command writes to: colour and boxes only on a terminal."""

from __future__ import annotations

import sys

from rich.console import Console


def make_console(stderr: bool = False) -> Console:
    """A console that is plain (no colour, wide lines) when its stream is not a terminal."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(file=stream, highlight=False)
    return Console(file=stream, highlight=False, color_system=None, width=200, soft_wrap=False)
