"""Build the Word templates hcmlc ships (src/hcmlc/templates/) from this readable source.

    python templates/build_templates.py          # rewrite src/hcmlc/templates/*.docx
    python templates/build_templates.py --check  # exit 1 when a committed template differs

A city's repository may hold its own copies in templates/ (`hcmlc templates` writes them there),
which replace the shipped ones of the same name.

Each template is a .docx with Jinja tags (docxtpl): `{{ … }}` prints a value, `{{r … }}` a rich
text (answers, highlighted gaps), `{%p … %}` a loop or condition over whole paragraphs and
`{%tr … %}` over table rows. A coordinator may restyle the built .docx in Word (fonts, spacing,
colours) as long as the tags stay; a change of structure belongs here, so that it can be
reviewed. The build is byte-for-byte reproducible: fixed document properties and zip dates.

All wording comes from the data (data/assignments.yaml, `form_text` and the questions), so one
template serves Vietnamese and English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table

from hcmlc.files.atomic import write_atomic
from hcmlc.render import decree30, ooxml

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "src" / "hcmlc" / "templates"
"""Where the shipped templates are written (package data; a city's templates/ overrides them)."""
FONT = "Times New Roman"
"""The font of Vietnamese administrative documents; it covers every Vietnamese letter."""
FIXED_TIME = dt.datetime(2023, 4, 3, tzinfo=dt.UTC)
"""Date of plan 1256/KH-UBND: every template carries it, so builds are reproducible."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_gnlc_form() -> bytes:
    """templates/gnlc-form.docx: annex II, the GNLC membership application form."""
    doc = _new_document("Đơn đăng ký thành viên GNLC / GNLC membership application")
    doc.add_paragraph("{{ t.title }}", style="Title")
    doc.add_paragraph("{{ city }}", style="Subtitle")

    _tag(doc, "{%p for section in sections %}")
    doc.add_paragraph("{{ section.title }}", style="Heading 1")
    _tag(doc, "{%p if section.guidance %}")
    doc.add_paragraph("{{ section.guidance }}", style="Guidance")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if section.table %}")
    table = _table(doc, 3, widths=(95, 45, 30))
    _cells(table.rows[0], "", "{{ t.figure_column }}", "{{ t.year_column }}", bold=True)
    _cells(table.add_row(), "{%tr for box in section.boxes %}", "", "")
    _cells(table.add_row(), "{{ box.text }}", "{{r box.figure }}", "{{ box.year }}")
    _cells(table.add_row(), "{%tr endfor %}", "", "")
    _tag(doc, "{%p else %}")

    _tag(doc, "{%p for box in section.boxes %}")
    _tag(doc, "{%p if box.text != section.title %}")  # a block that carries the section title
    doc.add_paragraph(
        "{{ box.text }}{% if box.limit %} ({{ box.limit }}){% endif %}", style="Question"
    )
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if box.guidance %}")
    doc.add_paragraph("{{ box.guidance }}", style="Guidance")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if box.kind == 'contact' %}")
    table = _table(doc, 2, widths=(70, 100))
    _cells(table.rows[0], "{%tr for field in box.fields %}", "")
    _cells(table.add_row(), "{{ field.label }}", "{{r field.value }}")
    _cells(table.add_row(), "{%tr endfor %}", "")
    _marker(doc)  # gaps other than missing fields, e.g. fields without their English

    _tag(doc, "{%p elif box.kind == 'choice' %}")
    doc.add_paragraph(
        "{% for option in box.options %}{{ option.mark }} {{ option.label }}"
        "{% if not loop.last %}      {% endif %}{% endfor %}"
    )
    _marker(doc)

    _tag(doc, "{%p elif box.kind == 'figure' %}")
    table = _table(doc, 2, widths=(120, 50))
    _cells(table.rows[0], "{{ t.figure_column }}", "{{ t.year_column }}", bold=True)
    _cells(table.add_row(), "{{r box.figure }}", "{{ box.year }}")

    _tag(doc, "{%p elif box.kind == 'quote' %}")
    table = _table(doc, 2, widths=(130, 40))
    _cells(table.rows[0], "{{ t.quote_column }}", "{{ t.quote_date_column }}", bold=True)
    _cells(table.add_row(), "{{r box.answer }}", "{{ box.date }}")

    _tag(doc, "{%p elif box.kind == 'photos' %}")
    _tag(doc, "{%p for photo in box.photos %}")
    photo = doc.add_paragraph("{{ photo.image }}")
    photo.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{{ photo.caption }} — © {{ photo.copyright }}", style="Caption")
    _tag(doc, "{%p endfor %}")
    _marker(doc)

    _tag(doc, "{%p else %}")
    table = _table(doc, 1, widths=(170,))
    _cells(table.rows[0], "{{r box.answer }}")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")

    doc.add_paragraph("{{ t.statement_title }}", style="Heading 1")
    for line in (
        "{{ t.statement }}",
        "{{ t.date_line }} ………………………………",
        "{{ t.signature_line }}",
    ):
        doc.add_paragraph(line).paragraph_format.keep_with_next = True
    doc.add_paragraph("………………………………………………")

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("{{ t.part2_title }}", style="Heading 1")
    doc.add_paragraph("{{ t.endorsement }}")
    doc.add_paragraph("{{ t.representative_line }} ………………………………………………")
    doc.add_paragraph("{{ t.signature_date_line }} ………………………………………………")
    return _save(doc)


def build_progress_report() -> bytes:
    """templates/progress-report.docx: the year-end progress report (plan 1256, II.3.e), laid
    out as an administrative report of Decree 30/2020/NĐ-CP (hcmlc/render/decree30.py)."""
    doc = decree30.new_document("Báo cáo tiến độ thành phố học tập / Learning city progress report")
    decree30.letterhead(doc, letter=False)
    decree30.title_block(doc)
    decree30.addressees(doc)
    doc.add_paragraph("{{ basis }}", style="Body Text")
    _paragraphs(doc, "opening")
    _tag(doc, "{%p if illustrative %}")
    doc.add_paragraph(style="Body Text").add_run("{{ illustrative }}").bold = True
    _tag(doc, "{%p endif %}")

    doc.add_paragraph("{{ sections.summary }}", style="Heading 1")
    doc.add_paragraph(style="Body Text").add_run("{{ compared }}").italic = True
    table = decree30.grid(doc, (45, *[20] * len(STATUSES)))
    _cells(table.rows[0], "{{ l.area }}", *(f"{{{{ st['{s}'] }}}}" for s in STATUSES))
    _style_row(table.rows[0], "Cell Heading")
    decree30.add_row(table, "{%tr for row in summary %}", *[""] * len(STATUSES))
    row = decree30.add_row(table, "{{ row.title }}", *(f"{{{{ row['{s}'] }}}}" for s in STATUSES))
    _centre(row, 1)
    decree30.add_row(table, "{%tr endfor %}", *[""] * len(STATUSES))
    total = decree30.add_row(
        table, "{{ total.title }}", *(f"{{{{ total['{s}'] }}}}" for s in STATUSES)
    )
    _centre(total, 1)
    _bold(total)
    doc.add_paragraph()

    doc.add_paragraph("{{ sections.unmet }}", style="Heading 1")
    _tag(doc, "{%p for criterion in unmet %}")
    doc.add_paragraph(
        "{{ criterion.id }}. {{ criterion.title }} ({{ criterion.status_text }})", style="Heading 2"
    )
    _tag(doc, "{%p for item in criterion.indicators %}")
    table = decree30.grid(doc, (50, decree30.TEXT_WIDTH_MM - 50))
    head = table.rows[0].cells
    head[0].merge(head[1])
    _cells(table.rows[0], "{{ item.id }} {{ item.text }}", "")
    _style_row(table.rows[0], "Cell Heading")
    for key in ("status", "latest", "target", "gap", "trend"):
        decree30.add_row(table, f"{{{{ l.{key} }}}}", f"{{{{ item.{key} }}}}")
    row = decree30.add_row(table, "{{ l.responsible }}", "{%p for who in item.responsible %}")
    cell = row.cells[1]
    cell.add_paragraph(style="Cell").add_run("{{ who.agency }}").bold = True
    cell.paragraphs[-1].add_run(": {{ who.delivery }}")
    for text in ("{%p endfor %}", "{%p if item.note %}", "{{ item.note }}", "{%p endif %}"):
        cell.add_paragraph(text, style="Cell")
    for row in table.rows[:-1]:  # a small table: kept on one page with its indicator's name
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    doc.add_paragraph()
    _tag(doc, "{%p endfor %}")
    _paragraphs(doc, "criterion.analysis")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if not unmet %}")
    doc.add_paragraph("{{ l['no-unmet'] }}", style="Body Text")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if closing %}")
    doc.add_paragraph("{{ sections.closing }}", style="Heading 1")
    _paragraphs(doc, "closing")
    _tag(doc, "{%p endif %}")
    decree30.signature_block(doc)

    _annex(doc, 0)
    _tag(doc, "{%p for standard in standards %}")
    doc.add_paragraph("{{ standard.id }}. {{ standard.title }}", style="Heading 2")
    table = decree30.grid(doc, (22, 49, 27, 25, 20, 22))
    _cells(
        table.rows[0],
        "{{ l.indicator }}",
        "",
        "{{ l.latest }}",
        "{{ l.target }}",
        "{{ l.status }}",
        "{{ l.trend }}",
    )
    _style_row(table.rows[0], "Cell Heading")
    decree30.add_row(table, "{%tr for c in standard.criteria %}", "", "", "", "", "")
    criterion = decree30.add_row(table, "{{ c.id }}", "{{ c.title }}", "", "", "{{ c.status }}", "")
    _bold(criterion)
    for cell in criterion.cells:  # a criterion's row stays on the page of its first indicator
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    decree30.add_row(table, "{%tr for row in c.rows %}", "", "", "", "", "")
    decree30.add_row(
        table,
        "{{ row.id }}",
        "{{ row.text }}",
        "{{ row.latest }}",
        "{{ row.target }}",
        "{{ row.status }}",
        "{{ row.trend }}",
    )
    decree30.add_row(table, "{%tr endfor %}", "", "", "", "", "")
    decree30.add_row(table, "{%tr endfor %}", "", "", "", "", "")
    doc.add_paragraph()
    _tag(doc, "{%p endfor %}")

    _tag(doc, "{%p if city_figures %}")  # in annex I: the figures behind its city rows
    doc.add_paragraph("{{ l['city-figures'] }}", style="Heading 2")
    doc.add_paragraph("{{ city_figures_intro }}", style="Body Text")
    _tag(doc, "{%p for figure in city_figures %}")
    table = decree30.grid(doc, (50, 115))  # its heading, the indicator, repeats on each page
    _cells(table.rows[0], "{{ figure.id }}", "{{ figure.text }}")
    _style_row(table.rows[0], "Cell Heading")
    decree30.add_row(table, "{{ l['city-figure'] }}", "{{ figure.figure }}")
    decree30.add_row(table, "{{ l.covered }}", "{{ figure.coverage }}")
    decree30.add_row(table, "{{ l['missing-units'] }}", "{{ figure.missing }}")
    for row in table.rows[:-1]:  # a small table: kept on one page
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    doc.add_paragraph()
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")

    _annex(doc, 1)
    _tag(doc, "{%p for chart in charts %}")
    doc.add_paragraph("{{ chart.image }}", style="Figure")
    doc.add_paragraph("{{ chart.caption }}", style="Caption")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if not charts %}")
    doc.add_paragraph("{{ l['no-charts'] }}", style="Body Text")
    _tag(doc, "{%p endif %}")

    _annex(doc, 2)
    doc.add_paragraph("{{ missing_intro }}", style="Body Text")
    _tag(doc, "{%p for group in missing %}")
    group = doc.add_paragraph(style="Body Text")
    group.add_run("{{ group.agency }} ({{ group.indicators|length }})").bold = True
    group.paragraph_format.keep_with_next = True
    _tag(doc, "{%p for item in group.indicators %}")
    doc.add_paragraph("- {{ item }}", style="Body Text")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if not missing %}")
    doc.add_paragraph("{{ l['annex-none'] }}", style="Body Text")
    _tag(doc, "{%p endif %}")
    return _save(doc)


def build_reminder() -> bytes:
    """templates/reminder.docx: a letter (công văn đôn đốc) asking an agency for what it owes,
    laid out as Decree 30/2020/NĐ-CP sets a letter (hcmlc/render/decree30.py)."""
    doc = decree30.new_document("Công văn đôn đốc / Reminder")
    decree30.letterhead(doc, letter=True)
    decree30.addressees(doc)
    doc.add_paragraph("{{ basis }}", style="Body Text")
    doc.add_paragraph("{{ owed }}", style="Body Text")
    table = decree30.grid(doc, (12, 88, 30, 35))
    _cells(table.rows[0], "{{ l.number }}", "{{ l.item }}", "{{ l.deadline }}", "{{ l.state }}")
    _style_row(table.rows[0], "Cell Heading")
    decree30.add_row(table, "{%tr for item in items %}", "", "", "")
    row = decree30.add_row(
        table, "{{ loop.index }}", "{{ item.text }}", "{{ item.deadline }}", "{{ item.when }}"
    )
    for k in (0, 2):
        row.cells[k].paragraphs[0].style = "Cell Centred"
    decree30.add_row(table, "{%tr endfor %}", "", "", "")
    doc.add_paragraph()
    _paragraphs(doc, "request")
    decree30.signature_block(doc)
    return _save(doc)


def _paragraphs(doc: DocumentObject, name: str) -> None:
    """The paragraphs of the list `name` of the context, one body paragraph each."""
    _tag(doc, f"{{%p for paragraph in {name} %}}")
    doc.add_paragraph("{{ paragraph }}", style="Body Text")
    _tag(doc, "{%p endfor %}")


def _annex(doc: DocumentObject, k: int) -> None:
    """A new section holding annex `k`: its number, its title, the report it is attached to."""
    decree30.annex_section(doc)
    for key, style in (("number", "Annex Number"), ("title", "Annex Title")):
        doc.add_paragraph(f"{{{{ annexes[{k}].{key} }}}}", style=style)
    doc.add_paragraph(f"{{{{ annexes[{k}].attached }}}}", style="Annex Note")


def _style_row(row: object, style: str) -> None:
    for cell in row.cells:  # type: ignore[attr-defined]
        for paragraph in cell.paragraphs:
            paragraph.style = style


def _centre(row: object, first: int) -> None:
    """Centre the cells of `row` from column `first` on (figures)."""
    for cell in row.cells[first:]:  # type: ignore[attr-defined]
        for paragraph in cell.paragraphs:
            paragraph.style = "Cell Centred"


def _bold(row: object) -> None:
    for cell in row.cells:  # type: ignore[attr-defined]
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


STATUSES = ("met", "on-track", "behind", "not-met", "no-data", "no-target")
"""The report's status columns, as the context names them."""

TEMPLATES = {
    "gnlc-form.docx": build_gnlc_form,
    "progress-report.docx": build_progress_report,
    "reminder.docx": build_reminder,
}
"""Every template this script builds, by file name."""


def _new_document(title: str) -> DocumentObject:
    """An A4 document in the house style: Times New Roman throughout, sober headings."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))

    styles = doc.styles
    _font(styles["Normal"], size=12)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    for name, size in (
        ("Title", 18),
        ("Subtitle", 14),
        ("Heading 1", 14),
        ("Heading 2", 12.5),
        ("Caption", 10),
    ):
        _font(styles[name], size=size, color=RGBColor(0x1F, 0x3A, 0x5F))
    styles["Heading 1"].paragraph_format.space_before = Pt(14)
    question = styles.add_style("Question", WD_STYLE_TYPE.PARAGRAPH)
    question.base_style = styles["Normal"]
    question.font.bold = True
    question.paragraph_format.space_before = Pt(8)
    question.paragraph_format.keep_with_next = True
    guidance = styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.base_style = styles["Normal"]
    guidance.font.italic = True
    guidance.font.size = Pt(10.5)
    guidance.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    guidance.paragraph_format.keep_with_next = True
    cell = styles.add_style("Cell", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = styles["Normal"]
    cell.font.size = Pt(10)
    cell.paragraph_format.space_after = Pt(0)
    _font(styles["List Bullet"], size=11)
    for name, fill in (("Gap", "FFFF00"), ("Note", "DDEBF7")):  # render/form_docx.py's marks
        mark = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        mark.font.bold = True
        shading = ooxml.element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})
        ooxml.put(mark.element.get_or_add_rPr(), shading)
    source = styles.add_style("Source", WD_STYLE_TYPE.CHARACTER)  # a figure's source
    source.font.italic, source.font.size = True, Pt(9)

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "hcmlc", "hcmlc"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def _font(style: object, *, size: float, color: RGBColor | None = None) -> None:
    """Set a style's font for every script (Latin, East Asian, complex), so Word never swaps."""
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size = FONT, Pt(size)
    if color is not None:
        font.color.rgb = color
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _tag(doc: DocumentObject, tag: str) -> None:
    """A paragraph holding only a `{%p … %}` tag: docxtpl removes the paragraph itself."""
    doc.add_paragraph(tag)


def _marker(doc: DocumentObject) -> None:
    """The box's highlighted gaps, when it has any."""
    _tag(doc, "{%p if box.marker %}")
    doc.add_paragraph("{{r box.marker }}")
    _tag(doc, "{%p endif %}")


def _table(doc: DocumentObject, columns: int, widths: tuple[int, ...]) -> Table:
    table = doc.add_table(rows=1, cols=columns)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def _cells(row: object, *texts: str, bold: bool = False, style: str | None = None) -> None:
    for cell, text in zip(row.cells, texts, strict=True):  # type: ignore[attr-defined]
        paragraph = cell.paragraphs[0]
        if style is not None:
            paragraph.style = style
        paragraph.add_run(text).bold = bold or None


def _save(doc: DocumentObject) -> bytes:
    """The .docx bytes with every zip entry dated alike, so equal sources give equal files.

    python-docx's default document carries Word 2010's stylesWithEffects part, a copy of the
    styles that ours would contradict (Word may call that unreadable content): it is dropped.
    """
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel.rId)
    props = doc.core_properties
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zipped.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=SHIPPED, help="folder to write to")
    args = parser.parse_args(argv)
    stale = []
    for name, build in TEMPLATES.items():
        target: Path = args.out / name
        data = build()
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            write_atomic(target, data)
            print(f"wrote {target}")
    for name in stale:
        print(f"{name} differs from its source: run python templates/build_templates.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
