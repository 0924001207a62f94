"""Workbooks built once per test process, for the tests that run a city-wide command (`remind`,
`workbook --all`) to read what else it writes: the letters, the page, the messages.

Each such run builds a workbook for each of some 170 wards, nearly a fifth of the suite's CPU
when every such test built them. A test that reads only the letters has none built
(`letters_only`, below). For one that compares the workbooks too (tests/commands/
test_migrate.py, the same views before and after a migration), the product's own
`build_workbook` builds each plan once for each signing key, in the test's process; a run
asking again for the same plan and key gets those bytes back. The key of a build is the whole plan, pickled, and the
secret: every input of `build_workbook` (it reads nothing else), so a changed plan (another
ward, another figure, a fixed file, another data/) is built afresh. The bytes served equal a
fresh build's but for what differs between any two builds: the moment of building (the zip
entries' and the workbook's own timestamps) and the random id of the issue in the hidden sheet.
Only tests that never read these workbooks' issue ids, nor import two of them, share them.

A test comparing the workbooks of several data/ trees whose files differ (tests/commands/
test_migrate.py: before and after a migration) may share them further (`across_data`): a plan
that differs from one built before only in the fingerprints of data/'s files (`Plan.data`)
gets the bytes of that build. The fingerprints are written in the hidden sheet alone
(meta.py; tests/commands/test_migrate.py proves it on two builds), so the visible sheets
served are those a build of the plan would make, and a plan that differs in anything else is
built afresh. Such a test reads the visible sheets only, never the hidden one.

The tests that share the workbooks of the bundled city across tests sign them with one key of
the session (tests/conftest.py's `shared_workbooks`, made by `made_key`); the others keep their
own. The workbooks are built in the process of the test (`build_many`'s serial path, which gives the
bytes its workers give: tests/workbook/test_batch.py), so that the builds are kept here;
tests/workbook/ proves what a workbook holds and how the workers build it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import secrets
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from hcmlc.workbook import batch, issue
from hcmlc.workbook.build import build_workbook
from hcmlc.workbook.plan import Plan

_BUILT: dict[bytes, bytes] = {}
"""sha256 of (the plan, the secret) → the workbook's bytes, for this process."""
SERIAL = {method: 1_000_000 for method in batch.PARALLEL_FROM}
"""`build_many`'s thresholds for its workers, out of reach: every workbook built here."""


def built_once(plan: Plan, secret: bytes) -> bytes:
    """`build_workbook(plan, secret)`, built the first time this process asks for it."""
    return _kept(_BUILT, plan, plan, secret)


def _kept(found: dict[bytes, bytes], keyed: Plan, plan: Plan, secret: bytes) -> bytes:
    """The bytes `found` holds for (`keyed`, `secret`), else `plan`'s, built and kept there."""
    key = hashlib.sha256(pickle.dumps((keyed, secret), pickle.HIGHEST_PROTOCOL)).digest()
    if key not in found:
        found[key] = build_workbook(plan, secret)
    return found[key]


_ACROSS: dict[bytes, bytes] = {}
"""sha256 of (the plan without data/'s fingerprints, the secret) → the bytes first built."""


def built_across_data(plan: Plan, secret: bytes) -> bytes:
    """`built_once`, for a plan differing only in data/'s fingerprints too (see above)."""
    return _kept(_ACROSS, dataclasses.replace(plan, data={}), plan, secret)


def made_key(path: Path) -> Path:
    """A signing key at `path`, as `hcmlc` makes one (32 random bytes in hex, mode 0600), made
    before the tests that share it run: none of them makes it, each finds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(secrets.token_bytes(32).hex() + "\n")
    return path


@contextlib.contextmanager
def sharing_workbooks(*, across_data: bool = False) -> Iterator[None]:
    """While it lasts, workbooks are built in this process, each plan once (`built_once`), or
    once whatever data/'s fingerprints (`across_data`: `built_across_data`)."""
    with (
        mock.patch.object(
            batch, "build_workbook", built_across_data if across_data else built_once
        ),
        mock.patch.dict(batch.PARALLEL_FROM, SERIAL),
    ):
        yield


@contextlib.contextmanager
def letters_only() -> Iterator[None]:
    """While it lasts, `remind` writes every letter and draft as ever (a ward's names the
    workbook it asks the ward to fill, and the key is made if there is none), but builds no
    workbook to put beside it or attach to it: for tests that read only the letters, the
    drafts or what the command prints, where some 170 wards' workbooks (built, written to
    the disk, then checked by tests/office_validity.py) cost most of a run's CPU.
    tests/inbox/test_remind_workbook.py proves the workbooks attached and put beside."""

    def none_built(_planner: object, _jobs: object, _secret: bytes) -> Iterator[batch.Built]:
        return iter(())

    with mock.patch.object(issue, "build_many", none_built):
        yield
