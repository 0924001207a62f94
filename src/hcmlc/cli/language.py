"""Typer in the chosen language: the language is settled before the command line is parsed,
and help texts (English msgids, marked with `N_` in cli.py) are translated when shown.

The interface speaks `hcmlc --lang`, else `$HCMLC_LANG`, else the language of the document asked
for (`fill-form --lang`), else the locale's, else Vietnamese.

Typer builds its Click commands from texts fixed at import time, so translating them then would
freeze the language of whoever imported hcmlc first; translating at display time follows
`--lang` on every run, in-process tests included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from hcmlc.i18n import N_, _, resolve_language, use_language

LANG_OPTION = "--lang"
HELP_OPTION = "--help"

_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
"""Typer's own words around help and usage errors, by the name of the `typer.rich_utils` constant
that holds them. Set only when help or an error is shown: importing rich_utils costs a run that
shows neither some 40 ms."""

N_("Show this message and exit.")  # the help of Typer's --help, translated with the others

_SOURCE_HELP = "_hcmlc_source_help"


def languages_in(args: Sequence[str]) -> tuple[str | None, str | None]:
    """The values of `--lang` before the command (the interface's) and after it (fill-form's,
    the document's), as typed."""
    found: list[str | None] = [None, None]
    after_command = False
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == LANG_OPTION and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            value = arg.partition("=")[2]
        elif not arg.startswith("-") and args[index - 1 : index] != [LANG_OPTION]:
            after_command = True
        if value is not None and found[after_command] is None:
            found[after_command] = value
    return found[0], found[1]


class LocalizedGroup(TyperGroup):
    """The `hcmlc` group: picks the language first, and shows every help text translated."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Any = None,
        **extra: Any,
    ) -> Any:
        if parent is None:  # the whole command line, before Click parses any of it
            interface, document = languages_in(args)
            use_language(resolve_language(interface, suggested=document))
            if not args or HELP_OPTION in args:
                translate_typer_words()
        with _typer_words_on_error():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _typer_words_on_error():
            return super().invoke(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            translate_help(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        translate_help(self, ctx)
        translate_typer_words()
        super().format_help(ctx, formatter)


def translate_typer_words() -> None:
    from typer import rich_utils

    for name, text in _TYPER_WORDS.items():
        setattr(rich_utils, name, _(text))


@contextmanager
def _typer_words_on_error() -> Iterator[None]:
    """Translate Typer's words before it reports a usage error (any exception but an exit)."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except Exception:
        translate_typer_words()
        raise


def translate_help(command: Any, ctx: typer.Context) -> None:
    """Set the help of `command` and of its options to the current language."""
    for item in (command, *command.get_params(ctx)):
        source = item.__dict__.setdefault(_SOURCE_HELP, getattr(item, "help", None))
        if source:
            item.help = _(source)
