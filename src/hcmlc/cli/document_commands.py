"""The commands that write the programme's documents: the form, the report, the reminders and
the status page."""

from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.options import (
    ApplicationCycleOption,
    ApprovedOnlyOption,
    AsOfOption,
    CycleOption,
    DocumentAsOfOption,
    ForceOption,
    Language,
    NoReportCacheOption,
    ReminderFormat,
    ReportFormat,
    RootOption,
    as_of_day,
    document_day,
)
from hcmlc.cli.runner import run_command
from hcmlc.i18n import N_

commands = typer.Typer()


@commands.command(
    "fill-form",
    help=N_("Fill the GNLC membership form (annex II) from the submissions, as a Word document."),
)
def fill_form(
    cycle: ApplicationCycleOption = None,
    lang: Annotated[
        Language,
        typer.Option(
            "--lang",
            help=N_(
                "Language of the form; also of the messages, unless hcmlc --lang or "
                "$HCMLC_LANG chooses theirs."
            ),
        ),
    ] = Language.vi,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=N_("Where to write the .docx (default: gnlc-form-<cycle>-<lang>.docx)."),
            dir_okay=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help=N_(
                "A docxtpl template (default: templates/gnlc-form.docx, else the one hcmlc ships)."
            ),
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    root: RootOption = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=N_("Fail when a box is empty or outside its limit.")),
    ] = False,
    as_of: DocumentAsOfOption = None,
    approved: ApprovedOnlyOption = False,
    final: Annotated[
        bool,
        typer.Option(
            "--final",
            help=N_("The English form to send: refuse while an answer's English is not verified."),
        ),
    ] = False,
) -> None:
    from hcmlc.commands import fill_form as command

    run_command(
        command.write_form,
        lambda: command.FormOptions(
            lang=lang.value,
            cycle=cycle,
            out=out,
            template=template,
            strict=strict,
            as_of=document_day(as_of),
            approved_only=approved,
            final=final,
        ),
        root,
    )


@commands.command(
    help=N_("Write the year-end progress report: targets, trends, charts and the unmet criteria.")
)
def report(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help=N_("The year reported on (default: the current cycle's last).")
        ),
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", help=N_("A Word document or Markdown with charts."))
    ] = ReportFormat.docx,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=N_("Where to write it (default: progress-report-<year>-<lang>.<format>)."),
            dir_okay=False,
        ),
    ] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help=N_("Language of the report."))
    ] = Language.vi,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help=N_(
                "The template (default: templates/progress-report.docx or .md.j2, else the one "
                "hcmlc ships)."
            ),
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    force: ForceOption = False,
    no_cache: NoReportCacheOption = False,
    as_of: DocumentAsOfOption = None,
    root: RootOption = None,
    approved: ApprovedOnlyOption = False,
) -> None:
    from hcmlc.commands import report as command

    run_command(
        command.write_report,
        lambda: command.ReportOptions(
            year=year,
            output=output.value,
            out=out,
            lang=lang.value,
            template=template,
            force=force,
            cache=not no_cache,
            as_of=document_day(as_of),
            approved_only=approved,
        ),
        root,
    )


@commands.command(
    help=N_(
        "Write reminders to the agencies with overdue items: official letters, e-mail drafts "
        "to their focal points, or text; hcmlc sends nothing."
    )
)
def remind(
    as_of: AsOfOption = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=N_("Remind this agency only."), show_default=False),
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            min=0,
            help=N_("Also list the items due within this many days."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        ReminderFormat,
        typer.Option(
            "--format", help=N_("An official letter (.docx), an e-mail draft (.eml) or text.")
        ),
    ] = ReminderFormat.docx,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=N_("The folder to write them in (default: reminders-<as-of day>)."),
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help=N_("Language of the reminders."))
    ] = Language.vi,
    force: ForceOption = False,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import remind as command

    run_command(
        command.write_reminders,
        lambda: command.RemindOptions(
            as_of=as_of_day(as_of),
            agency=agency,
            within=within,
            output=output.value,
            out=out,
            lang=lang.value,
            force=force,
        ),
        root,
    )


@commands.command(
    help=N_(
        "Write the status page for the city's leadership: one self-contained HTML file "
        "(DIR/index.html) with the form and the report, built in the same run (--documents) "
        "or beside DIR of the same data and day."
    )
)
def dashboard(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help=N_("The folder to write, replaced whole (default: site)."),
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    cycle: CycleOption = None,
    as_of: AsOfOption = None,
    lang: Annotated[
        Language, typer.Option("--lang", help=N_("Language of the page."))
    ] = Language.vi,
    documents: Annotated[
        bool,
        typer.Option(
            "--documents",
            help=N_(
                "Build the form and the report (both languages) in the same run, from the same "
                "data and day as the page, and publish them with it."
            ),
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import dashboard as command

    run_command(
        command.write_dashboard,
        lambda: command.DashboardOptions(
            as_of=as_of_day(as_of), cycle=cycle, out=out, lang=lang.value, documents=documents
        ),
        root,
    )
