"""The day hcmlc takes as today: the date in the city's time zone (the system's until a command
has found its repository), or `$HCMLC_TODAY` to replay a past day. One definition for every
command: a view's day, the day a workbook was received, the days history reads (past.py) — a
runner on UTC between 17:00 and midnight is already in Ho Chi Minh City's next day."""

from __future__ import annotations

import datetime as dt
import os

from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

ENV_VAR = "HCMLC_TODAY"


_city_zone: dt.tzinfo | None = None
"""The time zone of the repository the running command reads (`in_city`); None before."""


def in_city(zone: dt.tzinfo | None) -> None:
    """Take today in `zone` from now on: the city's, once a command has found its repository."""
    global _city_zone
    _city_zone = zone


def today(zone: dt.tzinfo | None = None) -> dt.date:
    """`$HCMLC_TODAY` (YYYY-MM-DD) when set, else the date now in `zone`, by default the city's
    (`in_city`; the system's before a repository is found)."""
    given = os.environ.get(ENV_VAR)
    if not given:
        return _now(zone or _city_zone).date()
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise HcmlcError(
            _("${name} is `{value}`, which is not a date").format(name=ENV_VAR, value=given),
            _("write it as YYYY-MM-DD, e.g. 2025-12-20, or unset it"),
        ) from None


def _now(zone: dt.tzinfo | None) -> dt.datetime:
    """Now in `zone` (None: the system's time zone)."""
    return dt.datetime.now(zone)
