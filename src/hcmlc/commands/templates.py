"""`hcmlc templates`: copy the templates hcmlc ships into the city's templates/, to restyle."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.documents.template_files import FOLDER, NAMES, shipped
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _


@dataclass(frozen=True)
class TemplatesOptions:
    """What `hcmlc templates` was asked for."""

    out: Path | None = None
    force: bool = False


def copy_templates(console: Console, root: Path, options: TemplatesOptions) -> int:
    """Write every shipped template into `out` (default: the repository's templates/); refuse,
    before writing any, to replace one that differs unless `force`."""
    folder = options.out or root / FOLDER
    wanted = {name: shipped(name).read_bytes() for name in NAMES}
    present = {name: _current(folder / name) for name in NAMES}
    differing = [
        name for name in NAMES if present[name] is not None and present[name] != wanted[name]
    ]
    if differing and not options.force:
        raise HcmlcError(
            _("{files} differ from the templates hcmlc ships").format(
                files=", ".join(_shown(root, folder / name) for name in differing)
            ),
            _("pass --force to replace them (their history stays in Git)"),
        )
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in wanted.items():
        shown = _shown(root, folder / name)
        if present[name] == data:
            console.print(_("{file} is up to date.").format(file=shown), markup=False)
            continue
        write_atomic(folder / name, data)
        console.print(_("Wrote {file}.").format(file=shown), markup=False)
    return 0


def _current(path: Path) -> bytes | None:
    """The bytes at `path`, None when nothing is there; something that is not a file is an
    error (never replaced)."""
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        raise HcmlcError(
            _("{path} is not a regular file").format(path=path),
            _("move it away, then run the command again"),
        )
    return path.read_bytes()


def _shown(root: Path, path: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)
