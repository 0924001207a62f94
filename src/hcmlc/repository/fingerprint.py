"""What a document was built from: the digest of the repository's data (data/ and every
submission file) and the day its figures are as of. The status page carries its own, and the
form and the report carry theirs in their .docx custom properties, so that `dashboard` never
publishes, beside a page, a document built from other data or of another day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from hcmlc.files.docx_parts import Parts, Step, rewrite
from hcmlc.repository.load import Repository

CUSTOM = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
DATA, AS_OF = "hcmlc-data", "hcmlc-as-of"
_PROPERTY = re.compile(
    rb'<property [^>]*name="(hcmlc-[a-z-]+)"[^>]*><vt:lpwstr>([^<]*)</vt:lpwstr></property>'
)


@dataclass(frozen=True)
class Fingerprint:
    """The data a document was built from, and the day it is as of."""

    data: str
    """The SHA-256 of the repository's data (`data_digest`)."""
    as_of: dt.date

    @property
    def short(self) -> str:
        return self.data[:12]


def data_digest(repo: Repository) -> str:
    """The SHA-256 of data/ and every submission file as read: path and content of each
    (a submission's content digest as the load took it, when it kept one: issue 29)."""
    digest = hashlib.sha256()
    for relative in sorted({*repo.data_files, *repo.paths}):
        digest.update(f"{len(relative)}:{relative}".encode())
        known = repo.digests.get(relative)
        if known is not None:
            digest.update(bytes.fromhex(known))
            continue
        try:
            content = (repo.root / relative).read_bytes()
        except OSError:  # unreadable: located by validate; its absence is part of the state
            content = b"\0unreadable"
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def fingerprint(repo: Repository, as_of: dt.date) -> Fingerprint:
    return Fingerprint(data_digest(repo), as_of)


def embed(data: bytes, found: Fingerprint) -> bytes:
    """The .docx `data` with `found` in its custom properties (docProps/custom.xml)."""
    return rewrite(data, embedding(found))


def embedding(found: Fingerprint) -> Step:
    """The step of `files.docx_parts.rewrite` that puts `found` in a document's custom
    properties (docProps/custom.xml, replacing any), declared in its content types and rels."""
    properties = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes">'
        + "".join(
            f'<property fmtid="{_FMTID}" pid="{pid}" name="{name}">'
            f"<vt:lpwstr>{_escape(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(
                ((DATA, found.data), (AS_OF, found.as_of.isoformat())), start=2
            )
        )
        + "</Properties>"
    ).encode()

    def step(parts: Parts) -> None:
        parts.pop(CUSTOM, None)
        types = parts.get("[Content_Types].xml", b"")
        if _CUSTOM_TYPE.encode() not in types:
            override = f'<Override PartName="/{CUSTOM}" ContentType="{_CUSTOM_TYPE}"/>'
            parts["[Content_Types].xml"] = types.replace(
                b"</Types>", override.encode() + b"</Types>"
            )
        rels = parts.get("_rels/.rels", b"")
        if _CUSTOM_REL.encode() not in rels:
            relation = f'<Relationship Id="rIdHcmlc" Type="{_CUSTOM_REL}" Target="{CUSTOM}"/>'
            parts["_rels/.rels"] = rels.replace(
                b"</Relationships>", relation.encode() + b"</Relationships>"
            )
        parts[CUSTOM] = properties

    return step


def read(data: bytes) -> Fingerprint | None:
    """The fingerprint a .docx carries; None when it has none (or is no .docx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            properties = docx.read(CUSTOM)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    found = {name.decode(): value.decode() for name, value in _PROPERTY.findall(properties)}
    try:
        return Fingerprint(found[DATA], dt.date.fromisoformat(found[AS_OF]))
    except (KeyError, ValueError):
        return None


def _escape(text: str) -> str:
    """`text` as XML character data (xml.sax.saxutils.escape, which imports urllib, http and
    ssl: 25 ms of every command's start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
