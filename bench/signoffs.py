"""Sign-offs at city scale for bench/city.py: the coordinator's approval of every item of the
current cycle, written as `hcmlc review` writes it, so that status can be timed with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def approve_everything(root: Path) -> int:
    """Write signoffs/reviews/<current cycle>.yaml approving every supplied item; their count."""
    from hcmlc.repository.load import load
    from hcmlc.signoffs.content import digests_now
    from hcmlc.signoffs.names import Verdict
    from hcmlc.signoffs.records import ReviewFile, ReviewRecord, write_reviews

    repo = load(root, keep=False)
    catalog = repo.require_catalog()
    cycle = catalog.cycles[catalog.assignments.current_cycle]
    by, at = catalog.assignments.coordinators[0], dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    records = []
    for (cycle_id, agency, kind), items in sorted(repo.supplied.groups()):  # type: ignore[attr-defined]
        if cycle_id != cycle.id:
            continue
        digests = digests_now(root, cycle.id, agency)
        records += [
            ReviewRecord(
                agency=agency,
                item=item,
                kind=kind,
                digest=digests[(kind, item)],
                verdict=Verdict.APPROVED,
                by=by,
                at=at,
            )
            for item in sorted(items)
        ]
    write_reviews(root, ReviewFile(cycle=cycle.id, reviews=records))
    return len(records)
