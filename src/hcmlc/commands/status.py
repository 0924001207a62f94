"""`hcmlc status`: who owes what in a cycle, what arrived, what is late."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console

from hcmlc.i18n import current_language
from hcmlc.render import status as reporters
from hcmlc.render.diagnostics import write_json
from hcmlc.render.reviews import render_reviews, reviews_dict
from hcmlc.render.translations import render_translations, translations_dict
from hcmlc.repository import load
from hcmlc.signoffs.english import translations_in_use
from hcmlc.signoffs.states import reviews_in_use
from hcmlc.status import build_status, check_agency


def run(
    console: Console,
    root: Path,
    cycle_id: str | None,
    as_of: dt.date,
    agency: str | None,
    output: str,
    *,
    cache: bool = False,
    indent: int | None = None,
) -> int:
    repo = load(root, cache=cache, keep=False)
    catalog = repo.require_catalog()
    cycle = repo.cycle(cycle_id)
    if agency is not None:
        check_agency(catalog, agency)
    lang = current_language()
    status = build_status(
        catalog,
        repo.supplied,
        cycle,
        as_of,
        repo.error_count,
        lang,
        repo.deliveries(),
        repo.figures,
    )
    reviews = reviews_in_use(root, catalog, repo.supplied, cycle)
    english = translations_in_use(root, catalog, repo.supplied, cycle)
    if output == "json":
        document = reporters.status_document(status, agency, catalog)
        if reviews is not None:
            document["reviews"] = reviews_dict(reviews, agency)
        if english is not None:
            document["translations"] = translations_dict(english, agency)
        write_json(console, document, indent)
        return 1 if repo.error_count else 0
    if agency:
        reporters.render_todo(console, status, catalog, agency)
    else:
        reporters.render_table(console, status, catalog)
    if reviews is not None:
        render_reviews(console, reviews, catalog, agency)
    if english is not None:
        render_translations(console, english, agency)
    return 1 if repo.error_count else 0
