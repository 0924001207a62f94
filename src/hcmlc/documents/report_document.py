"""The progress report as the administration issues it: the content of report.py inside the
parts of an administrative document (official.py), with the coordinator's words of
reports/<year>.yaml placed where they belong.

Layout of the body (Decree 30/2020/NĐ-CP, Phụ lục I, Phần I, II.6.đ: sections numbered in Roman
numerals, titles in capitals; III.1: annexes after the signature, numbered in Roman numerals,
each naming the report it is attached to): the basis and the opening; I. the summary; II. the
criteria not yet met, each with its analysis; III. the closing section; then the annexes: the
results by standard, the charts, the missing data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hcmlc.clock import today
from hcmlc.documents.official import (
    ROMAN,
    Heading,
    Signature,
    annex_heading,
    attached_to,
    heading,
    signature,
)
from hcmlc.documents.report_content import ProgressReport
from hcmlc.i18n import Lang
from hcmlc.models.common import Text
from hcmlc.models.documents import Documents
from hcmlc.models.narrative import CoordinatorWords, Narrative
from hcmlc.text.paragraphs import joined_paragraphs

WORDS: dict[str, dict[Lang, str]] = {
    "kind": {"vi": "Báo cáo", "en": "Report"},
    "subject": {
        "vi": "Tiến độ xây dựng Thành phố học tập năm {year}",
        "en": "Progress of the learning city in {year}",
    },
    "closing": {"vi": "Kiến nghị, đề xuất", "en": "Proposals and recommendations"},
}
"""The report's own words as a document, per language (report_words.LABELS words its content)."""


@dataclass(frozen=True)
class Annex:
    number: str
    """`Phụ lục I`."""
    title: str
    """In capitals."""
    attached: str
    """`(Kèm theo Báo cáo số …/BC-SGDĐT ngày … của …)`."""


@dataclass
class OfficialReport:
    """The whole document: the report's content, its parts, and the coordinator's words."""

    report: ProgressReport
    heading: Heading
    signature: Signature
    sections: dict[str, str]
    """Key of report_words.LABELS (`summary`, `unmet`) or `closing` → its numbered title."""
    annexes: list[Annex]
    """Results by standard, charts, missing data, in that order."""
    opening: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    analysis: dict[str, list[str]] = field(default_factory=dict)
    """Criterion id → the paragraphs of its analysis, for the criteria the report takes up."""
    narrative_file: str = ""
    """Where the coordinator writes those words: reports/<year>.yaml."""
    unanalysed: list[str] = field(default_factory=list)
    """Criteria not met or behind that have no analysis yet."""
    not_unmet: list[str] = field(default_factory=list)
    """Criteria analysed in the file that the report does not take up (met, no data …)."""
    untranslated: list[str] = field(default_factory=list)
    """Parts of the file without the report's language, printed in Vietnamese."""


def official_report(
    documents: Documents, words: CoordinatorWords, report: ProgressReport
) -> OfficialReport:
    """`report` laid out as an administrative document, from data/documents.yaml and the
    coordinator's words for its year (reports/<year>.yaml)."""
    narrative = words.narrative
    lang, year = report.lang, report.year
    if documents.report.basis is not None:
        report = replace(
            report, labels={**report.labels, "basis": documents.report.basis.get(lang)}
        )
    issued = today().year if narrative.date is None else narrative.date.year
    title = {"vi": "{n}. {title}", "en": "{n}. {title}"}[lang]
    sections = {
        key: title.format(n=ROMAN[k], title=report.labels[key].upper())
        for k, key in enumerate(("summary", "unmet"))
    }
    sections["closing"] = title.format(n=ROMAN[2], title=WORDS["closing"][lang].upper())
    attached = attached_to(documents, narrative.number, narrative.date, issued, lang)
    annexes = [
        Annex(annex_heading(k + 1, lang), report.labels[key].upper(), attached)
        for k, key in enumerate(("standards", "charts", "annex"))
    ]
    official = documents.report
    document = OfficialReport(
        report=report,
        heading=heading(
            documents,
            official,
            lang,
            kind=WORDS["kind"][lang],
            subject=WORDS["subject"][lang].format(year=year),
            to=[t.get(lang) for t in official.to],
            number=narrative.number,
            day=narrative.date,
            year=issued,
        ),
        signature=signature(documents, official, lang, addressed=bool(official.to)),
        sections=sections,
        annexes=annexes,
        narrative_file=words.path,
    )
    _place_words(document, narrative)
    return document


def _place_words(document: OfficialReport, narrative: Narrative) -> None:
    document.opening = _words(document, narrative.opening, "`opening`")
    document.closing = _words(document, narrative.closing, "`closing`")
    taken_up = document.report.unmet_ids
    for criterion in taken_up:
        text = narrative.analysis.get(criterion)
        if text is None:
            document.unanalysed.append(criterion)
        else:
            document.analysis[criterion] = _words(document, text, f"`analysis: {criterion}`")
    document.not_unmet = [c for c in narrative.analysis if c not in taken_up]


def _words(document: OfficialReport, text: Text | None, part: str) -> list[str]:
    if text is None:
        return []
    if document.report.lang == "en" and text.en is None:
        document.untranslated.append(part)
    return joined_paragraphs(text.get(document.report.lang))
