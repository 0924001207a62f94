"""The workflow that publishes the status page: GitHub's own Pages actions pinned by commit,
least permissions, and shell steps that publish a page with a banner but stop on a real
failure (issue 16)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from hcmlc.cli.app import app
from hcmlc.yamlfiles.reader import read_yaml

PROJECT = Path(__file__).resolve().parents[1]
WORKFLOW = ".github/workflows/publish-dashboard.yml"
PINNED = re.compile(r"^\s*(?:- )?uses: (actions/[a-z-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    document = read_yaml(PROJECT / WORKFLOW, WORKFLOW)
    assert document.problems == []
    return document.data


def step(workflow: dict[str, Any], name: str) -> dict[str, Any]:
    [found] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == name]
    return found


def test_runs_on_the_default_branch_and_each_morning(workflow) -> None:
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["on"]["schedule"] == [{"cron": "0 1 * * *"}]
    assert "workflow_dispatch" in workflow["on"]


def test_least_permissions(workflow) -> None:
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


def test_every_action_is_githubs_own_pinned_by_commit() -> None:
    lines = [
        line
        for line in (PROJECT / WORKFLOW).read_text("utf-8").splitlines()
        if "uses:" in line and not line.lstrip().startswith("#")
    ]
    pinned = [PINNED.match(line) for line in lines]
    assert all(pinned), [line for line, match in zip(lines, pinned, strict=True) if not match]
    assert [m.group(1) for m in pinned if m] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]


def test_builds_the_site_with_commands_that_exist(workflow) -> None:
    commands = {c.name for c in typer.main.get_command(app).commands.values()}
    scripts = " ".join(
        s["run"] for s in workflow["jobs"]["build"]["steps"] if isinstance(s.get("run"), str)
    )
    used = set(re.findall(r"\bhcmlc ([a-z-]+)", scripts))
    assert {"dashboard"} <= used <= commands
    # the form and the report are built with the page, from the same data and day
    assert (
        "hcmlc dashboard --out site --documents" in step(workflow, "Build the status page")["run"]
    )
    guides = step(workflow, "Build the guides")["run"]
    assert "make docs" in guides and "cp -R build/docs site/docs" in guides
    upload = workflow["jobs"]["build"]["steps"][-1]
    assert upload["with"] == {"path": "site"}
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_audit_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--persona=auditor", WORKFLOW],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("exit_code", "passes"), [(0, True), (1, True), (2, False), (3, False)])
def test_a_page_with_a_banner_is_published_a_failure_is_not(
    workflow, tmp_path, exit_code, passes
) -> None:
    """The step's script, with an `hcmlc` that exits as the real one does in each case."""
    stub = tmp_path / "bin/hcmlc"
    stub.parent.mkdir()
    stub.write_text(f"#!/bin/sh\nexit {exit_code}\n")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]
        + [step(workflow, "Build the status page")["run"]],
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode == 0) is passes
    assert ("::warning::the data has errors" in result.stdout) is (exit_code == 1)
