"""The results cache's file, one entry a line (repository/cache_file.py): still one JSON
document of the same shape, each entry parsed only when its file is met, a damaged line
costing only its own file, and a file of another layout read whole as before (issue 29)."""

from __future__ import annotations

import json
from pathlib import Path

from hcmlc.repository import cache_file
from hcmlc.repository.cache import FORMAT
from hcmlc.repository.load import load

PATH = "submissions/2023/so-gddt.yaml"


def stored_file(private_cache: Path) -> Path:
    [path] = private_cache.glob("*.json")
    return path


def test_the_file_is_one_json_document_with_an_entry_a_line(bundled, private_cache) -> None:
    cold = load(bundled, cache=True)
    path = stored_file(private_cache)
    text = path.read_text(encoding="utf-8")
    stored = json.loads(text)
    assert stored.keys() == {"format", "context", "files"} and stored["format"] == FORMAT
    assert sorted(stored["files"]) == sorted(cold.paths)
    lines = text.split("\n")
    assert len(lines) == len(cold.paths) + 2 and lines[-1] == "}}"
    assert lines[1].startswith(json.dumps(cold.paths[0]) + ": {")
    # what json.dumps writes of the same document, but for the line breaks
    assert text.replace(",\n", ", ").replace("{\n", "{").replace("\n}}", "}}") == json.dumps(
        stored, ensure_ascii=False
    )


def test_a_warm_run_parses_each_entry_once_when_its_file_is_met(bundled, monkeypatch) -> None:
    cold = load(bundled, cache=True)
    parsed: list[str] = []
    parse = cache_file.parsed

    def counted(relative: str, line: bytes) -> object:
        parsed.append(relative)
        return parse(relative, line)

    monkeypatch.setattr("hcmlc.repository.cache.parsed", counted)
    warm = load(bundled, cache=True)
    assert not warm.submissions  # every result served
    assert sorted(parsed) == sorted(cold.paths)
    assert (warm.problems, warm.supplied, warm.paths) == (cold.problems, cold.supplied, cold.paths)


def test_a_damaged_line_costs_only_its_own_file(bundled, private_cache) -> None:
    cold = load(bundled, cache=True)
    path = stored_file(private_cache)
    lines = path.read_bytes().split(b"\n")
    at = next(k for k, line in enumerate(lines) if line.startswith(json.dumps(PATH).encode()))
    for damage in (b'"problems": [', b'"sha": "', b"{"):
        damaged = lines.copy()
        damaged[at] = damaged[at].replace(damage, b"[" * 100_000 + damage, 1)
        path.write_bytes(b"\n".join(damaged))
        warm = load(bundled, cache=True)
        assert [file.doc.path for file in warm.submissions] == [PATH]
        assert (warm.problems, warm.supplied) == (cold.problems, cold.supplied)


def test_a_file_of_another_layout_is_read_whole(bundled, private_cache) -> None:
    """An older hcmlc's file, all on one line, or one rewritten by a program: still served."""
    cold = load(bundled, cache=True)
    path = stored_file(private_cache)
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    warm = load(bundled, cache=True)
    assert not warm.submissions
    assert (warm.problems, warm.supplied, warm.paths) == (cold.problems, cold.supplied, cold.paths)


def test_a_path_with_quotes_and_colons_is_its_own_key() -> None:
    odd = 'submissions/2023/a": {"b\\": c.yaml'
    entries = {odd: {"sha": "1", "x": [": "]}, "submissions/2023/d.yaml": {"sha": "2"}}
    data = b"".join(
        cache_file.document(
            FORMAT, "context", [cache_file.entry_line(k, v) for k, v in entries.items()]
        )
    )
    assert json.loads(data) == {"format": FORMAT, "context": "context", "files": entries}
    index = cache_file.indexed(data, FORMAT, "context")
    assert index is not None and list(index) == list(entries)
    assert {k: cache_file.parsed(k, line) for k, line in index.items()} == entries
    assert cache_file.parsed("submissions/2023/d.yaml", index[odd]) is None  # not its line
    assert cache_file.indexed(data, FORMAT, "another context") == {}
    assert cache_file.indexed(data, FORMAT - 1, "context") is None  # then read whole: refused
    empty = b"".join(cache_file.document(FORMAT, "context", []))
    assert json.loads(empty)["files"] == {} and cache_file.indexed(empty, FORMAT, "context") == {}
