"""The command line of a tool that writes one file generated from vietnam-provinces: write it,
or with --check say whether it is current (exit 1 when not)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(
    description: str, out: Path, render: Callable[[], str], summary: Callable[[str], str]
) -> int:
    """Parse the arguments, then write `render()` to `--out` (saying `summary` of the text),
    or check that the file holds it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    text = render()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out} differs from what vietnam-provinces generates", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}{summary(text)}")
    return 0
