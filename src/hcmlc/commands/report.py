"""`hcmlc report`: the year-end progress report, as a Word document or Markdown with charts."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from hcmlc.atomic import check_target, replace_folder, write_atomic
from hcmlc.errors import HcmlcError
from hcmlc.form import Lang
from hcmlc.i18n import _, counted
from hcmlc.render.console import make_console
from hcmlc.report import ProgressReport, build_report, default_year
from hcmlc.repository import load

ReportFormat = Literal["docx", "md"]

TEMPLATES: dict[ReportFormat, str] = {
    "docx": "templates/progress-report.docx",
    "md": "templates/progress-report.md.j2",
}


def run(
    console: Console,
    root: Path,
    year: int | None,
    output: ReportFormat,
    out: Path | None,
    lang: Lang,
    template: Path | None,
) -> int:
    """Assess the year, draw the charts, write the report; say what it found."""
    repo = load(root)
    catalog = repo.require_sound_data()
    year = year or default_year(catalog)
    template = template or root / TEMPLATES[output]
    if not template.is_file():
        raise HcmlcError(
            _("no template at {path}").format(path=template),
            _("restore {file} from the repository, or pass --template").format(
                file=TEMPLATES[output]
            ),
        )
    target = out or Path(f"progress-report-{year}-{lang}.{output}")
    check_target(target)
    report = build_report(repo, year, lang)
    charts = draw_charts(report, make_console(stderr=True))
    if output == "docx":
        from hcmlc.render.report_docx import render_report

        write_atomic(target, render_report(report, charts, template))
    else:
        from hcmlc.render.report_md import render_markdown

        folder = target.with_name(f"{target.stem}-charts")
        replace_folder(folder, {f"{indicator}.png": png for indicator, png in charts.items()})
        paths = {indicator: f"{folder.name}/{indicator}.png" for indicator in charts}
        text = render_markdown(report, paths, template)
        write_atomic(target, text.encode("utf-8"))
    _summary(console, report, target, repo.error_count)
    return 0


def draw_charts(report: ProgressReport, console: Console) -> dict[str, bytes]:
    """Indicator id → PNG of every chart, with a progress bar on `console` if a terminal."""
    from hcmlc.charts import render_chart

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[indicator]}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    charts: dict[str, bytes] = {}
    with progress:
        task = progress.add_task(_("Drawing charts"), total=len(report.charts), indicator="")
        for chart in report.charts:
            progress.update(task, indicator=chart.indicator)
            charts[chart.indicator] = render_chart(chart, report.lang)
            progress.advance(task)
    return charts


def _summary(console: Console, report: ProgressReport, target: Path, errors: int) -> None:
    total = report.total
    counts = ", ".join(
        f"{count} {report.status_words[status].lower()}" for status, count in total.counts.items()
    )
    lines = [
        _("Wrote {file}: progress report {year}, {criteria} ({counts}), {charts}.").format(
            file=target,
            year=report.year,
            criteria=counted(sum(total.counts.values()), "{n} criterion", "{n} criteria"),
            counts=counts,
            charts=counted(len(report.charts), "{n} chart", "{n} charts"),
        )
    ]
    if report.unmet:
        lines.append(_("Criteria not met: {ids}.").format(ids=", ".join(report.unmet_ids)))
    if errors:
        lines.append(
            _(
                "note: the data has {errors}, and entries with errors are left out; "
                "run `hcmlc validate`"
            ).format(errors=counted(errors, "{n} error", "{n} errors"))
        )
    for line in lines:
        console.print(line, markup=False, highlight=False)
