"""What hcmlc's own code is, as one digest: the results cache (repository/cache.py) and the
saved outputs (cli/output_key.py) are both keyed by it, so that a new hcmlc, a new Python or
a new library never serves what the old one computed. Uses the standard library only."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from hcmlc import __version__
from hcmlc.files.input_digest import digest_tree

PACKAGE = Path(__file__).resolve().parents[1]
_DISTRIBUTIONS = (".dist-info", ".egg-info", ".egg-link", ".pth")
_found: dict[Path, bytes] = {}


def code_fingerprint() -> bytes:
    """The fingerprint of the running hcmlc (`fingerprint_of` its package), computed once a
    process: the code does not change while it runs."""
    if PACKAGE not in _found:
        _found[PACKAGE] = fingerprint_of(PACKAGE)
    return _found[PACKAGE]


def fingerprint_of(package: Path) -> bytes:
    """hcmlc's version and every file of `package`, Python's version and the installed
    distributions (their `*.dist-info` names carry their versions)."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{sys.executable}\0".encode())
    walk = digest_tree(str(package), digest, set(), unnamed=frozenset({"__pycache__"}))
    digest.update(walk.unkeyable.encode())
    for folder in sys.path:
        try:
            names = sorted(n for n in os.listdir(folder or ".") if n.endswith(_DISTRIBUTIONS))
        except OSError:
            continue
        if names:  # a folder without any (the current one, under `python -m`) changes nothing
            digest.update(json.dumps([folder, names]).encode("utf-8", "surrogateescape"))
    return digest.digest()
