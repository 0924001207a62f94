"""When a file of submissions arrived, as the views count it: a delivery and its day.

How a delivery is dated (a `submitted:` date, git history) is the repository's business
(repository/deliveries.py); the views only ask whether it had arrived on a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from hcmlc.core.receiving import ReceivedDates
    from hcmlc.core.results import Entry

Source = Literal["submitted", "commit", "unknown"]
FileKey = tuple[str, str]
"""(agency, cycle) of a submission file."""


@dataclass(frozen=True)
class Delivery:
    """When one agency delivered its file of one cycle, and how that is known."""

    path: str
    day: dt.date | None
    source: Source

    def by(self, as_of: dt.date) -> bool:
        """Whether the file had arrived on `as_of` (an undated file always has)."""
        return self.day is None or self.day <= as_of


class Deliveries(dict[FileKey, Delivery]):
    """Each file's delivery, and, where history can tell, each entry's (receiving.py)."""

    def __init__(self, files: dict[FileKey, Delivery], dates: ReceivedDates | None) -> None:
        super().__init__(files)
        self.dates = dates


def delivered_by(
    supplied: Set[Entry], delivered: dict[FileKey, Delivery], as_of: dt.date
) -> set[Entry]:
    """The entries of `supplied` whose file had arrived on `as_of`: a view as of a day knows
    nothing of later deliveries (status applies the same rule to each obligation)."""
    return {
        entry
        for entry in supplied
        if (found := delivered.get((entry[1], entry[0]))) is None or found.by(as_of)
    }
