"""A file in submissions/ whose name is not UTF-8: reported under its name, shown escaped."""

from __future__ import annotations

import os
import sys

import pytest
from hostile_cases import GOOD, located

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or sys.platform == "darwin",
    reason="the file system keeps names as Unicode",
)


def test_a_name_that_is_not_utf8(repo, validate_json, hcmlc) -> None:
    folder = repo.root / "submissions/2023"
    folder.mkdir(parents=True)
    (folder / os.fsdecode(b"s\xf4-gd\xf0t.yaml")).write_text(GOOD, encoding="utf-8")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [("submissions/2023/s\\xf4-gd\\xf0t.yaml", 1, 1, "HCMLC-E006")]
    assert problems[0]["message"] == "the file's name is not UTF-8 text, so hcmlc does not read it"
    code, out, err = hcmlc("validate", "--root", str(repo.root))
    assert code == 1 and err == ""
    assert out.startswith("submissions/2023/s\\xf4-gd\\xf0t.yaml:1:1: error:")
    code, out, err = hcmlc("status", "--root", str(repo.root), "--as-of", "2023-09-01")
    assert code == 1 and "internal error" not in err


def test_a_pull_request_adding_such_a_name(repo, validate_json, git) -> None:
    """With --changed-since, as the workflow runs it: the new file's problem is reported."""
    git.init(repo.root)
    git.commit(repo.root, "the data")
    folder = repo.root / "submissions/2023"
    folder.mkdir(parents=True)
    (folder / os.fsdecode(b"s\xf4.yaml")).write_text(GOOD, encoding="utf-8")
    code, problems = validate_json(repo.root, "--changed-since", "HEAD")
    assert code == 1
    assert located(problems) == [("submissions/2023/s\\xf4.yaml", 1, 1, "HCMLC-E006")]
