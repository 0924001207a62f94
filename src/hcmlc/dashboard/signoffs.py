"""The page's sign-off sections, once a cycle has them: the coordinator's review of each
agency's figures (awaiting, has issues with the comment, approved, changed since approved) and
the English of the form's answers (untranslated … verified). The same objects as `status`
(signoffs/states.py, signoffs/english.py), their states named by the same words, in the
page's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entry
from hcmlc.core.unit_groups import is_unit
from hcmlc.i18n import Lang, Wording, translations
from hcmlc.models.registry import Cycle
from hcmlc.signoffs.english import ENGLISH_STATES, ENGLISH_WORDS, translations_in_use
from hcmlc.signoffs.states import REVIEW_STATES, REVIEW_WORDS, reviews_in_use
from hcmlc.text.dates import day_text

WORDS = Wording(
    {
        "review": {"vi": "Rà soát số liệu kỳ {cycle}", "en": "Review of cycle {cycle}"},
        "review-intro": {
            "vi": "Đơn vị điều phối rà soát số liệu của từng đơn vị trước khi đưa vào mẫu đơn và "
            "báo cáo. Số liệu đã duyệt mà bị sửa sau đó phải được rà soát lại.",
            "en": "The coordinator reviews each agency's figures before they go into the form "
            "and the report. An approved figure that changes afterwards must be reviewed again.",
        },
        "review-total": {"vi": "Toàn thành phố", "en": "All agencies"},
        "review-units": {"vi": "Phường, xã, đặc khu", "en": "Wards, communes and special zone"},
        "review-units-list": {
            "vi": "Từng phường, xã, đặc khu ({n})",
            "en": "Each ward, commune and special zone ({n})",
        },
        "review-items": {
            "vi": "Nội dung có vấn đề hoặc đã sửa sau khi duyệt",
            "en": "Items with issues, or changed since approved",
        },
        "col-state": {"vi": "Tình trạng", "en": "State"},
        "col-comment": {"vi": "Ý kiến", "en": "Comment"},
        "signed": {"vi": "{by}, ngày {day}", "en": "{by}, {day}"},
        "english": {
            "vi": "Bản dịch tiếng Anh kỳ {cycle}",
            "en": "English translation, cycle {cycle}",
        },
        "english-intro": {
            "vi": "Mỗi câu trả lời tiếng Anh gắn với đúng đoạn tiếng Việt nó dịch; khi tiếng Việt "
            "thay đổi, bản dịch trở thành lỗi thời và phải được dịch và thẩm định lại.",
            "en": "Each English answer is bound to the Vietnamese it translates; when the "
            "Vietnamese changes, the translation is stale and must be translated and verified "
            "again.",
        },
        "col-answers": {"vi": "Câu trả lời", "en": "Answers"},
        "english-items": {"vi": "Chưa được thẩm định", "en": "Not verified as they stand"},
    }
)
"""The page's words for the sign-off sections (document content, per language)."""


@dataclass(frozen=True)
class ReviewRow:
    """An agency's items by review state (`counts` in the order of REVIEW_STATES)."""

    id: str
    name: str
    counts: list[int]


@dataclass(frozen=True)
class ReviewItem:
    agency: str
    name: str
    item: str
    state: str
    state_text: str
    comment: str


@dataclass(frozen=True)
class ReviewSection:
    title: str
    intro: str
    states: list[tuple[str, str]]
    """(state, its words) in the order of the columns."""
    total: ReviewRow
    agencies: list[ReviewRow]
    """The departments and city organisations, in registry order."""
    units: ReviewRow | None
    """The local units summed, listed in `unit_rows`; None when none has supplied anything."""
    unit_rows: list[ReviewRow]
    units_listed: str
    items: list[ReviewItem]
    """The items that have issues or changed since approved."""
    items_title: str
    columns: tuple[str, str]
    """The headings of the state and of the comment."""


@dataclass(frozen=True)
class EnglishItem:
    agency: str
    name: str
    item: str
    state: str
    state_text: str


@dataclass(frozen=True)
class EnglishSection:
    title: str
    intro: str
    counts: list[tuple[str, str, int]]
    """(state, its words, answers) for every state."""
    items: list[EnglishItem]
    """The answers whose English is not verified as it stands."""
    items_title: str
    state_column: str


def review_section(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, lang: Lang
) -> ReviewSection | None:
    """The review of `cycle` as status shows it; None before the coordinator signs anything."""
    reviews = reviews_in_use(root, catalog, supplied, cycle)
    if reviews is None:
        return None
    words = translations(lang).gettext
    by_agency = reviews.by_agency()
    rows = [
        ReviewRow(a.id, a.name.get(lang), [by_agency[a.id][s] for s in REVIEW_STATES])
        for a in catalog.assignments.agencies
        if a.id in by_agency
    ]
    units = [row for row in rows if is_unit(catalog, row.id)]
    summed = [sum(counts) for counts in zip(*(row.counts for row in units), strict=True)]
    total = reviews.counts()
    return ReviewSection(
        WORDS("review", lang, cycle=cycle.id),
        WORDS("review-intro", lang),
        [(s, words(REVIEW_WORDS[s])) for s in REVIEW_STATES],
        ReviewRow("total", WORDS("review-total", lang), [total[s] for s in REVIEW_STATES]),
        [row for row in rows if not is_unit(catalog, row.id)],
        ReviewRow("units", WORDS("review-units", lang), summed) if units else None,
        units,
        WORDS("review-units-list", lang, n=len(units)),
        [
            ReviewItem(
                r.agency,
                catalog.agency_name(r.agency, lang),
                r.item,
                r.state,
                words(REVIEW_WORDS[r.state]),
                _comment(r.comment, r.record.by, r.record.day, lang) if r.record else "",
            )
            for r in reviews.shown(("issues", "stale"))
        ],
        WORDS("review-items", lang),
        (WORDS("col-state", lang), WORDS("col-comment", lang)),
    )


def english_section(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, lang: Lang
) -> EnglishSection | None:
    """The English of `cycle`'s answers as status shows it; None before any is recorded."""
    english = translations_in_use(root, catalog, supplied, cycle)
    if english is None:
        return None
    words = translations(lang).gettext
    counts = english.counts()
    return EnglishSection(
        WORDS("english", lang, cycle=cycle.id),
        WORDS("english-intro", lang),
        [(s, words(ENGLISH_WORDS[s]), counts[s]) for s in ENGLISH_STATES],
        [
            EnglishItem(
                a.agency,
                catalog.agency_name(a.agency, lang),
                a.item,
                a.state,
                words(ENGLISH_WORDS[a.state]),
            )
            for a in english.unfinished()
        ],
        WORDS("english-items", lang),
        WORDS("col-state", lang),
    )


def _comment(comment: str | None, by: str, day: str, lang: Lang) -> str:
    signed = WORDS("signed", lang, by=by, day=day_text(dt.date.fromisoformat(day), lang))
    return f"{comment} ({signed})" if comment else signed
