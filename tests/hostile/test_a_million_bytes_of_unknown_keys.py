"""A 1,000,000-byte file of unknown keys: the first 100 problems and one HCMLC-E053, in
linear time (`make bench` measures it: under 5 s with --format github)."""

from __future__ import annotations

from hostile_cases import SUBMISSION, unknown_keys

from hcmlc.diagnostics import MAX_PER_FILE
from hcmlc.yamlfiles.reader import MAX_BYTES


def test_github_format_lists_100_and_says_the_rest_are_not_listed(hcmlc, repo, monkeypatch):
    text = unknown_keys(MAX_BYTES)
    assert MAX_BYTES - 20 <= len(text.encode()) <= MAX_BYTES
    repo.write(SUBMISSION, text)
    summary = repo.root / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, err = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == MAX_PER_FILE + 2  # the problems, E053, the summary line
    assert lines[0].startswith(
        f"::error file={SUBMISSION},line=3,col=1,title=HCMLC-E011 unknown-key::unknown key `key-0`"
    )
    assert lines[MAX_PER_FILE].startswith(
        f"::error file={SUBMISSION},line=103,col=1,title=HCMLC-E053 too-many-problems::"
        "more than 100 problems in this file: the rest are not listed"
    )
    assert lines[-1] == "101 errors, 0 warnings in 6 files checked"
    assert summary.stat().st_size < 50_000


def test_json_format_says_the_same(validate_json, repo) -> None:
    repo.write(SUBMISSION, unknown_keys(MAX_BYTES))
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["code"] for p in problems] == ["HCMLC-E011"] * MAX_PER_FILE + ["HCMLC-E053"]
    assert problems[-1]["hint"] == "fix these first, then run `hcmlc validate` again"


def test_100_000_unknown_indicator_ids(validate_json, repo) -> None:
    """Past the schema, the rules stop too: no 100,000 "did you mean" searches."""
    entries = "".join(f"  9.9.{k}.a:\n    value: 1\n    year: 2022\n" for k in range(20_000))
    repo.write(SUBMISSION, 'agency: so-gddt\ncycle: "2023"\nindicators:\n' + entries)
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["code"] for p in problems] == ["HCMLC-E020"] * MAX_PER_FILE + ["HCMLC-E053"]
    assert problems[0]["message"] == "unknown indicator `9.9.0.a`"
