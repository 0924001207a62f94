"""`hcmlc validate --format github`: annotations on the lines, and a step summary of every problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_validate import GOOD

from hcmlc.diagnostics import Diagnostic
from hcmlc.render.github import annotation, step_summary

HCMLC = Path(sys.executable).with_name("hcmlc")


def test_workflow_command_escaping() -> None:
    """GitHub's escapes for `%`, `:` and `,`; a line break from input is shown, as `\x0a`:
    only the one before the hint is hcmlc's."""
    p = Diagnostic("submissions/2023/a,b:c.yaml", 3, 7, "HCMLC-E012", "100% sure\r\nnot", "x: y, z")
    assert annotation(p) == (
        "::error file=submissions/2023/a%2Cb%3Ac.yaml,line=3,col=7,title=HCMLC-E012 invalid-value"
        "::100%25 sure\\x0d\\x0anot [HCMLC-E012]%0Ahint: x: y, z"
    )


def test_a_warning_without_hint() -> None:
    p = Diagnostic("submissions/2023/so-tttt.yaml", 12, 3, "HCMLC-W032", "2 photos given")
    assert annotation(p) == (
        "::warning file=submissions/2023/so-tttt.yaml,line=12,col=3,title=HCMLC-W032 photo-count"
        "::2 photos given [HCMLC-W032]"
    )


def test_github_format_is_chosen_inside_github_actions(hcmlc, repo, monkeypatch) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("year: 2022", "year: 2030"))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    assert out.splitlines() == [
        "::error file=submissions/2023/so-gddt.yaml,line=7,col=11,"
        "title=HCMLC-E023 year-outside-cycle::year 2030 is outside cycle 2023, which covers "
        "2019–2023 [HCMLC-E023]%0Ahint: give the year the figure describes; older figures "
        "belong to an earlier cycle",
        "1 error, 0 warnings in 6 files checked",
    ]
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "text")
    assert out.startswith("submissions/2023/so-gddt.yaml:7:11: error: year 2030")


def test_step_summary_says_who_fixes_what(hcmlc, repo, monkeypatch, tmp_path) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("99.1", "80|5"))
    repo.write("submissions/2023/so-khong-co.yaml", "agency: so-khong-co\ncycle: '2023'\n")
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _, _ = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert code == 1
    assert summary.read_text(encoding="utf-8").splitlines() == [
        "# Earlier step",
        "### hcmlc validate: 2 errors, 0 warnings in 7 files checked",
        "",
        "Who must fix what:",
        "",
        "- `submissions/2023/so-gddt.yaml`: Department of Education and Training (`so-gddt`) — 1 error, 0 warnings",
        "- `submissions/2023/so-khong-co.yaml`: `so-khong-co` (not in data/assignments.yaml) — 1 error, 0 warnings",
        "",
        "| file | line | severity | code | message | hint |",
        "|---|---|---|---|---|---|",
        "| `submissions/2023/so-gddt.yaml` | 5 | error | HCMLC-E022 | indicator 1.1.1.a\\: `80\\|5` is not a number | write the figure alone, e.g. 98.5, with a dot for decimals; put words in `note` |",
        "| `submissions/2023/so-khong-co.yaml` | 1 | error | HCMLC-E020 | unknown agency `so-khong-co` | did you mean `so-khcn`? |",
    ]


def test_step_summary_only_in_github_format(hcmlc, repo, monkeypatch, tmp_path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    assert not summary.exists()
    assert hcmlc("validate", "--root", str(repo.root), "--format", "github")[0] == 0
    assert summary.read_text(encoding="utf-8") == (
        "### hcmlc validate: No problems found in 5 files.\n"
    )


def test_step_summary_of_a_broken_data_file() -> None:
    p = Diagnostic("data/criteria.yaml", 1, 1, "HCMLC-E003", "the file is empty")
    assert "- `data/criteria.yaml`: the coordinator — 1 error, 0 warnings" in step_summary(
        [p], 2, None
    )


def test_unwritable_step_summary_is_a_usage_error(hcmlc, repo, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-folder/summary.md"))
    code, _, err = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert code == 2 and "error: cannot write the step summary" in err


def test_in_a_real_github_actions_environment(repo, git, tmp_path_factory) -> None:
    """The installed script, as the workflow runs it: format chosen by the environment."""
    repo.write("submissions/2023/so-gddt.yaml", GOOD)
    git.init(repo.root)
    git.commit(repo.root, "so-gddt")
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("99.1", "80 %"))
    summary = tmp_path_factory.mktemp("runner") / "step_summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [str(HCMLC), "validate", "--changed-since", "HEAD"],
        cwd=repo.root / "submissions",
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "::error file=submissions/2023/so-gddt.yaml,line=5,col=12,title=HCMLC-E022 value-unit"
        "::indicator 1.1.1.a: `80 %25` is not a number [HCMLC-E022]%0A"
        "hint: write the number without the %25 sign: 80",
        "1 error, 0 warnings in 1 file checked",
    ]
    table = summary.read_text(encoding="utf-8").splitlines()
    assert table[0] == "### hcmlc validate: 1 error, 0 warnings in 1 file checked"
    assert table[-1] == (
        "| `submissions/2023/so-gddt.yaml` | 5 | error | HCMLC-E022 | indicator 1.1.1.a\\: "
        "`80 %` is not a number | write the number without the % sign\\: 80 |"
    )
