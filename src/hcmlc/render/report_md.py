"""The progress report in Markdown, through the Jinja template in templates/.

The charts are PNG files in a folder beside the Markdown file, linked by relative paths, so the
report reads the same on GitHub, in an editor's preview or converted by pandoc. The template
reads the same plain data as the Word template (render/report_docx.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hcmlc.errors import BrokenTemplate
from hcmlc.report import COUNTED
from hcmlc.report_document import OfficialReport

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


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
    """`template` rendered with `context` in Jinja's sandbox, Markdown escaped by `md` (running
    text) and `cell` (a table cell); runs of blank lines become one."""
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
    environment.filters["md"] = escape
    environment.filters["cell"] = lambda text: escape(text).replace("\n", " ")
    try:
        source = environment.from_string(template.read_text(encoding="utf-8"))
        text = source.render(**context)
    except TemplateError as exc:
        raise BrokenTemplate(template, exc, word=False) from None
    return re.sub(r"\n{3,}", "\n\n", text)


def escape(text: object) -> str:
    """`text` with Markdown's special characters escaped, so it prints as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))
