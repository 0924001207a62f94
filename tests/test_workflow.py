"""The pull-request workflow: its steps exist, its commands exist, its shell steps work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from hcmlc.cli import app
from hcmlc.yamlio import read_yaml

PROJECT = Path(__file__).resolve().parents[1]
WORKFLOW = ".github/workflows/validate-submissions.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    document = read_yaml(PROJECT / WORKFLOW, WORKFLOW)
    assert document.problems == []
    return document.data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return workflow["jobs"]["validate"]["steps"]


def step(workflow: dict[str, Any], name: str) -> dict[str, Any]:
    [found] = [s for s in steps(workflow) if s.get("name") == name]
    return found


def run_step(script: str, cwd: Path, **env: str) -> None:
    """A `run:` script as GitHub runs it with `shell: bash`."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, **env},
        check=True,
        capture_output=True,
    )


def test_runs_on_pull_requests_that_touch_the_programme(workflow) -> None:
    assert workflow["on"] == {
        "pull_request": {"paths": ["submissions/**", "data/**", "templates/**", "reports/**"]}
    }
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["validate"]["env"] == {"BASE_REF": "${{ github.base_ref }}"}


def test_the_key_steps(workflow) -> None:
    checkout, python = steps(workflow)[:2]
    assert checkout == {"uses": "actions/checkout@v4", "with": {"fetch-depth": "0"}}
    assert python == {"uses": "actions/setup-python@v5", "with": {"python-version": "3.11.9"}}
    assert step(workflow, "Install hcmlc")["run"].splitlines() == [
        "pip install --require-hashes -r requirements/run.txt",
        "pip install --no-deps --no-build-isolation .",
    ]
    assert step(workflow, "Validate the changed files")["run"] == (
        'hcmlc validate --changed-since "origin/$BASE_REF"'
    )
    drift = step(workflow, "Check that the schema and CODEOWNERS match data/")
    assert drift["run"].split("\n")[:2] == ["hcmlc schema --check", "hcmlc codeowners --check"]
    assert "steps.changes.outputs.data == 'true'" in drift["if"]
    assert (
        'hcmlc status --agency "$agency"'
        in step(workflow, "Show each changed agency's status")["run"]
    )
    assert step(workflow, "Fill in the membership form")["run"] == (
        "hcmlc fill-form --out gnlc-form.docx"
    )
    upload = step(workflow, "Upload the filled form")
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert upload["with"]["path"] == "gnlc-form.docx"


def test_no_expression_is_pasted_into_a_script(workflow) -> None:
    """`${{ … }}` inside `run:` would let a branch or file name inject shell code."""
    assert all("${{" not in s.get("run", "") for s in steps(workflow))


def test_every_hcmlc_command_it_runs_exists(workflow) -> None:
    used = {
        name
        for s in steps(workflow)
        for name in re.findall(r"\bhcmlc ([a-z][a-z-]*)", s.get("run", ""))
    }
    commands = set(typer.main.get_command(app).commands)
    assert used >= {"validate", "status", "schema", "codeowners", "fill-form"}
    assert used <= commands


def test_changed_agencies_and_status_in_the_summary(workflow, repo, git, tmp_path_factory) -> None:
    repo.write("submissions/2023/so-y-te.yaml", 'agency: so-y-te\ncycle: "2023"\n')
    repo.write("submissions/2023/quan-1.yaml", 'agency: quan-1\ncycle: "2023"\n')
    git.init(repo.root)
    git.commit(repo.root, "Base branch")
    git(repo.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    repo.write("submissions/2023/so-y-te.yaml", 'agency: so-y-te\ncycle: "2023"\nprepared_by: P\n')
    repo.write("submissions/2023/thu-duc.yml", 'agency: thu-duc\ncycle: "2023"\n')
    git(repo.root, "rm", "--quiet", "submissions/2023/quan-1.yaml")
    git.commit(repo.root, "Pull request")
    runner = tmp_path_factory.mktemp("runner")
    output, summary = runner / "output", runner / "summary.md"

    run_step(
        step(workflow, "Find the changed agencies")["run"],
        repo.root,
        BASE_REF="main",
        GITHUB_OUTPUT=str(output),
    )
    assert output.read_text().splitlines() == ["agencies=so-y-te thu-duc ", "data=false"]

    run_step(
        step(workflow, "Show each changed agency's status")["run"],
        repo.root,
        AGENCIES="so-y-te thu-duc ",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### hcmlc status --agency so-y-te\n```\nCycle 2023 — ")
    assert "To-do list of so-y-te — Department of Health\n" in text
    assert "To-do list of thu-duc — Thu Duc City People's Committee\n" in text
    assert text.count("```\n") == 4 and "\x1b[" not in text  # plain text in code blocks
