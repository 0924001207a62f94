"""The day each entry counts as delivered, from the receiving side.

The fact is the day its content reached the branch (received.py). What the sender writes
(`submitted:`, the workbook's "Ngày gửi biểu") is a claim: shown beside the fact when the two
differ by more than `TOLERANCE`, and counted only when the coordinator confirms it
(data/confirmations.yaml). An entry whose content held at the deadline was replaced after it
is revised after the deadline ("sửa sau hạn"): it counts from the day the content of the
deadline arrived, and the revision is named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from hcmlc.core.results import ItemKind

Change = tuple[dt.date, str | None]
"""The day a change reached the branch, and the entry's content from then (None: removed)."""
Key = tuple[str, str, ItemKind, str]
"""(cycle, agency, kind, item), as `results.Entry`."""


@dataclass(frozen=True)
class Receipt:
    """The changes of one entry's content, oldest first, as the branch received them."""

    changes: tuple[Change, ...]
    blobs: tuple[str | None, ...] = ()
    """The file version that brought each change, where it was read: "<blob> <path>"."""

    def blob_at(self, deadline: dt.date) -> str | None:
        """The file version holding the entry's content at the end of `deadline`, if known."""
        found = None
        for (day, _content), blob in zip(self.changes, self.blobs, strict=False):
            if day > deadline:
                break
            found = blob
        return found

    @property
    def received(self) -> dt.date | None:
        """The day the current content arrived; None when the entry is no longer there."""
        day, content = self.changes[-1]
        return day if content is not None else None

    def at(self, deadline: dt.date) -> tuple[dt.date, str] | None:
        """The content the entry held at the end of `deadline`, and the day it arrived."""
        held = None
        for day, content in self.changes:
            if day > deadline:
                break
            held = (day, content) if content is not None else None
        return held

    def revised_after(self, deadline: dt.date) -> dt.date | None:
        """The day the content held at the deadline was last replaced, if it was."""
        held = self.at(deadline)
        if held is None or self.changes[-1][1] in (None, held[1]):
            return None
        return self.changes[-1][0]


class Receipts(Protocol):
    """The receipts of the entries of the files at a commit (repository/received.py)."""

    def get(self, key: Key) -> Receipt | None: ...

    def single_day(self, key: Key) -> dt.date | None: ...

    @property
    def added(self) -> dict[str, dt.date]:
        """Path → the day of the commit that last added it."""
        ...


TOLERANCE = dt.timedelta(days=1)
"""A claim this close to the fact is not shown: a file sent in the evening is received the next
morning."""
DateSource = Literal["received", "confirmed", "uncommitted", "declared", "commit", "unknown"]
"""How the day that counts is known: received by the branch, a claim the coordinator confirmed,
not yet committed (today), and, where history cannot tell, the sender's declared date, the
commit that added the file, or not at all."""
FileKey = tuple[str, str]


@dataclass(frozen=True)
class EntryDate:
    """The day an entry counts as delivered, how that is known, and what else is told."""

    day: dt.date | None
    source: DateSource
    received: dt.date | None = None
    """The day its current content reached the branch."""
    claimed: dt.date | None = None
    """The date its file claims, when it differs from `received` by more than `TOLERANCE`."""
    confirmed_by: str | None = None
    revised: dt.date | None = None
    """The day the content held at the deadline was replaced (sửa sau hạn)."""

    @property
    def says_more(self) -> bool:
        """Whether these dates tell more than the day counted: a claim, a confirmation, a
        revision after the deadline (what status and the page list)."""
        return self.claimed is not None or self.confirmed_by is not None or self.revised is not None


@dataclass(frozen=True)
class ReceivedDates:
    """Each entry's receipt, the working tree's uncommitted entries, the files' claims and the
    coordinator's confirmations: what `of` judges an entry by."""

    receipts: Receipts
    today: dt.date
    pending: Mapping[tuple[str, str, ItemKind, str], str] = field(default_factory=dict)
    claims: dict[FileKey, dt.date] = field(default_factory=dict)
    confirmed: dict[FileKey, tuple[dt.date, str]] = field(default_factory=dict)
    accepted: Callable[[str, tuple[str, str, ItemKind, str]], bool] | None = None
    """Whether an entry passed validation in a version of its file (received.accepted_in)."""
    _files: dict[tuple[str, str, dt.date], EntryDate] = field(default_factory=dict)
    """The date of the entries of a file of one version, the same for each: made once."""

    def of(
        self, cycle: str, agency: str, kind: ItemKind, item: str, deadline: dt.date
    ) -> EntryDate:
        """The day the entry counts as delivered, judged against `deadline`."""
        key = (cycle, agency, kind, item)
        if key not in self.pending:  # most entries: a file of one version, never revised
            single = self.receipts.single_day(key)
            if single is not None:
                known = self._files.get((agency, cycle, single))
                if known is None:
                    known = self._claimed(agency, cycle, single, single, "received", None)
                    self._files[(agency, cycle, single)] = known
                return known
        receipt = self.receipts.get(key)
        held = receipt.at(deadline) if receipt else None
        source: DateSource
        if key in self.pending:
            received, source = self.today, "uncommitted"
            revised = self.today if held and held[0] <= deadline < self.today else None
        elif receipt is not None and receipt.received is not None:
            received, source = receipt.received, "received"
            revised = receipt.revised_after(deadline)
            blob = receipt.blob_at(deadline) if revised is not None else None
            if blob is not None and self.accepted is not None and not self.accepted(blob, key):
                revised = None  # what it held at the deadline had errors: delivered when fixed
        else:
            return EntryDate(None, "unknown")
        day = held[0] if revised is not None and held is not None else received
        return self._claimed(agency, cycle, day, received, source, revised)

    def _claimed(
        self,
        agency: str,
        cycle: str,
        day: dt.date,
        received: dt.date,
        source: DateSource,
        revised: dt.date | None,
    ) -> EntryDate:
        """The entry's date with its file's claim beside it, counted if confirmed."""
        claim = self.claims.get((agency, cycle))
        confirmation = self.confirmed.get((agency, cycle))
        confirmed_by = None
        if confirmation is not None and confirmation[0] == claim and claim < day:
            day, source, confirmed_by = claim, "confirmed", confirmation[1]
        shown = claim if claim is not None and abs(claim - received) > TOLERANCE else None
        return EntryDate(day, source, received, shown, confirmed_by, revised)


FILE_SOURCES: dict[str, DateSource] = {"submitted": "declared", "commit": "commit"}


def declared(source: str) -> DateSource:
    """The date source of a file-level delivery (deliveries.py), where history cannot tell."""
    return FILE_SOURCES.get(source, "unknown")
