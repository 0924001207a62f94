"""Make the English catalog the identity of the source strings, which are English already.

`make messages` runs it after `pybabel update`: every English entry still untranslated gets its
msgid (singular and plural) as its translation, so the `en` catalog is always complete. An entry
a maintainer has worded differently keeps that wording.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill(path: Path) -> int:
    """Give each untranslated entry of the .po at `path` its own msgid; the number filled."""
    with path.open("rb") as stream:
        catalog = read_po(stream)
    filled = 0
    for message in catalog:
        if not message.id or (_translated(message.string) and not message.fuzzy):
            continue
        message.string = message.id
        message.flags.discard("fuzzy")
        filled += 1
    with path.open("wb") as stream:
        write_po(stream, catalog, width=0, ignore_obsolete=True)
    return filled


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    print(f"{fill(Path(sys.argv[1]))} English entries filled")
