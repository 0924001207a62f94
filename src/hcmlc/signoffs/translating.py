"""Recording translations and their verification: who, which Vietnamese, which English."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entry
from hcmlc.core.status import check_agency
from hcmlc.documents.codeowners import (
    CODEOWNERS_PATH,
    REVIEWS_PATTERN,
    TRANSLATIONS_PATTERN,
    signoff_owners,
)
from hcmlc.errors import DataError, HcmlcError
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.signoffs.checks import codeowners_line
from hcmlc.signoffs.digest import text_digest
from hcmlc.signoffs.english import EnglishAnswer, build_translations
from hcmlc.signoffs.signing import signing_time
from hcmlc.signoffs.translations import (
    Rendering,
    TranslationRecord,
    read_translations,
    write_translations,
)
from hcmlc.text.suggest import did_you_mean


@dataclass(frozen=True)
class TranslationRequest:
    """What `hcmlc review translated|verify` is asked to record."""

    agency: str
    items: tuple[str, ...]
    verdict: Rendering
    by: str | None
    comment: str | None = None


def record_translations(
    root: Path, catalog: Catalog, supplied: Set[Entry], cycle: Cycle, request: TranslationRequest
) -> list[TranslationRecord]:
    """Record that each named English answer (all the agency's, by default) translates its
    Vietnamese as they stand, or (verify) that the verifier verified it."""
    check_agency(catalog, request.agency)
    by = translation_signer(root, catalog, request.by, request.verdict)
    answers = [
        a
        for a in build_translations(root, catalog, supplied, cycle).answers
        if a.agency == request.agency
    ]
    chosen = _chosen(catalog, answers, request)
    return append_translations(
        root,
        cycle.id,
        [(a.agency, a.item, a.vi, a.en or "") for a in chosen],
        request.verdict,
        by,
        request.comment,
    )


def append_translations(
    root: Path,
    cycle_id: str,
    texts: list[tuple[str, str, str, str]],
    verdict: Rendering,
    by: str,
    comment: str | None = None,
) -> list[TranslationRecord]:
    """Append a record per (agency, item, Vietnamese, English); the records written."""
    records, _doc, problems = read_translations(root, cycle_id)
    if records is None:
        first = problems[0]
        raise DataError(f"{first.path}:{first.place}: {first.message}", first.hint)
    now = signing_time()
    written = [
        TranslationRecord(
            agency=agency,
            item=item,
            source=text_digest(vi),
            target=text_digest(en),
            verdict=verdict,
            by=by,
            at=now,
            comment=(comment or "").strip() or None,
        )
        for agency, item, vi, en in texts
    ]
    if written:
        update = {"translations": [*records.translations, *written]}
        write_translations(root, records.model_copy(update=update))
    return written


def translation_signer(root: Path, catalog: Catalog, by: str | None, verdict: Rendering) -> str:
    """Who records: for a verification, one of the verifier's reviewers; for a translation,
    anyone named (a translator), by default the only coordinator."""
    if verdict is Rendering.TRANSLATED:
        coordinators = signoff_owners(catalog.assignments, REVIEWS_PATTERN)
        if by is not None:
            return by
        if len(coordinators) == 1:
            return coordinators[0]
        raise HcmlcError(_("say who translated: --by @handle"))
    verifiers = signoff_owners(catalog.assignments, TRANSLATIONS_PATTERN)
    if by is None and len(verifiers) == 1:
        return verifiers[0]
    if by is not None and by in verifiers:
        return by
    line = codeowners_line(root, TRANSLATIONS_PATTERN)
    rule = f"{CODEOWNERS_PATH}:{line[0]}: {line[1]}" if line else CODEOWNERS_PATH
    raise HcmlcError(
        _(
            "`{by}` is not the translation verifier, the role that verifies translations ({rule})"
        ).format(by=by or "—", rule=rule),
        _(
            "`translation_verifier` in data/assignments.yaml names the verifier, who signs as: "
            "{owners}"
        ).format(owners=", ".join(verifiers) or "—"),
    )


def _chosen(
    catalog: Catalog, answers: list[EnglishAnswer], request: TranslationRequest
) -> list[EnglishAnswer]:
    by_item = {a.item: a for a in answers}
    wanted = list(request.items) or [a.item for a in answers if a.en is not None]
    if not wanted:
        raise HcmlcError(
            _("{agency} has no English answer to record").format(agency=request.agency),
            _("write each answer's English under `en:` first"),
        )
    chosen = []
    for item in wanted:
        answer = by_item.get(item)
        if answer is None:
            raise HcmlcError(
                _("{agency} has no text answer `{ref}` in this cycle").format(
                    agency=request.agency, ref=item
                ),
                did_you_mean(item, by_item) or _("`hcmlc status` lists the translations"),
            )
        if answer.en is None:
            raise HcmlcError(
                _("{agency}'s answer `{ref}` has no English yet").format(
                    agency=request.agency, ref=item
                ),
                _("write its English under `en:` first"),
            )
        chosen.append(answer)
    return chosen
