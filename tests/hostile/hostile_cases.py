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
