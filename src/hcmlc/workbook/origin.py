"""Where a returned workbook comes from: its hidden sheet read alone (for its language), and
whether it was made from this repository's data at all.

A workbook records the SHA-256 of the data files it was made from. The coordinator changes
data/ between issuing and receiving (a new cycle, a corrected name), so a digest that differs
from today's is not yet a stranger: a workbook is from this repository when one of its digests
is that of a version of the file that this repository holds or held (its git history). A
workbook none of whose digests this repository ever had was made from another city's data.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from hcmlc.files.git import git_output
from hcmlc.workbook.guard import guarded_bytes
from hcmlc.workbook.meta import SHEET, Meta, MetaProblem, parse_meta
from hcmlc.workbook.read import MAX_ROWS
from hcmlc.workbook.source import DATA_FILES, fingerprint
from hcmlc.workbook.xlsx import XlsxError, read_xlsx

MAX_VERSIONS = 500
"""Past versions of a data file looked at: years of a city's history."""


def peek(path: Path) -> Meta | None:
    """The hidden sheet of the workbook at `path`; None when it cannot be read (import says
    why)."""
    data = guarded_bytes(path, str(path))
    if not isinstance(data, bytes):
        return None
    try:
        sheet = read_xlsx(data, only=SHEET).sheets.get(SHEET)
    except XlsxError:
        return None
    if sheet is None:
        return None
    last = min(sheet.max_row, MAX_ROWS)
    width = max((column for _, column in sheet.cells), default=0)
    rows = [tuple(sheet.value(r, c).value for c in range(1, width + 1)) for r in range(1, last + 1)]
    try:
        return parse_meta(rows)
    except MetaProblem:
        return None


def known_digests(root: Path) -> dict[str, set[str]]:
    """Data file → the SHA-256 of each version this repository holds or held."""
    known = {name: {digest} for name, digest in fingerprint(root).items()}
    for name in DATA_FILES:
        log = git_output(root, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", name)
        blobs = [f"{commit}:{name}" for commit in log.split()]
        known.setdefault(name, set()).update(_blob_digests(root, blobs))  # may be gone now
    return known


def from_here(meta: Meta, known: dict[str, set[str]]) -> bool:
    """Whether the workbook was made from a version of this repository's data."""
    return any(meta.data.get(name) in digests for name, digests in known.items())


def _blob_digests(root: Path, objects: list[str]) -> set[str]:
    """The SHA-256 of each git object named (`commit:path`), read in one `git cat-file`."""
    if not objects:
        return set()
    try:
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=root,
            input="\n".join(objects).encode() + b"\n",
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    found: set[str] = set()
    out, at = done.stdout, 0
    while at < len(out):
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue  # `<name> missing`
        size = int(header[2])
        found.add(hashlib.sha256(out[at : at + size]).hexdigest())
        at += size + 1
    return found
