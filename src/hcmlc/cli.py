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

if TYPE_CHECKING:
    from rich.console import Console

Command = Callable[["Console", Path], int]
"""A command's body: given a console and the repository root, returns an exit code."""

INTERNAL_ERROR = 3

app = typer.Typer(
    name="hcmlc",
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


NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Check every file afresh, without the results kept by earlier runs."
    ),
]
RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The city's repository (default: found from the current folder).",
        file_okay=False,
        exists=True,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hcmlc {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Run a UNESCO Learning City programme from a Git repository of YAML files.

    Exit codes: 0 ok, 1 problems found in the data, 2 usage error, 3 internal error.
    """


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders to report on (default: all).")
    ] = None,
    root: RootOption = None,
    output: Annotated[
        DiagnosticsFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: github inside GitHub Actions, else text).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Report only on files changed since this git commit, and problems they cause.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Check every YAML file: schema, ids, assignments, units, years, word limits, duplicates."""
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


@app.command()
def status(
    cycle: Annotated[
        str | None, typer.Option("--cycle", help="Cycle id (default: the current cycle).")
    ] = None,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Day to judge deadlines by (default: today).",
        ),
    ] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help="Show one agency's to-do list.")
    ] = None,
    root: RootOption = None,
    output: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.table,
    no_cache: NoCacheOption = False,
) -> None:
    """Who owes what in a cycle: supplied, missing, overdue, per agency and per criterion."""
    from hcmlc.commands import status as command

    day = as_of.date() if as_of else dt.date.today()
    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle, day, agency, output.value, cache=not no_cache
        ),
        root,
    )


class FormLanguage(StrEnum):
    vi = "vi"
    en = "en"


@app.command("fill-form")
def fill_form(
    cycle: Annotated[
        str | None, typer.Option("--cycle", help="Cycle id (default: the current cycle).")
    ] = None,
    lang: Annotated[
        FormLanguage, typer.Option("--lang", help="Language of the form.")
    ] = FormLanguage.vi,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the .docx (default: gnlc-form-<cycle>-<lang>.docx).",
            dir_okay=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A docxtpl template (default: templates/gnlc-form.docx).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    root: RootOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail when a box is empty or outside its limit.")
    ] = False,
) -> None:
    """Fill the GNLC membership form (annex II) from the submissions, as a Word document."""
    from hcmlc.commands import fill_form as command

    _run(
        lambda console, repo_root: command.run(
            console, repo_root, cycle, lang.value, out, template, strict
        ),
        root,
    )


OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="File to write.", dir_okay=False, show_default=False),
]
CheckOption = Annotated[
    bool, typer.Option("--check", help="Exit 1 if the file differs from what would be written.")
]


@app.command()
def schema(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    """Print the JSON Schema of submission files, which editors use to complete ids.

    --out writes it to a file; --check compares with schema/submission.schema.json (or --out).
    """
    from hcmlc.commands import schema as command

    _run(lambda console, repo_root: command.run(console, repo_root, out, check), root)


@app.command()
def codeowners(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    """Write .github/CODEOWNERS (or --out) from the reviewers in data/assignments.yaml."""
    from hcmlc.commands import codeowners as command

    _run(lambda console, repo_root: command.run(console, repo_root, out, check), root)


@app.command("new-submission")
def new_submission(
    agency: Annotated[str, typer.Option("--agency", help="The agency's id.", show_default=False)],
    cycle: Annotated[
        str | None, typer.Option("--cycle", help="Cycle id (default: the current cycle).")
    ] = None,
    root: RootOption = None,
) -> None:
    """Write an agency's submission file with every item it owes as commented stubs."""
    from hcmlc.commands import new_submission as command

    _run(lambda console, repo_root: command.run(console, repo_root, agency, cycle), root)


def _run(command: Command, root: Path | None) -> None:
    """Find the repository, run `command`, turn hcmlc's errors into messages and exit codes."""
    from hcmlc.errors import HcmlcError
    from hcmlc.render.console import make_console
    from hcmlc.repository import find_root

    errors = make_console(stderr=True)
    try:
        repo_root = root.resolve() if root else find_root(Path.cwd())
        code = command(make_console(), repo_root)
    except HcmlcError as exc:
        errors.print(f"error: {exc}", markup=False, highlight=False)
        if exc.hint:
            errors.print(f"hint: {exc.hint}", markup=False, highlight=False)
        code = exc.exit_code
    except Exception as exc:  # a bug: still no traceback for the user, but a way to report it
        errors.print(f"internal error: {type(exc).__name__}: {exc}", markup=False, highlight=False)
        errors.print(
            "hint: this is a bug in hcmlc; please report it with the command you ran",
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
