"""Rewrite imports of hcmlc's loose modules to their folders (issue 23), idempotently.

    python tools/relayout.py FILE...      rewrite these files in place
    python tools/relayout.py --move       git mv every module of tools/layout_map.txt

The table of moves is tools/layout_map.txt (old module, new dotted path under hcmlc).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent / "src" / "hcmlc"


def load_map() -> dict[str, str]:
    """The old module name → its new dotted path under hcmlc."""
    moves: dict[str, str] = {}
    for line in (HERE / "layout_map.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new = line.split()
            moves[old] = new
    return moves


MOVES = load_map()
FOLDERS = {new.split(".")[0] for new in MOVES.values()}
# `hcmlc.cli` and `hcmlc.repository` are both old modules and new folders: a name already
# followed by one of the folder's modules has been rewritten.
FOLDER_MODULES = {
    folder: {new.split(".")[1] for new in MOVES.values() if new.startswith(folder + ".")}
    for folder in FOLDERS
}
DOTTED = re.compile(r"\bhcmlc\.([a-z_0-9]+)(?![A-Za-z0-9_])(\.[a-z_0-9]+)?")
FROM_PACKAGE = re.compile(r"^(\s*)from hcmlc import ([a-z_0-9]+)(?: as ([a-z_0-9]+))?\s*$", re.M)


def _dotted(match: re.Match[str]) -> str:
    name, rest = match.group(1), match.group(2) or ""
    if name not in MOVES:
        return match.group(0)
    if name in FOLDER_MODULES and rest[1:] in FOLDER_MODULES[name]:
        return match.group(0)
    return f"hcmlc.{MOVES[name]}{rest}"


def _from_package(match: re.Match[str]) -> str:
    indent, name, alias = match.group(1), match.group(2), match.group(3)
    if name not in MOVES:
        return match.group(0)
    folder, module = MOVES[name].rsplit(".", 1)
    alias = alias or name
    tail = "" if alias == module else f" as {alias}"
    return f"{indent}from hcmlc.{folder} import {module}{tail}"


def rewrite(text: str) -> str:
    """The text with every old module path replaced by its new one."""
    return FROM_PACKAGE.sub(_from_package, DOTTED.sub(_dotted, text))


def move() -> None:
    """git mv every module of the table, creating each folder's empty __init__.py."""
    for old, new in MOVES.items():
        target = PACKAGE / (new.replace(".", "/") + ".py")
        target.parent.mkdir(exist_ok=True)
        init = target.parent / "__init__.py"
        if not init.exists():
            init.write_text("", encoding="utf-8")
        source = PACKAGE / f"{old}.py"
        if source.exists():
            subprocess.run(["git", "mv", str(source), str(target)], check=True)
        else:
            print(f"missing: {source}", file=sys.stderr)


def main(argv: list[str]) -> int:
    if argv == ["--move"]:
        move()
        return 0
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
