"""`hcmlc review approve|issues|reopen`: the coordinator's verdicts on an agency's items."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.i18n import _, counted
from hcmlc.repository.load import load
from hcmlc.signoffs.names import Verdict, review_path, translation_path
from hcmlc.signoffs.signing import Request, sign
from hcmlc.signoffs.translating import TranslationRequest, record_translations
from hcmlc.signoffs.translations import Rendering


@dataclass(frozen=True)
class ReviewOptions:
    """What `hcmlc review` was asked for: a verdict (approved, issues, reopened) or a
    rendering (translated, verified) on an agency's items."""

    verdict: str
    agency: str
    items: tuple[str, ...] = ()
    comment: str | None = None
    by: str | None = None
    cycle: str | None = None


def record_review(console: Console, root: Path, options: ReviewOptions) -> int:
    """Record the verdict on each item and say what was written."""
    request = Request(
        options.agency, options.items, Verdict(options.verdict), options.by, options.comment
    )
    repo = load(root, cache=True, keep=False)
    catalog = repo.require_sound_data()
    cycle = repo.cycle(options.cycle)
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


def record_translation(console: Console, root: Path, options: ReviewOptions) -> int:
    """Record the translation (or its verification) of each answer and say what was written."""
    request = TranslationRequest(
        options.agency, options.items, Rendering(options.verdict), options.by, options.comment
    )
    repo = load(root, cache=True, keep=False)
    catalog = repo.require_sound_data()
    cycle = repo.cycle(options.cycle)
    written = record_translations(root, catalog, repo.supplied, cycle, request)
    done = (
        _("recorded the English of {items} of {agency} as translations of their Vietnamese")
        if request.verdict is Rendering.TRANSLATED
        else _("verified the English of {items} of {agency}")
    )
    items = counted(len(written), "{n} answer", "{n} answers")
    console.print(
        _("{done} in {path}, signed by {by}: {ids}").format(
            done=done.format(items=items, agency=request.agency),
            path=translation_path(cycle.id),
            by=written[0].by,
            ids=", ".join(r.item for r in written),
        ),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    return 0
