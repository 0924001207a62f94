"""`hcmlc assign`: who owes which indicator and question, read from a spreadsheet the city has.

The first sheet holds a header row with a column of item ids (an indicator `1.1.1.a` or a form
question `city-info`) and a column of agencies (ids, names or short names, and group ids,
separated by commas, semicolons or new lines). Every problem is located at its cell; nothing is
written unless the whole sheet is sound. The lists are then written into data/frameworks.yaml
(`assign:`) and data/assignments.yaml (`owners:`), on their own lines, the files' comments kept.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.reader import Document, Loc

ID_HEADERS = {"id", "mã", "mã số", "chỉ số", "câu hỏi", "item", "indicator", "question"}
OWNER_HEADERS = {"agencies", "owners", "cơ quan", "đơn vị", "cơ quan phụ trách", "phụ trách"}
SEPARATORS = re.compile(r"[,;\n]+")


@dataclass
class Assignment:
    """What the sheet assigns, or the problems that keep it from being written."""

    indicators: dict[str, list[str]] = field(default_factory=dict)
    questions: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)


def read_sheet(data: bytes, display: str, catalog: Catalog) -> Assignment:
    """The assignments of the workbook's first sheet, each checked against the registry."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = [[_text(cell) for cell in row] for row in sheet.iter_rows(max_col=30, values_only=True)]
    result = Assignment()

    def problem(row: int, column: int, code: str, message: str, hint: str | None) -> None:
        result.problems.append(
            Diagnostic(display, row, column + 1, code, message, hint, sheet=sheet.title)
        )

    header = next((k for k, row in enumerate(rows) if _columns(row) is not None), None)
    if header is None:
        raise HcmlcError(
            _("{file}: no header row with an id column and an agencies column").format(
                file=display
            ),
            _("name the columns `id` and `agencies` (or `Chỉ số` and `Cơ quan phụ trách`)"),
        )
    id_column, owner_column = _columns(rows[header]) or (0, 1)
    names = _names(catalog)
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        item = row[id_column] if id_column < len(row) else ""
        owners = row[owner_column] if owner_column < len(row) else ""
        if not item:
            continue
        kind = "indicator" if item in catalog.indicators else None
        kind = kind or ("question" if item in catalog.questions else None)
        if kind is None:
            known = [*catalog.indicators, *catalog.questions]
            hint = did_you_mean(item, known) or _("see the ids in data/frameworks.yaml")
            problem(number, id_column, "HCMLC-E020", _("unknown item `{id}`").format(id=item), hint)
            continue
        ids = []
        for name in filter(None, (part.strip() for part in SEPARATORS.split(owners))):
            agency = names.get(_key(name))
            if agency is None:
                hint = did_you_mean(name, names.values()) or _(
                    "use the ids of data/assignments.yaml and data/units.yaml, or their names"
                )
                message = _("unknown agency `{name}`").format(name=name)
                problem(number, owner_column, "HCMLC-E020", message, hint)
                continue
            ids.append(agency)
        target = result.indicators if kind == "indicator" else result.questions
        target[item] = list(dict.fromkeys(ids))
    return result


def _text(value: object) -> str:
    return "" if value is None else unicodedata.normalize("NFC", str(value)).strip()


def _columns(row: list[str]) -> tuple[int, int] | None:
    lowered = [cell.lower() for cell in row]
    ids = next((k for k, cell in enumerate(lowered) if cell in ID_HEADERS), None)
    owners = next((k for k, cell in enumerate(lowered) if cell in OWNER_HEADERS), None)
    return None if ids is None or owners is None else (ids, owners)


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


def _names(catalog: Catalog) -> dict[str, str]:
    """Every way the sheet may name an agency or group → its id."""
    found: dict[str, str] = {}
    for group in catalog.assignments.groups:
        found[_key(group.id)] = group.id
        for text in (group.name.vi, group.name.en):
            if text:
                found.setdefault(_key(text), group.id)
    for agency in catalog.agencies.values():
        found[_key(agency.id)] = agency.id
        texts = [agency.name.vi, agency.name.en]
        if agency.short is not None:
            texts += [agency.short.vi, agency.short.en]
        for text in texts:
            if text:
                found.setdefault(_key(text), agency.id)
    return found


def rewrite(text: str, doc: Document, places: dict[Loc, list[str]], append: Loc) -> str:
    """`text` with the flow list at each place replaced by its new ids; places missing from the
    mapping at `append` (which must end the file) are added at its end."""
    lines = text.split("\n")
    added = []
    for loc, ids in places.items():
        value = _flow(ids)
        try:
            line, column = doc.at(loc)
        except (KeyError, IndexError, ValueError):
            line = 0
        current = lines[line - 1] if line else ""
        if line and current[column - 1 :].startswith("["):
            end = current.index("]", column - 1) + 1
            lines[line - 1] = current[: column - 1] + value + current[end:]
        elif loc[:-1] == append:
            added.append(f'  "{loc[-1]}": {value}')
        else:
            raise HcmlcError(
                _("cannot rewrite {file} at {place}: the list is not written as [ … ]").format(
                    file=doc.path, place=".".join(str(part) for part in loc)
                ),
                _('write it on one line, as `owners: ["so-gddt"]`, then assign again'),
            )
    while added and lines and lines[-1] == "":
        lines.pop()
    return "\n".join([*lines, *added]) + "\n" if added else "\n".join(lines)


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in ids) + "]"


def question_places(catalog: Catalog, questions: dict[str, list[str]]) -> dict[Loc, list[str]]:
    """Question id → the location of its `owners:` in data/assignments.yaml."""
    found: dict[Loc, list[str]] = {}
    for s, section in enumerate(catalog.assignments.form):
        for q, question in enumerate(section.questions):
            if question.id in questions:
                found[("form", s, "questions", q, "owners")] = questions[question.id]
    return found
