"""What the hostile cases share: a valid submission to start from, and how to read results."""

from __future__ import annotations

from typing import Any

GOOD = """\
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
"""
"""A valid submission of so-gddt for the 2023 cycle."""

SUBMISSION = "submissions/2023/so-gddt.yaml"


def located(problems: list[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each problem."""
    return [(p["path"], p["line"], p["column"], p["code"]) for p in problems]
