"""The page's lines on the 2025 reorganisation: each agency that ended before the cycle and
where its duties went, as status says it (`status.standing`)."""

from __future__ import annotations

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import standing
from hcmlc.dashboard.words import word
from hcmlc.i18n import Lang
from hcmlc.models.registry import Agency, Cycle
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number


def reorganised(catalog: Catalog, cycle: Cycle, lang: Lang) -> list[str]:
    """Each agency that ended before the cycle and where its duties went, as status says
    it (`status.standing`): one successor, the successors of a split, or the units that
    took over a district's territory (one line for all such districts)."""
    lines: list[str] = []
    districts: list[Agency] = []
    units: set[str] = set()
    for agency in catalog.assignments.agencies:
        if agency.ended is None or agency.ended > cycle.reference_date:
            continue
        found = standing(catalog, agency.id, cycle)
        values = {"agency": agency.name.get(lang), "day": day_text(agency.ended, lang)}
        if found.territory:
            districts.append(agency)
            units.update(found.territory)
        elif found.split:
            parts = [
                word(
                    "split-part",
                    lang,
                    holder=catalog.agencies[h].short_name(lang),
                    items=", ".join(items),
                )
                if items
                else word("split-rest", lang, holder=catalog.agencies[h].short_name(lang))
                for h, items in found.split.items()
            ]
            lines.append(
                word("reorganised-split", lang, **values, cycle=cycle.id, parts="; ".join(parts))
            )
        elif found.holder is not None:
            holder = catalog.agency_name(found.holder, lang)
            lines.append(word("reorganised-holder", lang, **values, cycle=cycle.id, holder=holder))
        else:
            lines.append(word("reorganised-nobody", lang, **values, cycle=cycle.id))
    if districts:
        day = max(d.ended for d in districts if d.ended is not None)
        lines.append(
            word(
                "reorganised-territory",
                lang,
                count=format_number(len(districts), lang),
                day=day_text(day, lang),
                units=format_number(len(units), lang),
                cycle=cycle.id,
            )
        )
    return lines


def short(catalog: Catalog, agency: str, lang: Lang) -> str:
    return catalog.agencies[agency].short_name(lang)
