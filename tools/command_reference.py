"""The command reference, from the Typer app itself: every command (and subcommand), its usage,
its help and every option and argument with its help, in Vietnamese and English. Written by
tools/docs_pages.py into docs/reference/commands.md and commands.en.md."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer

from hcmlc.cli.app import app
from hcmlc.cli.language import translate_help
from hcmlc.i18n import use_language

TITLE = {"vi": "Các lệnh", "en": "Commands"}
INTRO = {
    "vi": "Mọi lệnh và tùy chọn của hcmlc, tạo tự động từ chính chương trình (như `hcmlc "
    "LỆNH --help` hiển thị). Tùy chọn chung (`--lang`, `--debug`) đặt ngay sau `hcmlc`, "
    "trước tên lệnh.",
    "en": "Every command and option of hcmlc, generated from the program itself (as `hcmlc "
    "COMMAND --help` shows them). The global options (`--lang`, `--debug`) go right after "
    "`hcmlc`, before the command.",
}
HEADS = {"vi": ("Tùy chọn", "Ý nghĩa"), "en": ("Option", "Meaning")}
USAGE = {"vi": "Cách dùng", "en": "Usage"}


def commands() -> Iterator[tuple[str, Any, Any]]:
    """`hcmlc`, then every command and subcommand, as (its path, itself, its context). Typer
    carries its own copy of click, so its objects are taken as they come (duck-typed)."""
    root = typer.main.get_command(app)
    stack = [("hcmlc", root, root.context_class(root, info_name="hcmlc"))]
    while stack:
        path, command, ctx = stack.pop(0)
        yield path, command, ctx
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not sub.hidden:
                    context = sub.context_class(sub, info_name=name, parent=ctx)
                    stack.append((f"{path} {name}", sub, context))


def options(command: Any, ctx: Any) -> list[Any]:
    """The command's arguments and options, but --help."""
    return [p for p in command.get_params(ctx) if "--help" not in getattr(p, "opts", ())]


def _cell(text: str) -> str:
    return " ".join(text.replace("\b", "").split()).replace("|", "\\|")


def row(param: Any, ctx: Any) -> tuple[str, str]:
    """An option's names with its value (`--format [text|json|github]`) and its help, as
    `--help` prints them (choices and default included); an argument's name."""
    record = param.get_help_record(ctx)
    if record is None:
        return " ".join(param.get_usage_pieces(ctx)), ""
    names, text = record
    return names, text


def reference(lang: str) -> str:
    """The Markdown of the command reference in `lang`."""
    use_language(lang)  # type: ignore[arg-type]
    try:
        lines = [f"# {TITLE[lang]}", "", INTRO[lang], ""]
        for path, command, ctx in commands():
            lines += [f"## `{path}`", ""]
            usage = " ".join(command.collect_usage_pieces(ctx))
            lines += [f"{USAGE[lang]}: `{path} {usage}`", ""]
            translate_help(command, ctx)
            if command.help:
                lines += [command.help.replace("\b", "").strip(), ""]
            params = options(command, ctx)
            if params:
                head, meaning = HEADS[lang]
                lines += [f"| {head} | {meaning} |", "|---|---|"]
                for param in params:
                    names, text = row(param, ctx)
                    lines.append(f"| `{names}` | {_cell(text) or '—'} |")
                lines.append("")
        return "\n".join(lines)
    finally:
        use_language(None)
