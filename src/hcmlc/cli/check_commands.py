"""The commands that read the repository and say what they find: validate, status."""

from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.options import (
    AsOfOption,
    CycleOption,
    DiagnosticsFormatOption,
    IndentOption,
    NoCacheOption,
    RootOption,
    TableOrJson,
    as_of_day,
)
from hcmlc.cli.runner import run_command
from hcmlc.i18n import N_

commands = typer.Typer()


@commands.command(
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
    output: DiagnosticsFormatOption = None,
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

    run_command(
        command.validate,
        lambda: command.ValidateOptions(
            paths=tuple(paths or ()),
            output=output.value if output else None,
            strict=strict,
            changed_since=changed_since,
            cache=not no_cache,
            indent=indent,
            fix=fix,
        ),
        root,
    )


@commands.command(
    help=N_("Who owes what in a cycle: supplied, missing, overdue, per agency and per criterion.")
)
def status(
    cycle: CycleOption = None,
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

    run_command(
        command.show_status,
        lambda: command.StatusOptions(
            as_of=as_of_day(as_of),
            cycle=cycle,
            agency=agency,
            output=output.value,
            cache=not no_cache,
            indent=indent,
            units=units,
            criteria=criteria,
        ),
        root,
    )
