"""The day hcmlc takes as today: the system's date, or `$HCMLC_TODAY` to replay a past day."""

from __future__ import annotations

import datetime as dt
import os

from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

ENV_VAR = "HCMLC_TODAY"


def today() -> dt.date:
    """`$HCMLC_TODAY` (YYYY-MM-DD) when set, else the system's date."""
    given = os.environ.get(ENV_VAR)
    if not given:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise HcmlcError(
            _("${name} is `{value}`, which is not a date").format(name=ENV_VAR, value=given),
            _("write it as YYYY-MM-DD, e.g. 2025-12-20, or unset it"),
        ) from None
