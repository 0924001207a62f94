"""Diagnostics for GitHub Actions: workflow commands that annotate lines, and a step summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from rich.console import Console

from hcmlc.catalog import Catalog
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import _, counted, current_language
from hcmlc.render.diagnostics import SEVERITY_WORDS, summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def render_github(console: Console, problems: Sequence[Diagnostic], files: int) -> None:
    """One `::error file=…,line=…,col=…::…` line per problem, then the plain summary line."""
    for p in problems:
        console.file.write(annotation(p) + "\n")
    console.file.write(summary_line(problems, files) + "\n")


def annotation(p: Diagnostic) -> str:
    """The workflow command that annotates `p`'s line in a pull request; a workbook has no lines
    GitHub can show, so a cell's annotation is on the file and names the cell first."""
    properties = {"file": p.path}
    if p.sheet is None:
        properties |= {"line": str(p.line), "col": str(p.column)}
    properties["title"] = f"{p.code} {p.rule}"
    hint = "\n" + _("hint: {hint}").format(hint=p.hint) if p.hint else ""
    cell = "" if p.sheet is None else f"{p.place}: "
    text = f"{cell}{p.message} [{p.code}]{hint}"
    listed = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMAND[p.severity]} {listed}::{_escape_data(text)}"


def step_summary(problems: Sequence[Diagnostic], files: int, catalog: Catalog | None) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: counts, who must fix which file, every problem."""
    lines = [f"### hcmlc validate: {summary_line(problems, files)}", ""]
    if not problems:
        return "\n".join(lines)
    lines += [_("Who must fix what:"), ""]
    for path in sorted({p.path for p in problems}):
        mine = [p for p in problems if p.path == path]
        errors = sum(p.severity is Severity.ERROR for p in mine)
        tally = ", ".join(
            (
                counted(errors, "{n} error", "{n} errors"),
                counted(len(mine) - errors, "{n} warning", "{n} warnings"),
            )
        )
        lines.append(f"- `{path}`: {responsible(path, catalog)} — {tally}")
    headings = (_("file"), _("line"), _("severity"), _("code"), _("message"), _("hint"))
    lines += ["", "| " + " | ".join(headings) + " |", "|---|---|---|---|---|---|"]
    for p in problems:
        severity = _(SEVERITY_WORDS[p.severity])
        line = str(p.line) if p.sheet is None else p.place
        cells = (f"`{p.path}`", line, severity, p.code, p.message, p.hint or "")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines + [""])


def responsible(path: str, catalog: Catalog | None) -> str:
    """Who fixes `path`: the agency a submission file is named after, or the coordinator."""
    parts = PurePosixPath(path).parts
    if parts[:1] == ("submissions",) and len(parts) == 3:
        agency = PurePosixPath(parts[2]).stem
        if catalog and agency in catalog.agencies:
            return f"{catalog.agency_name(agency, current_language())} (`{agency}`)"
        return _("`{agency}` (not in data/assignments.yaml)").format(agency=agency)
    if parts[:1] in (("data",), ("reports",)):  # the registry, the targets, the report's words
        return _("the coordinator")
    return _("the author of the change")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")
