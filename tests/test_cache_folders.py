"""A folder's results from its record (repository/cache_folders.py): a view of one year parses
no entry of a folder whose files are all unchanged, with the same results as file by file; a
change to any file of the folder, to a photo it names, or a damaged or planted record, and the
folder is read file by file as before; validate never reads a record."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from calls import noted_calls
from hcmlc.cli import output_key, saved_output
from hcmlc.files import read_memo
from hcmlc.repository import cache as cache_module
from hcmlc.repository import cache_entry, cache_folders
from hcmlc.repository.load import Repository, load
from hcmlc.repository.saved_outputs import KEY_BYTES, KEY_FILE, RECORDS, cache_dir

PATH = "submissions/2023/so-gddt.yaml"


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The entries of the results cache parsed, by path."""
    return noted_calls(monkeypatch, cache_module, "parsed", lambda relative, _line: relative)


def view(root: Path) -> Repository:
    """The repository as a view of one year loads it (no figure compared across cycles), after
    the walk that keys a saved output (each file's SHA-256 known without reading it)."""
    request = saved_output.recognised(("validate",), root)
    assert request is not None
    memo: read_memo.Memo = {}
    assert output_key.key_of(request, memo=memo) is not None
    with read_memo.using(memo):
        return load(root, cache=True, keep=False, compare=False)


def file_by_file(root: Path) -> Repository:
    """The same, each file's SHA-256 not known before it is read: each entry parsed (a cached
    problem has no `fix`, which only a file checked anew knows)."""
    return load(root, cache=True, keep=False, compare=False)


def results(repo: Repository) -> tuple[object, ...]:
    """What a view reads of the files (a problem's `fix` aside: known only when checked)."""
    return (
        [replace(problem, fix=None) for problem in repo.problems],
        repo.supplied,
        repo.figures,
        repo.paths,
        repo.consulted,
        repo.files,
        repo.digests,
    )


def folders(repo: Repository) -> set[str]:
    return {path.rpartition("/")[0] for path in repo.paths}


def test_a_view_reads_each_folder_from_its_record(bundled, parsed) -> None:
    fresh = load(bundled, cache=False, keep=False, compare=False)
    load(bundled, cache=True)  # validate's run: every entry, and no record
    assert not list((cache_dir() / RECORDS).glob("folder-*"))
    first = view(bundled)
    assert sorted(parsed) == sorted(first.paths)  # each entry parsed, each folder recorded
    assert len(list((cache_dir() / RECORDS).glob("folder-*"))) == len(folders(first)) > 2
    parsed.clear()
    again = view(bundled)
    assert parsed == []
    assert results(again) == results(first)
    assert results(again)[:6] == results(fresh)[:6]
    parsed.clear()
    load(bundled, cache=True)  # validate compares figures across cycles: the entries
    assert sorted(parsed) == sorted(first.paths)


def test_a_changed_file_makes_its_folder_read_file_by_file(bundled, parsed) -> None:
    view(bundled)
    path = bundled / PATH
    path.write_text(path.read_text("utf-8").replace("value: 98.9", "value: 98,9"), "utf-8")
    parsed.clear()
    repo = view(bundled)
    folder = "submissions/2023"
    assert set(parsed) == {p for p in repo.paths if p.startswith(folder + "/")}
    assert [p.code for p in repo.problems if p.path == PATH] == ["HCMLC-E022"]
    assert results(repo)[:6] == results(file_by_file(bundled))[:6]
    parsed.clear()
    assert results(view(bundled)) == results(repo) and parsed == []  # its new record


CHANGES = {
    "a new file": lambda root: shutil.copy(root / PATH, root / "submissions/2023/copy.yaml"),
    "a removed file": lambda root: (root / PATH).unlink(),
    "a renamed file": lambda root: (root / PATH).rename(root / "submissions/2023/so-gd.yaml"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_folder_with_other_files_is_not_served_its_record(bundled, parsed, change) -> None:
    view(bundled)
    change(bundled)
    parsed.clear()
    repo = view(bundled)
    assert any(p.startswith("submissions/2023/") for p in parsed)
    assert results(repo)[:6] == results(file_by_file(bundled))[:6]


def test_a_replaced_photo_is_checked_again(bundled, parsed) -> None:
    from PIL import Image

    first = view(bundled)
    naming = [
        path for path, named in first.consulted.items() if "photos/2023/thu-vien.jpg" in named
    ]
    assert naming
    Image.new("RGB", (1000, 1500)).save(bundled / "photos/2023/thu-vien.jpg", "JPEG")
    parsed.clear()
    repo = view(bundled)
    assert set(naming) <= set(parsed)
    assert results(repo)[:6] == results(file_by_file(bundled))[:6]


def damage_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("harm", ["damaged", "planted"])
def test_a_damaged_or_planted_record_is_never_read(bundled, parsed, monkeypatch, harm) -> None:
    first = view(bundled)
    records = cache_dir() / RECORDS
    if harm == "damaged":
        for path in records.glob("folder-*"):
            damage_byte(path)
    else:  # sealed under another key (another user's, a copy from elsewhere)
        (records / KEY_FILE).unlink()
        (records / KEY_FILE).write_bytes(os.urandom(KEY_BYTES))
        os.chmod(records / KEY_FILE, 0o600)
    decoded: list[int] = []
    loads = cache_folders.marshal.loads
    monkeypatch.setattr(
        cache_folders.marshal, "loads", lambda data: [decoded.append(1), loads(data)][1]
    )
    parsed.clear()
    assert results(view(bundled)) == results(first)
    assert sorted(parsed) == sorted(first.paths) and decoded == []
    parsed.clear()
    assert results(view(bundled)) == results(first)  # the records made again
    assert parsed == [] and decoded


def test_a_figure_built_at_once_is_the_dataclass_itself() -> None:
    from dataclasses import fields

    from hcmlc.core.figures import LocalFigure

    values = ("2023", "quan-1", "mh.1.1.a", 2023, 18.5, (3528.0, 19520.0), True)
    built = cache_entry._figure(*values)
    assert built == LocalFigure(*values) and vars(built) == vars(LocalFigure(*values))
    assert [f.name for f in fields(LocalFigure)] == list(vars(built))  # every field, no other
    assert hash(built) == hash(LocalFigure(*values))


@pytest.mark.parametrize(
    "path", ["submissions/2023/a.yaml", 'submissions/a"b.yaml', "submissions/a\\b.yaml", "a\x01"]
)
def test_an_entry_is_found_under_its_path_as_json_writes_it(path) -> None:
    from hcmlc.repository import cache_file

    line = cache_file.entry_line(path, {"sha": "x"})
    assert cache_file._key(line) == path
    assert cache_file._key(b'"\xff": {}') is None  # not UTF-8: not an entry


def test_only_a_cycles_folder_of_several_files_is_recorded(bundled) -> None:
    few = bundled / "submissions/2023"
    for path in sorted(few.glob("*.yaml"))[1:]:
        path.unlink()
    nested = bundled / "submissions/2025/deeper"  # HCMLC-E028: not where a submission sits
    nested.mkdir()
    for path in sorted((bundled / "submissions/2025").glob("*.yaml"))[:10]:
        shutil.copy(path, nested / path.name)
    repo = view(bundled)
    assert {"submissions/2023", "submissions/2025/deeper"} <= folders(repo)
    kept = list((cache_dir() / RECORDS).glob("folder-*"))
    assert len(kept) == 2  # submissions/2024 and submissions/2025
    assert not cache_folders.recorded("submissions/2023", ["submissions/2023/a.yaml"])
