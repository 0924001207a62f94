"""Where each supplied item stands in review: awaiting, has issues, approved, or approved and
changed since (stale). One definition for status, its JSON, the reminders and the documents."""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entries, Entry, ItemKind
from hcmlc.i18n import N_
from hcmlc.models.registry import Cycle
from hcmlc.repository.load import collector_paused
from hcmlc.signoffs.memo import Signed, review_summary
from hcmlc.signoffs.names import Verdict, review_path

ReviewState = Literal["awaiting", "issues", "approved", "stale"]
REVIEW_STATES: tuple[ReviewState, ...] = ("awaiting", "issues", "approved", "stale")
REVIEW_WORDS: dict[ReviewState, str] = {
    "awaiting": N_("awaiting review"),
    "issues": N_("has issues"),
    "approved": N_("approved"),
    "stale": N_("changed since approved"),
}
"""Each state as status, the page and the receipt name it (gettext, in their language)."""


@dataclass(frozen=True)
class ItemReview:
    """One supplied item of one agency and its review."""

    agency: str
    kind: ItemKind
    item: str
    state: ReviewState
    record: Signed | None = None
    """The last verdict on the item, whatever its state now."""

    @property
    def comment(self) -> str | None:
        return self.record.comment if self.record else None


Row = tuple[str, ItemKind, str, ReviewState, "list[Any] | None"]


@dataclass
class Reviews:
    """The review of every supplied item of a cycle: rows kept plain, items made when asked
    (a city has 12,000; the table shows their counts and a few)."""

    cycle: str
    rows: list[Row]
    signers: list[str] = field(default_factory=list)
    _by_agency: dict[str, dict[ReviewState, int]] | None = field(default=None, repr=False)

    @property
    def items(self) -> list[ItemReview]:
        return [self._item(row) for row in self.rows]

    def shown(self, states: tuple[ReviewState, ...]) -> list[ItemReview]:
        """The items in one of `states`."""
        return [self._item(row) for row in self.rows if row[3] in states]

    def of(self, agency: str) -> list[ItemReview]:
        return [self._item(row) for row in self.rows if row[0] == agency]

    def counts(self, agency: str | None = None) -> dict[ReviewState, int]:
        if agency is None:
            found = dict.fromkeys(REVIEW_STATES, 0)
            for row in self.rows:
                found[row[3]] += 1
            return found
        return self.by_agency().get(agency) or dict.fromkeys(REVIEW_STATES, 0)

    def by_agency(self) -> dict[str, dict[ReviewState, int]]:
        """Agency → its counts, in the order of the items; counted once, however many asked."""
        if self._by_agency is None:
            self._by_agency = {}
            for row in self.rows:
                counts = self._by_agency.setdefault(row[0], dict.fromkeys(REVIEW_STATES, 0))
                counts[row[3]] += 1
        return self._by_agency

    def approved(self) -> set[tuple[str, ItemKind, str]]:
        """(agency, kind, item) of the items approved as they stand."""
        return {(a, k, i) for a, k, i, state, _s in self.rows if state == "approved"}

    def _item(self, row: Row) -> ItemReview:
        agency, kind, item, state, signed = row
        record = None
        if signed is not None:
            _state, verdict, signer, at, comment = signed
            record = Signed(verdict, "", self.signers[signer], at, comment)
        return ItemReview(agency, kind, item, state, record)


def build_reviews(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, agencies: Iterable[str] = ()
) -> Reviews:
    """The review of each item supplied in `cycle` (of `agencies`, or all); a broken review
    file is a data error (`validate` locates it)."""
    with collector_paused():  # 12,000 rows over the heap of the whole city's entries
        return _build_reviews(root, supplied, cycle, agencies)


def _build_reviews(
    root: Path, supplied: Set[Entry], cycle: Cycle, agencies: Iterable[str]
) -> Reviews:
    signers, summary = review_summary(root, cycle.id, _state)
    wanted = set(agencies)
    grouped = supplied if isinstance(supplied, Entries) else Entries.of(supplied)
    groups = sorted(
        (group for group in grouped.groups() if group[0][0] == cycle.id),
        key=lambda g: (g[0][1], g[0][2] != "indicator"),
    )
    rows: list[Row] = []
    counts: dict[str, dict[ReviewState, int]] = {}
    for (_cycle, agency, kind), ids in groups:
        if wanted and agency not in wanted:
            continue
        prefix = kind + "\t"
        signed = summary.get(agency, {}).get
        tally = counts.setdefault(agency, dict.fromkeys(REVIEW_STATES, 0))
        for item in sorted(ids):
            entry = signed(prefix + item)
            state: ReviewState = entry[0] if entry else "awaiting"
            tally[state] += 1
            rows.append((agency, kind, item, state, entry))
    return Reviews(cycle.id, rows, signers, counts)


def reviews_in_use(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle
) -> Reviews | None:
    """The cycle's reviews once the coordinator has signed anything in it (a review file
    exists); None before, so that a city not reviewing sees no review section."""
    if not (root / review_path(cycle.id)).exists():
        return None
    return build_reviews(root, catalog, supplied, cycle)


def issues_of(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle
) -> dict[tuple[str, str, str], str]:
    """(agency, kind, item) → the coordinator's comment, for each item that has issues."""
    reviews = reviews_in_use(root, catalog, supplied, cycle)
    if reviews is None:
        return {}
    return {
        (r.agency, r.kind, r.item): r.comment or "" for r in reviews.items if r.state == "issues"
    }


def _state(record: Signed | None, digest: str | None) -> ReviewState:
    if record is None or record.verdict == Verdict.REOPENED:
        return "awaiting"
    if record.verdict == Verdict.APPROVED:
        return "approved" if record.digest == digest else "stale"
    return "issues" if record.digest == digest else "awaiting"
