"""A Word template parsed once and rendered again and again: `remind` writes the same letter
for every agency.

Each document is rendered as `docx_template.render_docx` renders it — the same checks of the
file and of its tags, docxtpl's own steps, the sandbox with a budget of its own per document,
the same located errors — with what does not depend on the data done once per template's bytes:
reading and checking the file, python-docx's parse of the package, the parts' sources as
docxtpl prepares them for Jinja, and the parts rendering leaves alone, as python-docx writes
them. A document's own parts (the body, headers and footers, properties, footnotes) are
rendered from fresh copies, and are what `render_docx` would have saved. For plain data only:
an image or a link needs the document itself (`render_docx`). Not for several threads at once.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hcmlc.files.docx_parts import Parts
from hcmlc.kept import Kept
from hcmlc.render.budget import bounded
from hcmlc.render.docx_template import (
    RecordingSandbox,
    broken,
    document_text,
    opened,
    read_template,
    render_docx,
)
from hcmlc.render.sandbox import plain

if TYPE_CHECKING:
    from docx.opc.part import Part

PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The core properties docxtpl renders (`DocxTemplate.render_properties`), in its order."""
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PREPARED: Kept[str, Prepared | None] = Kept(4, recent=True)
"""Templates kept parsed (the least recently used forgotten first), by the digest of a
template's bytes; None for one rendered by `render_docx` every time."""
T = TypeVar("T")
Blob = bytes | Callable[[], bytes]
"""A rendered part: its bytes, or how to serialise it (after the render's time bound)."""


def render_parts(template: Path, context: dict[str, Any]) -> Parts:
    """The parts of `template` rendered with `context` (plain data, see `sandbox.plain`), by
    name in the order `render_docx` saves them: what `docx_parts.rewrite` would unzip from it."""
    data = read_template(template)
    key = hashlib.sha256(data).hexdigest()
    prepared = _PREPARED.made(key, lambda: Prepared.of(template, data))
    if prepared is None:
        with zipfile.ZipFile(io.BytesIO(render_docx(template, lambda _d: context))) as saved:
            return {name: saved.read(name) for name in saved.namelist()}
    return prepared.render(template, context)


class Prepared:
    """A template parsed, checked and made ready for Jinja once; `render` makes a document."""

    def __init__(self, template: Path, data: bytes) -> None:
        from docxtpl import DocxTemplate

        self.document = opened(template, data)
        package = self.document.docx.part.package
        self.sides: list[tuple[str, Part]] = [
            (key, part)
            for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
            for key, part in self.document.get_headers_footers(uri)
        ]
        self.footnotes = [part for part in package.parts if part.content_type == FOOTNOTES]
        self.sources: dict[object, Any] = {}

    @classmethod
    def of(cls, template: Path, data: bytes) -> Prepared | None:
        """The template prepared, or None when docxtpl would render it in a way this class does
        not repeat: a header or footer met twice, a footnotes part python-docx parses, or one
        rendered as a header."""
        from docx.opc.part import XmlPart

        prepared = cls(template, data)
        sides = [part for _key, part in prepared.sides]
        if len(set(map(id, sides))) < len(sides):
            return None
        if any(isinstance(p, XmlPart) or p in sides for p in prepared.footnotes):
            return None
        return prepared

    def render(self, template: Path, context: dict[str, Any]) -> Parts:
        """The parts of the document of `context`."""
        data = plain(context, document_text)
        sandbox = RecordingSandbox(autoescape=True)
        try:
            with bounded():
                rendered = self._render(data, sandbox)
        except Exception as exc:
            raise broken(template, exc, sandbox, self.document) from None
        parts = dict(self._once("skeleton", self._skeleton))
        for part, blob in rendered.items():
            parts[part.partname.membername] = blob if isinstance(blob, bytes) else blob()
        return parts

    def _render(self, data: dict[str, Any], sandbox: RecordingSandbox) -> dict[Part, Blob]:
        """What docxtpl's `render` does, on copies: the body, headers and footers, properties
        and footnotes, in its order; each part's blob, or how to serialise it, by part."""
        from docx.opc.coreprops import CoreProperties
        from docx.opc.oxml import serialize_part_xml
        from docx.opc.part import XmlPart

        document = self.document
        document.render_init()
        main = document.docx.part
        source = self._once("body", lambda: document.patch_xml(document.get_xml()))
        tree = document.fix_tables(document.render_xml_part(source, main, data, sandbox))
        document.fix_docpr_ids(tree)
        root = copy.deepcopy(main.element)
        root.replace(root.body, tree)
        rendered: dict[Part, Blob] = {main: partial(serialize_part_xml, root)}
        for key, part in self.sides:
            xml = self._once(("xml", key), document.get_part_xml, part)
            encoding = document.get_headers_footers_encoding(xml)
            source = self._once(("source", key), document.patch_xml, xml)
            side = document.render_xml_part(source, part, data, sandbox).encode(encoding)
            loaded = XmlPart.load(part.partname, part.content_type, side, part.package)
            rendered[part] = partial(serialize_part_xml, loaded.element)
        made, initial, holder = self._once("properties", self._properties)
        element = copy.deepcopy(holder.element)
        properties = CoreProperties(element)
        if made:  # python-docx dates the properties it makes
            properties.modified = dt.datetime.now(dt.UTC)
        for name in PROPERTIES:
            setattr(properties, name, sandbox.from_string(initial[name]).render(data))
        rendered[holder] = partial(serialize_part_xml, element)
        for _section in root.sectPr_lst:  # docxtpl renders the footnotes once per section
            for part in self.footnotes:
                if part in rendered:
                    source = document.patch_xml(_text(rendered[part]))
                else:
                    source = self._once(("note", part), document.patch_xml, _text(part.blob))
                rendered[part] = document.render_xml_part(source, part, data, sandbox).encode()
        return rendered

    def _properties(self) -> tuple[bool, dict[str, str], Any]:
        """Whether the template lacked properties (python-docx makes them when first asked), the
        texts docxtpl renders, and the part that holds them."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        package = self.document.docx.part.package
        made = not any(r.reltype == RT.CORE_PROPERTIES for r in package.rels.values())
        properties = self.document.docx.core_properties
        initial = {name: getattr(properties, name) for name in PROPERTIES}
        return made, initial, package.part_related_by(RT.CORE_PROPERTIES)

    def _skeleton(self) -> Parts:
        """The parts as python-docx saves the template, properties included (the first render
        makes them if the template has none), in its order."""
        saved = io.BytesIO()
        self.document.docx.save(saved)
        with zipfile.ZipFile(saved) as unrendered:
            return {name: unrendered.read(name) for name in unrendered.namelist()}

    def _once(self, key: object, make: Callable[..., T], *args: Any) -> T:
        """What `make(*args)` returns, made the first time a document needs it (where docxtpl
        makes it, so that a failure is met, and located, as docxtpl meets it)."""
        if key not in self.sources:
            self.sources[key] = make(*args)
        value: T = self.sources[key]
        return value


def _text(blob: Blob) -> str:
    """A footnotes part's text as docxtpl reads it."""
    return (blob if isinstance(blob, bytes) else blob()).decode("utf-8")
