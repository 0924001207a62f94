"""Unknown keys named `str`, `int`, `float` or with brackets: each reported at its own place,
with its own name (they were taken for pydantic's union tags and shown as "the file", 1:1)."""

from __future__ import annotations

import pytest
from hostile_cases import GOOD, SUBMISSION, located


@pytest.mark.parametrize("key", ["str", "int", "float", "bool", "list[str]", "function-after[x]"])
def test_at_the_top_of_the_file(repo, validate_json, key: str) -> None:
    repo.write(SUBMISSION, GOOD + f'"{key}": 1\n')
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 9, 1, "HCMLC-E011")]
    assert problems[0]["message"] == f"unknown key `{key}`"


def test_inside_an_indicator_and_a_photo(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD + "    int: 2\n")
    repo.write(
        "submissions/2023/so-tttt.yaml",
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'
        "  - path: a.jpg\n    caption: {vi: Ảnh, str: x}\n",
    )
    code, problems = validate_json(repo.root)
    assert code == 1
    unknown = [p for p in problems if p["code"] == "HCMLC-E011"]
    assert [(p["path"], p["line"], p["column"], p["message"]) for p in unknown] == [
        ("submissions/2023/so-gddt.yaml", 9, 5, "unknown key `int`"),
        ("submissions/2023/so-tttt.yaml", 6, 24, "unknown key `str`"),
    ]
