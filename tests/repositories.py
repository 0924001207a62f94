"""Copies of the bundled repository that tests start from, made the same way by a fixture of
tests/conftest.py and by the work a session prepares once (tests/commands/calc_files.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def application_repo(root: Path) -> Path:
    """The bundled data as it stood in the 2023 application cycle, at `root`: that cycle is
    current, so a test sees both deadlines (indicators and form answers) and the registry
    before 2025; no submissions."""
    for name in ("data", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    (root / "submissions").mkdir()
    assignments = root / "data/assignments.yaml"
    text = assignments.read_text(encoding="utf-8")
    assert 'current_cycle: "2025"' in text
    assignments.write_text(text.replace('current_cycle: "2025"', 'current_cycle: "2023"'), "utf-8")
    return root
