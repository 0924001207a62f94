"""What the filled membership form holds: its sections and boxes, each box's answers, fields,
figure, photos, and the gaps that say why a box is not ready (`render/form_docx.py` draws it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hcmlc.i18n import Lang

GapKind = Literal["missing", "words", "untranslated", "unreadable", "photos", "translation"]


@dataclass(frozen=True)
class Gap:
    """Why a box is not ready: shown highlighted in the document, listed on the terminal."""

    question: str
    kind: GapKind
    note: str
    agencies: tuple[str, ...] = ()
    """The owners whose answer the gap is about (none: the box as a whole, e.g. the combined
    word count of several answers)."""


@dataclass(frozen=True)
class Contribution:
    """One agency's answer, as paragraphs (each a list of lines)."""

    agency: str
    paragraphs: list[list[str]]


@dataclass(frozen=True)
class FieldValue:
    """One line of a contact block."""

    label: str
    value: str | None


@dataclass(frozen=True)
class Figure:
    """A figure of the city profile with its year and where it came from."""

    value: str
    year: int
    source: str | None = None


@dataclass(frozen=True)
class PhotoBox:
    """A photograph to embed, with its caption and copyright."""

    path: Path
    caption: str
    copyright: str


@dataclass
class Box:
    """One question of the form and what fills it."""

    id: str
    kind: str
    text: str
    guidance: str | None
    limit: str | None
    owners: str
    contributions: list[Contribution] = field(default_factory=list)
    fields: list[FieldValue] = field(default_factory=list)
    options: list[tuple[str, bool]] = field(default_factory=list)
    figure: Figure | None = None
    date: str | None = None
    photos: list[PhotoBox] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Remarks for the coordinator that are not gaps (e.g. answers to merge)."""


@dataclass(frozen=True)
class SectionBox:
    """One section of the form: its title, guidance and boxes."""

    id: str
    title: str
    guidance: str | None
    boxes: list[Box]
    is_table: bool
    """Whether every question is a figure, so the section prints as one table."""


@dataclass(frozen=True)
class FilledForm:
    """The whole form in one language, ready to render."""

    lang: Lang
    cycle: str
    city: str
    text: dict[str, str]
    sections: list[SectionBox]

    @property
    def gaps(self) -> list[Gap]:
        return [gap for section in self.sections for box in section.boxes for gap in box.gaps]
