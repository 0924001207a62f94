"""The coordinator's verdicts on an agency's items, bound to the content's digest."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from hcmlc.clock import ENV_VAR, today
from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entry, ItemKind
from hcmlc.core.status import check_agency
from hcmlc.documents.codeowners import CODEOWNERS_PATH, REVIEWS_PATTERN, signoff_owners
from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.signoffs.checks import codeowners_line
from hcmlc.signoffs.content import digests_now
from hcmlc.signoffs.names import Verdict
from hcmlc.signoffs.records import ReviewRecord, read_reviews, write_reviews
from hcmlc.text.suggest import did_you_mean

COMMANDS = {Verdict.APPROVED: "approve", Verdict.ISSUES: "issues", Verdict.REOPENED: "reopen"}
"""The `hcmlc review` subcommand that records each verdict."""


@dataclass(frozen=True)
class Request:
    """What the coordinator asks `hcmlc review` to record."""

    agency: str
    items: tuple[str, ...]
    """Indicator or question ids; empty: every item the agency supplied."""
    verdict: Verdict
    by: str | None
    comment: str | None


def sign(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, request: Request
) -> list[ReviewRecord]:
    """Append one record per item to the cycle's review file; the records written."""
    check_agency(catalog, request.agency)
    if request.verdict is not Verdict.APPROVED and not (request.comment or "").strip():
        raise HcmlcError(
            _("`hcmlc review {command}` needs a comment saying why").format(
                command=COMMANDS[request.verdict]
            ),
            _('add --comment "…": the agency reads it in its reminder'),
        )
    by = signer(root, catalog, request.by)
    reviews, _doc, problems = read_reviews(root, cycle.id)
    if reviews is None or problems:
        first = problems[0]
        raise DataError(f"{first.path}:{first.place}: {first.message}", first.hint)
    items = _items(catalog, supplied, cycle, request)
    digests = digests_now(root, cycle.id, request.agency)
    now = signing_time()
    written = [
        ReviewRecord(
            agency=request.agency,
            item=item,
            kind=kind,
            digest=digests[(kind, item)],
            verdict=request.verdict,
            by=by,
            at=now,
            comment=(request.comment or "").strip() or None,
        )
        for kind, item in items
    ]
    write_reviews(root, reviews.model_copy(update={"reviews": [*reviews.reviews, *written]}))
    return written


def signer(root: Path, catalog: Catalog, by: str | None) -> str:
    """Who signs: `by`, which must be a coordinator; the only coordinator when not given."""
    coordinators = signoff_owners(catalog.assignments, REVIEWS_PATTERN)
    if by is None and len(coordinators) == 1:
        return coordinators[0]
    if by is not None and by in coordinators:
        return by
    line = codeowners_line(root, REVIEWS_PATTERN)
    rule = f"{CODEOWNERS_PATH}:{line[0]}: {line[1]}" if line else CODEOWNERS_PATH
    if by is None:
        raise HcmlcError(
            _("say who signs: --by with one of the coordinators ({owners})").format(
                owners=", ".join(coordinators) or "—"
            ),
            _("the coordinators sign reviews ({rule})").format(rule=rule),
        )
    raise HcmlcError(
        _("`{by}` is not a coordinator, the role that signs reviews ({rule})").format(
            by=by, rule=rule
        ),
        _(
            "the coordinators are listed under `coordinators:` in data/assignments.yaml: {owners}"
        ).format(owners=", ".join(coordinators) or "—"),
    )


def signing_time() -> dt.datetime:
    """Now, to the second, in UTC; the start of `$HCMLC_TODAY` when a past day is replayed."""
    if os.environ.get(ENV_VAR):
        return dt.datetime.combine(today(), dt.time(), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _items(
    catalog: Catalog, supplied: Set[Entry], cycle: Cycle, request: Request
) -> list[tuple[ItemKind, str]]:
    """The (kind, item) pairs the request names, each supplied without error by the agency."""
    kinds: tuple[ItemKind, ...] = ("indicator", "answer")
    mine = [
        (k, i)
        for k in kinds
        for i in sorted(catalog.owners(k, cycle))
        if (cycle.id, request.agency, k, i) in supplied
    ]
    if not request.items:
        if not mine:
            raise HcmlcError(
                _("{agency} has supplied nothing in cycle {cycle} to review").format(
                    agency=request.agency, cycle=cycle.id
                ),
                _("`hcmlc status --agency {agency}` shows what it owes").format(
                    agency=request.agency
                ),
            )
        return mine
    chosen = []
    for item in request.items:
        kind: ItemKind = "indicator" if item in catalog.indicators else "answer"
        if item not in catalog.indicators and item not in catalog.questions:
            raise HcmlcError(
                _("unknown item `{ref}`").format(ref=item),
                did_you_mean(item, [*catalog.indicators, *catalog.questions])
                or _("name indicator or question ids, as `hcmlc status --agency` lists them"),
            )
        if (kind, item) not in mine:
            raise HcmlcError(
                _("{agency} has not supplied `{ref}` in cycle {cycle}, or it has errors").format(
                    agency=request.agency, ref=item, cycle=cycle.id
                ),
                _("`hcmlc validate` and `hcmlc status --agency {agency}` say why").format(
                    agency=request.agency
                ),
            )
        chosen.append((kind, item))
    return chosen
