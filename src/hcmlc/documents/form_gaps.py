"""The gaps of the membership form's boxes, said in the form's language with whom they wait
for: a box with no answer, owners still to answer, a word limit breached, a part unreadable or
untranslated."""

from __future__ import annotations

from typing import Any

from hcmlc.documents.form_boxes import Box, Gap, GapKind
from hcmlc.documents.form_owners import Owners
from hcmlc.documents.form_words import label, limit_text
from hcmlc.models.registry import Question, WordLimit


class Gaps:
    """Records on each box why it is not ready, naming the owners it waits for."""

    def __init__(self, owners: Owners) -> None:
        self.owners, self.lang = owners, owners.lang

    def add(self, box: Box, kind: GapKind, note: str, agency: str | None = None) -> None:
        """A gap about one agency's answer, or (without `agency`) about all the box's owners."""
        if agency is not None:
            note = f"{note} ({self.owners.agency_name(agency)})"
        agencies = (agency,) if agency else tuple(self.owners.of(box.id))
        box.gaps.append(Gap(box.id, kind, note, agencies))

    def missing(self, box: Box) -> None:
        """The box has no answer at all."""
        note = label("missing", self.lang)
        details = ", ".join(filter(None, [self.owed(box), box.limit]))
        owners = tuple(self.owners.of(box.id))
        box.gaps.append(Gap(box.id, "missing", f"{note} ({details})", owners))

    def still_to_come(self, box: Box, question: Question, answers: list[tuple[str, Any]]) -> None:
        """Owners who gave no answer while others did: the box waits for them too."""
        if not answers:
            return  # the box is missing as a whole, and says so
        absent = self.owners.absent(question, {agency for agency, _ in answers})
        if absent:
            names = ", ".join(self.owners.agency_name(a) for a in absent)
            box.gaps.append(
                Gap(
                    box.id, "missing", label("missing-part", self.lang, owners=names), tuple(absent)
                )
            )

    def words(self, box: Box, limit: WordLimit, words: int, agencies: tuple[str, ...]) -> None:
        """`words` outside the question's word limit."""
        breach = limit.breach(words)
        if breach is not None:
            key = "too-long" if breach == "over" else "too-short"
            shown = limit_text(limit, self.lang)
            note = label(key, self.lang, words=words, limit=shown)
            box.gaps.append(Gap(box.id, "words", note, agencies))

    def owed(self, box: Box) -> str:
        """Whom the box is owed by, as a gap's note says it."""
        return label("owed-by", self.lang, owners=box.owners)
