"""The progress report as a Word document, through the docxtpl template in templates/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcmlc.progress import Status
from hcmlc.render.docx_template import add_text, render_docx, rich_text
from hcmlc.render.form_docx import opaque_image, opaque_rich
from hcmlc.render.sandbox import Opaque
from hcmlc.report import COUNTED, ProgressReport, Responsibility, SummaryRow

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

CHART_WIDTH_MM = 165
STATUS_COLOURS: dict[Status, str] = {
    Status.MET: "1E7B34",
    Status.NOT_MET: "B03A2E",
    Status.NO_DATA: "7F6000",
    Status.NO_TARGET: "595959",
}
"""Text colour of each status: green, red, dark yellow, grey (readable in black and white too)."""


def render_report(report: ProgressReport, charts: dict[str, bytes], template: Path) -> bytes:
    """The .docx bytes of `report`, with `charts` (indicator id → PNG) embedded."""
    return render_docx(template, lambda document: _context(document, report, charts))


def _context(
    document: DocxTemplate, report: ProgressReport, charts: dict[str, bytes]
) -> dict[str, Any]:
    return {
        "title": report.title,
        "city": report.city,
        "l": report.labels,
        "s": report.status_words,
        "compared": report.compared,
        "illustrative": _coloured(report.labels["illustrative"], "B03A2E")
        if report.illustrative
        else None,
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
                        "status": _status(c.status, c.status_text),
                        "rows": [
                            {
                                "id": r.id,
                                "text": r.text,
                                "latest": r.latest,
                                "target": r.target,
                                "status": _status(r.status, r.status_text),
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
        "charts": [
            {
                "image": opaque_image(document, charts[chart.indicator], CHART_WIDTH_MM),
                "caption": chart.caption,
            }
            for chart in report.charts
        ],
        "unmet": [
            {
                "id": c.id,
                "title": c.title,
                "indicators": [
                    {
                        "id": i.id,
                        "text": i.text,
                        "status_text": i.status_text,
                        "latest": i.latest,
                        "target": i.target,
                        "gap": i.gap,
                        "trend_text": i.trend_text,
                        "responsible": _responsible(i.responsible, i.note, report),
                    }
                    for i in c.indicators
                ],
            }
            for c in report.unmet
        ],
        "missing_intro": report.missing_intro,
        "missing": [{"agency": m.agency, "indicators": m.indicators} for m in report.missing],
    }


def _summary_row(row: SummaryRow) -> dict[str, str]:
    return {"title": row.title, **{s.value: row.cell(s) for s in COUNTED}}


def _status(status: Status, text: str) -> Opaque:
    return _coloured(text, STATUS_COLOURS[status])


def _coloured(text: str, colour: str) -> Opaque:

    return opaque_rich(rich_text(text, color=colour, bold=True))


def _responsible(
    responsible: list[Responsibility], note: str | None, report: ProgressReport
) -> Opaque:
    """One line per agency: its name, then how its data arrived."""
    from docxtpl import RichText

    rich = RichText()
    if not responsible:
        add_text(rich, report.labels["nobody"], bold=True, color=STATUS_COLOURS[Status.NOT_MET])
        if note:
            add_text(rich, f" — {note}")
    for k, who in enumerate(responsible):
        if k:
            rich.add("\a")
        add_text(rich, who.agency, bold=True)
        add_text(rich, f": {who.delivery}")
    return opaque_rich(rich)
