"""A translator's file back into the repository: each English written into its agency's
submission file (comments kept), and recorded with the digest of the Vietnamese it translates;
segments the file marks final are the verifier's pass. A file with any error writes nothing."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.core.results import Entry
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle
from hcmlc.signoffs.english import EnglishAnswer, build_translations
from hcmlc.signoffs.translating import append_translations, translation_signer
from hcmlc.signoffs.translations import Rendering
from hcmlc.translation.segments import VERIFIED_WORDS, Segment, judge
from hcmlc.workbook.source import entry_order, submission_source
from hcmlc.yamlfiles.edit import edit

XLIFF_SUFFIXES = (".xlf", ".xliff", ".xml")


@dataclass
class TranslationImport:
    """What became of one translator's file."""

    path: str
    problems: list[Diagnostic] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    """The answers whose English the file changed, as `agency/question`."""
    translated: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def read_segments(path: Path, display: str) -> tuple[list[Segment], list[Diagnostic]]:
    """The segments of an XLIFF file or a translation workbook, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        from hcmlc.translation.xliff import read_xliff

        try:
            data = path.read_bytes()
        except OSError as exc:
            raise HcmlcError(
                _("cannot read {path}: {reason}").format(path=display, reason=exc.strerror)
            ) from None
        return read_xliff(data, display)
    if suffix == ".xlsx":
        from hcmlc.translation.workbook import read_workbook

        return read_workbook(path, display)
    raise HcmlcError(
        _("{path} is neither an XLIFF file (.xlf) nor a workbook (.xlsx)").format(path=display),
        _("import the file `hcmlc translation export` wrote, as the translator returned it"),
    )


def import_translations(
    root: Path,
    catalog: Catalog,
    supplied: Set[Entry],
    cycle: Cycle,
    path: Path,
    display: str,
    by: str | None,
    *,
    write: bool = True,
) -> TranslationImport:
    """Judge the file's segments; when none has an error (and `write`), write the English and
    record each translation, or its verification for segments marked final."""
    result = TranslationImport(display)
    segments, result.problems = read_segments(path, display)
    if result.failed:
        return result
    translations = build_translations(root, catalog, supplied, cycle)
    judged = judge(display, segments, translations, catalog)
    result.problems += judged.problems
    if result.failed:
        return result
    final = [
        (a, s)
        for a, s in judged.accepted
        if (s.state or "").lower() in VERIFIED_WORDS
        and not (a.state == "verified" and _nfc(s.target) == a.en)
    ]
    if final and by is None:
        raise HcmlcError(
            _("{count} segments are marked final: the verifier's pass needs --by").format(
                count=len(final)
            ),
            _(
                "the verifier imports the file with `--by` and one of its handles; a translator's "
                "file should mark its segments `translated`"
            ),
        )
    verifier = translation_signer(root, catalog, by, Rendering.VERIFIED) if final else None
    translator = translation_signer(root, catalog, by, Rendering.TRANSLATED)
    texts: dict[str, list[tuple[EnglishAnswer, str]]] = {}
    for answer, segment in judged.accepted:
        english = _nfc(segment.target)
        texts.setdefault(answer.agency, []).append((answer, english))
        key = f"{answer.agency}/{answer.item}"
        if english != answer.en:
            result.changed.append(key)
            result.translated.append(key)
        elif answer.state not in ("translated", "verified") and _confirmed(segment):
            # an English left as exported beside a changed Vietnamese is not a translation of
            # it, unless the translator says so by the segment's state
            result.translated.append(key)
    result.verified = [f"{a.agency}/{a.item}" for a, _s in final]
    if not write:
        return result
    for agency, pairs in texts.items():
        _write_english(root, catalog, cycle, agency, pairs)
    chosen = [(a, e) for pairs in texts.values() for a, e in pairs]
    translated = [
        (a.agency, a.item, a.vi, e)
        for a, e in chosen
        if f"{a.agency}/{a.item}" in result.translated
    ]
    append_translations(root, cycle.id, translated, Rendering.TRANSLATED, translator)
    if verifier is not None:
        by_key = {f"{a.agency}/{a.item}": e for a, e in chosen}
        verified = [(a.agency, a.item, a.vi, by_key[f"{a.agency}/{a.item}"]) for a, _s in final]
        append_translations(root, cycle.id, verified, Rendering.VERIFIED, verifier)
    result.written = True
    return result


def _write_english(
    root: Path, catalog: Catalog, cycle: Cycle, agency: str, pairs: list[tuple[EnglishAnswer, str]]
) -> None:
    """Set `en:` of each answer in the agency's file, changing only those lines."""
    source = submission_source(root, cycle.id, agency)
    if source.doc is None or source.doc.text is None or source.data is None:
        return
    after = copy.deepcopy(source.data)
    changed = False
    for answer, english in pairs:
        entry = after["answers"][answer.item]
        if entry.get("en") != english:
            entry["en"] = english
            changed = True
    if changed:
        text = edit(source.doc.text, source.data, after, entry_order(catalog), source.relative)
        write_atomic(source.path, (b"\xef\xbb\xbf" if source.bom else b"") + text.encode("utf-8"))


def _confirmed(segment: Segment) -> bool:
    """Whether the file says the segment's English is a translation of its source."""
    return (segment.state or "").lower() in ("translated", *VERIFIED_WORDS)


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")
