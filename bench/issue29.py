"""Issue 29's targets (fast where people wait, linear in the years), from the rows of one run
of bench/city.py, in processor time: on a machine others share, CPU time tells the work done
when the wall time cannot. Each is a ratio to the minimal Typer app's `--help` of the same run."""

from __future__ import annotations

import os
from typing import Any

Target = tuple[str, float, float, str]

FLOOR = "minimal Typer app --help"
AGAINST_HELP = [
    ("bundled: report, first run (no chart cache)", 6.0),
    ("bundled: report again (charts cached)", 2.5),
]
"""Rows measured against the floor, with the largest ratio allowed."""


def targets(rows: dict[str, Any]) -> list[Target]:
    """Every target of issue 29 whose rows this run measured."""
    found: list[Target] = []
    floor = rows[FLOOR].cpu
    for name, limit in AGAINST_HELP:
        if name in rows and floor > 0:
            ratio = rows[name].cpu / floor
            label = f"{name} ÷ {FLOOR}, in CPU time ≤ {limit}"
            found.append((label, ratio, limit, f"{ratio:.2f}×"))
    return found


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as the run ends."""
    try:
        return ", ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"
