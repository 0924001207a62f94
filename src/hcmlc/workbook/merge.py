"""A returned workbook applied to the agency's submission: only the cells the agency changed.

Each input cell is compared with what it held when the workbook was made (the hidden sheet
keeps it). An unchanged cell leaves the submission as it is now, so a correction made in the
file since is never undone by an old workbook; a changed cell sets its field, unless the file
changed that same field to something else in the meantime (HCMLC-E074). Entries the workbook
does not mention are kept, and so is a field whose cell was cleared (the cell is reported): an
entry is removed only where the row's `Xoá / Remove` column asks for it. A row whose item
data/ has changed since the workbook was made is refused (HCMLC-E072), saying what changed.

The result is plain data, as a YAML file would hold it, for the same models and checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import ItemKind
from hcmlc.diagnostics import Diagnostic, column_letters
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.workbook import labels, removal
from hcmlc.workbook.cells import Cell, CellProblem, FieldKind, cell_text, shown
from hcmlc.workbook.decimals import number_rule, read_decimal
from hcmlc.workbook.meta import TOP, Meta
from hcmlc.workbook.partcheck import judge_parts
from hcmlc.workbook.plan import Plan, SheetKey
from hcmlc.workbook.read import Input, Returned, ReturnedRow
from hcmlc.workbook.rows import Field, changed_since, row_fields
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


def merge(
    catalog: Catalog,
    cycle: Cycle,
    returned: Returned,
    current: dict[str, Any],
    now: Plan,
    last: dict[tuple[str, str, str], str] | None = None,
) -> Merged:
    """Apply `returned` to `current` (the submission's plain data); `now` is the workbook that
    would be made today, which says how each row is read and what the agency owes now; `last`,
    what the last imported copy of the same issued workbook held (`record.py`): a cell is then
    changed when it differs from that copy, not from the workbook as issued."""
    merger = _Merger(catalog, cycle, returned, current, now, last)
    merger.run()
    return merger.merged


class _Merger:
    def __init__(
        self,
        catalog: Catalog,
        cycle: Cycle,
        returned: Returned,
        current: dict[str, Any],
        now: Plan,
        last: dict[tuple[str, str, str], str] | None,
    ) -> None:
        self.last = last
        self.catalog, self.cycle, self.returned, self.now = catalog, cycle, returned, now
        self.meta: Meta = returned.meta
        self.current = current
        self.merged = Merged(_copy(current), marker=removal.MARKER[returned.meta.lang])
        self.planned = {(s, r.key): r for s in now.sheets for r in now.rows(s)}
        self.removals: dict[tuple[ItemKind, str], Cell] = {}
        self.seen: set[Diagnostic] = set()  # the problems so far, to keep each once in O(1)

    def run(self) -> None:
        for name, top in self.returned.top.items():
            loc: Loc = (name,)
            kind: FieldKind = "date" if name == "submitted" else "text"
            self.merged.cells[loc] = top.at
            self.merged.headings[loc] = labels.text(name, self.meta.lang)
            self.merged.changes.setdefault(("top", name), "unchanged")
            self._apply(TOP, "", name, top, Field(loc, kind), ("top", name))
        if self.returned.identity is not None:
            agency = self.returned.identity
            self.merged.cells[("agency",)] = agency
            self.merged.cells[("cycle",)] = Cell(agency.sheet, agency.row + 1, agency.column)
            for name in ("agency", "cycle"):
                self.merged.headings[(name,)] = labels.text(name, self.meta.lang)
        checked, problems = judge_parts(self.catalog, self.returned, self.now)
        self.merged.problems += problems
        for sheet, rows in checked.items():
            for row in rows:
                self._row(sheet, row)
        new = (row for key, row in self.planned.items() if key not in self.meta.signatures)
        self.merged.missing = list(dict.fromkeys(row.item for row in new))
        self._remove()
        self._forget_unsupplied()

    def _row(self, sheet: SheetKey, row: ReturnedRow) -> None:
        kind: ItemKind = "indicator" if sheet == "indicators" else "answer"
        item = row.key.split("/", 1)[0]  # an answer's part, or an indicator's (`parts`)
        section = "indicators" if kind == "indicator" else "answers"
        self.merged.cells.setdefault((section, item), row.at)
        marker = row.inputs.get(removal.COLUMN)
        if marker is not None and self._filled(marker):
            if removal.is_marker(marker.raw.value) and marker.raw.formula is None:
                self.removals.setdefault((kind, item), marker.at)
                self.merged.blank = False
                return
            word = removal.MARKER[self.meta.lang]
            self._problem(
                marker.at,
                "HCMLC-E071",
                _("this column takes only `{marker}`, to remove the row's entry").format(
                    marker=word
                ),
                _("choose `{marker}` from its list, or leave it empty").format(marker=word),
            )
            return
        fields = row_fields(self.catalog, kind, row.key, self.planned.get((sheet, row.key)))
        changed = [
            column
            for column, cell in row.inputs.items()
            if column in fields
            and self._text(cell, fields[column]) != self._base(sheet, row.key, column)
        ]
        for column, cell in row.inputs.items():
            if column in fields:
                self.merged.cells[fields[column].loc] = cell.at
                self.merged.headings[fields[column].loc] = labels.HEADINGS[column][self.meta.lang]
            elif self._filled(cell) and column != removal.COLUMN:
                first = next(iter(row.inputs.values())).at
                self._problem(
                    cell.at,
                    "HCMLC-E071",
                    _("this row takes one answer, in column {column}").format(
                        column=column_letters(first.column)
                    ),
                    _("move the text to {cell}, or delete it").format(cell=first.reference),
                )
        if changed and self._outdated(sheet, kind, item, row):
            return
        self.merged.changes.setdefault((kind, item), "unchanged")
        for column, cell in row.inputs.items():
            if column in fields:
                self._apply(sheet, row.key, column, cell, fields[column], (kind, item))

    def _outdated(self, sheet: SheetKey, kind: ItemKind, item: str, row: ReturnedRow) -> bool:
        """Whether data/ changed the row's item since the workbook was made (then say how)."""
        recorded = self.meta.signatures.get((sheet, row.key))
        if recorded is None:
            return False  # a row added by hand: the checks judge it
        planned = self.planned.get((sheet, row.key))
        change = changed_since(
            self.catalog, self.meta.agency, self.cycle, kind, item, recorded, planned
        )
        if change is None:
            return False
        self._problem(
            row.at,
            "HCMLC-E072",
            _("data/ changed since the workbook was made: {change}").format(change=change),
            _(
                "make a fresh workbook with `hcmlc workbook --agency {agency} --cycle {cycle}` "
                "and enter this row again"
            ).format(agency=self.meta.agency, cycle=self.cycle.id),
        )
        return True

    def _apply(
        self, sheet: str, key: str, column: str, cell: Input, where: Field, item: tuple[Any, str]
    ) -> None:
        typed = self._text(cell, where)
        if typed is not None:
            self.merged.read[(sheet, key, column)] = typed
        if typed:
            self.merged.blank = False
        if typed is None or typed == self._base(sheet, key, column):
            return
        if not typed:  # cleared: never a removal, which the `Xoá / Remove` column asks for
            self.merged.cleared.append(cell.at)
            return
        if cell.raw.formula is not None:
            self.merged.computed.append(cell.at)
        self.merged.edited = True
        before = _get(self.current, where.loc)
        now_shown = shown(before, where.kind, percent=where.percent)
        base = self._base(sheet, key, column)
        if now_shown not in (base, typed):
            self._problem(
                cell.at,
                "HCMLC-E074",
                (
                    _(
                        "{cell} ({heading}) was {base} when the workbook was made, the file now "
                        "says {now}, and the workbook says {typed}"
                    )
                    if self.last is None
                    else _(
                        "{cell} ({heading}) was {base} in the copy of this workbook imported "
                        "last, the file now says {now}, and this copy says {typed}"
                    )
                ).format(
                    cell=cell.at.reference,
                    heading=self._heading(sheet, column),
                    base=_show(base),
                    now=_show(now_shown),
                    typed=_show(typed),
                ),
                _(
                    "both changed it: check which is right, then correct the file, or make a "
                    "fresh workbook and enter the change there"
                ),
            )
            return
        if now_shown == typed:
            return
        self._set(where.loc, typed, item)

    def _base(self, sheet: str, key: str, column: str) -> str:
        """What the cell held when it was last read into the file from this issued workbook:
        in its last imported copy, or as issued."""
        issued = self.meta.base(sheet, key, column)
        return issued if self.last is None else self.last.get((sheet, key, column), issued)

    def _heading(self, sheet: str, column: str) -> str:
        """A column's heading (or an instructions input's label), as the workbook prints it."""
        lang = self.meta.lang
        return labels.text(column, lang) if sheet == TOP else labels.HEADINGS[column][lang]

    def _set(self, loc: Loc, text: str, item: tuple[Any, str]) -> None:
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
            existed = _get(self.current, loc[:2] if len(loc) == 3 or entry_field else loc)
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
        if _get(self.current, ("indicators", indicator_id)) is None:
            if not indicator.parts:
                entry.setdefault("unit", indicator.unit.value)
            ordered = {k: entry[k] for k in ENTRY_ORDER if k in entry}
            ordered |= entry
            entry.clear()
            entry.update(ordered)

    def _remove(self) -> None:
        """Remove the entries whose row chose `Xoá / Remove` (whatever else the workbook typed
        for them); a section left without entries is empty, as `new-submission` writes it."""
        for (kind, item), _at in self.removals.items():
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

    def _forget_unsupplied(self) -> None:
        """An empty row of an item the file does not hold either: nothing to tell about it."""
        for (kind, item), change in list(self.merged.changes.items()):
            where: Loc = (item,) if kind == "top" else (_SECTION[kind], item)
            if change == "unchanged" and _get(self.current, where) is None:
                del self.merged.changes[(kind, item)]

    def _text(self, cell: Input, where: Field) -> str | None:
        """The cell as the text a submission holds; None (and a problem) when unreadable."""
        try:
            text = cell_text(cell.raw, where.kind, percent=where.percent, epoch=self.returned.epoch)
        except CellProblem as problem:
            self._problem(cell.at, problem.code, str(problem), problem.hint)
            return None
        if where.kind == "number" and isinstance(cell.raw.value, str) and text:
            rule = number_rule(self.catalog, where.loc)
            return read_decimal(text, rule, where.percent) or text  # typed as the computer shows
        return text

    @staticmethod
    def _filled(cell: Input) -> bool:
        return cell.raw.value not in (None, "") or cell.raw.formula is not None

    def _problem(self, at: Cell, code: str, message: str, hint: str | None) -> None:
        problem = Diagnostic(
            self.returned.path, at.row, at.column, code, message, hint, sheet=at.sheet
        )
        if problem not in self.seen:
            self.seen.add(problem)
            self.merged.problems.append(problem)


def _copy(data: Any) -> Any:
    """A copy of plain data (mappings, lists, texts), cheaper than `copy.deepcopy`."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(data, str) and part == "vi":  # a plain text is its Vietnamese
            return data
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _show(text: str) -> str:
    return f"“{text}”" if text else _("empty")
