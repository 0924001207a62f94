"""Documents hcmlc writes again on every run, and the words a person may have added to them.

Each document carries the digest of its content as hcmlc wrote it: a .docx in its properties
(dc:identifier), a Markdown file in a closing comment. Before writing a document again, hcmlc
reads it: unchanged since it wrote it, it is replaced, and the command says so; changed (edited
in Word, say) or not written by hcmlc, it is kept, unless the user forces the replacement,
because regenerating would lose what was added by hand.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.files.docx_parts import Parts, rewrite
from hcmlc.i18n import _, counted

PREFIX = "hcmlc:sha256:"
_IDENTIFIER = re.compile(rb"<dc:identifier>[^<]*</dc:identifier>")
_CORE_END = b"</cp:coreProperties>"
_TEXT_STAMP = re.compile(r"\n<!-- hcmlc:sha256:([0-9a-f]{64}) -->\n\Z")


def stamp_docx(data: bytes) -> bytes:
    """`data` with the digest of its body in its properties."""
    return rewrite(data, stamp)


def stamp(parts: Parts) -> None:
    """The step of `docx_parts.rewrite` that writes the digest of a document's body in its
    properties (last: after every step that changes the body)."""
    digest = _digest(parts["word/document.xml"])
    parts["docProps/core.xml"] = _IDENTIFIER.sub(b"", parts["docProps/core.xml"]).replace(
        _CORE_END, f"<dc:identifier>{PREFIX}{digest}</dc:identifier>".encode() + _CORE_END
    )


def stamp_text(text: str) -> str:
    """`text` with a closing comment holding its digest (Markdown shows no comment)."""
    body = text.rstrip("\n")
    return f"{body}\n\n<!-- {PREFIX}{_digest(body.encode('utf-8'))} -->\n"


def unchanged(path: Path) -> bool:
    """Whether the document at `path` is exactly as hcmlc last wrote it."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if path.suffix == ".docx":
        return _docx_unchanged(data)
    text = data.decode("utf-8", errors="replace")
    found = _TEXT_STAMP.search(text)
    if found is None:
        return False
    body = text[: found.start()].rstrip("\n")
    return _digest(body.encode("utf-8")) == found.group(1)


def _docx_unchanged(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            core = docx.read("docProps/core.xml")
            digest = _digest(docx.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return f"<dc:identifier>{PREFIX}{digest}</dc:identifier>".encode() in core


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Replacing:
    """The documents a run is about to write that exist already (all unchanged, or forced)."""

    paths: list[Path]


def check_replaceable(paths: list[Path], force: bool, where_to_write: str) -> Replacing:
    """The existing documents among `paths`; a usage error, before anything is written, when
    one of them was changed since hcmlc wrote it and `force` is not given (`where_to_write`:
    where the user's words belong instead)."""
    existing = [p for p in paths if p.exists()]
    changed = [p for p in existing if p.is_dir() or not unchanged(p)]
    if changed and not force:
        shown = ", ".join(str(p) for p in changed[:3]) + (", …" if len(changed) > 3 else "")
        raise HcmlcError(
            counted(
                len(changed),
                "{n} file changed since hcmlc wrote it, or not written by hcmlc",
                "{n} files changed since hcmlc wrote them, or not written by hcmlc",
            )
            + f": {shown}",
            _(
                "writing again would lose what was added: keep your words in {where}, which "
                "every run prints; then run again with --force, or write elsewhere with --out"
            ).format(where=where_to_write),
        )
    return Replacing(existing)
