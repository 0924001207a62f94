"""The form and the report a status page publishes, consistent with it: built in the same run
from the same snapshot (`dashboard --documents`), or found beside the page's folder and carrying
the page's fingerprint (the same data, the same day); anything else is refused, with the command
that rebuilds it."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.dashboard.documents import Wanted
from hcmlc.documents import template_files
from hcmlc.documents.form import fill_form
from hcmlc.documents.snapshot import Snapshot
from hcmlc.errors import HcmlcError
from hcmlc.files.docx_parts import rewrite
from hcmlc.files.outputs import stamp
from hcmlc.i18n import _, counted
from hcmlc.render.chart_cache import ChartCache
from hcmlc.repository.fingerprint import Fingerprint, embedding, read
from hcmlc.repository.load import Repository

FORM_TEMPLATE = "gnlc-form.docx"
REPORT_TEMPLATE = "progress-report.docx"


def build_documents(
    repo: Repository,
    snapshot: Snapshot,
    wanted: list[Wanted],
    page: Fingerprint,
    console: Console,
) -> tuple[list[tuple[Wanted, bytes]], list[str]]:
    """Each wanted document built from `snapshot` (the page's), with the page's fingerprint;
    and a note for each that could not be built (the page is published without it)."""
    built, notes = [], []
    for document in wanted:
        try:
            data = _build(repo, snapshot, document, console)
        except HcmlcError as exc:
            notes.append(
                _("{file} could not be built, and is not published: {reason}").format(
                    file=document.name, reason=exc
                )
            )
            continue
        built.append((document, rewrite(data, embedding(page), stamp)))
    return built, notes


def _build(repo: Repository, snapshot: Snapshot, document: Wanted, console: Console) -> bytes:
    root = repo.root
    repo.require_sound_data()
    if document.kind == "form":
        from hcmlc.render.form_docx import render_form

        form = fill_form(snapshot.facts, document.ref, document.lang)
        return render_form(form, _template(root, FORM_TEMPLATE))
    from hcmlc.commands.report import draw_charts
    from hcmlc.documents.official import require_documents
    from hcmlc.documents.report_document import official_report
    from hcmlc.render.report_docx import render_report
    from hcmlc.repository.layout import DOCUMENTS

    report = snapshot.report(int(document.ref), document.lang)
    documents = require_documents(repo.documents, repo.problem_in(DOCUMENTS))
    official = official_report(documents, repo.coordinator_words(report.year), report)
    template = _template(root, REPORT_TEMPLATE)
    charts = draw_charts(report, console, ChartCache.open(root, True))
    return render_report(official, charts, template)


def _template(root: Path, name: str) -> Path:
    """The city's own templates/<name>, else the one hcmlc ships (template_files.py)."""
    return template_files.find(root, name)


def check_documents(found: list[tuple[Wanted, bytes]], page: Fingerprint) -> None:
    """Refuse, before anything is published, a document found beside the page that was not
    built from the page's data and day: name each, and the command that rebuilds it."""
    stale = [(wanted, read(data)) for wanted, data in found]
    stale = [(wanted, its) for wanted, its in stale if its != page]
    if not stale:
        return
    lines = []
    for wanted, its in stale:
        if its is None:
            why = _("{file} carries no fingerprint of the data it was built from").format(
                file=wanted.name
            )
        else:
            why = _("{file} was built from data {data} as of {day}").format(
                file=wanted.name, data=its.short, day=its.as_of.isoformat()
            )
        lines.append(f"{why}: `{rebuild(wanted, page)}`")
    raise HcmlcError(
        _("{documents} of the page (data {data} as of {day}): {lines}").format(
            documents=counted(
                len(stale),
                "{n} document beside it was not built from the data and day",
                "{n} documents beside it were not built from the data and day",
            ),
            data=page.short,
            day=page.as_of.isoformat(),
            lines="; ".join(lines),
        ),
        _(
            "rebuild them with the commands named, or build them with the page in one run: "
            "`hcmlc dashboard --documents --as-of {day}`"
        ).format(day=page.as_of.isoformat()),
    )


def rebuild(wanted: Wanted, page: Fingerprint) -> str:
    """The command that builds `wanted` from the page's data and day."""
    day = page.as_of.isoformat()
    if wanted.kind == "form":
        return f"hcmlc fill-form --cycle {wanted.ref} --lang {wanted.lang} --as-of {day}"
    return f"hcmlc report --year {wanted.ref} --lang {wanted.lang} --as-of {day}"
