"""A time and memory bound around rendering a template, which no template can outrun.

The sandbox (render/sandbox.py) counts steps of work, but a step can hide work it does not
count: `{% if x in big %}` compares a whole list, a Python built-in runs to its end. So a
render also runs under a clock and a memory ceiling: past `MAX_SECONDS` of processor time (the
work done, not the wait on a busy machine), a timer interrupts the template where it is (the
error names its line); past `MAX_MEMORY` more bytes than the
process held, an allocation fails (MemoryError, located the same way). Both are restored when
the render ends. Where this cannot be done (Windows, a thread that is not the main one), the
steps and sizes of the sandbox still bound the template.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from hcmlc.i18n import _, grouped
from hcmlc.render.sandbox_limits import TooCostly

MAX_SECONDS = 3.0
"""Processor time a render may take: the bundled report and form render in a fraction of a second
(their size grows with the criteria and years, not the number of files); a hostile template
is refused within five seconds, the command's start and clean-up included."""
MAX_MEMORY = 1 << 30
"""Bytes of address space a render may add: the report at city scale adds about 100 MB."""

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]


class OutOfTime(TooCostly):
    """The render took longer than MAX_SECONDS."""


@contextmanager
def bounded(seconds: float | None = None) -> Iterator[None]:
    """Run the block under `seconds` of processor time (MAX_SECONDS unless a test asks for
    less) and MAX_MEMORY more bytes, where the system allows."""
    limit = MAX_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def out_of_time(_signal: int, _frame: FrameType | None) -> None:
        raise OutOfTime(
            _(
                "the template did not finish within {seconds:g} seconds of work: "
                "it would not finish"
            ).format(seconds=limit)
        )

    previous = signal.signal(signal.SIGPROF, out_of_time)
    limits = _lower_memory()
    signal.setitimer(signal.ITIMER_PROF, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if limits is not None and resource is not None:
            resource.setrlimit(resource.RLIMIT_AS, limits)


def memory_message() -> str:
    """What a MemoryError while rendering means."""
    return _("the template builds more than {limit} MB").format(
        limit=grouped(MAX_MEMORY // (1 << 20))
    )


def _lower_memory() -> tuple[int, int] | None:
    """Lower the soft limit of address space to what the process holds plus MAX_MEMORY; the
    limits as they were, or None when they cannot be read or set."""
    if resource is None:
        return None
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        held = pages * resource.getpagesize()
        ceiling = held + MAX_MEMORY
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        if soft != resource.RLIM_INFINITY and soft <= ceiling:
            return None  # already lower: keep it
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    except (OSError, ValueError, IndexError):
        return None
    return soft, hard
