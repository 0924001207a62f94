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
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("output", ["json", "text", "github"])
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
