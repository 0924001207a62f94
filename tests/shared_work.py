"""Work done once per test run, whichever pytest-xdist worker asks first (the pattern xdist
documents for a session fixture): each piece of work is a named JSON result kept in the run's
base temporary folder, shared by every worker, made under a lock by the first worker that
asks; the others wait for it, or make another piece meanwhile (`Shared.all`). Used by the
heavy tests that run commands on the whole bundled city (tests/commands/test_year_2026.py).

Without xdist (`-n 0`), or where `fcntl` is missing (Windows), each process makes its own.

The pieces that write reports draw their charts in the run's chart cache, as every test does
(tests/conftest.py's `shared_charts`): a chart is keyed by what it shows, so a piece gets the
charts of its own data, drawn once.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no sharing between workers
    fcntl = None  # type: ignore[assignment]

Make = Callable[[Path], Any]
"""Makes a piece of work in a fresh folder of its own; returns what JSON can keep."""


def cache_home(scratch: Path) -> Path:
    """A cache folder (`XDG_CACHE_HOME`) of its own for the piece of work made in `scratch`;
    its charts are the run's, as every test's (tests/conftest.py's `shared_charts`)."""
    return scratch / "cache"


class Shared:
    """Named results made once for the whole run (every xdist worker), kept as JSON under
    `<the run's base temporary folder>/<name>/`."""

    def __init__(self, factory: pytest.TempPathFactory, name: str) -> None:
        base = factory.getbasetemp()
        shared = os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None
        self.folder = (base.parent if shared else base) / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.kept: dict[str, Any] = {}

    def get(self, key: str, make: Make) -> Any:
        """The result `key`, made by `make` if no worker has made it yet."""
        if key not in self.kept:
            found = self._made(key, make, wait=True)
            assert found is not None  # waited for it
            self.kept[key] = found[0]
        return self.kept[key]

    def all(self, work: dict[str, Make]) -> dict[str, Any]:
        """Every result of `work`: first those no worker is making (made here), then the others
        (waited for), so that two workers asking for the same results share the making."""
        for key, make in work.items():
            if key not in self.kept and (found := self._made(key, make, wait=False)):
                self.kept[key] = found[0]
        return {key: self.get(key, make) for key, make in work.items()}

    def _made(self, key: str, make: Make, wait: bool) -> tuple[Any] | None:
        """(the result,), or None when another worker is making it and `wait` is False."""
        done = self.folder / f"{key}.json"
        with self._lock(key, wait) as held:
            if not held:
                return None
            if not done.exists():
                scratch = self.folder / key
                shutil.rmtree(scratch, ignore_errors=True)  # a failed attempt's leftovers
                scratch.mkdir()
                text = json.dumps(make(scratch), ensure_ascii=False)
                partial = done.with_suffix(".part")
                partial.write_text(text, encoding="utf-8")
                partial.replace(done)
            return (json.loads(done.read_text(encoding="utf-8")),)

    @contextlib.contextmanager
    def _lock(self, key: str, wait: bool) -> Iterator[bool]:
        if fcntl is None:
            yield True
            return
        with open(self.folder / f"{key}.lock", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
