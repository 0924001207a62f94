"""Who answers for each indicator in the progress report's cycle, worded: the agencies that
owe it (the city figure's agency first, with those it took over from), how each one's figure
arrived, and the annex of data still missing."""

from __future__ import annotations

from hcmlc.core.catalog import Catalog
from hcmlc.core.obligations import Obligation
from hcmlc.core.progress import lead_agency
from hcmlc.core.status import unowned
from hcmlc.documents.report_content import MissingData, Responsibility
from hcmlc.documents.report_words import label
from hcmlc.i18n import Lang
from hcmlc.models.framework import Indicator
from hcmlc.models.registry import Cycle
from hcmlc.text.dates import day_text


class Duties:
    """The obligations of the report's cycle, worded in one language."""

    def __init__(
        self, catalog: Catalog, lang: Lang, cycle: Cycle, obligations: list[Obligation]
    ) -> None:
        self.catalog, self.lang, self.cycle = catalog, lang, cycle
        self.obligations = obligations
        self.owed = {(o.agency, o.kind, o.item): o for o in obligations}

    def responsible(self, indicator: Indicator) -> list[Responsibility]:
        """The agencies that owe the indicator in the report's cycle, with their delivery."""
        owners = self.catalog.owners("indicator", self.cycle)[indicator.id]
        lead = lead_agency(self.catalog, indicator, self.cycle)
        if lead is not None:  # the city figure's agency first, then the local ones
            owners = [lead, *(a for a in owners if a != lead)]
        return [
            Responsibility(self.agency(a, indicator), self.delivery(a, indicator)) for a in owners
        ]

    def agency(self, agency_id: str, indicator: Indicator) -> str:
        """The agency's name, with those it took over the indicator from."""
        catalog, lang = self.catalog, self.lang
        name = catalog.agencies[agency_id].short_name(lang)
        former = self.owed[(agency_id, "indicator", indicator.id)].formerly
        if not former:
            return name
        names = ", ".join(catalog.agencies[a].short_name(lang) for a in former)
        return f"{name} ({label('formerly', lang, names=names)})"

    def delivery(self, agency_id: str, indicator: Indicator) -> str:
        """How the agency's figure arrived: on time, N days late, undated, or not at all."""
        lang = self.lang
        owed = self.owed[(agency_id, "indicator", indicator.id)]
        if not owed.supplied:
            return label("not-delivered", lang)
        if owed.delivered is None:
            return label("no-date", lang)
        shown = day_text(owed.delivered, lang)
        if owed.late_days:
            return label("late", lang, days=owed.late_days, day=shown)
        return label("on-time", lang, day=shown)

    def missing_intro(self) -> str:
        cycle = self.cycle
        deadline = cycle.deadlines.indicators
        shown = day_text(deadline, self.lang) if deadline else "—"
        return label("annex-cycle", self.lang, cycle=cycle.id, deadline=shown)

    def missing(self) -> list[MissingData]:
        """Indicators the cycle's agencies have not supplied, by agency; unowned ones last."""
        cycle, catalog = self.cycle, self.catalog
        if cycle.deadlines.indicators is None:
            return []
        by_agency: dict[str, list[str]] = {}
        for o in self.obligations:
            if o.kind == "indicator" and not o.supplied:
                by_agency.setdefault(o.agency, []).append(o.item)
        # wards and communes missing the same items share one entry: 168 alike would fill pages
        alike: dict[tuple[str, ...], list[str]] = {}
        for agency, items in by_agency.items():
            if catalog.agencies[agency].code is not None:
                alike.setdefault(tuple(items), []).append(agency)
        result = []
        for agency, items in by_agency.items():
            units = alike.get(tuple(items), [])
            if len(units) > 1 and agency != units[0]:
                continue
            name = (
                label("units-missing", self.lang, count=len(units), names=self.names(units))
                if len(units) > 1
                else catalog.agency_name(agency, self.lang)
            )
            result.append(MissingData(name, self.items(items)))
        orphans = [u.item for u in unowned(catalog, cycle) if u.kind == "indicator"]
        if orphans:
            result.append(MissingData(label("nobody", self.lang), self.items(orphans)))
        return result

    def names(self, agencies: list[str]) -> str:
        return ", ".join(self.catalog.agencies[a].short_name(self.lang) for a in agencies)

    def items(self, indicator_ids: list[str]) -> list[str]:
        return [f"{i} {self.catalog.indicators[i].text.get(self.lang)}" for i in indicator_ids]
