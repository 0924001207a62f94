"""`hcmlc new-submission`: an agency's file for a cycle, with everything it owes as stubs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.core.status import check_agency
from hcmlc.documents.json_schema import SCHEMA_PATH
from hcmlc.documents.scaffold import describe_owed, owed, scaffold
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import create_new
from hcmlc.i18n import _
from hcmlc.repository.load import SUBMISSIONS, load


@dataclass(frozen=True)
class SubmissionOptions:
    """What `hcmlc new-submission` was asked for."""

    agency: str
    cycle: str | None = None


def write_submission(console: Console, root: Path, options: SubmissionOptions) -> int:
    """Write submissions/<cycle>/<agency>.yaml; never overwrite a file that exists."""
    agency, cycle_id = options.agency, options.cycle
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
            holder = catalog.succession.holder(agency, cycle.reference_date)
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
    for existing in (path, path.with_suffix(".yml")):
        if existing.exists():
            raise _exists(existing.relative_to(root).as_posix())
    schema = Path(os.path.relpath(root / SCHEMA_PATH, path.parent)).as_posix()
    try:
        create_new(path, scaffold(catalog, agency, cycle, schema).encode("utf-8"))
    except FileExistsError:  # written by someone else in the meantime
        raise _exists(shown) from None
    console.print(
        _("Wrote {file}: {owed}.").format(
            file=shown, owed=describe_owed(cycle, indicators, answers)
        ),
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


def _exists(shown: str) -> HcmlcError:
    return HcmlcError(
        _("{file} already exists").format(file=shown),
        _("edit the existing file, or delete it first"),
    )
