"""The year-end progress report as content: every text already worded in the report's language,
so that the Word and the Markdown renderings only lay it out.

Plan 1256/KH-UBND, II.3.e: at the end of each year the city reports the progress of the
criteria, above all analysing those not yet met. The report reads every cycle's submissions
(`progress.city_series`), assesses the year asked for and the one before, and words the result
(`report_writer`, `report_duties`) as content (`report_content`) in its words (`report_words`).
"""

from __future__ import annotations

import datetime as dt

from hcmlc.clock import today
from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import city_figures
from hcmlc.core.facts import Facts
from hcmlc.core.obligations import obligations_of
from hcmlc.core.progress import assess, city_series
from hcmlc.documents.report_content import COUNTED as COUNTED  # read here by dashboard/targets
from hcmlc.documents.report_content import IndicatorRow as IndicatorRow  # and so is this
from hcmlc.documents.report_content import ProgressReport as ProgressReport
from hcmlc.documents.report_words import label
from hcmlc.documents.report_writer import ReportWriter
from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import Lang, _
from hcmlc.models.registry import Cycle
from hcmlc.repository.layout import TARGETS


def build_report(
    facts: Facts, year: int, lang: Lang, *, as_of: dt.date | None = None
) -> ProgressReport:
    """The progress report of `year` from every cycle's submissions and data/targets.yaml;
    its annex of missing data as of `as_of` (default: today). `facts` are those known on that
    day (Facts.known_on) for a report of a past day."""
    catalog = facts.catalog
    if facts.targets_broken:
        raise DataError(
            _("{file} has errors, so no target could be read").format(file=TARGETS),
            _("run `hcmlc validate` and fix {file} first").format(file=TARGETS),
        )
    targets = facts.targets.targets if facts.targets else {}
    cycle = cycle_of_year(catalog, year)
    if cycle is None:
        raise HcmlcError(
            _("no reporting cycle covers {year}").format(year=year),
            _("the cycles cover: {cycles}; open one with `hcmlc new-cycle`").format(
                cycles=", ".join(f"{c.id} ({_years(c)})" for c in catalog.assignments.cycles)
            ),
        )
    series = city_series(catalog, facts.submissions, facts.supplied, facts.figures)
    if not any(p.year <= year for points in series.values() for p in points):
        first = min((p.year for points in series.values() for p in points), default=None)
        raise HcmlcError(
            _("no indicator has a value for {year} or before").format(year=year),
            _("the earliest value is from {year}").format(year=first)
            if first
            else _("add submissions first"),
        )
    now = assess(catalog, series, targets, year, cycle.first_year)
    previous = cycle_of_year(catalog, year - 1)
    before = assess(catalog, series, targets, year - 1, previous.first_year if previous else None)
    day = today() if as_of is None else as_of
    obligations = list(obligations_of(catalog, facts.supplied, cycle, day, facts.deliveries))
    writer = ReportWriter(catalog, lang, cycle, obligations, year)
    report = writer.report(year, now, before)
    local = city_figures(catalog, facts.figures, cycle)
    report.city_figures = [writer.city_figure(f) for f in local if f.year == year]
    report.city_figures_intro = label("city-figures-intro", lang, cycle=cycle.id)
    return report


def _years(cycle: Cycle) -> str:
    if cycle.first_year == cycle.last_year:
        return str(cycle.first_year)
    return f"{cycle.first_year}–{cycle.last_year}"


def cycle_of_year(catalog: Catalog, year: int) -> Cycle | None:
    """The cycle that collects the figures of `year`: the latest one covering it."""
    covering = [c for c in catalog.assignments.cycles if c.first_year <= year <= c.last_year]
    return max(covering, key=lambda c: c.reference_date, default=None)
