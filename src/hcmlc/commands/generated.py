"""Files hcmlc generates from the repository (schema, CODEOWNERS): write, print or check them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.errors import DataError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _


@dataclass(frozen=True)
class GeneratedOptions:
    """What `hcmlc schema` or `hcmlc codeowners` was asked for: where to write, or to check."""

    out: Path | None = None
    check: bool = False


def publish(
    console: Console, root: Path, text: str, target: Path | None, check: bool, regenerate: str
) -> int:
    """Print `text` (no target), write it to `target`, or check that `target` holds it already."""
    if target is None:
        console.file.write(text)
        return 0
    shown = _shown(root, target)
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            message = (
                _("{file} is missing: it is not what `{command}` generates")
                if current is None
                else _("{file} differs from line {line}: it is not what `{command}` generates")
            )
            line = _first_difference(current, text) if current is not None else 0
            raise DataError(
                message.format(file=shown, line=line, command=regenerate),
                _("run `{command}` and commit the result").format(command=regenerate),
            )
        console.print(_("{file} is up to date.").format(file=shown), markup=False, highlight=False)
        return 0
    write_atomic(target, text.encode("utf-8"))
    console.print(_("Wrote {file}.").format(file=shown), markup=False, highlight=False)
    return 0


def _shown(root: Path, path: Path) -> str:
    """`path` relative to the repository when it is inside it."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)


def _first_difference(old: str, new: str) -> int:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1
