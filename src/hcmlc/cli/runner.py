"""How every command runs: find the repository, parse the options, call the command's function,
and turn hcmlc's errors into messages and exit codes (a bug into a crash log)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from hcmlc.cli import crash
from hcmlc.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

Body = Callable[["Console", Path], int]
"""A command's body: given a console and the repository root, returns an exit code."""

Options = TypeVar("Options")

INTERNAL_ERROR = 3


def run_command(
    command: Callable[[Console, Path, Options], int],
    options: Callable[[], Options],
    root: Path | None,
) -> None:
    """Run `command` on the repository with the object `options()` parses from the command
    line: a value it refuses (a day that is no date) is said like any of hcmlc's errors."""

    def body(console: Console, repo_root: Path) -> int:
        _in_city(repo_root)
        return command(console, repo_root, options())

    in_repository(body, root)


def _in_city(root: Path) -> None:
    """Take today in the city of the repository at `root` (clock.py): in its time zone, as the
    history of its deliveries is read; the system's when data/ cannot tell."""
    from hcmlc import clock
    from hcmlc.errors import HcmlcError
    from hcmlc.repository.past import city_zone

    try:
        clock.in_city(city_zone(root))
    except (HcmlcError, OSError):
        clock.in_city(None)


def in_repository(body: Body, root: Path | None) -> None:
    """Find the repository, run `body`, turn hcmlc's errors into messages and exit codes."""
    from hcmlc.errors import HcmlcError
    from hcmlc.render.console import make_console
    from hcmlc.render.escape import visible
    from hcmlc.repository.load import find_root

    errors = make_console(stderr=True)
    try:
        repo_root = root.resolve() if root else find_root(Path.cwd())
        code = body(make_console(), repo_root)
        sys.stdout.flush()  # here, so that a reader that went away is seen below
    except BrokenPipeError:  # `hcmlc status | head`: the reader has what it wanted
        _stdout_to_devnull()
        code = 0
    except HcmlcError as exc:  # its message may quote input: one line, controls shown
        message = _("error: {message}").format(message=visible(str(exc)))
        errors.print(message, markup=False, highlight=False, soft_wrap=True)
        if exc.hint:
            hint = _("hint: {hint}").format(hint=visible(exc.hint))
            errors.print(hint, markup=False, highlight=False, soft_wrap=True)
        code = exc.exit_code
    except Exception as exc:  # a bug: its traceback kept in a log, shown with --debug
        trace, log = crash.record(exc)
        if crash.debugging():
            errors.print(trace, markup=False, highlight=False, end="")
        errors.print(
            _("internal error: {error}").format(error=visible(f"{type(exc).__name__}: {exc}")),
            markup=False,
            highlight=False,
        )
        hint = (
            _("hint: this is a bug in hcmlc; please report it with the command you ran")
            if log is None
            else _(
                "hint: this is a bug in hcmlc; please report it with the command you ran "
                "and the file {log}"
            ).format(log=visible(str(log)))
        )
        errors.print(hint, markup=False, highlight=False, soft_wrap=True)
        code = INTERNAL_ERROR
    raise typer.Exit(code)


def _stdout_to_devnull() -> None:
    """Send what is left of standard output nowhere: Python would otherwise report the closed
    pipe once more when it flushes at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
