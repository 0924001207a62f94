"""What the page tells of the record beyond the tallies: dates of delivery that say more than
the day counted (a sender's claim beside the day received, a confirmation, a revision after the
deadline), the earlier cycles not closed with their overdue items, and whether the report of
the cycle's year is interim. The same facts `status` prints (render/receipts.py,
render/open_cycles.py), worded in the page's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.open_cycles import OpenCycle, interim_cycle
from hcmlc.core.status import Obligation, Status
from hcmlc.core.unit_groups import UNIT_KINDS
from hcmlc.dashboard.words import word
from hcmlc.i18n import N_, Lang, Wording, translations
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number

WORDS = Wording(
    {
        "dates": {"vi": "Ngày nộp cần lưu ý", "en": "Dates of delivery worth noting"},
        "dates-intro": {
            "vi": "Ngày được tính là ngày kho dữ liệu nhận nội dung (commit hoặc lệnh import), "
            "không phải ngày đơn vị tự ghi. Ngày tự khai chỉ được tính khi đơn vị điều phối "
            "xác nhận; nội dung sửa sau hạn được đánh giá theo giá trị có tại hạn nộp.",
            "en": "The day counted is the day the repository received the content (a commit or "
            "an import), not the day the sender wrote. A claimed day counts only once the "
            "coordinator confirms it; content revised after the deadline is judged by what it "
            "held at the deadline.",
        },
        "dates-more": {
            "vi": "{n} mục có ngày cần lưu ý",
            "en": "{n} items with dates worth noting",
        },
        "col-counted": {"vi": "Ngày được tính", "en": "Day counted"},
        "col-dates": {"vi": "Ghi chú về ngày", "en": "What the dates say"},
        "earlier": {
            "vi": "Kỳ {cycle} chưa kết thúc: còn {n} mục quá hạn",
            "en": "Cycle {cycle}, not closed: {n} items still overdue",
        },
        "earlier-intro": {
            "vi": "Kỳ trước chưa được đơn vị điều phối kết thúc, nên các mục còn quá hạn vẫn "
            "được nhắc. Khi đã xử lý xong, kết thúc kỳ bằng lệnh `hcmlc close-cycle {cycle}`.",
            "en": "The coordinator has not closed this earlier cycle, so its overdue items are "
            "still chased. Once settled, it is closed with `hcmlc close-cycle {cycle}`.",
        },
        "interim": {
            "vi": "Kỳ {cycle} chưa kết thúc: báo cáo năm {year} là bản tạm thời.",
            "en": "Cycle {cycle} is not closed: the report of {year} is interim.",
        },
    }
)
"""The page's words for these sections, per language (document content)."""
TOLD = {
    "claimed": N_("claimed {claimed}, received {received}"),
    "confirmed": N_("confirmed by {who}"),
    "revised": N_("revised after the deadline, on {day}"),
    "uncommitted": N_("not committed yet"),
    "declared": N_("date declared by the sender"),
}
"""What dates say beyond the day counted, as status and the page say it (gettext)."""


@dataclass(frozen=True)
class DatedLine:
    """A supplied item whose dates say more than the day counted."""

    agency: str
    name: str
    item: str
    counted: str
    told: str


@dataclass(frozen=True)
class DatesBlock:
    title: str
    intro: str
    summary: str
    lines: list[DatedLine]
    headings: tuple[str, str]
    """The headings of the day counted and of what the dates say."""


OverdueRow = tuple[str, str, int]
"""(agency id, name, overdue items)."""


@dataclass(frozen=True)
class OverdueUnits:
    """The units of one kind with overdue items in an earlier cycle, summed on one line and
    listed on demand."""

    kind: str
    name: str
    overdue: int
    listed: str
    rows: list[OverdueRow]


@dataclass(frozen=True)
class EarlierBlock:
    """An earlier cycle not closed: its overdue items by agency, the most first; the
    departments and city organisations each on a line, the wards and communes by kind."""

    cycle: str
    title: str
    intro: str
    overdue: int
    agencies: list[OverdueRow]
    units: list[OverdueUnits]


def dates_block(status: Status, catalog: Catalog, lang: Lang) -> DatesBlock | None:
    """The supplied items whose dates say more than the day counted; None when none does."""
    lines = [
        DatedLine(
            o.agency,
            catalog.agency_name(o.agency, lang),
            o.item,
            day_text(o.delivered, lang) if o.delivered else "—",
            told(o, lang),
        )
        for o in status.obligations
        if o.supplied and o.dated and o.dated.says_more
    ]
    if not lines:
        return None
    return DatesBlock(
        WORDS("dates", lang),
        WORDS("dates-intro", lang),
        WORDS("dates-more", lang, n=format_number(len(lines), lang)),
        lines,
        (WORDS("col-counted", lang), WORDS("col-dates", lang)),
    )


def told(o: Obligation, lang: Lang, day: Callable[[dt.date, Lang], str] = day_text) -> str:
    """What an obligation's dates say beyond the day counted, in `lang`, each day written by
    `day`: the page's and status's words (status writes 14/12/2026 in both languages)."""
    dated = o.dated
    if dated is None:
        return ""
    words = translations(lang).gettext
    parts = []
    if dated.claimed is not None and dated.received is not None:
        claimed, received = day(dated.claimed, lang), day(dated.received, lang)
        parts.append(words(TOLD["claimed"]).format(claimed=claimed, received=received))
    if dated.confirmed_by is not None:
        parts.append(words(TOLD["confirmed"]).format(who=dated.confirmed_by))
    if dated.revised is not None:
        parts.append(words(TOLD["revised"]).format(day=day(dated.revised, lang)))
    if dated.source in ("uncommitted", "declared"):
        parts.append(words(TOLD[dated.source]))
    return "; ".join(parts)


def earlier_blocks(earlier: list[OpenCycle], catalog: Catalog, lang: Lang) -> list[EarlierBlock]:
    """A block per earlier cycle not closed (open_cycles.still_open, as status computes it)."""
    blocks = []
    for found in earlier:
        rows = [(a, catalog.agency_name(a, lang), n) for a, n in found.by_agency()]
        kinds = {a: catalog.agencies[a].kind for a, _name, _n in rows}
        units = []
        for kind in UNIT_KINDS:
            mine = [row for row in rows if kinds[row[0]] is kind]
            if mine:
                name = word(f"unit-kind-{kind.value}", lang)
                listed = word("unit-group-list", lang, units=len(mine), kind=name.lower())
                units.append(OverdueUnits(kind.value, name, sum(r[2] for r in mine), listed, mine))
        blocks.append(
            EarlierBlock(
                found.cycle.id,
                WORDS(
                    "earlier", lang, cycle=found.cycle.id, n=format_number(len(found.overdue), lang)
                ),
                WORDS("earlier-intro", lang, cycle=found.cycle.id),
                len(found.overdue),
                [row for row in rows if kinds[row[0]] not in UNIT_KINDS],
                units,
            )
        )
    return blocks


def interim_note(catalog: Catalog, year: int, as_of: dt.date, lang: Lang) -> str | None:
    """The sentence saying the year's report is interim, while the cycle ending that year is
    not closed on `as_of` (the rule `report` applies to its title)."""
    ending = interim_cycle(catalog, year, as_of)
    if ending is None:
        return None
    return WORDS("interim", lang, cycle=ending.id, year=year)
