"""Telling which state of the repository a view read (core/history.py), on standard error: the
output's own stream keeps the view's words."""

from __future__ import annotations

from hcmlc.core.history import Snapshot
from hcmlc.render.console import make_console


def say_source(found: Snapshot) -> None:
    """The snapshot's note on standard error."""
    make_console(stderr=True).print(found.note(), markup=False, highlight=False)
