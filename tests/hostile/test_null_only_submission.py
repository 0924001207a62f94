"""A submission that is only `~`, `null` or `---` says nothing: an empty file, not ignored."""

from __future__ import annotations

import pytest
from hostile_cases import SUBMISSION, located


@pytest.mark.parametrize("text", ["~\n", "null\n", "---\n", "--- ~\n", "Null\n...\n"])
def test_a_file_that_holds_only_null_is_empty(repo, validate_json, text: str) -> None:
    repo.write(SUBMISSION, text)
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 1, 1, "HCMLC-E003")]
    assert problems[0]["message"] == "the file is empty"
    assert problems[0]["hint"] == "write the file's keys, or delete it"
