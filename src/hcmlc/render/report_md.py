"""The progress report in Markdown, through the Jinja template in templates/.

The charts are PNG files in a folder beside the Markdown file, linked by relative paths, so the
report reads the same on GitHub, in an editor's preview or converted by pandoc.
"""

from __future__ import annotations

import re
from pathlib import Path

from hcmlc.errors import BrokenTemplate
from hcmlc.report import COUNTED, ProgressReport

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


def render_markdown(report: ProgressReport, chart_paths: dict[str, str], template: Path) -> str:
    """The Markdown text of `report`; `chart_paths` maps indicator id → relative image path."""
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
    environment.filters["md"] = escape
    environment.filters["cell"] = lambda text: escape(text).replace("\n", " ")
    try:
        source = environment.from_string(template.read_text(encoding="utf-8"))
        text = source.render(
            title=report.title,
            city=report.city,
            l=report.labels,
            s=report.status_words,
            statuses=[s.value for s in COUNTED],
            compared=report.compared,
            illustrative=report.illustrative,
            summary=report.summary,
            total=report.total,
            standards=report.standards,
            charts=[
                {"caption": c.caption, "path": chart_paths[c.indicator]} for c in report.charts
            ],
            unmet=report.unmet,
            missing_intro=report.missing_intro,
            missing=report.missing,
            city_figures=report.city_figures,
            city_figures_intro=report.city_figures_intro,
        )
    except TemplateError as exc:
        raise BrokenTemplate(template, exc, word=False) from None
    return re.sub(r"\n{3,}", "\n\n", text)


def escape(text: object) -> str:
    """`text` with Markdown's special characters escaped, so it prints as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))
