"""The OOXML check of tests/office_validity.py bites: a Word file with a child out of the
schema's order, written through hcmlc's writer, is reported with its place."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from hcmlc.files.atomic import write_atomic
from hcmlc.render import ooxml
from office_validity import WATCHER


def test_a_child_out_of_order_is_an_error_and_in_order_is_not(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    width = ooxml.element("w:tblW", {"w:w": "5000", "w:type": "dxa"})
    table._tbl.tblPr.append(width)  # after tblLook: where the schema forbids it
    wrong = io.BytesIO()
    document.save(wrong)
    ooxml.put(table._tbl.tblPr, width)  # moved to its place
    right = io.BytesIO()
    document.save(right)

    write_atomic(tmp_path / "wrong.docx", wrong.getvalue())
    errors = WATCHER.errors()
    assert any("wrong.docx: Unexpected element 'tblW'" in e for e in errors), errors

    write_atomic(tmp_path / "right.docx", right.getvalue())
    assert [e for e in WATCHER.errors() if "tblW" in e] == []


def test_a_wrong_part_met_again_in_another_file_is_an_error_again(tmp_path: Path) -> None:
    """The findings of a part are kept by its elements and attributes: a second file whose
    wrong part has other words is named too, without that part being checked again."""
    files = []
    for words in ("Kính gửi Sở Nội vụ", "Kính gửi Phường Bến Thành"):
        document = docx.Document()
        document.add_paragraph(words)
        table = document.add_table(rows=1, cols=1)
        table._tbl.tblPr.append(ooxml.element("w:tblW", {"w:w": "5000", "w:type": "dxa"}))
        data = io.BytesIO()
        document.save(data)
        files.append(data.getvalue())
    assert files[0] != files[1]

    write_atomic(tmp_path / "first.docx", files[0])
    write_atomic(tmp_path / "second.docx", files[1])
    errors = WATCHER.errors()
    for name in ("first.docx", "second.docx"):
        assert any(f"{name}: Unexpected element 'tblW'" in e for e in errors), errors


def test_a_style_missing_from_styles_met_before_is_an_error(tmp_path: Path) -> None:
    """The checks across parts read the styles parsed once for every file that holds them: a
    second file with the same styles.xml, whose paragraph names a style it lacks, is named."""
    files = []
    for style in ("Heading1", "Nowhere"):
        document = docx.Document()
        paragraph = document.add_paragraph("Kính gửi Sở Nội vụ")
        paragraph._p.get_or_add_pPr().append(ooxml.element("w:pStyle", {"w:val": style}))
        data = io.BytesIO()
        document.save(data)
        files.append(data.getvalue())

    write_atomic(tmp_path / "styled.docx", files[0])
    assert [e for e in WATCHER.errors() if "Style" in e] == []
    write_atomic(tmp_path / "unstyled.docx", files[1])
    errors = WATCHER.errors()
    assert any("unstyled.docx: Style 'Nowhere' referenced but not defined" in e for e in errors)
