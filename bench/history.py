"""A git history for a synthetic city (bench/citygen.py): the data committed first, then each
submission file in a commit of its own, dated through its cycle's year, the way agencies'
pull requests reach `main`; written by one `git fast-import`.

    python bench/history.py ROOT   # ROOT: a city citygen.build wrote, not yet a clone
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

ZONE = "+0700"
IDENTITY = "Bench <bench@example.org>"


def commit_history(root: Path) -> int:
    """Make `root` a clone whose first-parent history has the data, then one commit per
    submission file; returns the number of commits."""
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(root)], check=True)
    files = sorted((root / "submissions").rglob("*.yaml"))
    data = sorted(p for p in root.rglob("*") if p.is_file() and "submissions" not in p.parts)
    data = [p for p in data if ".git" not in p.relative_to(root).parts]
    first_year = min(int(p.parent.name) for p in files)
    stream = bytearray()
    mark = _commit(stream, dt.datetime(first_year, 1, 2, 9), "data", root, data, None)
    count = 1
    by_cycle: dict[str, list[Path]] = {}
    for path in files:
        by_cycle.setdefault(path.parent.name, []).append(path)
    for cycle, paths in sorted(by_cycle.items()):
        start = dt.datetime(int(cycle), 6, 1, 8)
        step = (dt.datetime(int(cycle), 9, 30, 17) - start) / len(paths)
        for index, path in enumerate(paths):
            when = start + step * index
            mark = _commit(stream, when, path.stem, root, [path], mark)
            count += 1
    subprocess.run(
        ["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream), check=True
    )
    subprocess.run(["git", "-C", str(root), "reset", "--quiet"], check=True)
    subprocess.run(["git", "-C", str(root), "update-index", "--refresh", "-q"], check=False)
    return count


def _commit(
    stream: bytearray,
    when: dt.datetime,
    message: str,
    root: Path,
    paths: list[Path],
    parent: int | None,
) -> int:
    mark = (parent or 0) + 1
    stamp = int(when.replace(tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp())
    text = message.encode()
    stream += f"commit refs/heads/main\nmark :{mark}\n".encode()
    stream += f"author {IDENTITY} {stamp} {ZONE}\ncommitter {IDENTITY} {stamp} {ZONE}\n".encode()
    stream += f"data {len(text)}\n".encode() + text + b"\n"
    if parent is not None:
        stream += f"from :{parent}\n".encode()
    for path in paths:
        content = path.read_bytes()
        relative = path.relative_to(root).as_posix()
        stream += f"M 100644 inline {relative}\ndata {len(content)}\n".encode() + content + b"\n"
    return mark


if __name__ == "__main__":
    print(commit_history(Path(sys.argv[1])), "commits")
