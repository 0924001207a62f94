"""`hcmlc translation`: the form's answers to a translator and back (XLIFF 1.2 or a workbook)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.language import LocalizedGroup
from hcmlc.cli.options import ApplicationCycleOption, RootOption
from hcmlc.cli.runner import run_command
from hcmlc.i18n import N_

translation_app = typer.Typer(
    name="translation",
    cls=LocalizedGroup,
    no_args_is_help=True,
    help=N_("The form's answers to a translator and back: XLIFF 1.2 or a workbook."),
)


class TranslationFormat(StrEnum):
    xliff = "xliff"
    xlsx = "xlsx"


@translation_app.command(
    "export", help=N_("Write the answers to translate, with their state, for the translator.")
)
def export_command(
    output: Annotated[
        TranslationFormat, typer.Option("--format", help=N_("XLIFF 1.2 or an Excel workbook."))
    ] = TranslationFormat.xliff,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=N_("Where to write it (default: translation-<cycle>.xlf or .xlsx)."),
            dir_okay=False,
        ),
    ] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help=N_("Only this agency's answers."))
    ] = None,
    cycle: ApplicationCycleOption = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import translation as command

    run_command(
        command.export_answers,
        lambda: command.TranslationExportOptions(output.value, out, agency, cycle),
        root,
    )


@translation_app.command(
    "import",
    help=N_("Read a returned XLIFF file or workbook: write the English, record the translations."),
)
def import_command(
    path: Annotated[Path, typer.Argument(help=N_("The file the translator or verifier returned."))],
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help=N_("Who translated; for segments marked final, the verifier's reviewer."),
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help=N_("Judge the file, write nothing."))
    ] = False,
    cycle: ApplicationCycleOption = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import translation as command

    run_command(
        command.import_answers,
        lambda: command.TranslationImportOptions(path, by, check, cycle),
        root,
    )
