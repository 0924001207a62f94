"""How a returned row is read: the fields its cells fill, and what data/ changed of its item.

A row is read as the workbook made today would plan it (`Planner`), so a cell is typed by its
indicator's unit or scale now; a row someone added by hand is read by its id alone. What a row
asked when the workbook was made (its signature, kept in the hidden sheet) tells whether data/
has changed the row's item since, and how.
"""

from __future__ import annotations

from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.i18n import _
from hcmlc.models.framework import Unit
from hcmlc.models.registry import Cycle
from hcmlc.workbook.cells import FieldKind
from hcmlc.workbook.plan import Row
from hcmlc.yamlfiles.reader import Loc


@dataclass(frozen=True)
class Field:
    """How one input cell maps to the submission: the field's location and how it is read."""

    loc: Loc
    kind: FieldKind
    percent: bool = False


def row_fields(catalog: Catalog, kind: ItemKind, key: str, planned: Row | None) -> dict[str, Field]:
    """Input column → the field it fills, for the row `key` (`1.1.1.a`, `mayor/first-name`)."""
    section = "indicators" if kind == "indicator" else "answers"
    item, _slash, part = key.partition("/")
    if planned is not None:
        return {
            column: Field((section, item, *i.field.split("/")), i.kind, i.percent)
            for column, i in planned.inputs.items()
        }
    if kind == "indicator" and part:  # a part's row (`mh.1.1.a/families`)
        return {"value": Field((section, item, "parts", part), "number")}
    if kind == "indicator":
        indicator = catalog.indicators.get(item)
        value: FieldKind = "text"
        if indicator is not None:
            value = "number" if indicator.unit else "state"
        percent = indicator is not None and indicator.unit is Unit.PERCENT
        return {
            "value": Field((section, item, "value"), value, percent),
            "year": Field((section, item, "year"), "year"),
            **{f: Field((section, item, f), "text") for f in ("source", "evidence", "note")},
        }
    if part:
        return {"first": Field((section, item, part), "text")}
    return {
        "first": Field((section, item, "vi"), "text"),
        "second": Field((section, item, "en"), "text"),
    }


def changed_since(
    catalog: Catalog,
    agency: str,
    cycle: Cycle,
    kind: ItemKind,
    item: str,
    recorded: str,
    planned: Row | None,
) -> str | None:
    """What data/ changed of a row's item since it asked `recorded`; None when nothing."""
    if planned is not None and planned.signature == recorded:
        return None
    shown = item if kind == "indicator" else f"`{item}`"
    what = (_("indicator {item}") if kind == "indicator" else _("question {item}")).format(
        item=shown
    )
    if kind == "indicator" and item not in catalog.indicators:
        return _("{item} is no longer in any framework of this repository").format(item=what)
    if kind == "answer" and item not in catalog.questions:
        return _("{item} is no longer in data/assignments.yaml").format(item=what)
    if planned is None:
        return _("`{agency}` no longer owes {item} in cycle {cycle}").format(
            agency=agency, item=what, cycle=cycle.id
        )
    if kind == "indicator":
        return _("{item} is now measured in `{now}`, not `{then}`").format(
            item=what, now=planned.signature.split(":", 1)[1], then=recorded.split(":", 1)[1]
        )
    return _("{item} has changed its kind, fields or options").format(item=what)
