"""When each entry's content reached the repository: read from the branch's first-parent
history, on the receiving side (history.py), whatever the sender wrote in the file.

One `git log --first-parent --raw` names every version of every submission file and the
commit that brought it (a merged pull request counts from its merge, an import from its
commit); one `git cat-file --batch` reads the versions that must be compared (of files changed
after they were added, or renamed). An entry is known by its file's
`agency` and `cycle` and its item, not by the file's name, so a renamed file keeps its dates.
An entry's content is its value as read (comments and layout do not count), so that a change
of wording in a comment is not a revision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.core.receiving import Change, Receipt
from hcmlc.core.results import ItemKind, SubmissionFile
from hcmlc.files.git import git_output
from hcmlc.yamlfiles.reader import parse_bytes, plain_data

SECTIONS: dict[str, ItemKind] = {"indicators": "indicator", "answers": "answer"}
FileKey = tuple[str, str]
"""(agency, cycle) of a submission file."""
Key = tuple[str, str, ItemKind, str]
"""(cycle, agency, kind, item), as `results.Entry`."""


class Receipts:
    """The receipts of the entries of the files at a commit, each found when asked for: a file
    with a single version and no other file's name before it (most files) needs no reading,
    its entries all arrived with it; the others were read and replayed (`_replay`)."""

    def __init__(
        self,
        holders: Mapping[FileKey, str],
        single: dict[str, dt.date],
        read: dict[Key, Receipt],
        added: dict[str, dt.date],
    ) -> None:
        self._holders, self._single, self._read = holders, single, read
        self.added = added
        """Path → the day of the commit that last added it (deliveries.added_on, read here)."""

    def single_day(self, key: Key) -> dt.date | None:
        """The day of the one version of the entry's file, when it had only one."""
        if key in self._read:
            return None
        path = self._holders.get((key[1], key[0]))
        return self._single.get(path) if path is not None else None

    def get(self, key: Key) -> Receipt | None:
        found = self._read.get(key)
        if found is not None:
            return found
        path = self._holders.get((key[1], key[0]))
        day = self._single.get(path) if path is not None else None
        return Receipt(((day, f"file {path}"),)) if day is not None else None


def receipts(
    root: Path,
    rev: str,
    zone: dt.tzinfo,
    now: dt.datetime,
    holders: Mapping[FileKey, str],
    folder: str = "submissions",
    *,
    deep: bool = False,
) -> Receipts | None:
    """The receipts of the entries of the submission files at `rev`, whose files of each
    (agency, cycle) are `holders`; None when git cannot answer (not a clone, a shallow clone,
    no commit). `deep`: this command has just read `rev` from the first-parent history of
    this clone, not shallow (past.first_parent), so git is not asked again."""
    if not deep:
        shallow = git_output(root, "rev-parse", "--is-shallow-repository", f"{rev}^{{commit}}")
        if not shallow.startswith("false\n"):
            return None
    log = git_output(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "--relative",
        "--format=%x00%ct",
        rev,
        "--",
        folder,
    )
    additions: dict[str, dt.date] = {}
    commits = list(_commits(log, zone, now, additions))
    commits.reverse()  # oldest first
    single, tangled = _families(commits)
    kept = [(day, [c for c in changes if c[0] in tangled]) for day, changes in commits]
    blobs = _contents(root, {blob for _day, changes in kept for _p, blob in changes if blob})
    return Receipts(holders, single, _replay(kept, blobs), additions)


def _families(
    commits: list[tuple[dt.date, list[tuple[str, str | None]]]],
) -> tuple[dict[str, dt.date], set[str]]:
    """The files with one version, added alone (path → the day), and the others: files with
    several versions, and files deleted and added in one commit (a rename, a move), which
    must be read to follow their entries."""
    versions: dict[str, int] = {}
    added: dict[str, dt.date] = {}
    tangled: set[str] = set()
    for day, changes in commits:
        gone = [path for path, blob in changes if blob is None]
        for path, blob in changes:
            versions[path] = versions.get(path, 0) + 1
            if blob is not None:
                added[path] = day
                if gone:
                    tangled.update((path, *gone))
    tangled.update(path for path, count in versions.items() if count > 1)
    single = {path: day for path, day in added.items() if path not in tangled}
    return single, tangled


def _commits(
    log: str, zone: dt.tzinfo, now: dt.datetime, additions: dict[str, dt.date]
) -> Iterator[tuple[dt.date, list[tuple[str, str | None]]]]:
    """(day received, [(path, new blob or None when deleted)]) of each commit, newest first,
    each day clamped as history.py does: never after the next commit's, nor after now."""
    limit = now
    for record in log.split("\0")[1:]:
        head, _newline, raw = record.partition("\n")
        limit = min(limit, dt.datetime.fromtimestamp(int(head.strip()), zone))
        changes = []
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta, _tab, path = line.partition("\t")
            fields = meta.split()
            if len(fields) < 5 or not path.endswith((".yaml", ".yml")):
                continue
            new, status = fields[3], fields[4]
            changes.append((path, None if status.startswith("D") or set(new) == {"0"} else new))
            if status.startswith("A"):
                additions.setdefault(path, limit.date())  # newest first: the latest addition
        yield limit.date(), changes


def _contents(root: Path, blobs: Iterable[str]) -> dict[str, dict[Key, str]]:
    """Blob id → its entries and their content, read by one `git cat-file --batch`."""
    wanted = sorted(blobs)
    if not wanted:
        return {}
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "cat-file", "--batch"],
            input="".join(f"{blob}\n" for blob in wanted).encode(),
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    out, position, found = result.stdout, 0, {}
    for blob in wanted:
        end = out.find(b"\n", position)
        if end < 0:
            break
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        found[blob] = _entries(out[position : position + size])
        position += size + 1
    return found


def _entries(raw: bytes) -> dict[Key, str]:
    """A submission file's entries and their content as read; none when it does not read."""
    data = plain_data(raw)
    if not isinstance(data, dict):
        return {}
    agency, cycle = data.get("agency"), data.get("cycle")
    if not isinstance(agency, str) or not isinstance(cycle, str):
        return {}
    entries = {}
    for section, kind in SECTIONS.items():
        items = data.get(section)
        for item, value in (items if isinstance(items, dict) else {}).items():
            entries[(cycle, agency, kind, str(item))] = _digest(value)
    return entries


def _digest(value: object) -> str:
    """A short fingerprint of an entry's content as read."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _replay(
    commits: list[tuple[dt.date, list[tuple[str, str | None]]]], blobs: dict[str, dict[Key, str]]
) -> dict[Key, Receipt]:
    """Apply the commits in order, noting each day an entry's content changed. An entry in two
    files counts as the first file by name holds it, as the reader takes the first."""
    files: dict[str, dict[Key, str]] = {}
    versions: dict[str, str] = {}
    holders: dict[Key, set[str]] = {}
    changes: dict[Key, list[Change]] = {}
    sources: dict[Key, list[str | None]] = {}
    for day, changed in commits:
        touched: set[Key] = set()
        for path, blob in changed:
            for key in files.pop(path, {}):
                holders[key].discard(path)
                touched.add(key)
            if blob is not None:
                versions[path] = blob
                files[path] = blobs.get(blob, {})
                for key in files[path]:
                    holders.setdefault(key, set()).add(path)
                    touched.add(key)
        for key in touched:
            paths = holders.get(key)
            first = min(paths, key=lambda p: p.split("/")) if paths else None
            content = files[first][key] if first is not None else None
            seen = changes.get(key)
            blob = f"{versions[first]} {first}" if first in versions else None
            if seen is None:
                if content is not None:
                    changes[key], sources[key] = [(day, content)], [blob]
            elif seen[-1][1] != content:
                seen.append((day, content))
                sources[key].append(blob)
    return {
        key: Receipt(tuple(seen), tuple(sources[key]))
        for key, seen in changes.items()
        if seen[-1][1] is not None
    }


def accepted_in(root: Path, catalog: Catalog) -> Callable[[str, Key], bool]:
    """Whether an entry passed validation in a version (blob) of its file: a content held at
    the deadline counts as delivered then only if it did. Each version asked for is read once
    (only those of entries changed after their deadline are)."""
    from hcmlc.checks.submission import check_submission

    found: dict[str, frozenset[tuple[str, str, str, str]]] = {}

    def accepted(version: str, key: Key) -> bool:
        """Whether `key` passed validation in `version` ("<blob> <path>")."""
        if version not in found:
            blob, _space, path = version.partition(" ")
            raw = _blob(root, blob)
            doc = parse_bytes(raw, path) if raw is not None else None
            if doc is None or not isinstance(doc.data, dict):
                found[version] = frozenset()
            else:
                check = check_submission(catalog, SubmissionFile(doc, None), root)
                found[version] = frozenset(check.accepted)
        return key in found[version]

    return accepted


def _blob(root: Path, blob: str) -> bytes | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "cat-file", "blob", blob], capture_output=True, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def uncommitted(root: Path, folder: str = "submissions") -> dict[Key, str]:
    """The entries of the working tree's submission files whose content differs from the last
    commit's, or that it lacks: what has not reached the branch yet."""
    changed = git_output(root, "diff", "--name-only", "--relative", "-z", "HEAD", "--", folder)
    added = git_output(root, "ls-files", "--others", "--exclude-standard", "-z", "--", folder)
    paths = sorted(p for p in (changed + added).split("\0") if p.endswith((".yaml", ".yml")))
    if not paths:
        return {}
    prefix = git_output(root, "rev-parse", "--show-prefix").strip()
    committed = _contents(root, [f"HEAD:{prefix}{path}" for path in paths])
    found: dict[Key, str] = {}
    for path in paths:
        try:
            raw = (root / path).read_bytes()
        except OSError:
            continue  # deleted
        before = committed.get(f"HEAD:{prefix}{path}", {})
        for key, content in _entries(raw).items():
            if before.get(key) != content:
                found.setdefault(key, content)
    return found
