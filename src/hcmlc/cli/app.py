"""The `hcmlc` command line: declares the commands and hands each to its module."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hcmlc import __version__
from hcmlc.cli import crash
from hcmlc.cli.language import LocalizedGroup
from hcmlc.cli.options import (
    ApprovedOnlyOption,
    AsOfOption,
    CheckOption,
    CycleKind,
    DiagnosticsFormat,
    DocumentAsOfOption,
    ForceOption,
    IndentOption,
    Language,
    NoCacheOption,
    NoChartCacheOption,
    OutOption,
    ReminderFormat,
    ReportFormat,
    RootOption,
    TableOrJson,
    as_of_day,
    parse_day,
    parse_years,
    received_day,
)
from hcmlc.i18n import N_, _, use_language

if TYPE_CHECKING:
    from rich.console import Console

Command = Callable[["Console", Path], int]
"""A command's body: given a console and the repository root, returns an exit code."""

INTERNAL_ERROR = 3

app = typer.Typer(
    name="hcmlc",
    cls=LocalizedGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hcmlc {__version__}")
        raise typer.Exit()


@app.callback(
    help=N_(
        "Run a UNESCO Learning City programme from a Git repository of YAML files.\n\n"
        "Exit codes: 0 ok, 1 problems found in the data, 2 usage error, 3 internal error."
    )
)
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=N_("Print the version.")),
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help=N_(
                "Language of messages and tables (default: $HCMLC_LANG, else the locale, else vi)."
            ),
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=N_("Show the traceback of an internal error (also: $HCMLC_DEBUG=1)."),
        ),
    ] = False,
) -> None:
    if lang is not None:  # chosen before parsing already (cli_i18n); the parsed value rules
        use_language(lang.value)
    crash.set_debug(debug)


@app.command(
    help=N_(
        "Check every YAML file: schema, ids, assignments, units, years, word limits, duplicates."
    )
)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=N_("Files or folders to report on (default: all).")),
    ] = None,
    root: RootOption = None,
    output: Annotated[
        DiagnosticsFormat | None,
        typer.Option(
            "--format",
            help=N_("Output format (default: github inside GitHub Actions, else text)."),
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Fail on warnings too."))] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help=N_("Report only on files changed since this git commit, and problems they cause."),
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    indent: IndentOption = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=N_(
                "Write the certain fixes the hints give (98,5 → 98.5), keeping every other "
                "byte, and say what changed."
            ),
        ),
    ] = False,
) -> None:
    from hcmlc.commands import validate as command

    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            paths or [],
            output.value if output else None,
            strict,
            changed_since,
            cache=not no_cache,
            indent=indent,
            fix=fix,
        ),
        root,
    )


@app.command(
    help=N_("Who owes what in a cycle: supplied, missing, overdue, per agency and per criterion.")
)
def status(
    cycle: Annotated[
        str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
    ] = None,
    as_of: AsOfOption = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help=N_("Show one agency's to-do list."))
    ] = None,
    root: RootOption = None,
    output: Annotated[
        TableOrJson, typer.Option("--format", help=N_("Output format."))
    ] = TableOrJson.table,
    no_cache: NoCacheOption = False,
    indent: IndentOption = None,
    units: Annotated[
        bool,
        typer.Option(
            "--units", help=N_("List every ward, commune and special zone, not only their sums.")
        ),
    ] = False,
    criteria: Annotated[
        bool,
        typer.Option("--criteria", help=N_("List the criteria under each standard.")),
    ] = False,
) -> None:
    from hcmlc.commands import status as command

    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            cycle,
            as_of_day(as_of),
            agency,
            output.value,
            cache=not no_cache,
            indent=indent,
            units=units,
            criteria=criteria,
        ),
        root,
    )


@app.command(
    "fill-form",
    help=N_("Fill the GNLC membership form (annex II) from the submissions, as a Word document."),
)
def fill_form(
    cycle: Annotated[
        str | None,
        typer.Option("--cycle", help=N_("Cycle id (default: the latest application cycle).")),
    ] = None,
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

    day = None if as_of is None else as_of_day(as_of)
    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            cycle,
            lang.value,
            out,
            template,
            strict,
            day,
            approved_only=approved,
            final=final,
        ),
        root,
    )


@app.command(
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
    no_cache: NoChartCacheOption = False,
    as_of: DocumentAsOfOption = None,
    root: RootOption = None,
    approved: ApprovedOnlyOption = False,
) -> None:
    from hcmlc.commands import report as command

    day = None if as_of is None else as_of_day(as_of)
    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            year,
            output.value,
            out,
            lang.value,
            template,
            force,
            not no_cache,
            day,
            approved_only=approved,
        ),
        root,
    )


@app.command(
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

    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            command.Request(
                as_of=as_of_day(as_of),
                agency=agency,
                within=within,
                output=output.value,
                out=out,
                lang=lang.value,
                force=force,
            ),
        ),
        root,
    )


@app.command(
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
    cycle: Annotated[
        str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
    ] = None,
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

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle, as_of_day(as_of), out, lang.value, documents=documents
        ),
        root,
    )


@app.command(
    help=N_(
        "Print the JSON Schema of submission files, which editors use to complete ids.\n\n"
        "--out writes it to a file; --check compares with schema/submission.schema.json "
        "(or --out)."
    )
)
def schema(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    from hcmlc.commands import schema as command

    _run(lambda console, repo_root: command.run(console, repo_root, out, check), root)


@app.command(
    help=N_("Write .github/CODEOWNERS (or --out) from the reviewers in data/assignments.yaml.")
)
def codeowners(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    from hcmlc.commands import codeowners as command

    _run(lambda console, repo_root: command.run(console, repo_root, out, check), root)


@app.command(
    help=N_(
        "Copy the templates hcmlc ships (form, report, reminder) into templates/, where the city "
        "may restyle them; a template there replaces the shipped one of the same name."
    )
)
def templates(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help=N_("Folder to write to (default: templates/)."), file_okay=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace templates that differ from hcmlc's."))
    ] = False,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import templates as command

    _run(lambda console, repo_root: command.run(console, repo_root, out, force), root)


@app.command(
    help=N_(
        "Start a new city's repository in DIR (new or empty): frameworks, registry, the "
        "province's wards and communes, documents, workflows; committed. Asks for what is not "
        "given when run in a terminal."
    )
)
def init(
    folder: Annotated[Path, typer.Argument(help=N_("The folder to create."), show_default=False)],
    city: Annotated[
        str | None, typer.Option("--city", help=N_("The city's name in Vietnamese."))
    ] = None,
    city_en: Annotated[
        str | None,
        typer.Option("--city-en", help=N_("Its name in English (default: without diacritics).")),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option("--province", help=N_("The province's two-digit code (01 for Hà Nội).")),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", help=N_("The number and symbol of the city's plan (123/KH-UBND).")),
    ] = None,
    plan_date: Annotated[
        str | None, typer.Option("--plan-date", help=N_("The plan's date (YYYY-MM-DD)."))
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=N_("The coordinating agency's id (default: so-gddt).")),
    ] = None,
    cycle: Annotated[
        str | None,
        typer.Option("--cycle", help=N_("The first cycle's id (default: the deadline's year).")),
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help=N_("The first cycle's deadline (YYYY-MM-DD)."))
    ] = None,
) -> None:
    from hcmlc.cli.init_options import new_city
    from hcmlc.commands import init as command

    def body(console: Console, target: Path) -> int:
        wanted = new_city(
            city, city_en, province, plan, plan_date, agency or "so-gddt", cycle, deadline
        )
        return command.run(console, target, wanted)

    _run(body, folder.absolute())


@app.command(
    help=N_(
        "Assign indicators and form questions to agencies from a spreadsheet: a column of ids "
        "and a column of agencies (ids or names); writes data/frameworks.yaml and "
        "data/assignments.yaml, keeping their comments."
    )
)
def assign(
    sheet: Annotated[Path, typer.Argument(help=N_("The spreadsheet (.xlsx)."), show_default=False)],
    root: RootOption = None,
) -> None:
    from hcmlc.commands import assign as command

    _run(lambda console, repo_root: command.run(console, repo_root, sheet), root)


@app.command(
    help=N_(
        "Replace the framework files of data/ that hcmlc ships (UNESCO's, the learning models) "
        "with data/frameworks.yaml, which names them and keeps the city's agencies."
    )
)
def migrate(root: RootOption = None) -> None:
    from hcmlc.commands import migrate as command

    _run(lambda console, repo_root: command.run(console, repo_root), root)


@app.command(
    "new-submission",
    help=N_("Write an agency's submission file with every item it owes as commented stubs."),
)
def new_submission(
    agency: Annotated[
        str, typer.Option("--agency", help=N_("The agency's id."), show_default=False)
    ],
    cycle: Annotated[
        str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import new_submission as command

    _run(lambda console, repo_root: command.run(console, repo_root, agency, cycle), root)


@app.command(
    "close-cycle",
    help=N_(
        "End a reporting cycle in data/assignments.yaml (`closed:`): status and remind stop "
        "listing its overdue items, and its year's report is no longer interim."
    ),
)
def close_cycle(
    cycle_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The cycle to close, e.g. 2025."))
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="YYYY-MM-DD",
            help=N_("The day it closes (default: today)."),
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import close_cycle as command

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle_id, parse_day(on, "--on") if on else as_of_day(None)
        ),
        root,
    )


@app.command(
    "new-cycle",
    help=N_(
        "Open the next reporting cycle in data/assignments.yaml, copied from the last one of "
        "its kind, and make it current; comments and layout are kept."
    ),
)
def new_cycle(
    cycle_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The new cycle's id, e.g. 2026."))
    ],
    deadline: Annotated[
        str,
        typer.Option(
            "--deadline",
            metavar="YYYY-MM-DD",
            help=N_("When the cycle's items are due."),
            show_default=False,
        ),
    ],
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            metavar="YYYY[-YYYY]",
            help=N_("The years its figures describe (default: the year of a year-like id)."),
            show_default=False,
        ),
    ] = None,
    answers_deadline: Annotated[
        str | None,
        typer.Option(
            "--answers-deadline",
            metavar="YYYY-MM-DD",
            help=N_(
                "For an application cycle: when the form's answers are due (default: --deadline)."
            ),
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        CycleKind | None,
        typer.Option(
            "--kind",
            help=N_("The kind of cycle (default: that of the latest cycle)."),
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import new_cycle as command
    from hcmlc.yamlfiles.cycle_edit import NewCycle

    def body(console: Console, repo_root: Path) -> int:
        first, last = parse_years(years) if years else (None, None)
        wanted = NewCycle(
            id=cycle_id,
            deadline=parse_day(deadline, "--deadline"),
            answers_deadline=parse_day(answers_deadline, "--answers-deadline")
            if answers_deadline
            else None,
            first_year=first,
            last_year=last,
            kind=kind.value if kind else None,
        )
        return command.run(console, repo_root, wanted)

    _run(body, root)


@app.command(
    help=N_(
        "Write an agency's Excel workbook: what it owes in a cycle, with drop-downs and ranges, "
        "pre-filled with what it supplied; --all writes one for every agency that owes."
    )
)
def workbook(
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=N_("The agency's id."), show_default=False),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help=N_("One workbook for every agency that owes."))
    ] = False,
    cycle: Annotated[
        str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=N_(
                "Where to write it (default: workbook-<cycle>-<agency>-<lang>.xlsx); "
                "with --all, a folder (default: workbooks-<cycle>)."
            ),
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help=N_("Language of the workbook."))
    ] = Language.vi,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import workbook as command

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, agency, every, cycle, out, lang.value
        ),
        root,
    )


@app.command(
    "import",
    help=N_(
        "Read returned workbooks into the agencies' submission files, with the checks of "
        "validate; a workbook with errors writes nothing."
    ),
)
def import_workbooks(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help=N_(
                "The workbooks (.xlsx or .ods) to import, or folders of returned mail "
                "(workbooks, zips of workbooks, other attachments)."
            ),
            show_default=False,
        ),
    ],
    check: Annotated[
        bool,
        typer.Option("--check", help=N_("Write nothing: say what would change and what is wrong.")),
    ] = False,
    cycle: Annotated[
        str | None,
        typer.Option(
            "--cycle", help=N_("The cycle the workbooks are for (default: the current cycle).")
        ),
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency", help=N_("Refuse a workbook of any other agency."), show_default=False
        ),
    ] = None,
    output: Annotated[
        DiagnosticsFormat | None,
        typer.Option(
            "--format",
            help=N_("Output format (default: github inside GitHub Actions, else text)."),
            show_default=False,
        ),
    ] = None,
    repair_to: Annotated[
        Path | None,
        typer.Option(
            "--repair-to",
            help=N_(
                "For a refused workbook: write a fresh one, pre-filled with everything read "
                "with certainty, to PATH (a folder for several workbooks)."
            ),
            show_default=False,
        ),
    ] = None,
    received: Annotated[
        str | None,
        typer.Option(
            "--received",
            metavar="YYYY-MM-DD",
            help=N_("The day the workbooks were received (default: today)."),
            show_default=False,
        ),
    ] = None,
    receipts: Annotated[
        Path | None,
        typer.Option(
            "--receipts",
            metavar="DIR",
            help=N_(
                "Where the receipts go when importing a folder (default: receipts-<day received>)."
            ),
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import import_workbooks as command

    if receipts is not None or any(p.is_dir() or p.suffix.lower() == ".zip" for p in paths):
        from hcmlc.commands import import_inbox

        _run(
            lambda console, repo_root: import_inbox.run(
                console,
                repo_root,
                import_inbox.InboxRequest(
                    paths,
                    check,
                    cycle,
                    received_day(received),
                    receipts,
                    output.value if output else "text",
                    agency,
                ),
            ),
            root,
        )
        return
    _run(
        lambda console, repo_root: command.run(
            console,
            repo_root,
            paths,
            check,
            cycle,
            agency,
            output.value if output else None,
            repair_to,
            received_day(received),
        ),
        root,
    )


def _add_review() -> None:
    from hcmlc.cli.review import review_app
    from hcmlc.cli.translation import translation_app

    app.add_typer(review_app)
    app.add_typer(translation_app)


_add_review()


def _run(command: Command, root: Path | None) -> None:
    """Find the repository, run `command`, turn hcmlc's errors into messages and exit codes."""
    from hcmlc.errors import HcmlcError
    from hcmlc.render.console import make_console
    from hcmlc.render.escape import visible
    from hcmlc.repository.load import find_root

    errors = make_console(stderr=True)
    try:
        repo_root = root.resolve() if root else find_root(Path.cwd())
        code = command(make_console(), repo_root)
        sys.stdout.flush()  # here, so that a reader that went away is seen below
    except BrokenPipeError:  # `hcmlc status | head`: the reader has what it wanted
        _stdout_to_devnull()
        code = 0
    except HcmlcError as exc:  # its message may quote input: one line, controls shown
        message = _("error: {message}").format(message=visible(str(exc)))
        errors.print(message, markup=False, highlight=False, soft_wrap=True)
        if exc.hint:
            hint = _("hint: {hint}").format(hint=visible(exc.hint))
            errors.print(hint, markup=False, highlight=False, soft_wrap=True)
        code = exc.exit_code
    except Exception as exc:  # a bug: its traceback kept in a log, shown with --debug
        trace, log = crash.record(exc)
        if crash.debugging():
            errors.print(trace, markup=False, highlight=False, end="")
        errors.print(
            _("internal error: {error}").format(error=visible(f"{type(exc).__name__}: {exc}")),
            markup=False,
            highlight=False,
        )
        hint = (
            _("hint: this is a bug in hcmlc; please report it with the command you ran")
            if log is None
            else _(
                "hint: this is a bug in hcmlc; please report it with the command you ran "
                "and the file {log}"
            ).format(log=visible(str(log)))
        )
        errors.print(hint, markup=False, highlight=False, soft_wrap=True)
        code = INTERNAL_ERROR
    raise typer.Exit(code)


def _stdout_to_devnull() -> None:
    """Send what is left of standard output nowhere: Python would otherwise report the closed
    pipe once more when it flushes at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Console-script entry point."""
    _utf8_streams()
    app()


def _utf8_streams() -> None:
    """Always write UTF-8: a Windows pipe defaults to a code page without Vietnamese."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(encoding="utf-8")
