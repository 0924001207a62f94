"""The documents a page links to: the filled form and the progress report, when they have been
built beside the page's folder under the names `fill-form` and `report` give them by default."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Literal

from hcmlc.core.catalog import Catalog
from hcmlc.core.open_cycles import INTERIM
from hcmlc.core.status import latest_cycle_asking
from hcmlc.dashboard.words import word
from hcmlc.errors import HcmlcError
from hcmlc.i18n import LANGUAGES, Lang
from hcmlc.models.registry import Cycle
from hcmlc.text.number_format import format_number

Kind = Literal["form", "report"]


@dataclass(frozen=True)
class Wanted:
    """A document the page links to if it exists: `gnlc-form-2023-vi.docx`."""

    kind: Kind
    ref: str
    """The form's cycle, or the report's year."""
    lang: Lang
    name: str


@dataclass(frozen=True)
class DocumentLink:
    href: str
    """Relative to the page: the document is published beside it."""
    lang: Lang
    language: str
    """The document's language, named in the page's: `tiếng Anh`."""
    details: str


@dataclass(frozen=True)
class DocumentGroup:
    """One document in each language found: `Progress report 2025: Vietnamese · English`."""

    text: str
    links: list[DocumentLink]


def wanted_documents(catalog: Catalog, cycle: Cycle, lang: Lang) -> list[Wanted]:
    """The form of the cycle (or, for a progress cycle, of the latest application) and the
    report of the cycle's last year, in each language: the page's language first."""
    form_cycle = cycle if cycle.deadlines.answers else _latest_application(catalog)
    year = str(cycle.last_year)
    languages = sorted(LANGUAGES, key=lambda language: language != lang)
    wanted = []
    if form_cycle is not None:
        wanted += [
            Wanted("form", form_cycle.id, x, f"gnlc-form-{form_cycle.id}-{x}.docx")
            for x in languages
        ]
    wanted += [Wanted("report", year, x, f"progress-report-{year}-{x}.docx") for x in languages]
    return wanted


def _latest_application(catalog: Catalog) -> Cycle | None:
    try:
        return latest_cycle_asking(catalog, "answer")
    except HcmlcError:  # no cycle asks for the form
        return None


def document_groups(
    found: list[tuple[Wanted, int]], lang: Lang, interim: Set[str] = frozenset()
) -> list[DocumentGroup]:
    """The documents found (each with its size in bytes), one group per document, worded in
    `lang`, in the order of `wanted_documents`; the report of a year in `interim` is marked so,
    as its title is."""
    groups: dict[tuple[str, str], DocumentGroup] = {}
    for wanted, size in found:
        key = (wanted.kind, wanted.ref)
        if key not in groups:
            if wanted.kind == "form":
                text = word("doc-form", lang, cycle=wanted.ref)
            else:
                text = word("doc-report", lang, year=wanted.ref)
                text += INTERIM[lang] if wanted.ref in interim else ""
            groups[key] = DocumentGroup(text, [])
        details = word("doc-details", lang, size=size_text(size, lang))
        language = word(f"lang-{wanted.lang}", lang)
        groups[key].links.append(DocumentLink(wanted.name, wanted.lang, language, details))
    return list(groups.values())


def size_text(size: int, lang: Lang) -> str:
    """`45 KB`; `1,2 MB` (vi) or `1.2 MB` (en)."""
    if size < 1_000_000:
        return f"{format_number(max(round(size / 1000), 1), lang)} KB"
    return f"{format_number(round(size / 1_000_000, 1), lang)} MB"
