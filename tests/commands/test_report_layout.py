"""The progress report as the administration issues it: every part Decree 30/2020/NĐ-CP asks of
an administrative document, read back from the .docx XML (Phụ lục I, Phần I: mục I for the
page, mục II for each part, mục V for the sample sizes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from hcmlc.render.decree30 import SIZES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

EXPECTED = {
    "vi": {
        "governing": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH",
        "issuer": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "national": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: 07/BC-SGDĐT",
        "date": "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026",
        "kind": "BÁO CÁO",
        "subject": "Tiến độ xây dựng Thành phố học tập năm 2025 (bản tạm thời)",  # cycle 2025 is open
        "to": "Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "recipients": "Nơi nhận:",
        "recipient-lines": [
            "- Như trên;",
            "- Bộ Giáo dục và Đào tạo (để báo cáo);",
            "- Các sở, ban, ngành, đoàn thể Thành phố;",
            "- Ban Giám đốc Sở;",
            "- Lưu: VT, GDTX.",
        ],
        "signer": ["GIÁM ĐỐC", "Trần Thị Bình"],
        "annex": "Phụ lục I",
        "attached": "(Kèm theo Báo cáo số 07/BC-SGDĐT ngày 05 tháng 01 năm 2026 của Sở Giáo dục và Đào tạo)",
        "lang": "vi-VN",
    },
    "en": {
        "governing": "HO CHI MINH CITY\nPEOPLE'S COMMITTEE",
        "issuer": "DEPARTMENT OF EDUCATION AND TRAINING",
        "national": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "number": "No.: 07/BC-SGDĐT",
        "date": "Ho Chi Minh City, 5 January 2026",
        "kind": "REPORT",
        "subject": "Progress of the learning city in 2025 (interim)",
        "to": "To: Ho Chi Minh City People's Committee",
        "recipients": "Recipients:",
        "recipient-lines": [
            "- As above;",
            "- Ministry of Education and Training (for information);",
            "- City departments and organisations;",
            "- The Department's Board of Directors;",
            "- Archived: VT, GDTX.",
        ],
        "signer": ["DIRECTOR", "Trần Thị Bình"],
        "annex": "Annex I",
        "attached": "(Attached to Report No. 07/BC-SGDĐT of 5 January 2026, Department of Education and Training)",
        "lang": "en-US",
    },
}


@pytest.fixture(scope="module", params=["vi", "en"])
def issued(request, tmp_path_factory) -> tuple[str, Path]:
    """The bundled report of 2025 once registered: numbered 7, dated 5 January 2026 (each chart
    a blank image: the layout is the subject here)."""
    import io
    import shutil

    from PIL import Image
    from typer.testing import CliRunner

    from hcmlc.cli.app import app

    project = Path(__file__).resolve().parents[2]
    root = tmp_path_factory.mktemp("issued")
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(project / name, root / name)
    narrative = root / "reports/2025.yaml"
    narrative.write_text(
        'number: "7"\ndate: 2026-01-05\n' + narrative.read_text("utf-8"), encoding="utf-8"
    )
    out = root / f"report-{request.param}.docx"
    image = io.BytesIO()
    Image.new("RGB", (32, 15), "white").save(image, "PNG")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("hcmlc.render.charts.render_chart", lambda chart, lang: image.getvalue())
        result = CliRunner().invoke(
            app, ["report", "--root", str(root), "--lang", request.param, "--out", str(out)]
        )
    assert result.exit_code == 0, result.output
    return request.param, out


def _size(paragraph: Paragraph) -> float:
    """The font size of the paragraph's text: its runs', else its style's."""
    sizes = {r.font.size.pt for r in paragraph.runs if r.font.size is not None}
    if sizes:
        assert len(sizes) == 1, paragraph.text
        return sizes.pop()
    style = paragraph.style
    while style is not None and style.font.size is None:
        style = style.base_style
    assert style is not None
    return style.font.size.pt


def _flag(paragraph: Paragraph, name: str) -> bool:
    """Whether every run of the paragraph is bold/italic/underlined, by itself or its style."""
    style_value = getattr(paragraph.style.font, name)
    return all(
        (getattr(r.font, name) if getattr(r.font, name) is not None else style_value) is True
        for r in paragraph.runs
        if r.text.strip()
    ) and any(r.text.strip() for r in paragraph.runs)


def _paragraphs(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.text.strip()]


def test_both_heading_blocks_number_and_date(issued) -> None:
    lang, out = issued
    want = EXPECTED[lang]
    head = docx.Document(str(out)).tables[0]
    left, right = (cell.paragraphs for cell in head.rows[0].cells)
    governing, issuer = left[0], left[1]
    assert (governing.text, _size(governing), _flag(governing, "bold")) == (
        want["governing"],
        SIZES["governing-body"],
        False,
    )
    assert (issuer.text, _size(issuer), _flag(issuer, "bold")) == (want["issuer"], 12, True)
    rule = left[2]._p.pPr.find(qn("w:pBdr"))
    assert rule is not None and rule.find(qn("w:bottom")).get(qn("w:val")) == "single"
    national, motto = right[0], right[1]
    assert (national.text, _size(national), _flag(national, "bold")) == (want["national"], 12, True)
    assert (motto.text, _size(motto), _flag(motto, "bold")) == (want["motto"], 13, True)
    assert _flag(motto, "underline")  # the line under the motto, as long as the motto
    number, date = (cell.paragraphs[0] for cell in head.rows[1].cells)
    assert (number.text, _size(number), _flag(number, "italic")) == (want["number"], 13, False)
    assert (date.text, _size(date), _flag(date, "italic")) == (want["date"], 13, True)
    for paragraph in (*left, *right, number, date):
        assert paragraph.alignment == 1  # centred in its block


def test_title_addressee_body_and_sections(issued) -> None:
    lang, out = issued
    want = EXPECTED[lang]
    paragraphs = _paragraphs(docx.Document(str(out)))
    texts = [p.text for p in paragraphs]
    kind = paragraphs[texts.index(want["kind"])]
    subject = paragraphs[texts.index(want["kind"]) + 1]
    assert (subject.text, _size(subject), _flag(subject, "bold")) == (want["subject"], 14, True)
    assert (_size(kind), _flag(kind, "bold"), kind.alignment) == (14, True, 1)
    rule = subject._p.getnext()  # the line beneath the subject: an empty bordered paragraph
    assert rule.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    to = paragraphs[texts.index(want["to"])]
    assert (_size(to), _flag(to, "bold")) == (14, False)
    body = paragraphs[texts.index(want["to"]) + 1]
    assert body.style.name == "Body Text"
    form = body.style.paragraph_format
    assert (_size(body), form.alignment, round(form.first_line_indent.cm, 2)) == (14, 3, 1.0)
    assert form.space_after.pt >= 6 and 1.0 <= form.line_spacing <= 1.5


def test_recipients_and_signature(issued) -> None:
    lang, out = issued
    want = EXPECTED[lang]
    document = docx.Document(str(out))
    [foot] = [t for t in document.tables if t.rows[0].cells[0].text.startswith(want["recipients"])]
    left, right = ([p for p in cell.paragraphs if p.text.strip()] for cell in foot.rows[0].cells)
    label, *lines = left
    assert (label.text, _size(label), _flag(label, "bold"), _flag(label, "italic")) == (
        want["recipients"],
        12,
        True,
        True,
    )
    assert [p.text for p in lines] == want["recipient-lines"]
    assert {_size(p) for p in lines} == {11}
    assert [p.text for p in right] == want["signer"]
    assert all(_size(p) == 14 and _flag(p, "bold") for p in right)
    elements = [t._tbl for t in document.tables]
    assert elements.index(foot._tbl) < len(elements) - 1  # the annexes come after


def test_page_numbers_from_the_second_page_centred_in_the_header(issued) -> None:
    _, out = issued
    document = docx.Document(str(out))
    for section in document.sections:  # the body, then each annex numbered on its own
        assert section.different_first_page_header_footer
        assert section.first_page_header.is_linked_to_previous or not any(
            p.text for p in section.first_page_header.paragraphs
        )
    body = document.sections[0]
    assert (body.page_width.mm, body.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    margins = (body.top_margin.mm, body.bottom_margin.mm, body.left_margin.mm, body.right_margin.mm)
    assert margins == pytest.approx((20, 20, 30, 15), abs=0.1)
    header = body.header.paragraphs[0]
    assert header.alignment == 1 and _size(header) == SIZES["page-number"]
    instructions = [t.text.strip() for t in header._p.iter(f"{W}instrText")]
    assert instructions == ["PAGE"]
    assert not any(p.text for p in body.first_page_header.paragraphs)
    restarts = [s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) for s in document.sections[1:]]
    assert restarts == ["1", "1", "1"]  # each annex is numbered on its own (III.1.đ)


def test_tables_repeat_their_header_and_keep_rows_whole(issued) -> None:
    _, out = issued
    document = docx.Document(str(out))
    ruled = [t for t in document.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(ruled) > 10
    for table in [*document.tables]:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None, table.rows[0].cells[0].text
    for table in ruled:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])


def test_the_document_language_matches_the_report(issued) -> None:
    lang, out = issued
    with zipfile.ZipFile(out) as package:
        styles = package.read("word/styles.xml").decode()
        body = package.read("word/document.xml").decode()
        core = package.read("docProps/core.xml").decode()
        settings = package.read("word/settings.xml").decode()
    tag = EXPECTED[lang]["lang"]
    assert f'<w:lang w:val="{tag}" w:eastAsia="{tag}"' in styles
    assert styles.count("<w:lang ") == 1 and "<w:lang " not in body
    assert f"<dc:language>{tag}</dc:language>" in core
    assert f'<w:themeFontLang w:val="{tag}"' in settings


def test_fonts_are_times_new_roman_in_black(issued) -> None:
    _, out = issued
    document = docx.Document(str(out))
    for name in ("Normal", "Body Text", "Heading 1", "Heading 2", "Cell", "Signer"):
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "Times New Roman"
        }, name
        if name != "Normal":
            assert str(style.font.color.rgb) == "000000", name


def test_annexes_follow_the_signature_and_name_the_report(issued) -> None:
    lang, out = issued
    want = EXPECTED[lang]
    paragraphs = _paragraphs(docx.Document(str(out)))
    numbers = [p for p in paragraphs if p.style.name == "Annex Number"]
    assert [p.text for p in numbers] == [want["annex"], f"{want['annex']}I", f"{want['annex']}II"]
    notes = [p.text for p in paragraphs if p.style.name == "Annex Note"]
    assert notes == [want["attached"]] * 3
    assert all(_size(p) == 14 and _flag(p, "bold") for p in numbers)
