"""The digests of what agencies submitted, now or at a commit, for the sign-off checks."""

from __future__ import annotations

from pathlib import Path

from hcmlc.repository.load import read_document
from hcmlc.signoffs.digest import ItemKind, entry_digests
from hcmlc.signoffs.names import submission_path
from hcmlc.yamlfiles.reader import parse_bytes

Digests = dict[tuple[ItemKind, str], str]


def digests_now(root: Path, cycle_id: str, agency: str) -> Digests:
    """(kind, item) → digest of each entry of the agency's file as it stands."""
    relative = submission_path(root, cycle_id, agency)
    if not (root / relative).is_file():
        return {}
    return entry_digests(read_document(root, relative)[1].data)


def digests_at(root: Path, ref: str, relative: str) -> Digests:
    """(kind, item) → digest of each entry of a file as it was at commit `ref` (none when it
    did not exist)."""
    from hcmlc.files.git import git_output

    text = git_output(root, "show", f"{ref}:./{relative}")
    return entry_digests(parse_bytes(text.encode("utf-8"), relative).data) if text else {}
