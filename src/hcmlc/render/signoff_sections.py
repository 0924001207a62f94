"""The sign-off sections of `status`: the review and the translation, once a cycle has them."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entry
from hcmlc.models.registry import Cycle
from hcmlc.render.reviews import render_reviews, reviews_dict
from hcmlc.render.translations import render_translations, translations_dict
from hcmlc.signoffs.english import translations_in_use
from hcmlc.signoffs.states import reviews_in_use


def signoff_documents(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, agency: str | None
) -> dict[str, Any]:
    """`reviews` and `translations` of the status JSON, those the cycle has."""
    found: dict[str, Any] = {}
    reviews = reviews_in_use(root, catalog, supplied, cycle)
    if reviews is not None:
        found["reviews"] = reviews_dict(reviews, agency)
    english = translations_in_use(root, catalog, supplied, cycle)
    if english is not None:
        found["translations"] = translations_dict(english, agency)
    return found


def render_signoffs(
    console: Console,
    root: Path,
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    agency: str | None,
) -> None:
    """The review section, then the translation section, those the cycle has."""
    reviews = reviews_in_use(root, catalog, supplied, cycle)
    if reviews is not None:
        render_reviews(console, reviews, catalog, agency)
    english = translations_in_use(root, catalog, supplied, cycle)
    if english is not None:
        render_translations(console, english, agency)
