"""The commands of the agencies' Excel workbooks: write them, and import the returned ones."""

from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.options import (
    AgencyOrAllOption,
    CycleOption,
    DiagnosticsFormatOption,
    Language,
    RootOption,
    received_day,
)
from hcmlc.cli.runner import run_command
from hcmlc.i18n import N_

commands = typer.Typer()


@commands.command(
    help=N_(
        "Write an agency's Excel workbook: what it owes in a cycle, with drop-downs and ranges, "
        "pre-filled with what it supplied; --all writes one for every agency that owes."
    )
)
def workbook(
    agency: AgencyOrAllOption = None,
    every: Annotated[
        bool, typer.Option("--all", help=N_("One workbook for every agency that owes."))
    ] = False,
    cycle: CycleOption = None,
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

    run_command(
        command.write_workbooks,
        lambda: command.WorkbookOptions(agency, every, cycle, out, lang.value),
        root,
    )


@commands.command(
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
    output: DiagnosticsFormatOption = None,
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

    run_command(
        command.import_returned,
        lambda: command.ImportOptions(
            paths=tuple(paths),
            received=received_day(received),
            check=check,
            cycle=cycle,
            agency=agency,
            output=output.value if output else None,
            repair_to=repair_to,
            receipts=receipts,
        ),
        root,
    )
