"""`validate`'s checks of the sign-off files: known ids, the signer's role, a needed comment."""

from __future__ import annotations

from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.documents.codeowners import CODEOWNERS_PATH, REVIEWS_PATTERN, signoff_owners
from hcmlc.i18n import _
from hcmlc.repository.load import ASSIGNMENTS, read_document
from hcmlc.signoffs.names import REVIEWS
from hcmlc.signoffs.records import ReviewFile, read_reviews
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.reader import Document

UNKNOWN = "HCMLC-E100"
ROLE = "HCMLC-E102"


def signoff_files(root: Path) -> list[str]:
    """Every review file, by name."""
    folder = root / REVIEWS
    if not folder.is_dir():
        return []
    return sorted(f"{REVIEWS}/{p.name}" for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def check_signoffs(root: Path, catalog: Catalog) -> list[Diagnostic]:
    """The problems of every sign-off file, and of the registry's `translation_verifier`."""
    problems = _check_verifier(root, catalog)
    for relative in signoff_files(root):
        cycle_id = Path(relative).stem
        reviews, doc, found = read_reviews(root, cycle_id)
        problems += found
        if reviews is not None and doc is not None:
            problems += check_reviews(root, catalog, reviews, doc)
    return problems


def check_reviews(
    root: Path, catalog: Catalog, reviews: ReviewFile, doc: Document
) -> list[Diagnostic]:
    """Each record names a cycle, agency and item that exist and belong together, and was
    signed by a coordinator."""
    problems: list[Diagnostic] = []
    cycle = catalog.cycles.get(reviews.cycle)
    if cycle is None or Path(doc.path).stem != reviews.cycle:
        problems.append(
            doc.problem(
                ("cycle",),
                UNKNOWN,
                _("`cycle: {cycle}` is not a cycle of this file's name").format(
                    cycle=reviews.cycle
                ),
                _("a review file is named after its cycle: {path}").format(
                    path=f"{REVIEWS}/{reviews.cycle}.yaml"
                ),
            )
        )
        cycle = None
    coordinators = signoff_owners(catalog.assignments, REVIEWS_PATTERN)
    for index, record in enumerate(reviews.reviews):
        loc = ("reviews", index)
        if record.agency not in catalog.agencies:
            hint = did_you_mean(record.agency, catalog.agencies)
            problems.append(
                doc.problem(
                    (*loc, "agency"),
                    UNKNOWN,
                    _("a sign-off for agency `{ref}`, which does not exist").format(
                        ref=record.agency
                    ),
                    hint or _("see the agency ids in data/assignments.yaml"),
                )
            )
        elif not _known_item(catalog, record.kind, record.item):
            known = catalog.indicators if record.kind == "indicator" else catalog.questions
            problems.append(
                doc.problem(
                    (*loc, "item"),
                    UNKNOWN,
                    _("a sign-off for {kind} `{ref}`, which does not exist").format(
                        kind=_kind_word(record.kind), ref=record.item
                    ),
                    did_you_mean(record.item, known) or None,
                )
            )
        elif cycle is not None and not catalog.owes(record.kind, record.item, record.agency, cycle):
            problems.append(
                doc.problem(
                    (*loc, "item"),
                    UNKNOWN,
                    _("{agency} does not owe `{ref}` in cycle {cycle}").format(
                        agency=record.agency, ref=record.item, cycle=cycle.id
                    ),
                    _("sign off only what an agency owes: `hcmlc status --agency {agency}`").format(
                        agency=record.agency
                    ),
                )
            )
        if record.by not in coordinators:
            problems.append(_not_in_role(root, doc, (*loc, "by"), record.by, coordinators))
    return problems


def _not_in_role(
    root: Path, doc: Document, loc: tuple[str | int, ...], by: str, owners: list[str]
) -> Diagnostic:
    line = codeowners_line(root, REVIEWS_PATTERN)
    where = (
        _("{path}:{line}: `{rule}`").format(path=CODEOWNERS_PATH, line=line[0], rule=line[1])
        if line
        else _("no line for {pattern} in {path}: run `hcmlc codeowners`").format(
            pattern=REVIEWS_PATTERN, path=CODEOWNERS_PATH
        )
    )
    return doc.problem(
        loc,
        ROLE,
        _(
            "`{by}` signed a review but is not a coordinator, the role that signs reviews ({where})"
        ).format(by=by, where=where),
        _("only {owners} may sign reviews, with `hcmlc review … --by`").format(
            owners=", ".join(owners) or _("nobody (no `coordinators:` in data/assignments.yaml)")
        ),
    )


def codeowners_line(root: Path, pattern: str) -> tuple[int, str] | None:
    """The 1-based line of CODEOWNERS whose pattern is `pattern`, and the line itself."""
    try:
        text = (root / CODEOWNERS_PATH).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if line.split(maxsplit=1)[:1] == [pattern]:
            return number, line.strip()
    return None


def _check_verifier(root: Path, catalog: Catalog) -> list[Diagnostic]:
    verifier = catalog.assignments.translation_verifier
    if verifier is None or verifier in catalog.agencies:
        return []
    doc = read_document(root, ASSIGNMENTS)[1]
    return [
        doc.problem(
            ("translation_verifier",),
            UNKNOWN,
            _("`translation_verifier: {ref}` names no agency").format(ref=verifier),
            did_you_mean(verifier, catalog.agencies)
            or _("see the agency ids in data/assignments.yaml"),
        )
    ]


def _known_item(catalog: Catalog, kind: str, item: str) -> bool:
    return item in (catalog.indicators if kind == "indicator" else catalog.questions)


def _kind_word(kind: str) -> str:
    return _("indicator") if kind == "indicator" else _("question")
