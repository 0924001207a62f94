"""Strings far longer than any field holds: refused with their length, quoted only in part."""

from __future__ import annotations

from hostile_cases import GOOD, SUBMISSION, located


def test_a_name_of_900_000_characters(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD + "prepared_by: " + "Phong " * 150_000 + "\n")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 9, 14, "HCMLC-E012")]
    assert problems[0]["message"] == (
        "`prepared_by` is 899,999 characters long, over the limit of 10,000"
    )


def test_an_id_of_a_thousand_characters(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD.replace("agency: so-gddt", "agency: " + "so-" * 333))
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 1, 9, "HCMLC-E012")]
    assert problems[0]["message"] == "`agency` is 999 characters long, over the limit of 64"


def test_a_long_unknown_key_is_quoted_in_part(repo, validate_json) -> None:
    """(YAML allows a key over 1,024 characters only in the explicit `? key` form.)"""
    repo.write(SUBMISSION, GOOD + f"? {'k' * 5_000}\n: 1\n")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["message"] for p in problems] == [f"unknown key `{'k' * 59}…`"]


def test_a_long_unit_is_quoted_in_part(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD.replace("unit: percent", f"unit: {'u' * 5_000}"))
    code, problems = validate_json(repo.root)
    assert code == 1
    assert [p["message"] for p in problems] == [
        f"indicator 1.1.1.a is measured in `unit: percent`, not `{'u' * 59}…`"
    ]
