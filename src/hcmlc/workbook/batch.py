"""Many workbooks at once (`workbook --all`): built in worker processes when there are many.

Each workbook is independent and openpyxl spends most of the time, in pure Python; a city's 168
wards and twenty departments are written in a fraction of the time with a worker per core. On
Linux, a process with no other thread forks its workers (they start at once, sharing what is
loaded). Beside other threads, or on macOS, where forking the process itself is not safe, a
fork server is started once per process, with the workbook modules loaded, and each worker is a
fork of it (`forkserver`); where there is none (Windows), workers start fresh (`spawn`),
importing hcmlc and openpyxl each. Workers are given the planner once, and return each
workbook's bytes, which the caller writes, in order.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any

from hcmlc.workbook.build import build_workbook
from hcmlc.workbook.plan import Planner

PARALLEL_FROM = {"fork": 32, "forkserver": 140, "spawn": 40}
"""From how many workbooks on workers pay for their start: a forked one at once; through a fork
server from ≈ 140 on two cores (the server, started once per process, costs ≈ 0.5 s, a ward's
workbook ≈ 7 ms: bench/README.md); a spawned one after half a second or so (it imports hcmlc and
openpyxl afresh)."""
PRELOAD = ["__main__", "hcmlc.workbook.batch"]
"""What the fork server imports before it forks a worker: the program, as by default (Python
3.11 ignores it: a worker runs the program's script again, cheap once what it imports is
loaded), and everything that builds a workbook."""
MAX_WORKERS = 8

Job = tuple[str, dict[str, Any] | None]
"""An agency and the plain data of its submission (None: no file yet)."""


@dataclass(frozen=True)
class Built:
    """One workbook: its agency, its bytes, and what it holds (for the message)."""

    agency: str
    data: bytes
    indicators: int
    answers: int
    prefilled: int
    """Rows with a value filled in."""


def build_many(
    planner: Planner, jobs: list[Job], secret: bytes, workers: int | None = None
) -> Iterator[Built]:
    """The workbook of each job, in order, signed with `secret`; in `workers` processes (default:
    one per core, at most eight) when there are enough jobs to pay for starting them
    (PARALLEL_FROM)."""
    workers = min(workers or os.cpu_count() or 1, MAX_WORKERS)
    context = _start_method()
    if len(jobs) < PARALLEL_FROM[context.get_start_method()] or workers < 2:
        yield from (built(planner, job, secret) for job in jobs)
        return
    chunk = max(1, len(jobs) // (workers * 4))
    with ProcessPoolExecutor(workers, context, _adopt, (planner, secret)) as pool:
        yield from pool.map(_build, jobs, chunksize=chunk)


def _start_method() -> BaseContext:
    """`fork` where it is safe, else `forkserver` where the platform has it, else `spawn`."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(PRELOAD)
        return server
    return multiprocessing.get_context("spawn")


def built(planner: Planner, job: Job, secret: bytes) -> Built:
    """The workbook of one job, its garbage collected as it is made (`_collected_young`)."""
    with _collected_young():
        plan = planner.plan(*job)
        rows = [*plan.indicators, *plan.answers]
        return Built(
            plan.agency,
            build_workbook(plan, secret),
            len({row.item for row in plan.indicators}),
            len({row.item for row in plan.answers}) + len(plan.elsewhere),
            sum(any(i.base for i in row.inputs.values()) for row in rows),
        )


@contextlib.contextmanager
def _collected_young() -> Iterator[None]:
    """Build a workbook with Python's cycle collector paused, then collect only what was made
    meanwhile. openpyxl's objects point at each other (a cell at its sheet, a sheet at its
    workbook), so a workbook's tens of thousands of them are freed by the collector alone; left
    to run, it scans them several times as they are made, and its full collections scan the
    whole heap (the city loaded, the workbooks before) some times in every batch: a sixth of the
    time of a workbook beside a loaded city. Collected young, none outlives its workbook."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.collect(0)
            gc.enable()


_planner: tuple[Planner, bytes] | None = None
"""A worker's planner and signing key, given once when it starts."""


def _adopt(planner: Planner, secret: bytes) -> None:
    global _planner
    _planner = planner, secret


def _build(job: Job) -> Built:
    assert _planner is not None  # set by `_adopt` when the worker started
    return built(_planner[0], job, _planner[1])
