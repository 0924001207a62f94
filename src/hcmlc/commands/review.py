"""`hcmlc review approve|issues|reopen`: the coordinator's verdicts on an agency's items."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.i18n import _, counted
from hcmlc.repository import load
from hcmlc.signoffs.records import Verdict, review_path
from hcmlc.signoffs.signing import Request, sign


def run(console: Console, root: Path, cycle_id: str | None, request: Request) -> int:
    """Record the verdict on each item and say what was written."""
    repo = load(root, cache=True, keep=False)
    catalog = repo.require_sound_data()
    cycle = repo.cycle(cycle_id)
    written = sign(root, catalog, repo.supplied, cycle, request)
    items = counted(len(written), "{n} item", "{n} items")
    said = {
        Verdict.APPROVED: _("approved {items} of {agency}"),
        Verdict.ISSUES: _("marked {items} of {agency} as having issues"),
        Verdict.REOPENED: _("reopened {items} of {agency}"),
    }[request.verdict]
    console.print(
        _("{done} in {path}, signed by {by}: {ids}").format(
            done=said.format(items=items, agency=request.agency),
            path=review_path(cycle.id),
            by=written[0].by,
            ids=", ".join(r.item for r in written),
        ),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        _("commit {path}: the record is the sign-off").format(path=review_path(cycle.id)),
        markup=False,
        highlight=False,
    )
    return 0
