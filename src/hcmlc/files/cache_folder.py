"""Where hcmlc keeps what it can compute again (results, charts, saved outputs): the user's
cache folder, never the repository. Importing this module costs nothing: the start of a run
that may be served from a saved output (cli/saved_output.py) needs it before anything else."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Where caches are kept: `$XDG_CACHE_HOME/hcmlc`, else `~/.cache/hcmlc`.

    A relative `$XDG_CACHE_HOME` is ignored, as the XDG specification asks: it would put the
    cache wherever hcmlc happens to run, inside the repository for one."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = str(Path.home() / ".cache")
    return Path(base) / "hcmlc"


def inside(folder: Path, root: Path) -> bool:
    """Whether the cache `folder` is inside the repository at `root` (then it is not used)."""
    try:
        return folder.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links: not a folder to trust either
        return True
