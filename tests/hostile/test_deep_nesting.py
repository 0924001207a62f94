"""YAML nested hundreds of levels deep: refused where it gets too deep, never a crash."""

from __future__ import annotations

from hostile_cases import GOOD, SUBMISSION, located

from hcmlc.yamlfiles.reader import MAX_DEPTH


def test_block_nesting_900_levels_deep(repo, validate_json) -> None:
    lines = [GOOD.rstrip("\n"), "prepared_by:"]
    lines += ["  " * (level + 1) + f"k{level}:" for level in range(900)]
    repo.write(SUBMISSION, "\n".join(lines) + "\n")
    code, problems = validate_json(repo.root)
    assert code == 1
    # level L (the file's mapping is 1) starts on line 8 + L, indented 2 × (L - 1)
    assert located(problems) == [
        (SUBMISSION, 10, 3, "HCMLC-E012"),  # `prepared_by` must be a text
        (SUBMISSION, 59, 101, "HCMLC-E005"),
    ]
    assert problems[1]["message"] == f"the YAML is nested more than {MAX_DEPTH} levels deep"


def test_flow_nesting_beyond_what_the_parser_accepts(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD + "prepared_by: " + "[" * 5000 + "]" * 5000 + "\n")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["code"] for p in problems] == ["HCMLC-E001"]  # libyaml's own limit, located


def test_nesting_at_the_limit_is_read(repo, validate_json) -> None:
    # the file's mapping is level 1, `prepared_by`'s list level 2, … the innermost list 50
    repo.write(SUBMISSION, GOOD + "prepared_by: " + "[" * 49 + "]" * 49 + "\n")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["code"] for p in problems] == ["HCMLC-E012"]  # a list is no text: read, typed
