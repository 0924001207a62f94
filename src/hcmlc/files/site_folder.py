"""A folder hcmlc publishes (the status page's site): replaced whole on every run, and never
when it holds something hcmlc did not put there.

The folder keeps a manifest of the files hcmlc wrote, with their SHA-256. Before replacing it,
every file in it must be listed there, unchanged: anything else (a file someone added or
edited, a folder of theirs, a folder that was never hcmlc's) stops the run with nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import replace_folder
from hcmlc.i18n import _

MANIFEST = ".hcmlc-manifest.json"
SHOWN = 5
"""How many foreign files an error names before it counts the rest."""


def publish(folder: Path, files: dict[str, bytes]) -> None:
    """Make `folder` hold exactly `files` (name → bytes) and their manifest, swapped in whole;
    an HcmlcError, with nothing changed, when the folder holds anything hcmlc did not write."""
    check_ours(folder)
    manifest = {
        "generator": "hcmlc",
        "files": {name: _digest(data) for name, data in sorted(files.items())},
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    replace_folder(folder, {**files, MANIFEST: text.encode("utf-8")})


def check_ours(folder: Path) -> None:
    """Nothing to lose in `folder`: it does not exist, or holds only files hcmlc wrote there
    and nobody changed since."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise HcmlcError(
            _("{path} is not a folder hcmlc can replace").format(path=folder),
            _("give --out the path of a folder (a new one, or one hcmlc wrote)"),
        )
    if not folder.exists():
        return
    written = _manifest(folder)
    foreign = [
        name
        for name, path in _contents(folder)
        if name not in written or written[name] != _digest_of(path)
    ]
    if foreign:
        shown = ", ".join(foreign[:SHOWN])
        if len(foreign) > SHOWN:
            shown += ", " + _("and {n} more").format(n=len(foreign) - SHOWN)
        raise HcmlcError(
            _(
                "{path} holds files hcmlc did not write (or that were changed since): {files}; "
                "nothing was replaced"
            ).format(path=folder, files=shown),
            _("move them out of {path}, or choose another folder with --out").format(path=folder),
        )


def _manifest(folder: Path) -> dict[str, str]:
    """File name → SHA-256 of the files hcmlc wrote in `folder`; empty when there is no
    readable manifest (then every file is someone else's)."""
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = found["files"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):  # damaged: nested deep
        return {}
    if not isinstance(files, dict):
        return {}
    return {str(name): str(digest) for name, digest in files.items()}


def _contents(folder: Path) -> list[tuple[str, Path]]:
    """Every file, link and empty folder inside `folder` (but the manifest), by relative path."""
    found = []
    for top, folders, names in os.walk(folder):
        here = Path(top)
        for name in [*names, *(f for f in folders if (here / f).is_symlink())]:
            path = here / name
            relative = path.relative_to(folder).as_posix()
            if relative != MANIFEST:
                found.append((relative, path))
        for name in folders:
            path = here / name
            if not path.is_symlink() and not any(path.iterdir()):
                found.append((path.relative_to(folder).as_posix() + "/", path))
    return sorted(found)


def _digest_of(path: Path) -> str | None:
    """The SHA-256 of a regular file; None for a link or a folder (never hcmlc's)."""
    if path.is_symlink() or not path.is_file():
        return None
    return _digest(path.read_bytes())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
