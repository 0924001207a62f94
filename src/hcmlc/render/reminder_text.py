"""A reminder as text: Markdown for pasting, which is also the body of the e-mail draft.

Rendered from templates/reminder.md.j2 in Jinja's sandbox; texts from the data are escaped so
that they print as written.
"""

from __future__ import annotations

from pathlib import Path

from hcmlc.documents.reminders import Reminder
from hcmlc.render.reminder_docx import context
from hcmlc.render.report_md import render_text


def render_reminder_text(reminder: Reminder, template: Path) -> str:
    """The Markdown text of the letter of `reminder`."""
    return render_text(template, context(reminder))
