"""The submission after a returned workbook (`Merged`), and its plain data edited field by
field (`Editor`): a field set as the workbook typed it (a bilingual text keeps its English, a
new entry gets its unit and its keys' order), entries removed, each change recorded with its
before and after."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.diagnostics import Diagnostic
from hcmlc.workbook.cells import Cell
from hcmlc.yamlfiles.reader import Loc

Change = Literal["added", "changed", "removed", "unchanged"]
ENTRY_ORDER = ("value", "parts", "unit", "year", "source", "evidence", "note")
"""The order of an indicator entry's fields, as `new-submission` writes them."""
_SECTION = {"indicator": "indicators", "answer": "answers"}


@dataclass
class Merged:
    """The submission after the workbook, where its values came from, and what changed."""

    data: dict[str, Any]
    cells: dict[Loc, Cell] = field(default_factory=dict)
    headings: dict[Loc, str] = field(default_factory=dict)
    """The column heading (or label) of each cell, as the workbook prints it."""
    changes: dict[tuple[ItemKind | Literal["top"], str], Change] = field(default_factory=dict)
    details: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    """(kind, item) → (field, before, after) of each changed field."""
    problems: list[Diagnostic] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Items owed now that the workbook never had (data/ changed since it was made)."""
    edited: bool = False
    """Some cell differs from what it held when the workbook was made."""
    blank: bool = True
    """Every input cell is empty."""
    marker: str = ""
    """The word of the workbook's `Xoá / Remove` column, in its language."""
    computed: list[Cell] = field(default_factory=list)
    """Number, year and date cells whose formula's computed value was taken."""
    unremoved: list[str] = field(default_factory=list)
    """Items whose row asked for removal but that the file holds no entry of."""
    cleared: list[Cell] = field(default_factory=list)
    """Cells that held a value when the workbook was made and came back empty: the file keeps
    what they held."""
    read: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(sheet, row key, column) → each input cell's text as read (for the import record)."""

    @property
    def touched(self) -> bool:
        return any(change != "unchanged" for change in self.changes.values())


class Editor:
    """Edits `merged.data` (a copy of `current`, the submission before the workbook) and
    records each change in `merged`."""

    def __init__(self, catalog: Catalog, current: dict[str, Any], merged: Merged) -> None:
        self.catalog, self.current, self.merged = catalog, current, merged

    def set(self, loc: Loc, text: str, item: tuple[Any, str]) -> None:
        """Set the field at `loc` to `text` (never empty) and record the change."""
        data = self.merged.data
        *parents, name = (str(part) for part in loc)
        bilingual = len(loc) == 4 and name in ("vi", "en")  # a contact field in two languages
        holder: dict[str, Any] | None = None  # the mapping that holds `data`
        for part in parents:
            child = data.get(part)
            if isinstance(child, str) and bilingual:
                child = {"vi": child}
                data[part] = child
            elif not isinstance(child, dict):
                child = {}
                data[part] = child
            holder, data = data, child
        before = data.get(name)
        if isinstance(before, dict) and "vi" in before:
            data[name] = {**before, "vi": text}  # the workbook asked its Vietnamese: keep the rest
        else:
            data[name] = text
        if holder is not None and bilingual and set(data) == {"vi"}:
            holder[parents[-1]] = data["vi"]  # only the Vietnamese: a plain text, as typed
        entry_field = loc[0] == "indicators" and len(loc) in (3, 4)  # 4: a part, under `parts`
        if entry_field:
            self._with_unit(loc[1], self.merged.data["indicators"][loc[1]])
        if self.merged.changes.get(item, "unchanged") == "unchanged":
            existed = get_at(self.current, loc[:2] if len(loc) == 3 or entry_field else loc)
            existed = existed is not None
            self.merged.changes[item] = "changed" if existed else "added"
        self.merged.details.setdefault(item, []).append(
            (str(name), before if isinstance(before, str) else "", text)
        )

    def _with_unit(self, indicator_id: Any, entry: dict[str, Any]) -> None:
        """A new entry of a quantitative indicator gets its `unit:` (not beside `parts:`), its
        keys in the order new-submission writes them."""
        indicator = self.catalog.indicators.get(str(indicator_id))
        if indicator is None or indicator.unit is None:
            return
        if get_at(self.current, ("indicators", indicator_id)) is None:
            if not indicator.parts:
                entry.setdefault("unit", indicator.unit.value)
            ordered = {k: entry[k] for k in ENTRY_ORDER if k in entry}
            ordered |= entry
            entry.clear()
            entry.update(ordered)

    def remove(self, removals: Iterable[tuple[ItemKind, str]]) -> None:
        """Remove the entries whose row chose `Xoá / Remove` (whatever else the workbook typed
        for them); a section left without entries is empty, as `new-submission` writes it."""
        for kind, item in removals:
            section = _SECTION[kind]
            entries = self.merged.data.get(section)
            self.merged.details.pop((kind, item), None)
            if not isinstance(entries, dict) or item not in entries:
                self.merged.changes[(kind, item)] = "unchanged"
                self.merged.unremoved.append(item)
                continue
            del entries[item]
            self.merged.changes[(kind, item)] = "removed"
            if not entries:
                self.merged.data[section] = None

    def forget_unsupplied(self) -> None:
        """An empty row of an item the file does not hold either: nothing to tell about it."""
        for (kind, item), change in list(self.merged.changes.items()):
            where: Loc = (item,) if kind == "top" else (_SECTION[kind], item)
            if change == "unchanged" and get_at(self.current, where) is None:
                del self.merged.changes[(kind, item)]


def copy_data(data: Any) -> Any:
    """A copy of plain data (mappings, lists, texts), cheaper than `copy.deepcopy`."""
    if isinstance(data, dict):
        return {key: copy_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [copy_data(item) for item in data]
    return data


def get_at(data: Any, loc: Loc) -> Any:
    """The value at `loc` in plain data (a plain text stands for its Vietnamese); None if absent."""
    for part in loc:
        if isinstance(data, str) and part == "vi":  # a plain text is its Vietnamese
            return data
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
