"""The Rich consoles every command writes to: colour and boxes only on a terminal."""

from __future__ import annotations

import sys

from rich.console import Console


class _Console(Console):
    """Rich's console, but a reader that went away (`| head`) is not an error: Rich would exit
    with status 1, which means "problems found in the data"; the CLI ends with 0 instead."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(stderr: bool = False) -> Console:
    """A console that is plain (no colour, wide lines) when its stream is not a terminal."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return _Console(file=stream, highlight=False)
    return _Console(file=stream, highlight=False, color_system=None, width=200, soft_wrap=False)
