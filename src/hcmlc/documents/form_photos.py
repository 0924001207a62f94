"""A photo of a `photos` answer placed in its box of the membership form: its file read as an
image, its caption and copyright in the form's language, a gap when either is missing."""

from __future__ import annotations

from pathlib import Path

from hcmlc.documents.form_boxes import Box, PhotoBox
from hcmlc.documents.form_gaps import Gaps
from hcmlc.documents.form_words import label
from hcmlc.files.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.models.submission import Photo


def place_photo(box: Box, photo: Photo, root: Path, gaps: Gaps) -> None:
    """Add `photo` (its file below `root`) to `box`, or note on the box why it cannot be."""
    lang = gaps.lang
    try:
        path = inspect_photo(locate_photo(root, photo.path)).path
    except PhotoError:
        gaps.add(box, "unreadable", label("photo-file", lang, path=photo.path))
        return
    caption = ""
    if photo.caption is not None:
        caption = photo.caption.get(lang)
        if lang == "en" and photo.caption.en is None:
            gaps.add(box, "untranslated", f"{label('untranslated-caption', 'en')}: {photo.path}")
    rights = photo.copyright.get(lang) if photo.copyright else ""
    if lang == "en" and photo.copyright and photo.copyright.en is None:
        gaps.add(box, "untranslated", f"{label('untranslated-copyright', 'en')}: {photo.path}")
    box.photos.append(PhotoBox(path, caption, rights))
