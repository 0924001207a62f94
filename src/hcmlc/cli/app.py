"""The `hcmlc` command line: the app and its options, with the commands of cli/*_commands.py,
review.py and translation.py added in the order `hcmlc --help` lists them.

The modules that define commands evaluate their annotations once, when imported (they do not
use `from __future__ import annotations`): Typer reads each command's signature twice
(`inspect.signature(eval_str=True)` and `get_type_hints`), which would evaluate every string
annotation, and build every option in it, twice on each run (a third of `hcmlc --help`'s
own work)."""

import io
import sys
from typing import Annotated

import typer

from hcmlc import __version__
from hcmlc.cli import (
    check_commands,
    crash,
    document_commands,
    repository_commands,
    workbook_commands,
)
from hcmlc.cli.language import LocalizedGroup
from hcmlc.cli.options import Language
from hcmlc.cli.review import review_app
from hcmlc.cli.translation import translation_app
from hcmlc.i18n import N_, use_language

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


for _part in (check_commands, document_commands, repository_commands, workbook_commands):
    app.registered_commands.extend(_part.commands.registered_commands)
app.add_typer(review_app)
app.add_typer(translation_app)


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
