"""The day a workbook was received, as the receiving side records it.

The sender's "date sent" cell (`Ngày gửi biểu`) is the sender's claim: `import` never writes it
as the file's `submitted:` date (a late agency could date itself on time). It is kept aside, to
be shown beside the fact, and the submission gets `received:`, the day of the import (or the day
the coordinator gives with `--received`), whenever the import changes it. `status` and the
report date the file's delivery by `received:` before `submitted:` (deliveries.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hcmlc.workbook.merged import Merged

CLAIM = "submitted"
"""The top field of the workbook that holds the sender's date."""
RECEIVED = "received"


def set_aside_claim(merged: Merged, current: dict[str, Any]) -> str | None:
    """The sender's date typed in the workbook (None if it typed none), taken out of what is
    written: the submission keeps the `submitted:` it had."""
    change = merged.changes.pop(("top", CLAIM), None)
    merged.details.pop(("top", CLAIM), None)
    claimed = merged.data.get(CLAIM)
    if CLAIM in current:
        merged.data[CLAIM] = current[CLAIM]
    else:
        merged.data.pop(CLAIM, None)
    if claimed is None or change is None or claimed == current.get(CLAIM):
        return None
    return str(claimed)


def stamp_received(merged: Merged, day: dt.date) -> None:
    """Record `day` as the day the submission's new content arrived, when it changes."""
    if merged.touched:
        merged.data[RECEIVED] = day.isoformat()
