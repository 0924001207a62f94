"""`hcmlc report`: the year-end progress report, as a Word document or Markdown with charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from rich.console import Console

from hcmlc.clock import today
from hcmlc.core.open_cycles import INTERIM, interim_cycle
from hcmlc.core.progress import Status
from hcmlc.documents import template_files
from hcmlc.documents.official import require_documents
from hcmlc.documents.report import ProgressReport, build_report
from hcmlc.documents.report_document import OfficialReport, official_report
from hcmlc.documents.snapshot import lead_files
from hcmlc.files.atomic import check_target, replace_folder, write_atomic
from hcmlc.files.outputs import check_replaceable, stamp, stamp_text
from hcmlc.i18n import N_, Lang, _, counted
from hcmlc.render.chart_cache import ChartCache
from hcmlc.render.console import make_console
from hcmlc.render.source_note import say_source
from hcmlc.repository.fingerprint import embedding, fingerprint
from hcmlc.repository.layout import DOCUMENTS
from hcmlc.repository.load import Repository, collector_paused
from hcmlc.repository.past import load_as_of
from hcmlc.signoffs.approved import narrow_to_approved

ReportFormat = Literal["docx", "md"]

STATUS_WORDS: dict[Status, str] = {
    Status.MET: N_("met"),
    Status.ON_TRACK: N_("on track"),
    Status.BEHIND: N_("behind"),
    Status.NOT_MET: N_("not met"),
    Status.NO_DATA: N_("no data"),
    Status.NO_TARGET: N_("no target"),
}
"""The statuses as the terminal names them, in the interface's language (the document has its
own words, in its language)."""

TEMPLATES: dict[ReportFormat, str] = {
    "docx": "progress-report.docx",
    "md": "progress-report.md.j2",
}


@dataclass(frozen=True)
class ReportOptions:
    """What `hcmlc report` was asked for."""

    year: int | None = None
    output: ReportFormat = "docx"
    out: Path | None = None
    lang: Lang = "vi"
    template: Path | None = None
    force: bool = False
    cache: bool = True
    as_of: dt.date | None = None
    approved_only: bool = False


def write_report(console: Console, root: Path, options: ReportOptions) -> int:
    """Assess the year, draw the charts, write the report with the coordinator's words; say
    what it found, what still needs words, and what it replaced. With `as_of`, from the
    repository as it stood at the end of that day (past.py)."""
    # the files' results from the cache, and only the files the assessment reads; no figure
    # compared across cycles (validate's warnings); the collector paused (issue 29)
    day = options.as_of or today()
    with (
        load_as_of(root, day, cache=options.cache, keep=False, compare=False) as repo,
        collector_paused(),
    ):
        code = _write(console, root, repo, options)
    if repo.snapshot is not None and repo.snapshot.worth_saying:
        say_source(repo.snapshot)
    return code


def _write(console: Console, root: Path, repo: Repository, options: ReportOptions) -> int:
    output, lang, as_of = options.output, options.lang, options.as_of
    catalog = repo.require_sound_data()
    year = options.year or repo.cycle(None).last_year
    template = template_files.find(root, TEMPLATES[output], options.template)
    facts = repo.facts(submissions=lead_files(repo))
    if as_of is not None:  # as status and the page show the day (snapshot.py)
        facts = facts.known_on(as_of)
    if options.approved_only:
        facts = narrow_to_approved(console, facts)
    report = build_report(facts, year, lang, as_of=as_of)
    ending = interim_cycle(catalog, year, as_of or today())
    if ending is not None:
        report = replace(report, title=report.title + INTERIM[lang])
    documents = require_documents(repo.documents, repo.problem_in(DOCUMENTS))
    document = official_report(documents, repo.coordinator_words(year), report)
    if ending is not None:  # the document's title: its subject, under its kind
        subject = document.heading.subject + INTERIM[lang]
        document = replace(document, heading=replace(document.heading, subject=subject))
    target = options.out or Path(f"progress-report-{year}-{lang}.{output}")
    check_target(target)
    replacing = check_replaceable([target], options.force, document.narrative_file)
    charts = draw_charts(
        document.report, make_console(stderr=True), ChartCache.open(root, options.cache)
    )
    if output == "docx":
        from hcmlc.render.report_docx import render_report

        found = fingerprint(repo, as_of or today())
        data = render_report(document, charts, template, embedding(found), stamp)
        write_atomic(target, data)
    else:
        from hcmlc.render.report_md import render_markdown

        folder = target.with_name(f"{target.stem}-charts")
        replace_folder(folder, {f"{indicator}.png": png for indicator, png in charts.items()})
        paths = {indicator: f"{folder.name}/{indicator}.png" for indicator in charts}
        text = render_markdown(document, paths, template)
        write_atomic(target, stamp_text(text).encode("utf-8"))
    _summary(console, document, target, repo.error_count, bool(replacing.paths))
    if ending is not None:
        console.print(
            _(
                "Cycle {cycle} is not closed, so the report is interim and its title says so; "
                "close the cycle with `hcmlc close-cycle {cycle}` when its figures are final."
            ).format(cycle=ending.id),
            markup=False,
            highlight=False,
        )
    return 0


def draw_charts(
    report: ProgressReport, console: Console, cache: ChartCache | None = None
) -> dict[str, bytes]:
    """Indicator id → PNG of every chart: those `cache` keeps for the same data as they are,
    the others drawn (and kept), with a progress bar on `console` if a terminal."""
    cache = cache or ChartCache(None)
    charts = {chart.indicator: cache.get(chart, report.lang) for chart in report.charts}
    to_draw = [chart for chart in report.charts if charts[chart.indicator] is None]
    if not to_draw:
        return {indicator: png for indicator, png in charts.items() if png is not None}
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from hcmlc.render.charts import render_chart  # Pillow: imported only when a chart is drawn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[indicator]}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with progress:
        task = progress.add_task(_("Drawing charts"), total=len(to_draw), indicator="")
        for chart in to_draw:
            progress.update(task, indicator=chart.indicator)
            png = render_chart(chart, report.lang)
            cache.put(chart, report.lang, png)
            charts[chart.indicator] = png
            progress.advance(task)
    cache.trim()
    return {indicator: png for indicator, png in charts.items() if png is not None}


def _summary(
    console: Console, document: OfficialReport, target: Path, errors: int, replaced: bool
) -> None:
    report = document.report
    total = report.total
    counts = ", ".join(
        f"{count} {_(STATUS_WORDS[status])}" for status, count in total.counts.items()
    )
    wrote = (
        _("Replaced {file}: progress report {year}, {criteria} ({counts}), {charts}.")
        if replaced
        else _("Wrote {file}: progress report {year}, {criteria} ({counts}), {charts}.")
    )
    lines = [
        wrote.format(
            file=target,
            year=report.year,
            criteria=counted(sum(total.counts.values()), "{n} criterion", "{n} criteria"),
            counts=counts,
            charts=counted(len(report.charts), "{n} chart", "{n} charts"),
        )
    ]
    if report.unmet:
        lines.append(
            _("Criteria not met or behind: {ids}.").format(ids=", ".join(report.unmet_ids))
        )
    lines += _words_notes(document)
    if errors:
        lines.append(
            _(
                "note: the data has {errors}, and entries with errors are left out; "
                "run `hcmlc validate`"
            ).format(errors=counted(errors, "{n} error", "{n} errors"))
        )
    for line in lines:
        console.print(line, markup=False, highlight=False)


def _words_notes(document: OfficialReport) -> list[str]:
    """What the coordinator's file still lacks, or holds that the report does not print."""
    file, notes = document.narrative_file, []
    if document.unanalysed:
        notes.append(
            _(
                "No analysis in {file} yet for {ids}: write it under `analysis:`, "
                "criterion by criterion."
            ).format(file=file, ids=", ".join(document.unanalysed))
        )
    if document.not_unmet:
        notes.append(
            _(
                "{file} analyses {ids}, which the report does not take up (not unmet in "
                "{year}): left out."
            ).format(file=file, ids=", ".join(document.not_unmet), year=document.report.year)
        )
    if document.untranslated:
        notes.append(
            _("No English in {file} for {parts}: printed in Vietnamese.").format(
                file=file, parts=", ".join(document.untranslated)
            )
        )
    return notes
