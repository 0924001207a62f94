"""Rendering a docxtpl template of templates/ into .docx bytes, safely.

The template is Jinja inside .docx (see templates/build_templates.py for the sources). It is
rendered in a sandboxed, autoescaping Jinja environment: texts from the data are never template
code, and a template cannot call into Python.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcmlc.errors import BrokenTemplate

if TYPE_CHECKING:
    from docxtpl import DocxTemplate


def render_docx(template: Path, context_of: Callable[[DocxTemplate], dict[str, Any]]) -> bytes:
    """The .docx bytes of `template` rendered with the context `context_of` builds for it (the
    document is needed to embed images)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    try:
        document = DocxTemplate(template)
        document.render(context_of(document), SandboxedEnvironment(autoescape=True))
    except TemplateError as exc:
        raise BrokenTemplate(template, exc) from None
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
