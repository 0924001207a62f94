"""The page of an administrative document as Decree 30/2020/NĐ-CP sets it, in python-docx.

templates/build_templates.py builds the official templates (the progress report, the reminder
letter) with these pieces; the renderers set each document's language (docx_language.py).

Source: Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I, Phần I. Mục I: A4 portrait,
margins 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right; Times New Roman, black; pages
numbered from 1 in Arabic figures, 13–14 pt, centred in the top margin, the first page's number
not shown. Mục II: each part's case, size and style (below, `SIZES`); mục IV: where each part
sits; mục V: the sample sizes, which `SIZES` follows where II gives a range. The text in the
template is Jinja (docxtpl); the data comes from official.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from hcmlc.render import ooxml
from hcmlc.render.docx_language import LANGUAGES

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
HEAD_COLUMNS_MM = (65, 100)
"""The two heading blocks, without cell margins: the issuer (ô 2, 3) on the left, the national
name and the date line (ô 1, 4) on the right, as wide as a date line at 13 pt needs (98 mm for
"Thành phố Hồ Chí Minh, ngày 22 tháng 12 năm 2025")."""
SIZES: dict[str, float] = {
    "national-name": 12,  # II.1.a: capitals, 12–13, upright, bold
    "motto": 13,  # II.1.b: 13–14, upright, bold, a line of its length beneath
    "governing-body": 12,  # II.2.b: capitals, 12–13, upright
    "issuer": 12,  # II.2.b: capitals, 12–13, upright, bold, a line of 1/3–1/2 beneath
    "number": 13,  # II.3.c: 13, upright
    "place-date": 13,  # II.4.c: 13–14, italic
    "kind": 14,  # II.5.b: capitals, 13–14, upright, bold
    "subject": 14,  # II.5.b: 13–14, upright, bold, a line of 1/3–1/2 beneath
    "letter-subject": 12,  # II.5.b: a letter's "V/v …", 12–13, upright, 6 pt below the number
    "body": 14,  # II.6.e: 13–14, justified, first line indented 1 cm, 6 pt between paragraphs
    "to": 14,  # II.9.d: "Kính gửi", 13–14, upright
    "signer": 14,  # II.7.đ: authority and position in capitals, the name, 13–14, bold
    "recipients-label": 12,  # II.9.d: "Nơi nhận:", 12, italic, bold
    "recipients": 11,  # II.9.d: 11, upright, each line from "-" at the left margin
    "page-number": 13,  # I.7: 13–14, upright, centred in the top margin
    "annex": 14,  # III.1.b: "Phụ lục I" 14, bold; its title in capitals, 13–14, bold
    "cell": 12,  # tables: not set by the decree; a size below the body's keeps them legible
}
"""Font size of each part, in points."""
ISSUER_RULE_MM = 22
"""The line under the issuer's name: 1/3 to 1/2 of the name (II.2.b); "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
at 12 pt is 51 mm. Restyle it in Word for a much longer or shorter name."""
SUBJECT_RULE_MM = 36
"""The line under the report's subject: 1/3 to 1/2 of the line (II.5.b); the subject of the
report is 95 mm in Vietnamese, 76 mm in English."""
INDENT_CM = 1.0
SIGNATURE_LINES = 4
"""Empty lines between the position and the name, for the signature and the seal."""


def new_document(title: str) -> DocumentObject:
    """An A4 document with the decree's margins, fonts, styles and page numbers."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    section.header_distance = Mm(10)
    _styles(doc)
    _page_numbers(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "hcmlc", "hcmlc"
    props.language = LANGUAGES["vi"]
    return doc


def _styles(doc: DocumentObject) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    font(normal, SIZES["body"])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _language(doc, LANGUAGES["vi"])  # the template's; each rendering sets its own

    def add(
        name: str,
        size: float,
        layout: Mapping[str, object],
        *,
        bold: bool | None = None,
        italic: bool | None = None,
    ) -> None:
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        font(style, size, bold=bold, italic=italic)
        style.font.color.rgb = RGBColor(0, 0, 0)
        for key, value in layout.items():
            setattr(style.paragraph_format, key, value)

    body: dict[str, object] = {
        "alignment": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "first_line_indent": Cm(INDENT_CM),
        "space_after": Pt(6),
        "line_spacing": 1.15,
    }
    centred: dict[str, object] = {"alignment": WD_ALIGN_PARAGRAPH.CENTER, "keep_with_next": True}
    heading = {**body, "space_before": Pt(6), "keep_with_next": True}
    add("Body Text", SIZES["body"], body)
    add("Heading 1", SIZES["body"], heading, bold=True, italic=False)
    add("Heading 2", SIZES["body"], heading, bold=True, italic=False)
    add("Cell", SIZES["cell"], {"space_after": Pt(0)})
    add("Cell Heading", SIZES["cell"], {"alignment": WD_ALIGN_PARAGRAPH.CENTER}, bold=True)
    add("Cell Centred", SIZES["cell"], {"alignment": WD_ALIGN_PARAGRAPH.CENTER})
    caption = {"alignment": WD_ALIGN_PARAGRAPH.CENTER, "space_after": Pt(12)}
    add("Caption", SIZES["cell"] + 1, caption, italic=True, bold=False)
    add("Figure", SIZES["body"], centred)
    add("Annex Number", SIZES["annex"], centred, bold=True)
    add("Annex Title", SIZES["annex"], centred, bold=True)
    add("Annex Note", SIZES["annex"], {**centred, "space_after": Pt(12)}, italic=True)
    add("Recipients Heading", SIZES["recipients-label"], {}, bold=True, italic=True)
    add("Recipients", SIZES["recipients"], {})
    add("Signer", SIZES["signer"], {"alignment": WD_ALIGN_PARAGRAPH.CENTER}, bold=True)


def font(
    style: object, size: float, *, bold: bool | None = None, italic: bool | None = None
) -> None:
    """The style's font: Times New Roman for every script, so Word never swaps in another."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    f = style.font  # type: ignore[attr-defined]
    f.name, f.size, f.bold, f.italic = FONT, Pt(size), bold, italic
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _page_numbers(doc: DocumentObject) -> None:
    """A PAGE field centred in the header of every page but the first (I.7)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2")):
        run = paragraph.add_run()
        _size(run, SIZES["page-number"])
        if kind:
            run._r.append(_element("w:fldChar", {"w:fldCharType": kind}))
        elif text == " PAGE ":
            instr = _element("w:instrText", {"xml:space": "preserve"})
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    end = paragraph.add_run()
    end._r.append(_element("w:fldChar", {"w:fldCharType": "end"}))


def annex_section(doc: DocumentObject) -> None:
    """Start an annex on a new page, numbered from 1 on its own (III.1.đ), its first page's
    number not shown; the headers are those of the body."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = True
    ooxml.put(section._sectPr, _element("w:pgNumType", {"w:start": "1"}))


def letterhead(doc: DocumentObject, *, letter: bool) -> None:
    """Both heading blocks (ô 1–4) on two rows, so that the number and the date line up; a
    letter (công văn) carries its subject after `V/v` under the number (ô 5b)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=2, cols=2)
    _widths(table, HEAD_COLUMNS_MM)
    margins = _element("w:tblCellMar", {})
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", {"w:w": "0", "w:type": "dxa"}))
    ooxml.put(table._tbl.tblPr, margins)
    left, right = table.rows[0].cells
    _line(left.paragraphs[0], "{{ h.governing_body }}", SIZES["governing-body"])
    _line(left.add_paragraph(), "{{ h.issuer }}", SIZES["issuer"], bold=True)
    rule(left.add_paragraph(), HEAD_COLUMNS_MM[0], ISSUER_RULE_MM)
    _line(right.paragraphs[0], "{{ h.national_name }}", SIZES["national-name"], bold=True)
    motto = _line(right.add_paragraph(), "{{ h.motto }}", SIZES["motto"], bold=True)
    motto.runs[0].underline = True  # the line under the motto is as long as the motto
    left, right = table.rows[1].cells
    number = _line(left.paragraphs[0], "{{ h.number }}", SIZES["number"])
    number.paragraph_format.space_before = Pt(6)
    if letter:
        subject = _line(left.add_paragraph(), "{{ h.subject }}", SIZES["letter-subject"])
        subject.paragraph_format.space_before = Pt(6)
    date = _line(right.paragraphs[0], "{{ h.place_date }}", SIZES["place-date"], italic=True)
    date.paragraph_format.space_before = Pt(6)
    for row in table.rows:
        keep_whole(row)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().paragraph_format.space_after = Mm(2)


def title_block(doc: DocumentObject) -> None:
    """The kind of document and its subject, centred, with a line beneath (ô 5a)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    kind = _line(doc.add_paragraph(), "{{ h.kind }}", SIZES["kind"], bold=True)
    kind.paragraph_format.space_before = Pt(12)
    subject = _line(doc.add_paragraph(), "{{ h.subject }}", SIZES["subject"], bold=True)
    for paragraph in (kind, subject):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
    rule(doc.add_paragraph(), TEXT_WIDTH_MM, SUBJECT_RULE_MM)


def addressees(doc: DocumentObject) -> None:
    """`Kính gửi`: one addressee on the label's line, centred; several one a line, their dashes
    under the label's colon (ô 9a)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc.add_paragraph("{%p if h.to|length == 1 %}")
    one = _line(doc.add_paragraph(), "{{ h.to_label }} {{ h.to[0] }}", SIZES["to"])
    one.alignment = WD_ALIGN_PARAGRAPH.CENTER
    one.paragraph_format.space_before = Pt(12)
    one.paragraph_format.space_after = Pt(12)
    doc.add_paragraph("{%p elif h.to %}")
    label = _line(doc.add_paragraph(), "{{ h.to_label }}", SIZES["to"])
    label.paragraph_format.left_indent = Mm(40)
    label.paragraph_format.space_before = Pt(12)
    doc.add_paragraph("{%p for to in h.to %}")
    item = _line(doc.add_paragraph(), "- {{ to }}", SIZES["to"])
    item.paragraph_format.left_indent = Mm(58)
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph().paragraph_format.space_after = Pt(6)
    doc.add_paragraph("{%p endif %}")


def signature_block(doc: DocumentObject) -> None:
    """`Nơi nhận` and its list on the left (ô 9b), the signer on the right (ô 7a–7c)."""
    from docx.shared import Pt

    doc.add_paragraph().paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    _widths(table, (80, TEXT_WIDTH_MM - 80))
    keep_whole(table.rows[0])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "{{ s.recipients_label }}"
    left.paragraphs[0].style = "Recipients Heading"
    for text, style in (
        ("{%p for line in s.recipients %}", "Recipients"),
        ("{{ line }}", "Recipients"),
        ("{%p endfor %}", "Recipients"),
    ):
        left.add_paragraph(text, style=style)
    right.paragraphs[0].text = "{%p if s.authority %}"
    for text in ("{{ s.authority }}", "{%p endif %}", "{{ s.position }}"):
        right.add_paragraph(text, style="Signer")
    for _ in range(SIGNATURE_LINES):
        right.add_paragraph(style="Signer")
    right.add_paragraph("{{ s.name }}", style="Signer")
    right.paragraphs[0].style = "Signer"
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Pt(0)


def grid(doc: DocumentObject, widths: Sequence[float], *, header_rows: int = 1) -> Table:
    """A ruled table whose first rows repeat on every page and whose rows never split."""
    table: Table = doc.add_table(rows=header_rows, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    _widths(table, widths)
    for row in table.rows:
        repeat_header(row)
        keep_whole(row)
    return table


def add_row(table: Table, *texts: str, style: str = "Cell") -> _Row:
    """A row of `texts` in `style`, kept whole on one page."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]
    keep_whole(row)
    for cell, text in zip(row.cells, texts, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = style
    return row


def repeat_header(row: _Row) -> None:
    """Repeat `row` at the top of every page the table runs onto (`w:tblHeader`)."""
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", {}))


def keep_whole(row: _Row) -> None:
    """Never break `row` across two pages (`w:cantSplit`)."""
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(_qn("w:cantSplit")) is None:
        trPr.insert(0, _element("w:cantSplit", {}))


def rule(paragraph: Paragraph, width_mm: float, length_mm: float) -> None:
    """A centred horizontal line `length_mm` long under the paragraph above: an empty,
    almost flat paragraph with a bottom border, indented from both sides."""
    from docx.shared import Mm, Pt

    form = paragraph.paragraph_format
    side = Mm((width_mm - length_mm) / 2)
    form.left_indent = form.right_indent = side
    form.first_line_indent = Mm(0)
    form.space_before, form.space_after = Pt(2), Pt(0)
    form.line_spacing = Pt(2)
    borders = _element("w:pBdr", {})
    borders.append(
        _element("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"})
    )
    ooxml.put(paragraph._p.get_or_add_pPr(), borders)


def _line(
    paragraph: Paragraph,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Paragraph:
    """`paragraph` holding one run of `text`, in `size`, with no indent and no spacing."""
    from docx.shared import Mm, Pt

    run = paragraph.add_run(text)
    _size(run, size)
    run.bold, run.italic = bold or None, italic or None
    form = paragraph.paragraph_format
    form.first_line_indent = Mm(0)
    form.space_after = Pt(0)
    return paragraph


def _size(run: object, size: float) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)  # type: ignore[attr-defined]


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Fixed column widths, and the table as wide as they are (Word and LibreOffice agree)."""
    from docx.shared import Mm

    table.autofit = False
    total = str(round(sum(widths) * 1440 / 25.4))
    ooxml.put(table._tbl.tblPr, _element("w:tblW", {"w:w": total, "w:type": "dxa"}))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        cell: _Cell
        for cell in column.cells:
            cell.width = Mm(width)


def _language(doc: DocumentObject, tag: str) -> None:
    """The document's language, for every run that does not say otherwise."""
    styles = doc.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(f"{_qn('w:rPrDefault')}/{_qn('w:rPr')}")
    assert rpr is not None
    lang = rpr.find(_qn("w:lang"))
    if lang is None:
        lang = _element("w:lang", {})
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia"):
        lang.set(_qn(attribute), tag)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


_element = ooxml.element
