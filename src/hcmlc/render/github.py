"""Diagnostics for GitHub Actions: workflow commands that annotate lines, and a step summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import _, counted, current_language
from hcmlc.render.diagnostics import SEVERITY_WORDS, summary_line
from hcmlc.render.escape import inert_markdown, inert_message, markdown_code, visible

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def render_github(console: Console, problems: Sequence[Diagnostic], files: int) -> None:
    """One `::error file=…,line=…,col=…::…` line per problem, then the plain summary line."""
    for p in problems:
        console.file.write(annotation(p) + "\n")
    console.file.write(summary_line(problems, files) + "\n")


MAX_SUMMARY_ROWS = 1_000
"""Problems listed in the job summary's table; GitHub takes at most 1 MiB of summary a step."""
MAX_SUMMARY_BYTES = 900_000
"""Bytes of UTF-8 the summary may take, whatever its rows hold (a row quotes a message and a
hint, each of any length a file name or key gives it): under GitHub's 1 MiB, with room for
the closing note."""


def annotation(p: Diagnostic) -> str:
    """The workflow command that annotates `p`'s line in a pull request; a workbook has no lines
    GitHub can show, so a cell's annotation is on the file and names the cell first. What comes
    from input is made visible first (a NUL, ESC, NEL or U+2028 in a key would end or garble
    the command), then escaped as GitHub asks; only the line break before the hint is hcmlc's
    own."""
    properties = {"file": visible(p.path)}
    if p.sheet is None:
        properties |= {"line": str(p.line), "col": str(p.column)}
    properties["title"] = f"{p.code} {p.rule}"
    hint = "\n" + _("hint: {hint}").format(hint=visible(p.hint)) if p.hint else ""
    cell = "" if p.sheet is None else f"{visible(p.place)}: "
    text = f"{cell}{visible(p.message)} [{p.code}]{hint}"
    listed = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMAND[p.severity]} {listed}::{_escape_data(text)}"


def step_summary(problems: Sequence[Diagnostic], files: int, catalog: Catalog | None) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: counts, who must fix which file, every problem (the
    first MAX_SUMMARY_ROWS). Every text from input is inert: a file name or key holding
    `<!--`, backticks, a link, an image or HTML shows as written."""
    lines = [f"### hcmlc validate: {summary_line(problems, files)}", ""]
    if not problems:
        return "\n".join(lines)
    budget = _Budget(lines)
    budget.add(_("Who must fix what:"), "")
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for p in problems:
        by_file[p.path].append(p)
    for path, mine in sorted(by_file.items()):
        errors = sum(p.severity is Severity.ERROR for p in mine)
        tally = ", ".join(
            (
                counted(errors, "{n} error", "{n} errors"),
                counted(len(mine) - errors, "{n} warning", "{n} warnings"),
            )
        )
        if not budget.add(f"- {markdown_code(path)}: {responsible(path, catalog)} — {tally}"):
            break
    headings = (_("file"), _("line"), _("severity"), _("code"), _("message"), _("hint"))
    budget.add("", "| " + " | ".join(headings) + " |", "|---|---|---|---|---|---|")
    listed = 0
    for p in problems[:MAX_SUMMARY_ROWS]:
        severity = _(SEVERITY_WORDS[p.severity])
        line = str(p.line) if p.sheet is None else markdown_code(p.place)
        cells = (markdown_code(p.path), line, severity, p.code)
        shown = (*cells, inert_message(p.message), inert_message(p.hint or ""))
        if not budget.add("| " + " | ".join(shown) + " |"):
            break
        listed += 1
    if len(problems) > listed:
        more = counted(len(problems) - listed, "{n} problem", "{n} problems")
        lines += ["", _("{more} more: see the log of this step.").format(more=more)]
    return "\n".join(lines + [""])


class _Budget:
    """Lines added while they fit in MAX_SUMMARY_BYTES; once one does not, none is."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.size = sum(len(line.encode("utf-8")) + 1 for line in lines)
        self.full = False

    def add(self, *lines: str) -> bool:
        size = sum(len(line.encode("utf-8")) + 1 for line in lines)
        if self.full or self.size + size > MAX_SUMMARY_BYTES:
            self.full = True
            return False
        self.lines += lines
        self.size += size
        return True


def responsible(path: str, catalog: Catalog | None) -> str:
    """Who fixes `path`, as inert Markdown: the agency a submission file is named after, or
    the coordinator."""
    parts = PurePosixPath(path).parts
    if parts[:1] == ("submissions",) and len(parts) == 3:
        agency = PurePosixPath(parts[2]).stem
        if catalog and agency in catalog.agencies:
            name = catalog.agency_name(agency, current_language())
            return f"{inert_markdown(name)} ({markdown_code(agency)})"
        note = inert_markdown(_("(not in data/assignments.yaml)"))
        return f"{markdown_code(agency)} {note}"
    if parts[:1] in (("data",), ("reports",)):  # the registry, the targets, the report's words
        return inert_markdown(_("the coordinator"))
    return inert_markdown(_("the author of the change"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
