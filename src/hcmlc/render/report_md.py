"""The progress report in Markdown, through the Jinja template in templates/.

The charts are PNG files in a folder beside the Markdown file, linked by relative paths, so the
report reads the same on GitHub, in an editor's preview or converted by pandoc. The template
reads the same plain data as the Word template (render/report_docx.py) and renders in the
sandbox (render/sandbox.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from hcmlc.documents.report_content import COUNTED
from hcmlc.documents.report_document import OfficialReport
from hcmlc.errors import BrokenTemplate, HcmlcError
from hcmlc.files.filesystem import TooLarge, read_regular
from hcmlc.i18n import _, grouped
from hcmlc.render.budget import bounded
from hcmlc.render.docx_template import template_fault
from hcmlc.render.escape import visible
from hcmlc.render.sandbox import Sandbox, located, plain
from hcmlc.render.sandbox_limits import MAX_SOURCE

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$]|&(?=#?\w+;))")
"""What starts inline Markdown: escapes, code, emphasis, links, HTML, headings, tables,
strikethrough, math, and an `&` that would start an entity (`&amp;`)."""
_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-+.)])(?=\s|$)|^(\s*)([-=])(?=[-=\s]*$)")
"""At the start: a list item's marker (`- `, `+ `, `1. `, `2) `), or a line of `-` or `=`
alone (a rule, or an underline making the line before a heading)."""
_BREAKS = re.compile(r"\s*[\n\r\u2028\u2029\x85]\s*")


def render_markdown(document: OfficialReport, chart_paths: dict[str, str], template: Path) -> str:
    """The Markdown text of `document`; `chart_paths` maps indicator id → relative image path."""
    from hcmlc.render.report_docx import context

    found = context(document)
    found["statuses"] = [s.value for s in COUNTED]
    found["charts"] = [
        {"caption": c.caption, "path": chart_paths[c.indicator]} for c in document.report.charts
    ]
    return render_text(template, found)


def render_text(template: Path, context: dict[str, Any]) -> str:
    """`template` rendered with `context` in the sandbox, Markdown escaped by `md` (running
    text) and `cell` (a table cell); runs of blank lines become one."""
    from jinja2 import TemplateError

    sandbox = Sandbox(autoescape=False, keep_trailing_newline=True)
    sandbox.add_filter("md", escape)
    sandbox.add_filter("cell", escape)
    try:
        compiled = sandbox.from_string(_source(template))
        with bounded():
            text = compiled.render(plain(context))
    except Exception as exc:
        line = located(exc)
        if not isinstance(exc, (TemplateError, MemoryError)) and line is None:
            raise  # not the template's doing: a bug
        detail = str(exc) if isinstance(exc, TemplateError) else template_fault(exc)
        where = _("line {n}").format(n=line) if line else None
        raise BrokenTemplate(template, detail, where=where, word=False) from None
    return re.sub(r"\n{3,}", "\n\n", text)


def escape(text: object) -> str:
    """`text` as Markdown prints it as written, on one line: its special characters escaped,
    a list or heading marker at its start too, line breaks made spaces, controls shown."""
    found = str(text)
    return _remembered(found) if len(found) <= _REMEMBERED else _escaped(found)


_REMEMBERED = 1_000
"""The length of the longest text whose escape is remembered (`_remembered`)."""


def _escaped(text: str) -> str:
    one_line = _BREAKS.sub(" ", text)
    escaped = _MARKDOWN.sub(r"\\\1", visible(one_line))
    return _LINE_START.sub(lambda m: f"{m[1] or m[3] or ''}\\{m[2] or m[4]}", escaped)


_remembered = lru_cache(maxsize=4096)(_escaped)
"""`_escaped`, remembered for the texts of a run: the letters of one `remind` print the same
names and titles again and again (the bundled city's 195 letters, some 50 texts each)."""


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
