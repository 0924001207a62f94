"""What status needs of the sign-offs, kept between runs by content: the last record of each
item (from the review file's bytes) and the digests of each submission (from its bytes).

At city scale a cycle's review file holds 12,000 records and its submissions 12,000 entries:
reading them afresh would multiply the time of `status`; kept, a run costs reading the bytes,
hashing them and loading two JSON files. Entries are keyed by the SHA-256 of the bytes they
come from (and of the code that derives them), so a change anywhere is never served stale."""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from hcmlc import __version__
from hcmlc.diagnostics import Diagnostic
from hcmlc.errors import DataError, HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.files.filesystem import read_regular
from hcmlc.repository.cache import cache_dir, inside
from hcmlc.signoffs.digest import ItemKind, entry_digests
from hcmlc.signoffs.files import read_signoff_bytes
from hcmlc.signoffs.names import review_path, submission_path
from hcmlc.yamlfiles.reader import parse_bytes, read_raw

FORMAT = 1
KEPT_DIGESTS = 50_000
"""Files whose digests are kept: every submission of a city's ten cycles, five times over."""
KEPT_REVIEWS = 8
MAX_MEMO_BYTES = 200_000_000


@dataclass(slots=True)
class Signed:
    """The last record of an item, as the views show it."""

    verdict: str
    digest: str
    by: str
    at: str
    comment: str | None

    @property
    def day(self) -> str:
        return self.at[:10]


Latest = dict[tuple[str, str, str], Signed]


def latest_reviews(root: Path, cycle_id: str) -> Latest:
    """(agency, kind, item) → its last record; a broken review file is a data error."""
    if not (root / review_path(cycle_id)).exists():
        return {}
    raw = read_signoff_bytes(root, review_path(cycle_id))
    if isinstance(raw, Diagnostic):
        raise DataError(f"{raw.path}:{raw.place}: {raw.message}", raw.hint)
    folder = _folder(root)
    key = _sha(_context().encode() + raw)
    kept = _load(folder / f"reviews-{key}.json") if folder else None
    if isinstance(kept, list):
        with contextlib.suppress(TypeError, ValueError):
            return {(a, k, i): Signed(*rest) for a, k, i, *rest in kept}
    from hcmlc.signoffs.records import latest, read_reviews

    reviews, _doc, problems = read_reviews(root, cycle_id)
    if reviews is None:
        first = problems[0]
        raise DataError(f"{first.path}:{first.place}: {first.message}", first.hint)
    found = {
        key3: Signed(r.verdict.value, r.digest, r.by, r.at.isoformat(), r.comment)
        for key3, r in latest(reviews.reviews).items()
    }
    if folder:
        rows = [[*k, s.verdict, s.digest, s.by, s.at, s.comment] for k, s in found.items()]
        _save(folder / f"reviews-{key}.json", rows)
        _prune(folder, "reviews-*.json", KEPT_REVIEWS)
    return found


def file_digests(root: Path, relatives: list[str]) -> dict[str, dict[tuple[ItemKind, str], str]]:
    """relative → (kind, item) → digest of each entry of each file (none when unreadable)."""
    folder = _folder(root)
    store_path = folder / "digests.json" if folder else None
    stored = _load(store_path) if store_path else None
    kept: dict[str, Any] = stored if isinstance(stored, dict) else {}
    context = _context()
    found: dict[str, dict[tuple[ItemKind, str], str]] = {}
    used: dict[str, Any] = {}
    missed = False
    for relative in relatives:
        raw = read_raw(root / relative, relative)
        if isinstance(raw, Diagnostic):
            found[relative] = {}
            continue
        key = _sha(context.encode() + raw)
        entry = kept.get(key)
        if not isinstance(entry, dict):
            digests = entry_digests(parse_bytes(raw, relative).data)
            entry = {f"{kind}\t{item}": digest for (kind, item), digest in digests.items()}
            missed = True
        used[key] = entry
        found[relative] = {
            (kind, item): digest
            for joined, digest in entry.items()
            for kind, item in [joined.split("\t", 1)]
        }
    if missed and store_path:
        rest = [(k, v) for k, v in kept.items() if k not in used]
        merged = dict(rest[-max(KEPT_DIGESTS - len(used), 0) :]) | used
        _save(store_path, merged)
    return found


def _folder(root: Path) -> Path | None:
    folder = cache_dir() / "signoffs"
    return None if inside(folder, root) else folder


def _context() -> str:
    source = Path(__file__).parent
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    for name in ("digest.py", "records.py", "memo.py"):
        with contextlib.suppress(OSError):
            digest.update((source / name).read_bytes())
    return digest.hexdigest()


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _load(path: Path) -> Any:
    try:
        return json.loads(read_regular(path, MAX_MEMO_BYTES))
    except (OSError, ValueError):
        return None


def _save(path: Path, data: Any) -> None:
    with contextlib.suppress(OSError, HcmlcError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, ensure_ascii=False).encode())


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove all but the `keep` newest files of `pattern`."""
    with contextlib.suppress(OSError):
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)


Summary = dict[str, dict[str, list[Any]]]
"""agency → `kind<TAB>item` → [state, verdict, signer, at, comment] of each item signed."""


def review_summary(root: Path, cycle_id: str, state_of: Any) -> tuple[list[str], Summary]:
    """The signers and the state of each signed item, kept by the bytes of the review file and
    of the submissions it names: a warm run reads and hashes them and loads one small file."""
    relative = review_path(cycle_id)
    if not (root / relative).exists():
        return [], {}
    raw = read_signoff_bytes(root, relative)
    if isinstance(raw, Diagnostic):
        raise DataError(f"{raw.path}:{raw.place}: {raw.message}", raw.hint)
    folder = _folder(root)
    context = _context()
    path = folder / f"summary-{_sha(context.encode() + raw)}.json" if folder else None
    kept = _load(path) if path else None
    if isinstance(kept, dict) and isinstance(kept.get("files"), dict):
        files = {a: _file_sha(root, cycle_id, a, context) for a in kept["files"]}
        if files == kept["files"]:
            return kept["signers"], kept["items"]
    last = latest_reviews(root, cycle_id)
    agencies = sorted({agency for agency, _kind, _item in last})
    paths = {a: submission_path_of(root, cycle_id, a) for a in agencies}
    digests = file_digests(root, list(paths.values()))
    signers: list[str] = []
    index: dict[str, int] = {}
    items: Summary = {}
    for (agency, kind, item), signed in last.items():
        current = digests.get(paths[agency], {}).get((cast(ItemKind, kind), item))
        number = index.setdefault(signed.by, len(index))
        if number == len(signers):
            signers.append(signed.by)
        items.setdefault(agency, {})[f"{kind}\t{item}"] = [
            state_of(signed, current),
            signed.verdict,
            number,
            signed.at,
            signed.comment,
        ]
    if path:
        files = {a: _file_sha(root, cycle_id, a, context) for a in agencies}
        _save(path, {"files": files, "signers": signers, "items": items})
        _prune(folder, "summary-*.json", KEPT_REVIEWS)  # type: ignore[arg-type]
    return signers, items


def submission_path_of(root: Path, cycle_id: str, agency: str) -> str:
    return submission_path(root, cycle_id, agency)


def _file_sha(root: Path, cycle_id: str, agency: str, context: str) -> str:
    raw = read_raw(root / submission_path_of(root, cycle_id, agency), agency)
    return "" if isinstance(raw, Diagnostic) else _sha(context.encode() + raw)
