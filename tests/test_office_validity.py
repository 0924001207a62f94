"""The OOXML check of tests/office_validity.py bites: a Word file with a child out of the
schema's order, written through hcmlc's writer, is reported with its place."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
from openxml_audit import OpenXmlValidator

from hcmlc.files.atomic import write_atomic
from hcmlc.render import ooxml
from office_validity import WATCHER, validator


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


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED = {
    "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>Tổng</t></si></sst>',
    "[Content_Types].xml": '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "xl/_rels/workbook.xml.rels": '<Relationship Id="rIdShared" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>",
}
"""A populated shared-strings table: the part, its content type and the workbook's link."""


def _with_sheet(cells: list[str], shared: bool) -> bytes:
    """A workbook whose sheet holds an inline-string cell of each of `cells`, beside a populated
    shared-strings table (`shared`) or none."""
    book = openpyxl.Workbook()
    book.active["A1"] = 1
    source = io.BytesIO()
    book.save(source)
    row = "".join(
        f'<c r="{chr(65 + i)}2" t="inlineStr"><is><t>{words}</t></is></c>'
        for i, words in enumerate(cells)
    )
    made = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(made, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</row>", f'</row><row r="2">{row}</row>'.encode(), 1)
            if shared and name in SHARED:
                end = data.rindex(b"</")
                data = data[:end] + SHARED[name].encode()
            new.writestr(name, data)
        if shared:
            new.writestr("xl/sharedStrings.xml", SHARED["xl/sharedStrings.xml"])
    return made.getvalue()


def test_inline_strings_without_shared_strings_are_found_in_every_workbook(
    tmp_path: Path,
) -> None:
    """The canonical-form check is kept per worksheet by its elements and attributes: a second
    workbook whose sheet has other words is named too, one with another count of inline cells
    has its own count, and one beside a populated shared-strings table has nothing; each as a
    validator that keeps nothing finds."""
    books = {
        "two.xlsx": _with_sheet(["Kính gửi", "Sở Nội vụ"], shared=False),
        "two-again.xlsx": _with_sheet(["Phường", "Bến Thành"], shared=False),
        "three.xlsx": _with_sheet(["Phường", "Bến", "Thành"], shared=False),
        "shared.xlsx": _with_sheet(["Kính gửi", "Sở Nội vụ"], shared=True),
    }
    found = {}
    for name, data in books.items():
        path = tmp_path / name
        path.write_bytes(data)
        kept = [e for e in validator().validate(path).errors if e.id == "Excel_InlineStrCells"]
        fresh = OpenXmlValidator().validate(path).errors
        assert [(e.description, e.part_uri) for e in kept] == [
            (e.description, e.part_uri) for e in fresh if e.id == "Excel_InlineStrCells"
        ]
        found[name] = [(e.part_uri, e.description.split(" (")[0]) for e in kept]
    sheet = "/xl/worksheets/sheet1.xml"
    assert found == {
        "two.xlsx": [(sheet, "Worksheet sheet1.xml has 2 inline-string cell(s)")],
        "two-again.xlsx": [(sheet, "Worksheet sheet1.xml has 2 inline-string cell(s)")],
        "three.xlsx": [(sheet, "Worksheet sheet1.xml has 3 inline-string cell(s)")],
        "shared.xlsx": [],
    }


def test_a_paragraph_like_a_clean_one_but_wrong_is_an_error_in_every_file(tmp_path: Path) -> None:
    """A paragraph found clean is remembered by its tags and attributes; one that differs only
    by a child out of place is checked, and named in each file that holds it, at its place."""

    def letter(words: str, wrong: bool) -> bytes:
        document = docx.Document()
        for line in ("Kính gửi", words, "Trân trọng"):
            document.add_paragraph(line).add_run(" (hcmlc)").bold = True
        if wrong:  # paragraph properties after the runs: where the schema forbids them
            document.paragraphs[1]._p.append(ooxml.element("w:pPr", {}))
        data = io.BytesIO()
        document.save(data)
        return data.getvalue()

    write_atomic(tmp_path / "clean.docx", letter("Sở Nội vụ", wrong=False))
    assert [e for e in WATCHER.errors() if "pPr" in e] == []  # python-docx's template has others
    for name, words in (("first.docx", "Sở Y tế"), ("second.docx", "Phường Bến Thành")):
        write_atomic(tmp_path / name, letter(words, wrong=True))
        errors = WATCHER.errors()
        expected = f"{name}: Unexpected element 'pPr' found at /document[1]/body[1]/p[2]"
        assert expected in errors, errors


def _with_index(words: str, index: int) -> bytes:
    """A workbook whose sheet holds `words` inline and a cell naming shared string `index`,
    beside a shared-strings table of one string."""
    data = _with_sheet([words], shared=True)
    made = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(made, "w") as new:
        for name in old.namelist():
            part = old.read(name)
            if name == "xl/worksheets/sheet1.xml":
                cell = f'<c r="B1" t="s"><v>{index}</v></c></row>'
                part = part.replace(b"</row>", cell.encode(), 1)
            new.writestr(name, part)
    return made.getvalue()


def test_a_shared_string_past_the_table_is_found_in_every_workbook(tmp_path: Path) -> None:
    """The check across a workbook's parts is kept by the main part and whether cells name
    shared strings, where every index is in the table: a workbook of the same parts whose
    sheet names a string past the table is checked, and named, each time; as a validator that
    keeps nothing finds."""
    books = {
        "clean.xlsx": _with_index("Tổng", 0),
        "clean-again.xlsx": _with_index("Phường Bến Thành", 0),
        "past.xlsx": _with_index("Tổng", 1),
        "far-past.xlsx": _with_index("Phường Bến Thành", 7),
        "below.xlsx": _with_index("Tổng", -1),
    }
    found = {}
    for name, data in books.items():
        path = tmp_path / name
        path.write_bytes(data)
        kept = [e for e in validator().validate(path).errors if "Shared string" in e.description]
        fresh = OpenXmlValidator().validate(path).errors
        assert [(e.description, e.part_uri) for e in kept] == [
            (e.description, e.part_uri) for e in fresh if "Shared string" in e.description
        ]
        found[name] = [(e.part_uri, e.description) for e in kept]
    sheet = "/xl/worksheets/sheet1.xml"
    assert found == {
        "clean.xlsx": [],
        "clean-again.xlsx": [],
        "past.xlsx": [(sheet, "Shared string index 1 out of range (count 1)")],
        "far-past.xlsx": [(sheet, "Shared string index 7 out of range (count 1)")],
        "below.xlsx": [(sheet, "Shared string index -1 is invalid")],
    }

    write_atomic(tmp_path / "written.xlsx", _with_index("Sở Nội vụ", 3))
    errors = WATCHER.errors()
    assert "written.xlsx: Shared string index 3 out of range (count 1) at " in errors, errors


WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEAN_STYLES = f'<w:styles xmlns:w="{WORD}"/>'.encode()
STYLES = ("word/styles.xml", "word/stylesWithEffects.xml")


def _lean(document: docx.document.Document) -> io.BytesIO:
    """`document` saved with empty styles parts, for the tests of what a document's own part
    holds: python-docx's template carries 0.8 MB of styles, which a validator that keeps
    nothing would check in full for every file (a third of a second each)."""
    saved = io.BytesIO()
    document.save(saved)
    lean = io.BytesIO()
    with zipfile.ZipFile(saved) as old, zipfile.ZipFile(lean, "w") as new:
        for name in old.namelist():
            new.writestr(name, LEAN_STYLES if name in STYLES else old.read(name))
    return lean


def _footnoted(notes: list[str]) -> bytes:
    """A letter whose paragraph refers to footnote 2, beside a footnotes part of `notes`' ids."""
    document = docx.Document()
    run = document.add_paragraph("Kính gửi Sở Nội vụ").add_run()
    run._r.append(ooxml.element("w:footnoteReference", {"w:id": "2"}))
    source = _lean(document)
    footnotes = f'<w:footnotes xmlns:w="{WORD}">' + "".join(
        f'<w:footnote w:id="{note}"><w:p/></w:footnote>' for note in notes
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    made = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(made, "w") as new:
        for name in old.namelist():
            part = old.read(name)
            if name == "[Content_Types].xml":
                part = part.replace(b"</Types>", override.encode())
            new.writestr(name, part)
        new.writestr("word/footnotes.xml", footnotes + "</w:footnotes>")
    return made.getvalue()


def test_a_footnote_missing_from_other_footnotes_is_found(tmp_path: Path) -> None:
    """A part's semantic findings are kept with the parts its cross-part rules read: the same
    letter, clean beside footnotes 1 and 2, names a footnote missing from another file's
    footnotes (the rule's own counts, kept by the id of a package, are each file's own); as a
    validator that keeps nothing finds."""
    found = {}
    for name, notes in (("both.docx", ["1", "2"]), ("one.docx", ["1"]), ("again.docx", ["2"])):
        path = tmp_path / name
        path.write_bytes(_footnoted(notes))
        missing = "Sem_CrossPartReferenceMissing"
        kept = [e for e in validator().validate(path).errors if e.id == missing]
        fresh = OpenXmlValidator().validate(path).errors
        assert [(e.description, e.part_uri) for e in kept] == [
            (e.description, e.part_uri) for e in fresh if e.id == missing
        ]
        found[name] = [(e.part_uri, e.description.split(" was")[0]) for e in kept]
    assert found == {
        "both.docx": [],
        "one.docx": [("/word/document.xml", "Attribute 'id' value '2'")],
        "again.docx": [],
    }


def test_a_style_like_a_clean_one_but_wrong_is_an_error_in_every_file(tmp_path: Path) -> None:
    """A style found clean is remembered by its tags and attributes; one that differs only by
    a second name, where the schema allows one, is checked, and named in each file that holds
    it (the second file's styles differ in another style's name, so that its styles are
    checked again), at its place; as a validator that keeps nothing finds."""

    def letter(words: str, wrong: bool, normal: str) -> bytes:
        document = docx.Document()
        document.add_paragraph(words, style="Heading 1")
        source = io.BytesIO()
        document.save(source)
        made = io.BytesIO()
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(made, "w") as new:
            for name in old.namelist():
                part = old.read(name)
                if name == "word/styles.xml":
                    named = f'<w:name w:val="{normal}"/>'.encode()
                    part = part.replace(b'<w:name w:val="Normal"/>', named)
                if name == "word/styles.xml" and wrong:
                    end = part.index(b"</w:style>", part.index(b'w:styleId="Heading1"'))
                    part = part[:end] + b'<w:name w:val="heading 1"/>' + part[end:]
                if name == "word/styles.xml":  # the styles up to Heading 1's, no latent ones
                    last = part.index(b"</w:style>", part.index(b'w:styleId="Heading1"'))
                    part = part[: last + len(b"</w:style>")] + b"</w:styles>"
                    start = part.index(b"<w:latentStyles")
                    end = part.index(b"</w:latentStyles>") + len(b"</w:latentStyles>")
                    part = part[:start] + part[end:]
                new.writestr(name, LEAN_STYLES if name == STYLES[1] else part)
        return made.getvalue()

    found = {}
    for name, words, wrong, normal in (
        ("clean.docx", "Kính gửi Sở Nội vụ", False, "Normal"),
        ("first.docx", "Kính gửi Sở Y tế", True, "Normal"),
        ("second.docx", "Kính gửi Phường Bến Thành", True, "Văn bản"),
    ):
        path = tmp_path / name
        path.write_bytes(letter(words, wrong, normal))
        kept = [e for e in validator().validate(path).errors if "'name'" in e.description]
        fresh = OpenXmlValidator().validate(path).errors
        assert [(e.description, e.path) for e in kept] == [
            (e.description, e.path) for e in fresh if "'name'" in e.description
        ]
        found[name] = [(e.part_uri, e.description, e.path) for e in kept]
    wrong = [("/word/styles.xml", "Unexpected element 'name' found", "/styles[1]/style[6]")]
    assert found == {"clean.docx": [], "first.docx": wrong, "second.docx": wrong}


def test_the_remembered_paths_are_the_paths_worked_out() -> None:
    """openxml-audit's relationship paths, remembered per input, are those it works out: a
    relationship's target from each source part (relative, absolute, external, from the
    package), each asked twice (worked out, then remembered), and a part's relationships part."""
    from openxml_audit.relationships import Relationship, get_rels_path

    validator()
    cases = [
        (("../media/image1.png", "Internal", "/word/document.xml"), "/media/image1.png"),
        (("media/image1.png", "Internal", "/word/document.xml"), "/word/media/image1.png"),
        (("media/image1.png", "Internal", "/word/header1.xml"), "/word/media/image1.png"),
        (("/xl/styles.xml", "Internal", "/xl/workbook.xml"), "/xl/styles.xml"),
        (("https://hcmc.gov.vn", "External", "/word/document.xml"), "https://hcmc.gov.vn"),
        (("word/document.xml", "Internal", "/"), "/word/document.xml"),
    ]
    for (target, mode, source), expected in cases * 2:
        rel = Relationship(id="rId1", type="t", target=target, target_mode=mode)
        assert rel.resolve_target(source) == expected
    assert get_rels_path("/") == "/_rels/.rels"
    assert get_rels_path("/word/document.xml") == "/word/_rels/document.xml.rels"
    assert get_rels_path("/xl/worksheets/sheet1.xml") == "/xl/worksheets/_rels/sheet1.xml.rels"


def _bookmarked(marks: list[str], long: bool) -> bytes:
    """A letter of a paragraph per bookmark id of `marks`, and one whose style's name is longer
    than the semantic rules allow (`long`)."""
    document = docx.Document()
    for number, mark in enumerate(marks):
        paragraph = document.add_paragraph("Kính gửi Sở Nội vụ")._p
        paragraph.insert(
            0, ooxml.element("w:bookmarkStart", {"w:id": mark, "w:name": f"b{number}"})
        )
        paragraph.append(ooxml.element("w:bookmarkEnd", {"w:id": mark}))
    if long:
        style = ooxml.element("w:pStyle", {"w:val": "S" * 300})
        document.add_paragraph("Trân trọng")._p.get_or_add_pPr().append(style)
    return _lean(document).getvalue()


def test_a_paragraph_like_a_clean_one_but_wrong_in_its_part_is_found(tmp_path: Path) -> None:
    """The semantic rules' findings of a paragraph found clean are remembered only where they
    read nothing but its tags and attributes: a paragraph like a clean one whose bookmark id is
    used again in its part is named, and a paragraph whose style name is too long is named in
    each file that holds it; as a validator that keeps nothing finds."""
    found = {}
    for name, marks, long in (
        ("one.docx", ["1"], False),
        ("twice.docx", ["1", "1"], False),
        ("long.docx", ["2"], True),
        ("long-again.docx", ["2", "3"], True),
    ):
        path = tmp_path / name
        path.write_bytes(_bookmarked(marks, long))
        kept = [e for e in validator().validate(path).errors if e.path.startswith("/document")]
        fresh = OpenXmlValidator().validate(path).errors
        assert [(e.description, e.path) for e in kept] == [
            (e.description, e.path) for e in fresh if e.path.startswith("/document")
        ]
        found[name] = [(e.description.split(".")[0], e.path) for e in kept]
    body = "/document[1]/body[1]"
    assert found == {
        "one.docx": [],
        "twice.docx": [
            ("Attribute 'id' should have unique value", f"{body}/p[1]/bookmarkStart[1]"),
            ("Attribute 'id' should have unique value", f"{body}/p[1]/bookmarkEnd[1]"),
        ],
        "long.docx": [
            ("Attribute 'val' length 300 exceeds maximum 253", f"{body}/p[2]/pPr[1]/pStyle[1]")
        ],
        "long-again.docx": [
            ("Attribute 'val' length 300 exceeds maximum 253", f"{body}/p[3]/pPr[1]/pStyle[1]")
        ],
    }
