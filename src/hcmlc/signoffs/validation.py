"""What `validate` adds for sign-offs: the records' own checks, and in a pull request
(`--changed-since REF`) that new records sign content that exists."""

from __future__ import annotations

from pathlib import Path

from hcmlc.checks.schema_errors import validate
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.files.git import changed_files, git_output
from hcmlc.i18n import _
from hcmlc.signoffs.checks import check_signoffs, signoff_files
from hcmlc.signoffs.content import Digests, digests_at, digests_now
from hcmlc.signoffs.locking import locked_changes
from hcmlc.signoffs.names import submission_path
from hcmlc.signoffs.records import ReviewFile, ReviewRecord, read_reviews
from hcmlc.signoffs.signing import COMMANDS
from hcmlc.signoffs.translation_checks import check_translation_files, translation_files
from hcmlc.yamlfiles.reader import parse_bytes

DIGEST = "HCMLC-E101"


def signoff_problems(
    root: Path, catalog: Catalog, changed_since: str | None, changed: set[str] | None = None
) -> tuple[list[str], list[Diagnostic]]:
    """The sign-off files and their problems; `changed`: the files changed since
    `changed_since` when the caller asked git already (files/git.py changed_files)."""
    paths = [*signoff_files(root), *translation_files(root)]
    problems = [*check_signoffs(root, catalog), *check_translation_files(root, catalog)]
    if changed_since is not None:
        if changed is None:
            changed = changed_files(root, changed_since)
        problems += locked_changes(root, changed_since, changed)
        for relative in signoff_files(root):
            if relative in changed:
                problems += _new_records_sign_nothing(root, changed_since, relative)
    return paths, problems


def base_reviews(root: Path, ref: str, relative: str) -> list[ReviewRecord]:
    """The records a review file held at `ref` (none when it did not exist or was broken)."""
    text = git_output(root, "show", f"{ref}:./{relative}")
    doc = parse_bytes(text.encode("utf-8"), relative)
    if not text or not isinstance(doc.data, dict):
        return []
    model = validate(ReviewFile, doc.data, doc)[0]
    return model.reviews if model else []


def _new_records_sign_nothing(root: Path, ref: str, relative: str) -> list[Diagnostic]:
    """Each record added since `ref` must sign the content as it is, as it was at `ref`, or as
    a commit since left it (a reopen before the change that followed it)."""
    cycle_id = Path(relative).stem
    reviews, doc, _problems = read_reviews(root, cycle_id)
    if reviews is None or doc is None:
        return []
    before = base_reviews(root, ref, relative)
    signed: dict[str, list[Digests]] = {}
    problems = []
    for index, record in enumerate(reviews.reviews):
        if index < len(before) and before[index] == record:
            continue
        path = submission_path(root, cycle_id, record.agency)
        if path not in signed:
            signed[path] = _contents_since(root, ref, cycle_id, record.agency, path)
        known = {digests.get((record.kind, record.item)) for digests in signed[path]}
        if record.digest not in known:
            problems.append(
                doc.problem(
                    ("reviews", index, "digest"),
                    DIGEST,
                    _(
                        "this sign-off's digest matches no content of {item} in {path}: "
                        "the content changed since it was signed, or the record was written by hand"
                    ).format(item=record.item, path=path),
                    _("sign it again: `hcmlc review {verdict} --agency {agency} {item}`").format(
                        verdict=COMMANDS[record.verdict], agency=record.agency, item=record.item
                    ),
                )
            )
    return problems


def _contents_since(root: Path, ref: str, cycle_id: str, agency: str, path: str) -> list[Digests]:
    """The digests of a submission file now, at `ref`, and at each commit since that changed it."""
    commits = git_output(root, "rev-list", f"{ref}..HEAD", "--", f"./{path}").split()
    return [
        digests_now(root, cycle_id, agency),
        digests_at(root, ref, path),
        *(digests_at(root, commit, path) for commit in commits),
    ]
