"""The city figures formed from the units' own, as status shows them: a table on the terminal,
a list in JSON. The figures are computed once, in citywide.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from hcmlc.catalog import Catalog
from hcmlc.citywide import CityFigure
from hcmlc.form import Lang, format_number
from hcmlc.i18n import _, current_language

SHOWN = 5
"""Missing units named in the table before "and N more" (JSON lists them all)."""


def render_city_figures(console: Console, figures: list[CityFigure], catalog: Catalog) -> None:
    """One line per indicator and year: the city figure, its coverage and who is missing."""
    if not figures:
        return
    table = Table(
        box=box.SIMPLE_HEAD if console.is_terminal else None,
        title=_("City figures from the units' figures"),
        title_justify="left",
        show_edge=console.is_terminal,
    )
    for header in (_("Indicator"), _("Year"), _("City figure"), _("Coverage"), _("Missing")):
        table.add_column(header, overflow="fold")
    for figure in figures:
        table.add_row(
            figure.indicator,
            str(figure.year),
            figure_text(figure, catalog),
            coverage_text(figure),
            _missing(figure.missing, catalog),
        )
    console.print(table)


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
    ids = list(units)
    lang = current_language()
    shown = [catalog.agencies[u].short_name(lang) for u in ids[:SHOWN]]
    if len(ids) > SHOWN:
        shown.append(_("and {n} more").format(n=len(ids) - SHOWN))
    return ", ".join(shown) or "—"


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
