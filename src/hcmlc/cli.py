"""The `hcmlc` command line: declares the commands and hands each to its module."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hcmlc import __version__
from hcmlc.cli_i18n import LocalizedGroup
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


class DiagnosticsFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class Language(StrEnum):
    vi = "vi"
    en = "en"


NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help=N_("Check every file afresh, without the results kept by earlier runs.")
    ),
]

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help=N_("The city's repository (default: found from the current folder)."),
        file_okay=False,
        exists=True,
    ),
]


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
) -> None:
    if lang is not None:  # chosen before parsing already (cli_i18n); the parsed value rules
        use_language(lang.value)


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
    as_of: Annotated[
        dt.datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help=N_("Day to judge deadlines by (default: today)."),
        ),
    ] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help=N_("Show one agency's to-do list."))
    ] = None,
    root: RootOption = None,
    output: Annotated[
        TableOrJson, typer.Option("--format", help=N_("Output format."))
    ] = TableOrJson.table,
    no_cache: NoCacheOption = False,
) -> None:
    from hcmlc.commands import status as command

    day = as_of.date() if as_of else dt.date.today()
    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle, day, agency, output.value, cache=not no_cache
        ),
        root,
    )


class ReportFormat(StrEnum):
    docx = "docx"
    md = "md"


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
            help=N_("A docxtpl template (default: templates/gnlc-form.docx)."),
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    root: RootOption = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=N_("Fail when a box is empty or outside its limit.")),
    ] = False,
) -> None:
    from hcmlc.commands import fill_form as command

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle, lang.value, out, template, strict
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
            help=N_("The template (default: templates/progress-report.docx or .md.j2)."),
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import report as command

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, year, output.value, out, lang.value, template
        ),
        root,
    )


OutOption = Annotated[
    Path | None,
    typer.Option("--out", help=N_("File to write."), dir_okay=False, show_default=False),
]
CheckOption = Annotated[
    bool,
    typer.Option("--check", help=N_("Exit 1 if the file differs from what would be written.")),
]


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


def _run(command: Command, root: Path | None) -> None:
    """Find the repository, run `command`, turn hcmlc's errors into messages and exit codes."""
    from hcmlc.errors import HcmlcError
    from hcmlc.render.console import make_console
    from hcmlc.render.escape import visible
    from hcmlc.repository import find_root

    errors = make_console(stderr=True)
    try:
        repo_root = root.resolve() if root else find_root(Path.cwd())
        code = command(make_console(), repo_root)
    except HcmlcError as exc:  # its message may quote input: one line, controls shown
        message = _("error: {message}").format(message=visible(str(exc)))
        errors.print(message, markup=False, highlight=False, soft_wrap=True)
        if exc.hint:
            hint = _("hint: {hint}").format(hint=visible(exc.hint))
            errors.print(hint, markup=False, highlight=False, soft_wrap=True)
        code = exc.exit_code
    except Exception as exc:  # a bug: still no traceback for the user, but a way to report it
        errors.print(
            _("internal error: {error}").format(error=visible(f"{type(exc).__name__}: {exc}")),
            markup=False,
            highlight=False,
        )
        errors.print(
            _("hint: this is a bug in hcmlc; please report it with the command you ran"),
            markup=False,
            highlight=False,
        )
        code = INTERNAL_ERROR
    raise typer.Exit(code)


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
