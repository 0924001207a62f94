"""Where each supplied item stands in review: awaiting, has issues, approved, or approved and
changed since (stale). One definition for status, its JSON, the reminders and the documents."""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hcmlc.catalog import Catalog
from hcmlc.errors import DataError
from hcmlc.models.registry import Cycle
from hcmlc.results import Entry, ItemKind
from hcmlc.signoffs.content import digests_now
from hcmlc.signoffs.records import ReviewRecord, Verdict, latest, read_reviews, review_path

ReviewState = Literal["awaiting", "issues", "approved", "stale"]
REVIEW_STATES: tuple[ReviewState, ...] = ("awaiting", "issues", "approved", "stale")


@dataclass(frozen=True)
class ItemReview:
    """One supplied item of one agency and its review."""

    agency: str
    kind: ItemKind
    item: str
    state: ReviewState
    record: ReviewRecord | None = None
    """The last verdict on the item, whatever its state now."""

    @property
    def comment(self) -> str | None:
        return self.record.comment if self.record else None


@dataclass(frozen=True)
class Reviews:
    """The review of every supplied item of a cycle."""

    cycle: str
    items: list[ItemReview]

    def of(self, agency: str) -> list[ItemReview]:
        return [r for r in self.items if r.agency == agency]

    def counts(self, agency: str | None = None) -> dict[ReviewState, int]:
        found = dict.fromkeys(REVIEW_STATES, 0)
        for r in self.items:
            if agency in (None, r.agency):
                found[r.state] += 1
        return found

    def approved(self) -> set[tuple[str, ItemKind, str]]:
        """(agency, kind, item) of the items approved as they stand."""
        return {(r.agency, r.kind, r.item) for r in self.items if r.state == "approved"}


def build_reviews(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, agencies: Iterable[str] = ()
) -> Reviews:
    """The review of each item supplied in `cycle` (of `agencies`, or all); a broken review
    file is a data error (`validate` locates it)."""
    reviews, _doc, problems = read_reviews(root, cycle.id)
    if reviews is None:
        first = problems[0]
        raise DataError(f"{first.path}:{first.place}: {first.message}", first.hint)
    last = latest(reviews.reviews)
    signed = {agency for agency, _kind, _item in last}
    wanted = set(agencies)
    items = []
    groups = sorted(_groups(supplied), key=lambda g: (g[0][1], g[0][2] != "indicator"))
    for (cycle_id, agency, kind), ids in groups:
        if cycle_id != cycle.id or (wanted and agency not in wanted):
            continue
        digests = digests_now(root, cycle.id, agency) if agency in signed else {}
        for item in sorted(ids):
            record = last.get((agency, kind, item))
            state = _state(record, digests.get((kind, item)))
            items.append(ItemReview(agency, kind, item, state, record))
    return Reviews(cycle.id, items)


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


def _state(record: ReviewRecord | None, digest: str | None) -> ReviewState:
    if record is None or record.verdict is Verdict.REOPENED:
        return "awaiting"
    if record.verdict is Verdict.APPROVED:
        return "approved" if record.digest == digest else "stale"
    return "issues" if record.digest == digest else "awaiting"


def _groups(supplied: Set[Entry]) -> list[tuple[tuple[str, str, ItemKind], set[str]]]:
    from hcmlc.results import Entries

    grouped = supplied if isinstance(supplied, Entries) else Entries.of(supplied)
    return [(group, set(ids)) for group, ids in grouped.groups()]
