"""`.pre-commit-hooks.yaml`: a city's data repository runs `hcmlc validate` as a hook."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from hcmlc.yamlio import read_yaml

PROJECT = Path(__file__).resolve().parents[1]


def hook() -> dict[str, str]:
    document = read_yaml(PROJECT / ".pre-commit-hooks.yaml", ".pre-commit-hooks.yaml")
    assert document.problems == []
    [found] = document.data
    return found


def test_the_hook() -> None:
    found = hook()
    assert {k: found[k] for k in ("id", "entry", "language", "pass_filenames")} == {
        "id": "hcmlc-validate",
        "entry": "hcmlc validate",
        "language": "python",
        "pass_filenames": "true",
    }
    files = re.compile(found["files"])
    for name in (
        "submissions/2023/so-gddt.yaml",
        "submissions/2023/so-gddt.yml",
        "data/criteria.yaml",
    ):
        assert files.search(name), name
    for name in (
        "README.md",
        "schema/submission.schema.json",
        "templates/form.docx",
        "x/data/a.yaml",
    ):
        assert not files.search(name), name


def test_entry_with_filenames_runs_validate(hcmlc, bundled, monkeypatch) -> None:
    """pre-commit runs the entry in the repository's root with the staged files' paths."""
    command, *args = shlex.split(hook()["entry"])
    assert command == "hcmlc"
    monkeypatch.chdir(bundled)
    changed = "submissions/2023/so-y-te.yaml"
    assert hcmlc(*args, changed)[:2] == (0, "No problems found in 1 file.\n")
    # A staged file of data/ can break any submission: every file is reported on.
    assert hcmlc(*args, changed, "data/criteria.yaml")[:2] == (
        0,
        "No problems found in 33 files.\n",
    )
    path = bundled / changed
    path.write_text(path.read_text(encoding="utf-8").replace('cycle: "2023"', 'cycle: "2032"'))
    code, out, _ = hcmlc(*args, changed)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{changed}:3:8: error: unknown cycle `2032`")
