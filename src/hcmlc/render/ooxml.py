"""Children of WordprocessingML elements inserted where the OOXML schema puts them.

python-docx declares the order of the children it knows; for the others (a table's width, a
paragraph's borders, a run's shading) these tables give the schema's sequence (ECMA-376 part 1,
CT_TblPr, CT_PPrBase, CT_RPr, CT_SectPr), so that Word opens the document without a repair prompt.
"""

from __future__ import annotations

from typing import Any

_SEQUENCES: dict[str, tuple[str, ...]] = {
    "w:tblPr": (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
        "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
        "w:tblDescription", "w:tblPrChange",
    ),
    "w:pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
        "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
        "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
        "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
        "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w",
        "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
        "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath",
    ),
    "w:sectPr": (
        "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
        "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
        "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
        "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
    ),
}  # fmt: skip


def put(parent: Any, child: Any) -> Any:
    """Insert `child` into `parent` (a python-docx element) at its place in the schema's
    sequence, replacing a child of the same name. Returns `child`."""
    from docx.oxml.ns import qn

    name = _prefixed(child.tag)
    sequence = _SEQUENCES[_prefixed(parent.tag)]
    for old in parent.findall(qn(name)):
        parent.remove(old)
    parent.insert_element_before(child, *sequence[sequence.index(name) + 1 :])
    return child


def element(name: str, attributes: dict[str, str]) -> Any:
    """A new WordprocessingML element `name` ("w:tblW") with `attributes`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    made = OxmlElement(name)
    for key, value in attributes.items():
        made.set(qn(key), value)
    return made


def _prefixed(tag: str) -> str:
    from docx.oxml.ns import nsmap

    namespace, _, local = tag[1:].partition("}")
    prefix = next(p for p, uri in nsmap.items() if uri == namespace)
    return f"{prefix}:{local}"
