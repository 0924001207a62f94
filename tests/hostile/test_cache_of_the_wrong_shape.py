"""A cache file that is valid JSON of the wrong shape: every entry is checked by its shape
before use, and one that does not fit is ignored (the file is checked afresh)."""

from __future__ import annotations

import json

import pytest
from hostile_cases import GOOD, SUBMISSION

BROKEN = GOOD.replace("value: 99.1", "value: 99,1")

DAMAGE = {
    "hint not text": lambda e: e["problems"][0].__setitem__(4, 5),
    "line not a number": lambda e: e["problems"][0].__setitem__(0, "1"),
    "line a boolean": lambda e: e["problems"][0].__setitem__(0, True),
    "unknown code": lambda e: e["problems"][0].__setitem__(2, "HCMLC-E999"),
    "problem too short": lambda e: e["problems"].__setitem__(0, [1, 2]),
    "identity of one": lambda e: e.__setitem__("identity", ["so-gddt"]),
    "identity a string": lambda e: e.__setitem__("identity", "so-gddt2023"),
    "indicators not text": lambda e: e.__setitem__("indicator", [1, 2]),
    "consulted a mapping": lambda e: e.__setitem__("consulted", {"a": "b"}),
    "consulted of another kind": lambda e: e.__setitem__("consulted", [["file", "a", "b"]]),
    "an extra key": lambda e: e.__setitem__("accepted", []),
    "sha missing": lambda e: e.pop("sha"),
    # A planted result with no problems (it would hide the error) and one field of a wrong shape:
    "indicators as a list of ids (format 4)": lambda e: planted(e, "indicator", ["1.1.1.a"]),
    "answers a number": lambda e: planted(e, "answer", 7),
    "a figure's year a boolean": lambda e: planted(
        e, "figures", [["1.1.1.a", True, 1.0, [], False]]
    ),
    "a figure's part text": lambda e: planted(e, "figures", [["1.1.1.a", 2022, 1.0, ["1"], False]]),
    "a figure's value text": lambda e: planted(e, "figures", [["1.1.1.a", 2022, "1", [], False]]),
    "a figure of four fields": lambda e: planted(e, "figures", [["1.1.1.a", 2022, 1.0, []]]),
    "a figure of another indicator type": lambda e: planted(
        e, "figures", [[1, 2022, 1.0, [], True]]
    ),
}


def planted(entry: dict, key: str, value: object) -> None:
    entry["problems"] = []
    entry[key] = value


OUTPUTS = ["json", "text", "github"]


# Each damage once, the outputs in turn: the entry is refused before any output is formed, so
# each output still meets a third of the damages.
@pytest.mark.parametrize(
    ("damage", "output"),
    [(damage, OUTPUTS[k % len(OUTPUTS)]) for k, damage in enumerate(sorted(DAMAGE))],
)
def test_a_damaged_entry_is_ignored(
    hcmlc, repo, private_cache, monkeypatch, damage: str, output: str
) -> None:
    repo.write(SUBMISSION, BROKEN)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(repo.root / "summary.md"))
    args = ("validate", "--root", str(repo.root), "--format", output)
    fresh = hcmlc(*args, "--no-cache")
    assert hcmlc(*args) == fresh  # writes the cache
    [path] = private_cache.glob("*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    DAMAGE[damage](stored["files"][SUBMISSION])
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert hcmlc(*args) == fresh
    assert fresh[0] == 1 and "HCMLC-E022" in fresh[1]


@pytest.mark.parametrize(
    "document",
    [[], "files", {"format": 2}, {"format": 2, "context": None, "files": []}, {"files": 7}],
)
def test_a_cache_of_the_wrong_shape_is_ignored(hcmlc, repo, private_cache, document) -> None:
    repo.write(SUBMISSION, BROKEN)
    fresh = hcmlc("validate", "--root", str(repo.root), "--no-cache")
    hcmlc("validate", "--root", str(repo.root))
    [path] = private_cache.glob("*.json")
    path.write_text(json.dumps(document), encoding="utf-8")
    assert hcmlc("validate", "--root", str(repo.root)) == fresh


def test_a_cache_of_an_older_format_is_ignored(hcmlc, repo, private_cache) -> None:
    """Format 4 kept a file's ids as lists: an entry of before is never read as one of now."""
    from hcmlc.repository.cache import FORMAT

    repo.write(SUBMISSION, BROKEN)
    fresh = hcmlc("validate", "--root", str(repo.root), "--no-cache")
    hcmlc("validate", "--root", str(repo.root))
    [path] = private_cache.glob("*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["format"] = FORMAT - 1
    stored["files"][SUBMISSION]["problems"] = []  # would hide the error if it were read
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert hcmlc("validate", "--root", str(repo.root)) == fresh


@pytest.mark.parametrize("where", ["whole file", "one entry"])
def test_a_cache_nested_past_pythons_stack_is_ignored(
    hcmlc, repo, private_cache, where: str
) -> None:
    """Issue 24: JSON nested 100,000 deep made the reader raise RecursionError (exit 3)."""
    repo.write(SUBMISSION, BROKEN)
    fresh = hcmlc("validate", "--root", str(repo.root), "--no-cache")
    hcmlc("validate", "--root", str(repo.root))
    [path] = private_cache.glob("*.json")
    deep = "[" * 100_000 + "]" * 100_000
    if where == "whole file":
        path.write_text(deep, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"problems": [', f'"problems": [{deep}, ', 1), "utf-8")
    assert hcmlc("validate", "--root", str(repo.root)) == fresh
