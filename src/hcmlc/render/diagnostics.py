"""Reporters of diagnostics: compiler-style text, or JSON for machines (GitHub: render/github)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import N_, _, counted
from hcmlc.render.escape import json_text, visible

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}
"""How text output names a severity; JSON and GitHub keep `error` and `warning`."""


def summary(problems: Sequence[Diagnostic], files: int) -> dict[str, int]:
    return {
        "errors": sum(p.severity is Severity.ERROR for p in problems),
        "warnings": sum(p.severity is Severity.WARNING for p in problems),
        "files": files,
    }


def render_text(console: Console, problems: Sequence[Diagnostic], files: int) -> None:
    """`path:line:column: severity: message [code]` (a workbook: `path:sheet!cell: …`), then an
    indented hint; one line each, as a line break or an escape sequence from a key or a file
    name is shown, not obeyed."""
    for p in problems:
        line = Text(f"{visible(p.path)}:{p.place}: ")
        line.append(_(SEVERITY_WORDS[p.severity]), style=_STYLE[p.severity])
        line.append(f": {visible(p.message)} [{p.code}]")
        console.print(line, soft_wrap=True)  # one problem, one line, however long its path
        if p.hint:
            hint = Text("    " + _("hint: {hint}").format(hint=visible(p.hint)), style="dim")
            console.print(hint, soft_wrap=True)
    console.print(Text(summary_line(problems, files), style="" if problems else "green"))


def summary_line(problems: Sequence[Diagnostic], files: int) -> str:
    """`2 errors, 1 warning in 3 files checked`, or `No problems found in 3 files.`"""
    shown_files = counted(files, "{n} file", "{n} files")
    if not problems:
        return _("No problems found in {files}.").format(files=shown_files)
    counts = summary(problems, files)
    return _("{errors}, {warnings} in {files} checked").format(
        errors=counted(counts["errors"], "{n} error", "{n} errors"),
        warnings=counted(counts["warnings"], "{n} warning", "{n} warnings"),
        files=shown_files,
    )


def render_json(
    console: Console, problems: Sequence[Diagnostic], files: int, indent: int | None = None
) -> None:
    document = {"problems": [p.as_dict() for p in problems], "summary": summary(problems, files)}
    write_json(console, document, indent)


def write_json(console: Console, document: object, indent: int | None = None) -> None:
    """JSON straight to the console's stream: no wrapping, no colour, UTF-8 kept readable, and
    no control or line-separating character left raw. Compact on one line (written by the C
    encoder, several times faster at city scale), unless `indent` asks for lines."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)
    console.file.write(json_text(text) + "\n")
