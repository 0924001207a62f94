"""`.pre-commit-hooks.yaml`: a city's data repository runs `hcmlc validate` as a hook."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hcmlc.yamlfiles.reader import read_yaml

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
        "data/frameworks.yaml",
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
    assert hcmlc(*args, changed, "data/frameworks.yaml")[:2] == (
        0,
        "No problems found in 48 files.\n",
    )
    path = bundled / changed
    path.write_text(path.read_text(encoding="utf-8").replace('cycle: "2023"', 'cycle: "2032"'))
    code, out, _ = hcmlc(*args, changed)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{changed}:3:8: error: unknown cycle `2032`")


def test_a_staged_photo_reports_on_the_submission_that_names_it(hcmlc, bundled, monkeypatch):
    _hcmlc, *args = shlex.split(hook()["entry"])
    monkeypatch.chdir(bundled)
    photo = "photos/2023/thu-vien.jpg"
    assert re.search(hook()["files"], photo)
    (bundled / photo).write_bytes(b"not a picture")
    code, out, _ = hcmlc(*args, photo)
    assert code == 1
    assert out.splitlines()[0].startswith("submissions/2023/so-tttt.yaml:19:13: error: ")
    assert "[HCMLC-E035]" in out.splitlines()[0]


def pre_commit_config() -> str:
    """The city's config: hcmlc's hook as .pre-commit-hooks.yaml declares it, run from the
    installed hcmlc (`language: python` would install hcmlc and its dependencies from PyPI)."""
    found = hook()
    hcmlc = Path(sys.executable).with_name("hcmlc")
    return textwrap.dedent(
        f"""\
        repos:
          - repo: local
            hooks:
              - id: {found["id"]}
                name: {found["name"]}
                entry: {hcmlc} validate
                language: unsupported
                files: {json.dumps(found["files"])}
                pass_filenames: {found["pass_filenames"]}
                require_serial: {found["require_serial"]}
        """
    )


def test_the_pre_commit_framework_blocks_a_breaking_data_change(
    before_migration, git, tmp_path
) -> None:
    """Changing 1.1.1.a's unit to `count` (in UNESCO's framework as a file of the city's own)
    breaks submissions that are not staged: blocked."""
    bundled = before_migration
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install pre-commit (requirements/dev.txt)")
        pytest.skip("pre-commit is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "HOME": str(tmp_path)}
    (bundled / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    git.init(bundled)
    git.commit(bundled, "The city's repository")
    installed = subprocess.run(
        [str(pre_commit), "install"], cwd=bundled, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr

    criteria = bundled / "data/criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    start = text.index('- id: "1.1.1.a"')
    unit = text.index('unit: "percent"', start)
    criteria.write_text(text[:unit] + 'unit: "count"' + text[unit + 15 :], encoding="utf-8")
    git(bundled, "add", "data/criteria.yaml")
    commit = subprocess.run(
        ["git", "commit", "--quiet", "--message", "1.1.1.a counts"],
        cwd=bundled,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # git shows the hook's output on its standard error
        text=True,
    )
    assert commit.returncode == 1, commit.stdout
    assert "hcmlc validate" in commit.stdout and "Failed" in commit.stdout
    assert "submissions/2023/so-gddt.yaml:10:12: error: indicator 1.1.1.a: 98.9 does not fit" in (
        commit.stdout
    )
    assert "7 errors, 0 warnings in 49 files checked" in commit.stdout
    assert git(bundled, "log", "--format=%s") == "The city's repository\n"  # nothing committed

    criteria.write_text(text, encoding="utf-8")  # put it back: the same hook lets it through
    git(bundled, "add", "data/criteria.yaml")
    note = bundled / "data/targets.yaml"
    note.write_text(note.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    git(bundled, "add", "data/targets.yaml")
    commit = subprocess.run(
        ["git", "commit", "--quiet", "--message", "Targets reviewed"],
        cwd=bundled,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert commit.returncode == 0, commit.stdout
    assert "hcmlc validate" in commit.stdout and "Passed" in commit.stdout
