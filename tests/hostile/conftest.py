"""The hostile-input suite: one file per case, each with its exact outcome.

Every case runs hcmlc as an attacker or a careless user would and asserts the located message
and the exit code (1 for bad data, 2 for a bad command or output, never 3). A guard fails any
case that runs longer than `GUARD_SECONDS`: hcmlc must answer hostile input quickly, never hang.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

GUARD_SECONDS = 30
"""Far above what any case takes (a few seconds at most): only a hang reaches it."""


class Hang(Exception):
    """A case ran past the guard."""


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """Fail, rather than hang, a case that runs past GUARD_SECONDS (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise Hang(f"the case ran for more than {GUARD_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def validate_json(hcmlc: Run) -> Callable[[Path], tuple[int, list[dict[str, Any]]]]:
    """`hcmlc validate --format json` on a repository: the exit code and the problems."""

    def run(root: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
        code, out, err = hcmlc("validate", "--root", str(root), "--format", "json", *args)
        assert code in (0, 1), err
        assert "internal error" not in err and "Traceback" not in err
        return code, json.loads(out)["problems"]

    return run
