"""The processor time of warm `status`'s computation alone (everything after the repository is
loaded from the cache: the snapshot, the tallies and the table), in one process: prints seconds.

    python bench/computation.py ROOT AS_OF   # with XDG_CACHE_HOME of a warm run
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from hcmlc.commands import status


def computation(root: Path, as_of: dt.date) -> float:
    """Seconds of processor time `status` spends once the repository is loaded (its `_show`,
    run as the command runs it: with the collector paused)."""
    spent: list[float] = []
    show = status._show

    def timed(*args: Any) -> Any:
        start = time.process_time()
        code = show(*args)
        spent.append(time.process_time() - start)
        return code

    status._show = timed  # type: ignore[assignment]
    console = Console(file=io.StringIO(), width=200)
    status.show_status(console, root, status.StatusOptions(as_of=as_of, cache=True))
    return spent[0]


if __name__ == "__main__":
    print(f"{computation(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])):.6f}")
