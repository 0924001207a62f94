"""JSON of `status` and `validate`: compact on one line unless `--indent N`, the same content
either way, and with `--indent 2` the very text these commands printed before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [
    ("status", "--as-of", "2025-12-20"),
    ("status", "--as-of", "2025-12-20", "--agency", "so-gddt"),
    ("status", "--as-of", "2025-12-20", "--agency", "so-ldtbxh"),  # ended, duties split
    ("status", "--cycle", "2023", "--as-of", "2023-09-05"),
    ("status", "--cycle", "2024", "--as-of", "2024-06-01", "--agency", "so-khdt"),
    ("validate",),
]


def run(hcmlc, root: Path, *args: str) -> str:
    code, out, err = hcmlc(*args, "--root", str(root), "--format", "json")
    assert code in (0, 1), err
    return out


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_compact_and_indented_json_hold_the_same_content(hcmlc, bundled, args) -> None:
    compact = run(hcmlc, bundled, *args)
    indented = run(hcmlc, bundled, *args, "--indent", "2")
    assert compact.count("\n") == 1 and compact.endswith("}\n")  # one line
    document = json.loads(compact)
    assert document and json.loads(indented) == document
    # --indent 2 is the text of before: json.dumps(…, indent=2) of the same document
    assert indented == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_the_content_is_that_of_the_data(hcmlc, bundled) -> None:
    """Not only equal to each other: the figures a user reads in the table are in the JSON."""
    document = json.loads(run(hcmlc, bundled, "status", "--as-of", "2025-12-20"))
    assert document["cycle"] == "2025" and document["as_of"] == "2025-12-20"
    total = document["total"]
    assert total["owed"] == len(document["obligations"]) > 0
    assert total["supplied"] == sum(o["supplied"] for o in document["obligations"])
    assert {a["id"] for a in document["agencies"]} >= {"so-gddt"}


def test_indented_english_json_keeps_the_state_codes(hcmlc, bundled) -> None:
    args = ("status", "--as-of", "2025-12-20")
    vi = json.loads(run(hcmlc, bundled, *args))
    en = json.loads(run(hcmlc, bundled, "--lang", "en", *args, "--indent", "4"))
    assert [o["state"] for o in en["obligations"]] == [o["state"] for o in vi["obligations"]]


def test_indent_takes_a_number_of_spaces(hcmlc, bundled) -> None:
    out = run(hcmlc, bundled, "validate", "--indent", "4")
    assert out.startswith('{\n    "problems": [')
    code, _out, err = hcmlc("status", "--root", str(bundled), "--indent", "-1")
    assert code == 2 and "--indent" in err


def test_validate_json_with_problems(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a: {value: 80%, year: 2022}\n',
    )
    compact = run(hcmlc, repo.root, "validate")
    document = json.loads(compact)
    assert document["summary"]["errors"] == 1
    assert json.loads(run(hcmlc, repo.root, "validate", "--indent", "1")) == document
