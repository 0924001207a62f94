"""A run killed while writing leaves its temporary file; the next run into the same folder
removes it (its process is gone), and keeps those of a run still writing."""

from __future__ import annotations

import os
import subprocess
import sys

from hcmlc.files import atomic


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_run_removes_what_a_killed_run_left(hcmlc, bundled, tmp_path_factory) -> None:
    tmp_path = tmp_path_factory.mktemp("out")
    pid = dead_pid()
    left = [
        tmp_path / f".form.docx.{pid}.k1ll3d00.hcmlc-tmp",
        tmp_path / f".report.docx.{pid}.k1ll3d01.hcmlc-tmp",
    ]
    for path in left:
        path.write_bytes(b"half a document")
    half_folder = tmp_path / f".report-charts.{pid}.k1ll3d02.hcmlc-tmp"
    half_folder.mkdir()
    (half_folder / "1.1.1.a.png").write_bytes(b"half a chart")
    running = tmp_path / f".other.docx.{os.getpid()}.w0rk1ng0.hcmlc-tmp"  # still writing
    running.write_bytes(b"being written")
    code, _, err = hcmlc("fill-form", "--root", str(bundled), "--out", str(tmp_path / "form.docx"))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["form.docx", running.name])


def test_a_killed_write_leaves_a_recognisable_name(tmp_path, monkeypatch) -> None:
    def killed(descriptor: int) -> None:
        os._exit(9)  # what a kill -9 would do, in a child so the test survives

    child = os.fork() if hasattr(os, "fork") else None
    if child == 0:
        monkeypatch.setattr(atomic.os, "fsync", killed)
        atomic.write_atomic(tmp_path / "form.docx", b"new")
    if child is not None:
        os.waitpid(child, 0)
        [left] = tmp_path.iterdir()
        assert left.name.startswith(f".form.docx.{child}.") and left.name.endswith(".hcmlc-tmp")
        assert atomic.remove_leftovers(tmp_path) == [left.name]
        assert list(tmp_path.iterdir()) == []
