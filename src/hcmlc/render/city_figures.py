"""The city figures formed from the units' own, as status shows them: a table on the terminal,
a list in JSON. The figures are computed once, in citywide.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.core.citywide import CityFigure
from hcmlc.i18n import Lang, _, current_language
from hcmlc.render.standing import agency_names
from hcmlc.render.table import Column, Table, print_table
from hcmlc.text.number_format import format_number


def render_city_figures(console: Console, figures: list[CityFigure], catalog: Catalog) -> None:
    """One line per indicator and year: the city figure, its coverage and who is missing."""
    if not figures:
        return
    table = Table(
        [
            Column(_("Indicator")),
            Column(_("Year")),
            Column(_("City figure")),
            Column(_("Coverage"), wrap=True),
            Column(_("Missing"), wrap=True),
        ],
        title=_("City figures from the units' figures"),
    )
    for figure in figures:
        table.add(
            figure.indicator,
            str(figure.year),
            figure_text(figure, catalog),
            coverage_text(figure),
            _missing(figure.missing, catalog),
        )
    print_table(console, table)


def figure_text(figure: CityFigure, catalog: Catalog) -> str:
    """`71,3% (1.505.684 / 2.112.350)`, in the interface's language; `—` before any unit."""
    if figure.value is None:
        return "—"
    lang: Lang = "en" if current_language() == "en" else "vi"
    indicator = catalog.indicators[figure.indicator]
    value = format_number(round(figure.value, 2), lang)
    if indicator.unit is not None and indicator.unit.value == "percent":
        value += "%"
    if indicator.ratio:
        parts = " / ".join(format_number(p, lang) for p in figure.parts)
        value += f" ({parts})"
    return value


def coverage_text(figure: CityFigure) -> str:
    """`from 150 of 168 units`."""
    return _("from {supplied} of {owed} units").format(
        supplied=len(figure.supplied), owed=len(figure.owed)
    )


def _missing(units: Iterable[str], catalog: Catalog) -> str:
    return agency_names(catalog, units) or "—"


def city_figure_dict(figure: CityFigure) -> dict[str, Any]:
    """The JSON form: ids and numbers only, the same in every language."""
    return {
        "indicator": figure.indicator,
        "cycle": figure.cycle,
        "year": figure.year,
        "value": None if figure.value is None else round(figure.value, 4),
        "parts": list(figure.parts),
        "supplied": len(figure.supplied),
        "owed": len(figure.owed),
        "complete": figure.complete,
        "missing": list(figure.missing),
        "illustrative": figure.illustrative,
    }
