"""A reminder as an official letter (.docx), through templates/reminder.docx.

The template sees plain data only; its layout is Decree 30/2020/NĐ-CP's letter (công văn), see
templates/build_templates.py and render/decree30.py.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from hcmlc.documents.reminders import Reminder
from hcmlc.files.docx_pack import pack
from hcmlc.files.docx_parts import Step
from hcmlc.render.docx_language import language
from hcmlc.render.docx_prepared import render_parts


def render_letter(reminder: Reminder, template: Path, lang: str, *finish: Step) -> bytes:
    """The .docx bytes of the letter of `reminder`, in `lang` and passed through the `finish`
    steps: the template parsed once for every letter (render/docx_prepared.py), the package
    zipped once."""
    parts = render_parts(template, context(reminder))
    for step in (language(lang), *finish):
        step(parts)
    return pack(parts)


def context(reminder: Reminder) -> dict[str, Any]:
    """What the letter's templates read: the same for the Word and the text renderings."""
    return {
        "h": asdict(reminder.heading),
        "s": asdict(reminder.signature),
        "l": reminder.labels,
        "agency": reminder.agency,
        "name": reminder.name,
        "basis": reminder.basis,
        "owed": reminder.owed,
        "items": [
            {"text": i.text, "deadline": i.deadline, "when": i.when, "item": i.obligation.item}
            for i in reminder.items
        ],
        "request": reminder.request,
    }
