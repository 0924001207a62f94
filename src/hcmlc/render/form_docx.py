"""The filled form as a Word document, through the docxtpl template in templates/."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcmlc.documents.form_boxes import Box, FilledForm, SectionBox
from hcmlc.documents.form_words import label
from hcmlc.errors import HcmlcError
from hcmlc.files.photos import PhotoError, read_photo
from hcmlc.i18n import Lang
from hcmlc.render.docx_template import add_text, render_docx, rich_text
from hcmlc.render.escape import visible
from hcmlc.render.sandbox import Opaque

if TYPE_CHECKING:
    from docxtpl import DocxTemplate, RichText

GAP_STYLE = "Gap"
"""The template's character style of a gap's note (bold on yellow): a box still to fill."""
NOTE_STYLE = "Note"
"""The template's character style of a remark for the coordinator (bold on light blue)."""
SOURCE_STYLE = "Source"
"""The template's character style of a figure's source (italic, 9 pt)."""
PHOTO_WIDTH_MM = 150
CHECKED, UNCHECKED = "☒", "☐"


def render_form(form: FilledForm, template: Path) -> bytes:
    """The .docx bytes of `form` rendered through `template`."""
    return render_docx(template, lambda document: _Context(document, form.lang).of(form))


def opaque_rich(rich: RichText) -> Opaque:
    """A run of formatted text as the template gets it: printable, nothing else. Control
    characters from the data are shown (`\\x1b`); the paragraph breaks (`\\a`) are hcmlc's."""
    return Opaque(lambda: visible(rich.xml, keep="\a\t\n"))


def opaque_image(document: DocxTemplate, data: bytes, width_mm: int) -> Opaque:
    """An image as the template gets it: printable, nothing else (docxtpl's image object
    would lead the template to the whole document, and from there to any file)."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    image = InlineImage(document, io.BytesIO(data), width=Mm(width_mm))
    return Opaque(image.__html__)


class _Context:
    """Turns the form into what the template reads: plain strings, and opaque images and
    formatted texts."""

    def __init__(self, document: DocxTemplate, lang: Lang) -> None:
        self.document, self.lang = document, lang

    def of(self, form: FilledForm) -> dict[str, Any]:
        return {
            "t": form.text,
            "city": form.city,
            "cycle": form.cycle,
            "lang": form.lang,
            "sections": [self.section(s) for s in form.sections],
        }

    def section(self, section: SectionBox) -> dict[str, Any]:
        return {
            "id": section.id,
            "title": section.title,
            "guidance": section.guidance,
            "table": section.is_table,
            "boxes": [self.box(b) for b in section.boxes],
        }

    def box(self, box: Box) -> dict[str, Any]:
        return {
            "id": box.id,
            "kind": box.kind,
            "text": box.text,
            "guidance": box.guidance,
            "limit": box.limit,
            "answer": opaque_rich(self.answer(box)),
            "marker": _or_none(self.marker(box)),
            "fields": [
                {"label": f.label, "value": opaque_rich(self.field_value(f.value, box))}
                for f in box.fields
            ],
            "options": [
                {"label": text, "mark": CHECKED if chosen else UNCHECKED}
                for text, chosen in box.options
            ],
            "figure": opaque_rich(self.figure(box)),
            "year": str(box.figure.year) if box.figure else "",
            "date": box.date or "",
            "photos": [
                {
                    "image": opaque_image(self.document, _photo(p.path), PHOTO_WIDTH_MM),
                    "caption": p.caption,
                    "copyright": p.copyright,
                }
                for p in box.photos
            ],
        }

    def answer(self, box: Box) -> RichText:
        """A text or quote box: gaps and notes first, highlighted, then each contribution."""
        rich = self.marker(box)
        several = len(box.contributions) > 1
        for contribution in box.contributions:
            if several:
                _paragraph_break(rich)
                add_text(rich, contribution.agency, bold=True)
            for paragraph in contribution.paragraphs:
                _paragraph_break(rich)
                add_text(rich, "\n".join(paragraph))
        return rich

    def marker(self, box: Box) -> RichText:
        """The box's gaps (yellow) and notes (blue), one paragraph each; empty when ready.

        A contact box shows its missing fields in their own cells instead.
        """
        from docxtpl import RichText

        rich = RichText()
        gaps = [g.note for g in box.gaps if box.kind != "contact" or g.kind != "missing"]
        for text, style in [*((g, GAP_STYLE) for g in gaps), *((n, NOTE_STYLE) for n in box.notes)]:
            _paragraph_break(rich)
            add_text(rich, f"[{text}]", style=style)
        return rich

    def field_value(self, value: str | None, box: Box) -> RichText:

        if value is not None:
            return rich_text(value)
        note = label("missing-field", self.lang)
        owed = label("owed-by", self.lang, owners=box.owners)
        return rich_text(f"[{note} ({owed})]", style=GAP_STYLE)

    def figure(self, box: Box) -> RichText:

        if box.figure is None:
            return self.marker(box)
        rich = rich_text(box.figure.value)
        if box.figure.source:
            add_text(rich, f" ({box.figure.source})", style=SOURCE_STYLE)
        return rich


def _paragraph_break(rich: RichText) -> None:
    """Start a new paragraph unless the rich text is still empty (docxtpl reads "\\a")."""
    if rich.xml:
        rich.add("\a")


def _or_none(rich: RichText) -> Opaque | None:
    """None for an empty rich text, so that the template's `{%p if %}` drops its paragraph."""
    return opaque_rich(rich) if rich.xml else None


def _photo(path: Path) -> bytes:
    """The photo's bytes, read as validate read them (it may have changed since: then say so)."""
    try:
        return read_photo(path)
    except PhotoError as problem:
        raise HcmlcError(problem.message, problem.hint) from None
