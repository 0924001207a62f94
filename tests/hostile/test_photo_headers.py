"""Photos whose headers lie: 0 px wide or tall, 0 dpi, 2³¹ px, a top-down BMP (negative
height). Each is a located error in validate, and a marked gap in fill-form, never a crash."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from hostile_cases import located
from PIL import Image

PATH = "submissions/2023/so-tttt.yaml"


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + body


def saved(format: str, **options: object) -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (2000, 1333), (40, 110, 160)).save(stream, format, **options)
    return stream.getvalue()


def top_down_bmp() -> bytes:
    data = bytearray(saved("BMP"))
    struct.pack_into("<i", data, 22, -struct.unpack_from("<i", data, 22)[0])
    return bytes(data)


CASES = {
    "zero-wide.png": (png(0, 1333), "0 × 1,333 px at 72 × 72 dpi"),
    "zero-tall.png": (png(2000, 0), "2,000 × 0 px at 72 × 72 dpi"),
    "huge.png": (png(2**31, 2**31 - 1), "2,147,483,648 × 2,147,483,647 px at 72 × 72 dpi"),
    "zero-dpi.tif": (saved("TIFF", dpi=(0, 0)), "2,000 × 1,333 px at 0 × 0 dpi"),
    "top-down.bmp": (top_down_bmp(), "2,000 × 4,294,965,963 px at 96 × 96 dpi"),
}


def submission(name: str) -> str:
    return (
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'
        f"  - path: photos/2023/{name}\n    caption: {{vi: Ảnh}}\n    copyright: Sở\n"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_names_the_damaged_header(repo, validate_json, name: str) -> None:
    data, claim = CASES[name]
    repo.write_bytes(f"photos/2023/{name}", data)
    repo.write(PATH, submission(name))
    code, problems = validate_json(repo.root)
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert located(errors) == [(PATH, 5, 11, "HCMLC-E035")]
    assert errors[0]["message"] == (
        f"the header of `{name}` claims {claim}, which no photo has: the file is damaged"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_fill_form_marks_the_photo_unusable(repo, hcmlc, tmp_path, name: str) -> None:
    repo.write_bytes(f"photos/2023/{name}", CASES[name][0])
    repo.write(PATH, submission(name))
    out = tmp_path / "form.docx"
    code, stdout, err = hcmlc("fill-form", "--root", str(repo.root), "--out", str(out))
    assert (code, err) == (0, "")
    assert f"photos/2023/{name}" in stdout and out.is_file()


def test_a_photo_with_zero_dpi_in_its_jfif_header_is_read_at_72(repo, validate_json) -> None:
    """python-docx reads a JPEG's 0 dpi as 72: the photo is usable, nothing to report."""
    repo.write_bytes("photos/2023/anh.jpg", saved("JPEG", dpi=(0, 0)))
    repo.write(PATH, submission("anh.jpg"))
    assert validate_json(repo.root)[1][0]["code"] == "HCMLC-W032"  # one photo of the 3 asked
