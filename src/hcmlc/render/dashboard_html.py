"""The status page as one self-contained HTML file: the template and stylesheet shipped with
hcmlc, rendered in Jinja's sandbox with autoescape, charts drawn inline (render/svg.py).

The page fetches nothing: its Content-Security-Policy allows no script, image, font or
connection, and only the page's own stylesheet (by its hash), so even a link in the data
cannot make a reader's browser load anything.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from importlib import resources
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from hcmlc import __version__
from hcmlc.core.status import Tally
from hcmlc.dashboard.page import Dashboard
from hcmlc.dashboard.targets import StatusCount, TargetIndicator
from hcmlc.errors import BrokenTemplate
from hcmlc.i18n import Lang
from hcmlc.render import svg
from hcmlc.text.number_format import format_number

if TYPE_CHECKING:
    from jinja2 import Template

TEMPLATE = "dashboard.html.j2"
STYLESHEET = "dashboard.css"
_BACKTICKS = re.compile(r"`([^`]+)`")
COLUMNS = ("owed", "supplied", "missing", "overdue", "late")
"""The counts of each delivery table, in order."""


def render_dashboard(page: Dashboard) -> str:
    """The HTML text of `page`."""
    from jinja2 import TemplateError

    css = _read(STYLESHEET)
    try:
        return _template(page.lang).render(
            d=page,
            l=page.labels,
            css=Markup(css),
            style_hash=style_hash(css),
            version=__version__,
            patterns=svg.PATTERNS,
            fills=svg.DELIVERY_FILLS,
            columns=COLUMNS,
            bar=_bar,
            status_bar=_status_bar,
            swatch=svg.swatch,
            sparkline=_sparkline,
        )
    except TemplateError as exc:  # pragma: no cover - the template ships with hcmlc
        raise BrokenTemplate(TEMPLATE, exc, word=False) from None


@functools.cache
def _template(lang: Lang) -> Template:
    """The page's template, compiled once per process and language (the compiled template and
    its environment are only read while rendering: a page's data is given to `render`)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined
    )
    environment.filters["num"] = lambda n: format_number(n, lang)
    environment.filters["code"] = code_spans
    return environment.from_string(_read(TEMPLATE))


def code_spans(text: str) -> Markup:
    """The page's own sentence `text`, escaped, with each `command` between backticks set as
    code; never applied to texts from the data."""
    return Markup(_BACKTICKS.sub(r"<code>\1</code>", str(escape(text))))


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this stylesheet: `sha256-<base64>`."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"sha256-{base64.b64encode(digest).decode('ascii')}"


def _read(name: str) -> str:
    return resources.files("hcmlc.render").joinpath(name).read_text(encoding="utf-8")


def _bar(tally: Tally) -> Markup:
    return svg.stacked_bar(svg.delivery_segments(tally))


def _status_bar(counts: list[StatusCount]) -> Markup:
    return svg.stacked_bar([svg.Segment(c.count, c.status.value) for c in counts])


def _sparkline(indicator: TargetIndicator) -> Markup:
    return svg.sparkline(indicator.series, indicator.goal)
