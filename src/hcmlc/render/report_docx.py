"""The progress report as a Word document, through the docxtpl template in templates/.

The template sees plain data only (strings, numbers, lists, dicts) and the charts as opaque
images (render/sandbox.py); its layout is Decree 30/2020/NĐ-CP's (templates/build_templates.py,
render/decree30.py), and the document's language is set to that of the report.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcmlc.documents.report_content import COUNTED, Responsibility, SummaryRow
from hcmlc.documents.report_document import OfficialReport
from hcmlc.files.docx_parts import Step, rewrite
from hcmlc.render.decree30 import TEXT_WIDTH_MM
from hcmlc.render.docx_language import language
from hcmlc.render.docx_template import render_docx
from hcmlc.render.form_docx import opaque_image

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

CHART_WIDTH_MM = TEXT_WIDTH_MM - 5


def render_report(
    document: OfficialReport, charts: dict[str, bytes], template: Path, *finish: Step
) -> bytes:
    """The .docx bytes of `document`, with `charts` (indicator id → PNG) embedded, in its
    language and passed through the `finish` steps, in one rewrite of the package."""
    data = render_docx(template, lambda docx: _context(docx, document, charts))
    return rewrite(data, language(document.report.lang), *finish)


def context(document: OfficialReport) -> dict[str, Any]:
    """What the template reads, charts aside: the same for every template of the report."""
    report = document.report
    return {
        "h": asdict(document.heading),
        "s": asdict(document.signature),
        "title": report.title,
        "city": report.city,
        "l": report.labels,
        "st": report.status_words,
        "basis": report.labels["basis"],
        "opening": document.opening,
        "closing": document.closing,
        "sections": document.sections,
        "annexes": [asdict(annex) for annex in document.annexes],
        "compared": report.compared,
        "illustrative": report.labels["illustrative"] if report.illustrative else None,
        "summary": [_summary_row(row) for row in report.summary],
        "total": _summary_row(report.total),
        "standards": [
            {
                "id": standard.id,
                "title": standard.title,
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "status": c.status_text,
                        "rows": [
                            {
                                "id": r.id,
                                "text": r.text,
                                "latest": r.latest,
                                "target": r.target,
                                "status": r.status_text,
                                "trend": r.trend_text,
                            }
                            for r in c.rows
                        ],
                    }
                    for c in standard.criteria
                ],
            }
            for standard in report.standards
        ],
        "unmet": [
            {
                "id": c.id,
                "title": c.title,
                "status_text": c.status_text,
                "analysis": document.analysis.get(c.id, []),
                "indicators": [
                    {
                        "id": i.id,
                        "text": i.text,
                        "status": i.status_text,
                        "latest": i.latest,
                        "target": i.target,
                        "gap": i.gap,
                        "trend": i.trend_text,
                        "responsible": _responsible(i.responsible),
                        "note": None if i.responsible else f"{report.labels['nobody']} — {i.note}",
                    }
                    for i in c.indicators
                ],
            }
            for c in report.unmet
        ],
        "city_figures": [
            {
                "id": f.id,
                "text": f.text,
                "figure": f.figure,
                "coverage": f.coverage,
                "missing": ", ".join(f.missing) or report.labels["none-missing"],
            }
            for f in report.city_figures
        ],
        "city_figures_intro": report.city_figures_intro,
        "missing_intro": report.missing_intro,
        "missing": [{"agency": m.agency, "indicators": m.indicators} for m in report.missing],
    }


def _context(
    docx: DocxTemplate, document: OfficialReport, charts: dict[str, bytes]
) -> dict[str, Any]:
    found = context(document)
    found["charts"] = [  # images opaque to the template: printable, nothing else (sandbox.py)
        {
            "image": opaque_image(docx, charts[chart.indicator], CHART_WIDTH_MM),
            "caption": chart.caption,
        }
        for chart in document.report.charts
    ]
    return found


def _summary_row(row: SummaryRow) -> dict[str, str]:
    return {"title": row.title, **{s.value: row.cell(s) for s in COUNTED}}


def _responsible(responsible: list[Responsibility]) -> list[dict[str, str]]:
    return [{"agency": who.agency, "delivery": who.delivery} for who in responsible]
