"""Outputs are replaced in one step; a failed or refused write leaves what was there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hcmlc.files import atomic


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "form.docx"
    atomic.write_atomic(target, b"first")
    atomic.write_atomic(target, "Thành phố".encode())
    assert target.read_bytes() == "Thành phố".encode()
    assert [p.name for p in target.parent.iterdir()] == ["form.docx"]


def test_a_users_file_waits_for_the_disk_and_a_cache_entry_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    monkeypatch.setattr(atomic.os, "fsync", synced.append)
    atomic.write_atomic(tmp_path / "report.docx", b"kept")
    assert len(synced) == 1
    atomic.write_atomic(tmp_path / "chart.png", b"drawn again if lost", durable=False)
    assert len(synced) == 1
    assert (tmp_path / "chart.png").read_bytes() == b"drawn again if lost"


def test_interrupted_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "form.docx"
    target.write_bytes(b"previous")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["form.docx"]


def test_create_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "so-gddt.yaml"
    atomic.create_new(target, b"agency: so-gddt\n")
    with pytest.raises(FileExistsError):
        atomic.create_new(target, b"something else\n")
    assert target.read_bytes() == b"agency: so-gddt\n"
    assert [p.name for p in tmp_path.iterdir()] == ["so-gddt.yaml"]


def test_new_files_get_ordinary_permissions_and_old_ones_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "form.docx"
        atomic.write_atomic(fresh, b"x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        fresh.chmod(0o600)
        atomic.write_atomic(fresh, b"y")
        assert fresh.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_replace_folder_swaps_the_whole_folder(tmp_path: Path) -> None:
    folder = tmp_path / "report-charts"
    atomic.replace_folder(folder, {"1.1.1.a.png": b"old", "9.9.9.z.png": b"stale"})
    atomic.replace_folder(folder, {"1.1.1.a.png": b"new"})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {"1.1.1.a.png": b"new"}
    assert [p.name for p in tmp_path.iterdir()] == ["report-charts"]


def test_interrupted_replace_folder_keeps_the_previous_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "report-charts"
    atomic.replace_folder(folder, {"1.1.1.a.png": b"old"})
    written = []

    def interrupted(path: Path, data: bytes) -> None:
        if written:
            raise KeyboardInterrupt
        written.append(path)

    monkeypatch.setattr(atomic, "_replace_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.replace_folder(folder, {"a.png": b"1", "b.png": b"2"})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {"1.1.1.a.png": b"old"}
    assert [p.name for p in tmp_path.iterdir()] == ["report-charts"]
