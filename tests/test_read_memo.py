"""One read of each file per run (files/read_memo.py): the walk that keys a saved output notes
each file's SHA-256, and the results cache checks a file unchanged since without reading it;
a file changed after the walk is read again, and the key after the run still sees it."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from calls import noted_calls
from hcmlc.cli import output_key, saved_output
from hcmlc.files import input_digest, read_memo
from hcmlc.repository import reading
from hcmlc.repository.load import load

PATH = "submissions/2023/so-gddt.yaml"


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The submission files read by `load`, by their relative path."""
    return noted_calls(monkeypatch, reading, "read_raw", lambda _path, display: display)


def walked(root: Path) -> tuple[read_memo.Memo, tuple[str, str] | None]:
    """What the walk before a run of `validate` notes, and the key it gives."""
    request = saved_output.recognised(("validate",), root)
    assert request is not None
    memo: read_memo.Memo = {}
    return memo, output_key.key_of(request, memo=memo)


def test_a_run_reads_no_file_the_walk_read(bundled, reads) -> None:
    fresh = load(bundled, cache=True)
    reads.clear()
    memo, _key = walked(bundled)
    with read_memo.using(memo):
        warm = load(bundled, cache=True)
    assert fresh.paths and not set(reads) & set(fresh.paths)
    assert (warm.problems, warm.supplied, warm.figures) == (
        fresh.problems,
        fresh.supplied,
        fresh.figures,
    )
    assert warm.digests == fresh.digests  # what the documents' fingerprints digest
    reads.clear()
    load(bundled, cache=True)  # no walk: every submission is read
    assert set(fresh.paths) <= set(reads)


@pytest.mark.parametrize("same_times", [False, True], ids=["edited", "times-put-back"])
def test_a_file_changed_between_the_walk_and_the_load_is_read_again(
    bundled, reads, same_times
) -> None:
    load(bundled, cache=True)
    path = bundled / PATH
    before = path.stat()
    memo, key = walked(bundled)
    text = path.read_text(encoding="utf-8").replace("value: 98.9", "value: 98,9")
    path.write_text(text, encoding="utf-8")  # the same size
    if same_times:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    reads.clear()
    with read_memo.using(memo):
        repo = load(bundled, cache=True)
    assert [r for r in reads if r.startswith("submissions/")] == [PATH]
    problems = [p for p in repo.problems if p.path == PATH]
    assert [p.code for p in problems] == ["HCMLC-E022"]
    assert repo.digests[PATH] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert walked(bundled)[1] != key  # the key after the run sees the change


def test_a_file_changed_while_the_walk_read_it_is_not_noted(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n")
    before = path.stat()
    path.write_text("a: 22\n")
    memo: read_memo.Memo = {}
    read_memo.note(memo, before, path.stat(), "sha")
    assert not memo
    read_memo.note(memo, path.stat(), path.stat(), "sha")
    with read_memo.using(memo):
        assert read_memo.known_sha(path) == "sha"
        assert read_memo.known_sha(tmp_path) is None  # a folder
        assert read_memo.known_sha(tmp_path / "absent.yaml") is None
    assert read_memo.known_sha(path) is None  # outside the run


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The files the walk of a saved output's key opens, by path."""
    return noted_calls(monkeypatch, input_digest.os, "open", lambda path, *_a, **_k: str(path))


def key_after(root: Path, memo: read_memo.Memo, began_ns: int) -> tuple[str, str] | None:
    """The key the walk after a run of `validate` gives, trusting `memo` as settled."""
    request = saved_output.recognised(("validate",), root)
    assert request is not None
    return output_key.key_of(request, settled=read_memo.Settled(memo, began_ns))


def test_the_walk_after_a_run_reads_only_files_not_settled(bundled, opened) -> None:
    memo, key = walked(bundled)
    files = len(opened)
    assert files > 50  # data, submissions, photos, templates, reports
    later = time.time_ns() + 10 * read_memo.SETTLED_NS  # every file changed long before
    opened.clear()
    assert key_after(bundled, memo, later) == key
    assert opened == []
    # a file changed after the walk, its size and its modification time put back: its change
    # time moved, so it is read, and the key sees the change
    path = bundled / PATH
    before = path.stat()
    path.write_text(path.read_text("utf-8").replace("98.9", "98,9"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert key_after(bundled, memo, later) != key
    assert opened == [str(path)]


def test_a_file_changed_just_before_the_walk_is_read_after_the_run(bundled, opened) -> None:
    memo, key = walked(bundled)
    files = len(opened)
    opened.clear()
    # the files were just written: a clock coarser than a nanosecond could hide a change
    assert key_after(bundled, memo, time.time_ns()) == key
    assert len(opened) == files
