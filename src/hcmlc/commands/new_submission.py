"""`hcmlc new-submission`: an agency's file for a cycle, with everything it owes as stubs."""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from hcmlc.atomic import create_new
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _, counted
from hcmlc.json_schema import SCHEMA_PATH
from hcmlc.models.registry import Cycle
from hcmlc.repository import SUBMISSIONS, load
from hcmlc.scaffold import owed, scaffold
from hcmlc.status import check_agency


def run(console: Console, root: Path, agency: str, cycle_id: str | None) -> int:
    """Write submissions/<cycle>/<agency>.yaml; never overwrite a file that exists."""
    repo = load(root, keep=False)
    catalog = repo.require_catalog()
    check_agency(catalog, agency)
    cycle = repo.cycle(cycle_id)
    path = root / SUBMISSIONS / cycle.id / f"{agency}.yaml"
    shown = path.relative_to(root).as_posix()
    indicators = owed(catalog, agency, cycle, "indicator")
    answers = owed(catalog, agency, cycle, "answer")
    if not indicators and not answers:
        hint = _("see who owes what with `hcmlc status --cycle {cycle}`").format(cycle=cycle.id)
        record = catalog.agencies[agency]
        if record.ended is not None and cycle.reference_date >= record.ended:
            holder = catalog.holder(agency, cycle.reference_date)
            units = catalog.territories.get(agency, [])
            if holder:
                hint = _("`{agency}` ended on {day}: `{holder}` reports its items now")
            elif units:
                hint = _(
                    "`{agency}` ended on {day}: its territory passed to {count} wards and "
                    "communes, each with its own file (e.g. `--agency {first}`)"
                )
            else:
                hint = _("`{agency}` ended on {day}: nobody reports its items yet")
            hint = hint.format(
                agency=agency,
                day=record.ended,
                holder=holder,
                count=len(units),
                first=units[0] if units else "",
            )
        raise HcmlcError(
            _("`{agency}` owes nothing in cycle {cycle}").format(agency=agency, cycle=cycle.id),
            hint,
        )
    if path.with_suffix(".yml").exists():
        raise HcmlcError(
            _("{file} already exists").format(file=f"{shown[:-5]}.yml"),
            _("edit the existing file, or delete it first"),
        )
    schema = Path(os.path.relpath(root / SCHEMA_PATH, path.parent)).as_posix()
    create_new(path, scaffold(catalog, agency, cycle, schema).encode("utf-8"))
    console.print(
        _("Wrote {file}: {owed}.").format(file=shown, owed=_owed(cycle, indicators, answers)),
        markup=False,
        highlight=False,
    )
    if not (root / SCHEMA_PATH).is_file():
        console.print(
            _(
                "note: {schema} is missing, so editors cannot check the file; "
                "create it with `hcmlc schema --out {schema}`"
            ).format(schema=SCHEMA_PATH),
            markup=False,
            highlight=False,
        )
    return 0


def _owed(cycle: Cycle, indicators: list[str], answers: list[str]) -> str:
    """`27 indicators due 2023-08-31, 16 answers due 2023-09-30`, in the interface's language.

    The file itself says the same in English (`scaffold.describe_owed`): it is content.
    """
    parts = []
    if indicators:
        parts.append(
            _("{indicators} due {date}").format(
                indicators=counted(len(indicators), "{n} indicator", "{n} indicators"),
                date=cycle.deadlines.indicators,
            )
        )
    if answers:
        parts.append(
            _("{answers} due {date}").format(
                answers=counted(len(answers), "{n} answer", "{n} answers"),
                date=cycle.deadlines.answers,
            )
        )
    return ", ".join(parts)
