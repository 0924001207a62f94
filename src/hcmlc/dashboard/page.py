"""The whole status page: its headline, delivery tables, targets and links, or, when data/ is
too broken to read, a page that says so and shows no figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from hcmlc import __version__
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.open_cycles import still_open
from hcmlc.dashboard.dates import (
    DatesBlock,
    EarlierBlock,
    dates_block,
    earlier_blocks,
    interim_note,
)
from hcmlc.dashboard.delivery import (
    AreaBlock,
    DeliveryWriter,
    Headline,
    Line,
    UnitBlock,
    UnownedLine,
)
from hcmlc.dashboard.documents import DocumentGroup, Wanted, document_groups
from hcmlc.dashboard.reorganised import reorganised
from hcmlc.dashboard.signoffs import (
    EnglishSection,
    ReviewSection,
    english_section,
    review_section,
)
from hcmlc.dashboard.targets import VALIDATE, Targets, targets_section
from hcmlc.dashboard.words import LABELS, counted, word
from hcmlc.documents.snapshot import Snapshot, take
from hcmlc.i18n import Lang
from hcmlc.models.registry import Cycle
from hcmlc.repository.fingerprint import Fingerprint
from hcmlc.repository.load import Repository
from hcmlc.repository.revision import Revision
from hcmlc.text.dates import day_text


@dataclass(frozen=True)
class Banner:
    """The warning at the top of a page built from data with errors."""

    errors: int
    text: str
    command: str


@dataclass(frozen=True)
class Dashboard:
    """The whole page, worded in `lang`."""

    lang: Lang
    title: str
    labels: dict[str, str]
    as_of: str
    footer: str
    banner: Banner | None = None
    cycle: str | None = None
    """The cycle's heading; None when data/ is too broken to know it."""
    revision: str | None = None
    headline: Headline | None = None
    notes: list[str] = field(default_factory=list)
    agencies: list[Line] = field(default_factory=list)
    unit_groups: list[UnitBlock] = field(default_factory=list)
    """The wards, communes and special zone (or districts) by kind, each expandable."""
    reorganised: list[str] = field(default_factory=list)
    unowned: list[UnownedLine] = field(default_factory=list)
    areas: list[AreaBlock] = field(default_factory=list)
    targets: Targets | None = None
    documents: list[DocumentGroup] = field(default_factory=list)
    interim: str | None = None
    """Said while the cycle ending the year of the report is not closed: the report is interim."""
    dates: DatesBlock | None = None
    earlier: list[EarlierBlock] = field(default_factory=list)
    review: ReviewSection | None = None
    english: EnglishSection | None = None
    fingerprint: Fingerprint | None = None
    """The data and day the page was built from, which the documents it publishes carry."""


def build_dashboard(
    repo: Repository,
    cycle: Cycle | None,
    as_of: dt.date,
    lang: Lang,
    *,
    revision: Revision | None = None,
    deliveries: dict[FileKey, Delivery] | None = None,
    documents: Iterable[tuple[Wanted, int]] = (),
    snapshot: Snapshot | None = None,
    fingerprint: Fingerprint | None = None,
) -> Dashboard:
    """The page of `cycle` on `as_of`; without a catalog (data/ broken) or a cycle, a page with
    the banner only. `documents`: the wanted documents found, with their size in bytes."""
    catalog = repo.catalog
    city = catalog.assignments.city.get(lang) if catalog else "hcmlc"
    page = Dashboard(
        lang=lang,
        title=word("title", lang, city=city),
        labels={key: words[lang] for key, words in LABELS.items()},
        as_of=word("as-of", lang, day=day_text(as_of, lang)),
        footer=word("footer", lang, version=__version__),
        banner=_banner(repo.error_count, broken=catalog is None, lang=lang),
        revision=_revision(revision, lang),
        fingerprint=fingerprint,
    )
    if catalog is None or cycle is None:
        return page
    snapshot = snapshot or take(repo, cycle, as_of, lang, deliveries)
    writer = DeliveryWriter(catalog, snapshot.status, lang)
    interim = interim_note(catalog, cycle.last_year, as_of, lang)
    earlier = still_open(catalog, repo.supplied, cycle, as_of, snapshot.deliveries)
    return dataclasses.replace(
        page,
        cycle=word("cycle", lang, cycle=cycle.id, title=cycle.title.get(lang)),
        headline=writer.headline(),
        notes=writer.notes(),
        agencies=writer.agencies(),
        unit_groups=writer.unit_groups(),
        reorganised=reorganised(catalog, cycle, lang),
        unowned=writer.unowned(),
        areas=writer.areas(),
        targets=targets_section(snapshot, lang),
        documents=document_groups(
            list(documents), lang, {str(cycle.last_year)} if interim else frozenset()
        ),
        interim=interim,
        dates=dates_block(snapshot.status, catalog, lang),
        earlier=earlier_blocks(earlier, catalog, lang),
        # the sign-offs as the repository held them on the day; None before any is recorded
        review=review_section(repo.root, catalog, repo.supplied, cycle, lang),
        english=english_section(repo.root, catalog, repo.supplied, cycle, lang),
    )


def _banner(errors: int, *, broken: bool, lang: Lang) -> Banner | None:
    if not errors:
        return None
    count = word("banner-count", lang, errors=counted("errors", errors, lang))
    if broken:
        text = f"{word('broken-data', lang)} {count}"
    else:
        text = f"{count} {word('banner-left-out', lang)}"
    return Banner(errors, text, word("banner-command", lang, command=VALIDATE))


def _revision(found: Revision | None, lang: Lang) -> str | None:
    if found is None:
        return None
    text = word("revision", lang, commit=found.short, day=day_text(found.day, lang))
    return f"{text}, {word('revision-changed', lang)}" if found.changed else text
