"""The hidden sheet: what a workbook was made for and from, so that a returned one can be judged.

It records the format version, the agency, the cycle and the language; a fingerprint of each
data/ file; the names of the sheets; and, as a JSON record split over a few cells, what each row
asked (`unit:percent`, to say what a later data/ changed) and each input's pre-filled value (so
that import applies only the cells the agency changed). Every value is text. A returned workbook
is hostile, so `parse_meta` checks the shape of everything it uses and names what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hcmlc import __version__
from hcmlc.i18n import LANGUAGES, Lang, _
from hcmlc.workbook.labels import HEADINGS
from hcmlc.workbook.plan import COLUMNS, FORMAT_VERSION, Plan
from hcmlc.workbook.seal import ISSUE, SEAL, Sealed, new_issue, seal_row

SHEET = "hcmlc"
"""The hidden sheet's name, the same in every language."""
MARKER = "hcmlc-workbook"
TOP = "instructions"
"""The sheet key of the inputs on the instructions sheet (`prepared_by`, `submitted`)."""
CHUNK = 30_000
"""Characters of the record per cell (a cell holds at most 32,767)."""
META_COLUMNS = 32
"""Columns hcmlc writes in the hidden sheet at most (the rows that list the issued columns
are the widest)."""
UNSIGNED_VERSION = 1
"""The format before workbooks were signed: read, and refused as unsigned unless `--agency`."""


@dataclass(frozen=True)
class Meta:
    """What the hidden sheet says."""

    version: int
    agency: str
    cycle: str
    lang: Lang
    data: dict[str, str]
    """data/ file → its SHA-256 when the workbook was made."""
    sheets: dict[str, str]
    """Sheet key (`instructions`, `indicators`, `answers`) → the sheet's name."""
    signatures: dict[tuple[str, str], str]
    """(sheet key, row key) → what the row asked."""
    bases: dict[tuple[str, str, str], str]
    """(sheet key, row key, column key) → the input's pre-filled text; absent: empty."""
    sealed: Sealed = field(default_factory=lambda: Sealed((), None, {}))
    """The signed rows and the seal, for `seal.check`."""
    columns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Sheet key → its columns as issued, (key, heading) from column A; empty for a workbook
    made before hcmlc recorded them (its columns are those of `plan.COLUMNS`)."""

    def base(self, sheet: str, key: str, column: str) -> str:
        return self.bases.get((sheet, key, column), "")


class MetaProblem(ValueError):
    """The hidden sheet is missing, damaged or of an unknown version; `row` is where."""

    def __init__(self, message: str, row: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


class NewerFormat(MetaProblem):
    """A workbook of a format this hcmlc does not know (made by a newer one)."""

    def __init__(self, version: int) -> None:
        super().__init__(_("format version {version}").format(version=version))
        self.version = version


def meta_rows(plan: Plan, sheet_names: dict[str, str], secret: bytes) -> list[tuple[str, ...]]:
    """The hidden sheet's rows for `plan`, whose sheets are named `sheet_names`, the last one
    the seal made with `secret` (the coordinator's key)."""
    rows = list(_unsealed(plan, sheet_names))
    return [*rows, seal_row(secret, rows)]


def _unsealed(plan: Plan, sheet_names: dict[str, str]) -> Iterator[tuple[str, ...]]:
    yield MARKER, str(FORMAT_VERSION)
    yield ISSUE, new_issue()
    yield "agency", plan.agency
    yield "cycle", plan.cycle.id
    yield "lang", plan.lang
    yield "hcmlc", __version__
    for path, digest in plan.data.items():
        yield "data", path, digest
    for key, name in sheet_names.items():
        yield "sheet", key, name
    for sheet in plan.sheets:
        yield "columns", sheet, *(column.key for column in COLUMNS[sheet])
        yield "headings", sheet, *(HEADINGS[column.key][plan.lang] for column in COLUMNS[sheet])
    rows: dict[str, dict[str, str]] = {}
    bases: dict[str, dict[str, dict[str, str]]] = {TOP: {"": {}}}
    for name, top in plan.top.items():
        if top.base:
            bases[TOP][""][name] = top.base
    for sheet in plan.sheets:
        rows[sheet] = {row.key: row.signature for row in plan.rows(sheet)}
        bases[sheet] = {
            row.key: {column: cell.base for column, cell in row.inputs.items() if cell.base}
            for row in plan.rows(sheet)
        }
    record = json.dumps({"rows": rows, "bases": bases}, ensure_ascii=False, sort_keys=True)
    for start in range(0, len(record), CHUNK):
        yield "record", record[start : start + CHUNK]


def parse_meta(rows: Iterable[tuple[object, ...]]) -> Meta:
    """The hidden sheet's rows read back; a MetaProblem names what is wrong."""
    values: dict[str, str] = {}
    data: dict[str, str] = {}
    sheets: dict[str, str] = {}
    chunks: list[str] = []
    layout: dict[str, dict[str, list[str]]] = {"columns": {}, "headings": {}}
    version: int | None = None
    signed: list[tuple[str, ...]] = []
    seal: tuple[str, ...] | None = None
    places: dict[str, int] = {}
    for number, raw in enumerate(rows, start=1):
        row = tuple("" if cell is None else cell for cell in raw)
        while row and row[-1] == "":
            row = row[:-1]
        if not row:
            continue
        if not all(isinstance(cell, str) for cell in row):
            raise MetaProblem(
                _("row {row} holds something other than text").format(row=number), number
            )
        kind, *rest = (str(cell) for cell in row)
        if kind == SEAL and len(rest) == 4 and version == FORMAT_VERSION and seal is None:
            seal, places[SEAL] = tuple(rest), number
            continue
        signed.append((kind, *rest))
        if version is None:
            if kind != MARKER or len(rest) != 1 or not _decimal(rest[0]):
                raise MetaProblem(
                    _("row 1 is not `{marker}` and a version").format(marker=MARKER), number
                )
            version = int(rest[0])
            if version > FORMAT_VERSION:
                raise NewerFormat(version)
            if version < UNSIGNED_VERSION:
                raise MetaProblem(_("format version {version}").format(version=version), number)
        elif kind in ("agency", "cycle", "lang", "hcmlc", ISSUE) and len(rest) == 1:
            values[kind] = rest[0]
            places[kind] = number
        elif kind in ("data", "sheet") and len(rest) == 2:
            (data if kind == "data" else sheets)[rest[0]] = rest[1]
        elif kind == "record" and len(rest) == 1:
            chunks.append(rest[0])
        elif kind in layout and len(rest) >= 2:
            layout[kind][rest[0]] = rest[1:]
        else:
            raise MetaProblem(_("row {row} is not one hcmlc writes").format(row=number), number)
    if version is None:
        raise MetaProblem(_("it is empty"))
    for name in ("agency", "cycle", "lang"):
        if name not in values:
            raise MetaProblem(_("it does not say the `{name}`").format(name=name))
    lang = values["lang"]
    if lang not in LANGUAGES:
        raise MetaProblem(_("it names an unknown language `{lang}`").format(lang=lang))
    signatures, bases = _record("".join(chunks))
    sealed = Sealed(tuple(signed), seal, places)
    columns = {}
    for sheet, keys in layout["columns"].items():
        headings = layout["headings"].get(sheet, [])
        if len(headings) != len(keys):
            raise MetaProblem(
                _("its record of the columns of `{sheet}` is damaged").format(sheet=sheet)
            )
        columns[sheet] = list(zip(keys, headings, strict=True))
    return Meta(
        version,
        values["agency"],
        values["cycle"],
        lang,
        data,
        sheets,
        signatures,
        bases,
        sealed,
        columns,
    )


def _decimal(text: str) -> bool:
    """Whether `text` is a version number: ASCII digits only (`²` is a digit, not a number)."""
    return text.isascii() and text.isdecimal() and len(text) <= 6


def _record(text: str) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], str]]:
    """The rows' signatures and the inputs' pre-filled texts, from the JSON record."""
    damaged = MetaProblem(_("its record of rows and values is damaged"))
    try:
        record: Any = json.loads(text) if text else {"rows": {}, "bases": {}}
    except (ValueError, RecursionError):
        raise damaged from None
    rows: Any = record.get("rows") if isinstance(record, dict) else None
    bases: Any = record.get("bases") if isinstance(record, dict) else None
    signatures: dict[tuple[str, str], str] = {}
    found: dict[tuple[str, str, str], str] = {}
    if not (_mapping_of(rows, 2) and _mapping_of(bases, 3)):
        raise damaged
    for sheet, keys in rows.items():
        signatures |= {(sheet, key): value for key, value in keys.items()}
    for sheet, keys in bases.items():
        for key, columns in keys.items():
            found |= {(sheet, key, column): value for column, value in columns.items()}
    return signatures, found


def _mapping_of(value: Any, depth: int) -> bool:
    """Whether `value` is mappings of text keys, `depth` deep, with text at the bottom."""
    if depth == 0:
        return isinstance(value, str)
    return isinstance(value, dict) and all(
        isinstance(key, str) and _mapping_of(item, depth - 1) for key, item in value.items()
    )
