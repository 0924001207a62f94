"""A .docx rewritten in one pass: its parts read once, edited in memory by each step in turn
(the document's language, its fingerprint, its digest), and zipped once. Images, already
compressed, are stored as they are rather than compressed again."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

Parts = dict[str, bytes]
"""The parts of a package by name, in its order; a step may change, add or remove parts."""
Step = Callable[[Parts], None]
_COMPRESSED = (".png", ".jpg", ".jpeg", ".gif")


def rewrite(data: bytes, *steps: Step) -> bytes:
    """The .docx `data` with its parts passed through `steps`, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = {info.filename: info for info in source.infolist()}
        parts = {name: source.read(name) for name in infos}
    for step in steps:
        step(parts)
    stamp = next(iter(infos.values())).date_time if infos else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            info = infos.get(name) or zipfile.ZipInfo(name, date_time=stamp)
            kept = name.lower().endswith(_COMPRESSED)
            info.compress_type = zipfile.ZIP_STORED if kept else zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()
