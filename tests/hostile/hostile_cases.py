"""What the hostile cases share: a valid submission to start from, and how to read results."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

GOOD = """\
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
"""
"""A valid submission of so-gddt for the 2023 cycle."""

SUBMISSION = "submissions/2023/so-gddt.yaml"


def unknown_keys(size: int) -> str:
    """A submission of at most `size` bytes: agency, cycle, then unknown keys (bench/hostile.py
    times validate on the same file)."""
    lines = ['agency: so-gddt\ncycle: "2023"\n']
    length, k = len(lines[0]), 0
    while length < size - 20:
        lines.append(f"key-{k}: x\n")
        length += len(lines[-1])
        k += 1
    return "".join(lines)


def located(problems: list[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each problem."""
    return [(p["path"], p["line"], p["column"], p["code"]) for p in problems]


def word_template(path: Path, *paragraphs: str) -> Path:
    """A .docx template with one paragraph per text (what a pull request could bring): python-
    docx's blank document with the paragraphs that its `add_paragraph` writes. The blank one is
    made once (making and saving it was a fifth of a hostile template's case); a text with a
    tab or a line break, which python-docx writes otherwise, is written by python-docx itself."""
    if any(mark in text for text in paragraphs for mark in "\t\n\r"):
        return _python_docx_template(path, *paragraphs)
    parts = dict(_blank_document())
    body = "".join(_paragraph(text) for text in paragraphs).encode("utf-8")
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + body, 1
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _python_docx_template(path: Path, *paragraphs: str) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@functools.cache
def _blank_document() -> dict[str, bytes]:
    """The parts of python-docx's blank document, in their order."""
    import docx

    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(stream) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert parts["word/document.xml"].count(b"<w:body>") == 1
    return parts


def _paragraph(text: str) -> str:
    """A paragraph of one run holding `text`, as python-docx's `add_paragraph(text)` writes it
    (a text with spaces at an end keeps them: `xml:space="preserve"`)."""
    if not text:
        return "<w:p/>"
    keep = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:p><w:r><w:t{keep}>{escape(text)}</w:t></w:r></w:p>"


def snapshot(*folders: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder below `folders`: (mode, size, modification time) by path, to
    show that a run read or wrote nothing it should not (a new file, a changed one)."""
    seen = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            status = path.lstat()
            seen[str(path)] = (status.st_mode, status.st_size, status.st_mtime_ns)
    return seen
