"""`hcmlc init DIR`: a new city's repository that validates at once, committed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rich.console import Console

from hcmlc import __version__
from hcmlc.documents.city_init import NewCity, check_folder, files
from hcmlc.documents.codeowners import CODEOWNERS_PATH, codeowners
from hcmlc.documents.json_schema import SCHEMA_PATH, schema_text
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import create_new
from hcmlc.i18n import _, counted
from hcmlc.repository.load import load


def create_repository(console: Console, folder: Path, new: NewCity) -> int:
    """Write the repository into `folder` (new or empty), check it, commit it."""
    check_folder(folder)
    if shutil.which("git") is None:
        raise HcmlcError(_("git is not installed"), _("install Git, then run init again"))
    texts = files(new)
    for relative, text in texts.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        create_new(folder / relative, text.encode("utf-8"))
    repo = load(folder)
    catalog = repo.require_sound_data()
    generated = {
        SCHEMA_PATH: schema_text(catalog),
        CODEOWNERS_PATH: codeowners(catalog.assignments),
    }
    for relative, text in generated.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        create_new(folder / relative, text.encode("utf-8"))
    _commit(folder, new)
    units = len(new.province.units)
    say = console.print
    say(
        _("Wrote {path}: the repository of {city}, committed ({files}).").format(
            path=folder, city=new.city, files=counted(len(texts) + 2, "{n} file", "{n} files")
        ),
        markup=False,
        highlight=False,
    )
    say(
        _(
            "It uses UNESCO's framework and the national learning models as hcmlc {version} "
            "ships them; {province}: {units}."
        ).format(
            version=__version__,
            province=new.province.name,
            units=counted(units, "{n} ward or commune", "{n} wards and communes"),
        ),
        markup=False,
        highlight=False,
    )
    say(
        _(
            "Next: assign the indicators and questions (`hcmlc assign FILE.xlsx`, or "
            "data/frameworks.yaml and data/assignments.yaml), fill in data/documents.yaml, then "
            "`hcmlc status`."
        ),
        markup=False,
        highlight=False,
    )
    return 0


def _commit(folder: Path, new: NewCity) -> None:
    message = (
        f"hcmlc init: {new.city}, {new.province.code} {new.province.name} (hcmlc {__version__})"
    )
    for args in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", message]):
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise HcmlcError(
                _("the files are written, but git {step} failed: {detail}").format(
                    step=args[0], detail=done.stderr.strip().splitlines()[-1:] or ""
                ),
                _(
                    "tell git who you are (`git config --global user.name …` and "
                    "`user.email …`), then commit in {path}"
                ).format(path=folder),
            )
