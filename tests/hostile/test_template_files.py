"""Hostile template files: a FIFO, a zip bomb, a file that is no .docx, an XML entity naming a
file outside, tags shaped to make docxtpl's regular expressions take quadratic time. Each ends
in a located error (exit 2) within seconds, and nothing outside the repository is read."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from hostile_cases import word_template


def fill(hcmlc, root, template, out):
    return hcmlc("fill-form", "--root", str(root), "--template", str(template), "--out", str(out))


def rewritten(template, name: str, change) -> None:
    """`template` with its part `name` changed by `change` (bytes → bytes)."""
    source = zipfile.ZipFile(io.BytesIO(template.read_bytes()))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if info.filename == name else data)
    template.write_bytes(stream.getvalue())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_the_template(hcmlc, repo, tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe.docx")
    code, _, err = fill(hcmlc, repo.root, tmp_path / "pipe.docx", tmp_path / "form.docx")
    assert code == 2
    assert err == (  # refused by its type, never opened
        f"error: cannot read the template {tmp_path / 'pipe.docx'}: a FIFO (named pipe)\n"
        "hint: pass a Word document (.docx) with --template\n"
    )


def test_a_zip_bomb(hcmlc, repo, tmp_path) -> None:
    """A part that claims to unpack to 250 MB (its size patched in the zip's directory: the
    same as deflating 250 MB of zeros, without the wait)."""
    template = word_template(tmp_path / "bomb.docx", "{{ city }}")
    with zipfile.ZipFile(template, "a", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/media/zeros.bin", b"\0" * 1000)
    data = bytearray(template.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # the last central directory record: zeros.bin
    data[entry + 24 : entry + 28] = (250_000_000).to_bytes(4, "little")  # uncompressed size
    template.write_bytes(bytes(data))
    assert template.stat().st_size < 1_000_000
    code, _, err = fill(hcmlc, repo.root, template, tmp_path / "form.docx")
    assert code == 2
    assert err.startswith(
        f"error: the template {template} is broken: it would unpack to more than "
        "200,000,000 bytes\n"
    )


@pytest.mark.parametrize("content", [b"hello", b"PK\x03\x04 not a zip", b""])
def test_not_a_word_document(hcmlc, repo, tmp_path, content: bytes) -> None:
    template = tmp_path / "form.docx"
    template.write_bytes(content)
    code, _, err = fill(hcmlc, repo.root, template, tmp_path / "out.docx")
    assert code == 2
    assert err.startswith(
        f"error: the template {template} is broken: it is not a Word document (.docx)\n"
    )


def test_an_external_entity_reads_nothing(hcmlc, repo, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    folder = tmp_path_factory.mktemp("pr")
    template = word_template(folder / "xxe.docx", "PLACEHOLDER {{ city }}")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()

    def with_entity(xml: bytes) -> bytes:
        head, body = xml.split(b"?>", 1)
        return head + b"?>\n" + doctype + body.replace(b"PLACEHOLDER", b"&xxe;")

    rewritten(template, "word/document.xml", with_entity)
    out = folder / "form.docx"
    code, _, err = fill(hcmlc, repo.root, template, out)
    assert (code, err) == (0, "")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "TOPSECRET" not in text and "Hồ Chí Minh" in text


QUADRATIC = {
    "many openers": ("{{" * 200_000, "`{{` inside another tag"),
    "a tag never closed": ("{{ city " + "x " * 100_000, "`{{` is never closed"),
    "a long tag": (
        "{{ city" + " " * 100_000 + "}}",
        "a tag of 100,009 characters, over the limit of 2,000",
    ),
    "a percent in colspan": (
        "{% colspan 1" + " " * 1_900 + "% %}",
        "`%` inside `{% colspan %}` or `{% cellbg %}`",
    ),
}


@pytest.mark.parametrize("case", sorted(QUADRATIC))
def test_tags_that_would_take_quadratic_time(hcmlc, repo, tmp_path, case: str) -> None:
    text, detail = QUADRATIC[case]
    template = tmp_path / "slow.docx"
    document = docx.Document()
    document.add_paragraph("Đơn đăng ký")
    document.add_table(rows=1, cols=1).cell(0, 0).text = text
    document.save(str(template))
    code, _, err = fill(hcmlc, repo.root, template, tmp_path / "form.docx")
    assert code == 2
    assert err.startswith(
        f"error: the template {template} is broken at word/document.xml, paragraph 2 "
    )
    assert f"{detail}\n" in err
