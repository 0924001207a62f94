"""Many workbooks built in worker processes are the workbooks built one by one."""

from __future__ import annotations

import gc
import io
import multiprocessing
import re
import sys
import threading
import weakref
import zipfile
from multiprocessing.context import BaseContext

import pytest
from openpyxl import Workbook

from hcmlc.repository.load import load
from hcmlc.workbook import batch, build
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.source import fingerprint

ISSUED = re.compile(rb"(<row [^>]*><c [^>]*><is><t>(?:issue|seal)</t></is></c>).*?(</row>)")
"""The hidden sheet's rows of the issue id and the seal: each workbook's own."""


def parts(data: bytes) -> dict[str, bytes]:
    """The workbook's parts, but the time it was made and its issue id and seal."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: ISSUED.sub(rb"\1\2", archive.read(name))
        for name in archive.namelist()
        if name != "docProps/core.xml"
    }


def chosen_for(method: str) -> BaseContext:
    """What `batch` chooses on a platform that calls for `method`: `fork` on Linux with one
    thread, `forkserver` beside other threads, `spawn` where there is no fork server (Windows)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "platform", "linux" if method == "fork" else "darwin")
        patch.setattr(threading, "active_count", lambda: 1 if method == "fork" else 2)
        offered = ["spawn"] if method == "spawn" else multiprocessing.get_all_start_methods()
        patch.setattr(multiprocessing, "get_all_start_methods", lambda: offered)
        return batch._start_method()


def test_the_start_method_is_the_cheapest_safe_one() -> None:
    chosen = batch._start_method().get_start_method()
    if sys.platform == "linux" and threading.active_count() == 1:
        assert chosen == "fork"
    elif sys.platform != "win32":
        assert chosen == "forkserver"
    else:
        assert chosen == "spawn"
    for method in multiprocessing.get_all_start_methods():
        assert chosen_for(method).get_start_method() == method


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_workers_build_the_same_workbooks_in_the_same_order(
    bundled, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    catalog = load(bundled).require_catalog()
    planner = Planner(catalog, catalog.cycles["2023"], "vi", fingerprint(bundled))
    jobs: list[batch.Job] = [("so-gddt", None), ("so-vhtt", None), ("cuc-thong-ke", None)]
    monkeypatch.setattr(batch, "PARALLEL_FROM", {"fork": 2, "forkserver": 2, "spawn": 2})
    context = chosen_for(method)
    assert context.get_start_method() == method
    monkeypatch.setattr(batch, "_start_method", lambda: context)
    secret = b"k" * 32
    together = list(batch.build_many(planner, jobs, secret, workers=2))
    alone = [batch.built(planner, job, secret) for job in jobs]
    assert [b.agency for b in together] == ["so-gddt", "so-vhtt", "cuc-thong-ke"]
    assert [parts(b.data) for b in together] == [parts(b.data) for b in alone]
    assert [(b.indicators, b.answers, b.prefilled) for b in together] == [
        (b.indicators, b.answers, b.prefilled) for b in alone
    ]


def test_each_workbook_is_freed_as_it_is_built(bundled, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook's objects point at each other (a cell at its sheet, a sheet at its workbook):
    only the cycle collector frees them. They are collected when each workbook is done, not
    left for the collector's later full collections; a caller's collector is left as it was."""
    made: list[weakref.ref[Workbook]] = []

    def noted() -> Workbook:
        book = Workbook()
        made.append(weakref.ref(book))
        return book

    monkeypatch.setattr(build, "Workbook", noted)
    catalog = load(bundled).require_catalog()
    planner = Planner(catalog, catalog.cycles["2023"], "vi", fingerprint(bundled))
    jobs: list[batch.Job] = [("so-gddt", None), ("so-vhtt", None), ("cuc-thong-ke", None)]
    built = list(batch.build_many(planner, jobs, b"k" * 32, workers=1))
    assert [b.agency for b in built] == ["so-gddt", "so-vhtt", "cuc-thong-ke"]
    assert len(made) == 3 and not [book for book in made if book() is not None]
    assert gc.isenabled()
    gc.disable()  # a caller that paused it (e.g. while it loads a repository)
    try:
        assert len(list(batch.build_many(planner, jobs, b"k" * 32, workers=1))) == 3
        assert not gc.isenabled()
    finally:
        gc.enable()
