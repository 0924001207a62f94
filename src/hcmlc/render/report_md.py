"""The progress report in Markdown, through the Jinja template in templates/.

The charts are PNG files in a folder beside the Markdown file, linked by relative paths, so the
report reads the same on GitHub, in an editor's preview or converted by pandoc. The template
renders in the sandbox (render/sandbox.py) and is given the report as plain data.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hcmlc.errors import BrokenTemplate, HcmlcError
from hcmlc.filesystem import TooLarge, read_regular
from hcmlc.i18n import _, grouped
from hcmlc.render.docx_template import template_fault
from hcmlc.render.escape import visible
from hcmlc.render.sandbox import Sandbox, located, plain
from hcmlc.render.sandbox_limits import MAX_SOURCE
from hcmlc.report import COUNTED, ProgressReport, SummaryRow

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$]|&(?=#?\w+;))")
"""What starts inline Markdown: escapes, code, emphasis, links, HTML, headings, tables,
strikethrough, math, and an `&` that would start an entity (`&amp;`)."""
_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-+.)])(?=\s|$)|^(\s*)([-=])(?=[-=\s]*$)")
"""At the start: a list item's marker (`- `, `+ `, `1. `, `2) `), or a line of `-` or `=`
alone (a rule, or an underline making the line before a heading)."""
_BREAKS = re.compile(r"\s*[\n\r\u2028\u2029\x85]\s*")


def render_markdown(report: ProgressReport, chart_paths: dict[str, str], template: Path) -> str:
    """The Markdown text of `report`; `chart_paths` maps indicator id → relative image path."""
    from jinja2 import TemplateError

    sandbox = Sandbox(autoescape=False, keep_trailing_newline=True)
    sandbox.add_filter("md", escape)
    sandbox.add_filter("cell", escape)
    context = plain(_context(report, chart_paths))
    try:
        text = sandbox.from_string(_source(template)).render(context)
    except Exception as exc:
        line = located(exc)
        if not isinstance(exc, TemplateError) and line is None:
            raise  # not the template's doing: a bug
        detail = str(exc) if isinstance(exc, TemplateError) else template_fault(exc)
        where = _("line {n}").format(n=line) if line else None
        raise BrokenTemplate(template, detail, where=where, word=False) from None
    return re.sub(r"\n{3,}", "\n\n", text)


def escape(text: object) -> str:
    """`text` as Markdown prints it as written, on one line: its special characters escaped,
    a list or heading marker at its start too, line breaks made spaces, controls shown."""
    one_line = _BREAKS.sub(" ", str(text))
    escaped = _MARKDOWN.sub(r"\\\1", visible(one_line))
    return _LINE_START.sub(lambda m: f"{m[1] or m[3] or ''}\\{m[2] or m[4]}", escaped)


def _source(template: Path) -> str:
    try:
        return read_regular(template, 4 * MAX_SOURCE).decode("utf-8")
    except TooLarge as exc:
        raise BrokenTemplate(
            template,
            _("it is {size} bytes, over the limit of {limit}").format(
                size=grouped(exc.size), limit=grouped(4 * MAX_SOURCE)
            ),
            word=False,
        ) from None
    except UnicodeDecodeError:
        raise BrokenTemplate(template, _("it is not UTF-8 text"), word=False) from None
    except OSError as exc:
        raise HcmlcError(
            _("cannot read the template {path}: {reason}").format(path=template, reason=exc),
            _("pass a Jinja template of Markdown with --template"),
        ) from None


def _context(report: ProgressReport, chart_paths: dict[str, str]) -> dict[str, Any]:
    """The report as the template reads it: texts, numbers, lists and mappings only."""
    return {
        "title": report.title,
        "city": report.city,
        "l": report.labels,
        "s": report.status_words,
        "statuses": [s.value for s in COUNTED],
        "compared": report.compared,
        "illustrative": report.illustrative,
        "summary": [_summary_row(row) for row in report.summary],
        "total": _summary_row(report.total),
        "standards": [asdict(standard) for standard in report.standards],
        "charts": [{"caption": c.caption, "path": chart_paths[c.indicator]} for c in report.charts],
        "unmet": [asdict(criterion) for criterion in report.unmet],
        "missing_intro": report.missing_intro,
        "missing": [asdict(group) for group in report.missing],
    }


def _summary_row(row: SummaryRow) -> dict[str, str]:
    """A row of the summary: its title, and its cell for each status (`row[status]`)."""
    return {"title": row.title, **{s.value: row.cell(s) for s in COUNTED}}
