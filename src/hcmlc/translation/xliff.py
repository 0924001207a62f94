"""XLIFF 1.2, the version OmegaT and Trados read: the answers out to a translator, and back.

A returned file is hostile, as a returned workbook is: its size is bounded, a DTD, an entity
or an external reference is refused, and lxml parses it with entities left unresolved, no
network and no huge-tree mode."""

from __future__ import annotations

import re

from lxml import etree

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.models.common import MAX_TEXT
from hcmlc.signoffs.english import Translations
from hcmlc.translation.segments import XLIFF_STATES, Segment, segment_id

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
READ_VERSIONS = {"1.2": NS, "1.1": "urn:oasis:names:tc:xliff:document:1.1"}
"""What is read back: XLIFF 1.2, and 1.1, which translate-toolkit writes by default (the
elements hcmlc reads are the same in both)."""
UNREADABLE = "HCMLC-E105"
MAX_BYTES = 5_000_000
"""The answers of a whole form are some hundred kilobytes; a larger file is refused unread."""
MAX_UNITS = 10_000
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype")
_WHERE = re.compile(r", line \d+, column \d+$")
_EXTERNAL = ("external-file", "internal-file", "bin-unit", "bin-source", "bin-target")


def write_xliff(translations: Translations, catalog: Catalog) -> bytes:
    """One `<file>` of the cycle's answers, each a `<trans-unit>` with its Vietnamese, its
    English when there is one (with the XLIFF state of its translation) and its word limit."""
    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="1.2")
    file = etree.SubElement(
        root,
        f"{{{NS}}}file",
        original=f"gnlc-form-{translations.cycle}",
        datatype="plaintext",
        attrib={"source-language": "vi", "target-language": "en"},
    )
    body = etree.SubElement(file, f"{{{NS}}}body")
    for answer in translations.answers:
        question = catalog.questions[answer.item]
        unit = etree.SubElement(body, f"{{{NS}}}trans-unit", id=segment_id(answer))
        unit.set("resname", segment_id(answer))
        unit.set(f"{{{XML_NS}}}space", "preserve")
        if question.words is not None and question.words.max is not None:
            unit.set("size-unit", "word")
            unit.set("maxwidth", str(question.words.max))
        etree.SubElement(unit, f"{{{NS}}}source").text = answer.vi
        if answer.en is not None:
            target = etree.SubElement(unit, f"{{{NS}}}target", state=XLIFF_STATES[answer.state])
            target.text = answer.en
            if answer.state == "verified":
                unit.set("approved", "yes")
        note = etree.SubElement(unit, f"{{{NS}}}note", {"from": "hcmlc"})
        note.text = question.text.get("en")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def read_xliff(data: bytes, path: str) -> tuple[list[Segment], list[Diagnostic]]:
    """The segments of a returned XLIFF 1.2 file, or the problems that stop it being read."""
    if len(data) > MAX_BYTES:
        return [], [
            _refused(path, _("the file is over {limit} bytes").format(limit=f"{MAX_BYTES:,}"))
        ]
    if any(marker in data or marker.decode().encode("utf-16-le") in data for marker in _FORBIDDEN):
        return [], [_refused(path, _("the file declares a DTD or entities, which hcmlc refuses"))]
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        reason = _WHERE.sub("", exc.msg or "")
        message = _("the file is not well-formed XML: {reason}").format(reason=reason)
        return [], [_refused(path, message, line or 1, column=max(column, 1))]
    if root.getroottree().docinfo.doctype:
        return [], [_refused(path, _("the file declares a DTD or entities, which hcmlc refuses"))]
    version = root.get("version")
    if version not in READ_VERSIONS or root.tag != f"{{{READ_VERSIONS[version]}}}xliff":
        return [], [_refused(path, _("the file is not XLIFF 1.2"), root.sourceline or 1)]
    ns = READ_VERSIONS[version]
    problems: list[Diagnostic] = []
    segments: list[Segment] = []
    for element in root.iter(etree.Element):
        name = etree.QName(element).localname
        if name in _EXTERNAL:
            message = _("`<{element}>` refers to content outside the file, which hcmlc refuses")
            return [], [_refused(path, message.format(element=name), element.sourceline or 1)]
    for file in root.iterfind(f"{{{ns}}}file"):
        language = (file.get("target-language") or "").lower()
        if language != "en" and not language.startswith("en-"):
            problems.append(
                _refused(
                    path,
                    _("the file's target language is `{language}`, not English").format(
                        language=file.get("target-language") or "—"
                    ),
                    file.sourceline or 1,
                    _("set `target-language` to en (the form's English)"),
                )
            )
            continue
        for unit in file.iterfind(f".//{{{ns}}}trans-unit"):
            if len(segments) >= MAX_UNITS:
                return [], [_refused(path, _("the file has over {n} segments").format(n=MAX_UNITS))]
            segment, problem = _segment(unit, path, ns)
            if problem is not None:
                problems.append(problem)
            elif segment is not None:
                segments.append(segment)
    return segments, problems


def _segment(unit: etree._Element, path: str, ns: str) -> tuple[Segment | None, Diagnostic | None]:
    line = unit.sourceline or 1
    source = unit.find(f"{{{ns}}}source")
    target = unit.find(f"{{{ns}}}target")
    for element in (source, target):
        if element is not None and len(element):
            markup = etree.QName(element[0]).localname
            return None, Diagnostic(
                path,
                element.sourceline or line,
                1,
                "HCMLC-E107",
                _("segment `{id}` holds inline markup (`<{markup}>`): plain text only").format(
                    id=unit.get("id", "—"), markup=markup
                ),
                _("remove the tags and keep the text; the form takes plain text"),
            )
    texts = [(e.text or "") if e is not None else None for e in (source, target)]
    if any(t is not None and len(t) > MAX_TEXT for t in texts):
        message = _("segment `{id}` is over {limit} characters").format(
            id=unit.get("id", "—"), limit=f"{MAX_TEXT:,}"
        )
        return None, Diagnostic(path, line, 1, "HCMLC-E107", message)
    state = target.get("state") if target is not None else None
    return Segment(unit.get("id", ""), texts[0] or "", texts[1], state, line), None


def _refused(
    path: str, reason: str, line: int = 1, hint: str | None = None, *, column: int = 1
) -> Diagnostic:
    return Diagnostic(
        path,
        line,
        column,
        UNREADABLE,
        reason,
        hint or _("export a fresh file with `hcmlc translation export --format xliff`"),
    )
