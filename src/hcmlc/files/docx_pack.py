"""A .docx zipped in one pass from its parts, as `docx_parts.rewrite` zips it, each distinct part
compressed once per process: the letters of a run share all their parts but three (the body,
the header, the properties), and the styles alone are 350 KB to compress.

The archive is written by `zipfile` itself; only the compressing of a part already met is
skipped, by handing `zipfile` the bytes it would compute (the same zlib stream: the default
level, raw deflate). Should a Python release write its entries otherwise, the part is
compressed by `zipfile` as usual: slower, never different."""

from __future__ import annotations

import io
import time
import zipfile
import zlib

from hcmlc.files.docx_parts import _COMPRESSED, Parts
from hcmlc.kept import Kept

_DEFLATED: Kept[bytes, bytes] = Kept(64, recent=True)
"""Compressed parts remembered (the least recently used forgotten first): a template's parts
and a few documents' own."""


def pack(parts: Parts, date_time: tuple[int, int, int, int, int, int] | None = None) -> bytes:
    """The .docx of `parts` (by name, in order), every entry dated `date_time` (default: now,
    as python-docx dates the entries it writes), images stored, the rest deflated."""
    stamp = date_time or time.localtime(time.time())[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o600 << 16  # ?rw------- as zipfile gives a part named by text
            if name.lower().endswith(_COMPRESSED):  # images: stored, as `rewrite` stores them
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, content)
                continue
            info.compress_type = zipfile.ZIP_DEFLATED
            with target.open(info, "w") as entry:
                if hasattr(entry, "_compressor"):  # else zipfile compresses it, as ever
                    entry._compressor = _Once(_deflated(content))
                entry.write(content)  # zipfile counts its size and checksum
    return out.getvalue()


class _Once:
    """Stands in for zipfile's compressor of one entry: the stream already made."""

    def __init__(self, stream: bytes) -> None:
        self.stream = stream

    def compress(self, _data: bytes) -> bytes:
        stream, self.stream = self.stream, b""
        return stream

    def flush(self) -> bytes:
        return b""


def _deflated(content: bytes) -> bytes:
    """`content` as zipfile deflates it (zlib's default level, raw), remembered by content."""
    return _DEFLATED.made(content, lambda: _deflate(content))


def _deflate(content: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()
