"""The unit of the translator's files: one answer's Vietnamese, its English, its state.

Both file kinds (XLIFF 1.2 and a workbook) carry the same segments out and back; a segment
coming back is judged here, whichever file it came in."""

from __future__ import annotations

from dataclasses import dataclass

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.signoffs.english import EnglishAnswer, EnglishState, Translations
from hcmlc.text.suggest import did_you_mean
from hcmlc.text.wordcount import count_words

STALE_SOURCE = "HCMLC-E106"
SEGMENT = "HCMLC-E107"
MISSING = "HCMLC-W108"
TOO_LONG = "HCMLC-E024"


@dataclass(frozen=True)
class Segment:
    """One answer in a translator's file."""

    id: str
    """`<agency>/<question>`."""
    source: str
    target: str | None
    state: str | None
    """The file's own word: XLIFF's `state`, or the workbook's column."""
    line: int
    column: int = 1
    sheet: str | None = None
    comment: str | None = None

    def problem(self, path: str, code: str, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(path, self.line, self.column, code, message, hint, sheet=self.sheet)


XLIFF_STATES: dict[EnglishState, str] = {
    "untranslated": "new",
    "translated": "translated",
    "stale": "needs-translation",
    "verified": "final",
    "verified-stale": "needs-review-translation",
}
"""The XLIFF 1.2 state of each English state, as the translator's tools show it."""
VERIFIED_WORDS = ("final", "signed-off", "verified")
"""States a returned segment may carry to say the verifier verified it."""


def segment_id(answer: EnglishAnswer) -> str:
    return f"{answer.agency}/{answer.item}"


@dataclass
class Judged:
    """The segments that may be recorded, and the problems of the rest."""

    accepted: list[tuple[EnglishAnswer, Segment]]
    problems: list[Diagnostic]


def judge(
    path: str, segments: list[Segment], translations: Translations, catalog: Catalog
) -> Judged:
    """Each segment names a current answer, translates its Vietnamese as it stands, holds plain
    English within the question's word limit; answers the file lacks are warned of."""
    answers = {segment_id(a): a for a in translations.answers}
    accepted, problems = [], []
    seen = set()
    for segment in segments:
        answer = answers.get(segment.id)
        if answer is None or segment.id in seen:
            hint = did_you_mean(segment.id, answers) or _(
                "export the file again: `hcmlc translation export`"
            )
            message = (
                _("segment `{id}` is not an answer of this cycle").format(id=segment.id)
                if segment.id not in seen
                else _("segment `{id}` comes twice").format(id=segment.id)
            )
            problems.append(segment.problem(path, SEGMENT, message, hint))
            continue
        seen.add(segment.id)
        if segment.source.strip() != answer.vi.strip():
            problems.append(
                segment.problem(
                    path,
                    STALE_SOURCE,
                    _(
                        "the Vietnamese of `{id}` changed since the file was exported: this "
                        "English translates an older text"
                    ).format(id=segment.id),
                    _("export the file again and translate the current Vietnamese"),
                )
            )
            continue
        if not segment.target or not segment.target.strip():
            continue  # not translated yet: nothing to record
        limit = catalog.questions[answer.item].words
        words = count_words(segment.target)
        if limit is not None and limit.breach(words) == "over":
            problems.append(
                segment.problem(
                    path,
                    TOO_LONG,
                    _("the English of `{id}` has {words} words, over its limit of {limit}").format(
                        id=segment.id, words=words, limit=limit.max
                    ),
                    _("shorten it to {limit} words").format(limit=limit.max),
                )
            )
            continue
        accepted.append((answer, segment))
    missing = [a for a in translations.answers if segment_id(a) not in seen]
    if missing and segments:
        first = segments[0]
        ids = ", ".join(segment_id(a) for a in missing[:5])
        more = len(missing) - 5
        problems.append(
            first.problem(
                path,
                MISSING,
                _("the file lacks {count} answers of the cycle: {ids}").format(
                    count=len(missing), ids=ids + (f" (+{more})" if more > 0 else "")
                ),
                _("they keep their English as it is; export again to translate them"),
            )
        )
    return Judged(accepted, problems)
