"""A .docx is zipped once after docxtpl saves it: its language, fingerprint and digest are
written in one rewrite, and its images are stored, not compressed again."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from hcmlc.files import docx_parts
from hcmlc.files.docx_parts import rewrite
from hcmlc.files.outputs import stamp, stamp_docx, unchanged
from hcmlc.render.docx_language import language, with_language
from hcmlc.repository.fingerprint import Fingerprint, embed, embedding, read


def package() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", b"<Types></Types>")
        docx.writestr("_rels/.rels", b"<Relationships></Relationships>")
        docx.writestr("word/document.xml", b"<w:document>body</w:document>")
        docx.writestr("word/styles.xml", b'<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
        docx.writestr("docProps/core.xml", b"<dc:language>en</dc:language></cp:coreProperties>")
        docx.writestr("word/media/image1.png", b"\x89PNG" + bytes(range(256)) * 40)
    return out.getvalue()


FOUND = Fingerprint("ab" * 32, dt.date(2025, 12, 20))


def test_one_rewrite_does_what_the_three_did() -> None:
    one = rewrite(package(), language("vi"), embedding(FOUND), stamp)
    three = stamp_docx(embed(with_language(package(), "vi"), FOUND))
    with zipfile.ZipFile(io.BytesIO(one)) as a, zipfile.ZipFile(io.BytesIO(three)) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())
        assert b'w:val="vi-VN"' in a.read("word/styles.xml")
        assert a.getinfo("word/media/image1.png").compress_type == zipfile.ZIP_STORED
        assert a.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED
    assert read(one) == FOUND


def test_the_report_is_zipped_once(hcmlc, bundled, monkeypatch) -> None:
    passes: list[int] = []
    original = docx_parts.rewrite

    def counted(data: bytes, *steps):  # type: ignore[no-untyped-def]
        passes.append(len(steps))
        return original(data, *steps)

    monkeypatch.setattr("hcmlc.render.report_docx.rewrite", counted)
    monkeypatch.setattr(docx_parts, "rewrite", counted)
    out = bundled / "report.docx"
    code, _, err = hcmlc("report", "--root", str(bundled), "--out", str(out), "--force")
    assert (code, err) == (0, "")
    assert passes == [3]  # language, fingerprint and digest: one pass
    assert unchanged(out) and read(out.read_bytes()) is not None
    with zipfile.ZipFile(out) as docx:
        media = [i for i in docx.infolist() if i.filename.startswith("word/media/")]
        assert len(media) == 20
        assert {i.compress_type for i in media} == {zipfile.ZIP_STORED}


@pytest.mark.parametrize("name", ["word/media/photo.JPG", "word/media/a.jpeg"])
def test_every_compressed_image_is_stored(name: str) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr(name, b"\xff\xd8" + bytes(1000))
    with zipfile.ZipFile(io.BytesIO(rewrite(data.getvalue()))) as docx:
        assert docx.getinfo(name).compress_type == zipfile.ZIP_STORED
        assert docx.read(name) == b"\xff\xd8" + bytes(1000)
