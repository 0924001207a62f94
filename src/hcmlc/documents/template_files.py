"""The templates of the documents: a city's own in its templates/ folder, else those hcmlc ships.

The shipped ones are package data (src/hcmlc/templates/, built by templates/build_templates.py),
so a city's repository needs no templates of its own; `hcmlc templates` copies them into it for
a coordinator who wants to restyle one in Word.
"""

from __future__ import annotations

from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

FOLDER = "templates"
"""The folder of a city's repository whose templates replace the shipped ones of the same name."""

NAMES = (
    "gnlc-form.docx",
    "progress-report.docx",
    "progress-report.md.j2",
    "reminder.docx",
    "reminder.md.j2",
)
"""Every template hcmlc ships, by file name."""

SHIPPED = Path(__file__).resolve().parents[1] / FOLDER
"""Where the installed package keeps them (hcmlc is installed unpacked, never run from a zip)."""


def shipped(name: str) -> Path:
    """The template `name` as hcmlc ships it."""
    path = SHIPPED / name
    if not path.is_file():
        raise HcmlcError(
            _("the template {name} is missing from this installation of hcmlc").format(name=name),
            _("reinstall hcmlc, or put your own at {path} (see `hcmlc templates --help`)").format(
                path=f"{FOLDER}/{name}"
            ),
        )
    return path


def find(root: Path, name: str, given: Path | None = None) -> Path:
    """The template to render with: `given`, else the city's own templates/<name> if there is
    anything at that path (a broken one is reported, not skipped), else the shipped one."""
    if given is not None:
        return given
    own = root / FOLDER / name
    if own.exists() or own.is_symlink():
        return own
    return shipped(name)
