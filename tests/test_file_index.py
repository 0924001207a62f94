"""The files settled since an earlier run, kept between runs (repository/file_index.py): the
next run reads none of them, yet any change to any file still changes the key of a saved
output; a damaged or planted index is never trusted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from calls import noted_calls
from hcmlc.cli import output_key, saved_output
from hcmlc.files import input_digest, read_memo
from hcmlc.files.input_digest import NAMED, named_through
from hcmlc.repository import file_index
from hcmlc.repository.saved_outputs import RECORDS, Store

PATH = "submissions/2023/so-gddt.yaml"


@pytest.fixture
def opened(monkeypatch, bundled) -> list[str]:
    """The files of the repository opened, by path."""

    def inside(path, *_args, **_kwargs) -> str | None:  # type: ignore[no-untyped-def]
        return str(path) if str(path).startswith(str(bundled)) else None

    return noted_calls(monkeypatch, input_digest.os, "open", inside)


def run_walk(
    root: Path, records: Store, began_ns: int, look_for_mentions: bool = False
) -> tuple[tuple[str, str] | None, read_memo.Memo]:
    """The walk before a run of `validate`, as saved_output.py makes it: from the index, and
    the index kept after it, as if the walk had begun at `began_ns`."""
    request = saved_output.recognised(("validate",), root)
    assert request is not None
    index = file_index.load(records, root)
    memo: read_memo.Memo = {}
    settled = read_memo.Settled(index, began_ns)
    key = output_key.key_of(request, look_for_mentions, memo, settled)
    file_index.keep(records, root, memo, began_ns, index)
    return key, memo


LONG_AFTER = 10 * read_memo.SETTLED_NS
"""A walk begun this long after the files were written finds every one of them settled."""


@pytest.fixture
def records(tmp_path_factory) -> Store:
    return Store(tmp_path_factory.mktemp("cache") / RECORDS)


def test_the_next_run_reads_no_settled_file(bundled, records, opened) -> None:
    first, memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert first is not None and len(opened) > 50 and len(memo) == len(opened)
    opened.clear()
    again, memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert again == first and opened == []
    assert len(memo) > 50  # the run's own memo: the results cache reads none of them either


def test_a_file_written_just_before_the_walk_is_not_kept(bundled, records, opened) -> None:
    # a walk begun as the first file was copied: none had settled (however slow the copy)
    began = min(p.stat().st_ctime_ns for p in bundled.rglob("*") if p.is_file())
    run_walk(bundled, records, began)
    assert file_index.load(records, bundled) == {}
    files = len(opened)
    opened.clear()
    run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert len(opened) == files


@pytest.mark.parametrize("same_times", [False, True], ids=["edited", "times-put-back"])
def test_a_file_changed_since_is_read_and_changes_the_key(
    bundled, records, opened, same_times
) -> None:
    first, _memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    path = bundled / PATH
    before = path.stat()
    path.write_text(path.read_text("utf-8").replace("98.9", "98,9"), encoding="utf-8")
    if same_times:  # its size and modification time as they were: its change time moved
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    opened.clear()
    again, _memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert again != first and opened == [str(path)]


def test_a_replaced_file_is_read(bundled, records, opened) -> None:
    """Another file put in the place of one (a new inode), its times copied from the old."""
    first, _memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    path = bundled / PATH
    before = path.stat()
    other = path.with_name("other.tmp")
    other.write_text(path.read_text("utf-8").replace("98.9", "98.8"), encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    opened.clear()
    again, _memo = run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert again != first and opened == [str(path)]


def damage_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))


def test_a_damaged_or_planted_index_is_never_trusted(bundled, records, tmp_path) -> None:
    run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    kept = records.folder / file_index.slot(bundled)
    assert len(file_index.load(records, bundled)) > 50
    damage_byte(kept)
    assert file_index.load(records, bundled) == {}
    elsewhere = Store(tmp_path / "elsewhere")  # another user's key: its seal does not hold here
    run_walk(bundled, elsewhere, time.time_ns() + LONG_AFTER)
    kept.write_bytes((elsewhere.folder / file_index.slot(bundled)).read_bytes())
    assert file_index.load(records, bundled) == {}
    run_walk(bundled, records, time.time_ns() + LONG_AFTER)
    assert file_index.load(records, bundled)
    assert file_index.load(records, bundled.parent) == {}  # another repository's: its own


def test_the_index_is_never_inside_the_repository(bundled, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(bundled / "cache"))
    assert Store.open(bundled, RECORDS) is None


@pytest.mark.parametrize("named", ["# .git/photo.jpg", "# __pycache__\\photo.jpg"])
def test_what_a_settled_file_names_is_known_without_reading_it(
    bundled, records, opened, named
) -> None:
    """The walk after a run looks for paths through folders not walked: a YAML file settled
    since the walk before is not read again for it, and what it names still counts."""
    path = bundled / PATH
    path.write_text(path.read_text(encoding="utf-8") + named + "\n", encoding="utf-8")
    (bundled / named[2:].replace("\\", "/").split("/")[0]).mkdir()
    request = saved_output.recognised(("validate",), bundled)
    assert request is not None
    memo: read_memo.Memo = {}
    assert output_key.key_of(request, memo=memo) is not None
    opened.clear()
    later = read_memo.Settled(memo, time.time_ns() + LONG_AFTER)
    assert output_key.key_of(request, look_for_mentions=True, settled=later) is None
    assert opened == []


def test_what_a_file_names_is_found_as_before() -> None:
    assert NAMED == (b".git", b"__pycache__")
    assert named_through(b"photos: [a.jpg]\nnote: 1.5\n") == 0  # no separator at all
    assert named_through(b"photos: [photos/2023/a.jpg, https://x.vn/.git]\n") == 0
    assert named_through(b"photo: .git/a.jpg\n") == 1
    assert named_through(b"photo: x\\__pycache__\\a.jpg\nother: .git/b\n") == 3
