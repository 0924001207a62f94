"""What the hostile cases share: a valid submission to start from, and how to read results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def located(problems: list[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each problem."""
    return [(p["path"], p["line"], p["column"], p["code"]) for p in problems]


def word_template(path: Path, *paragraphs: str) -> Path:
    """A .docx template with one paragraph per text (what a pull request could bring)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def snapshot(*folders: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder below `folders`: (mode, size, modification time) by path, to
    show that a run read or wrote nothing it should not (a new file, a changed one)."""
    seen = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            status = path.lstat()
            seen[str(path)] = (status.st_mode, status.st_size, status.st_mtime_ns)
    return seen
