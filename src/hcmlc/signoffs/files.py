"""Reading a sign-off file: as hostile as any file of a pull request, but larger than a
submission (a city's reviews of a cycle hold one record per item of every agency)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from hcmlc.checks.schema_errors import validate
from hcmlc.diagnostics import Diagnostic
from hcmlc.files.confine import is_inside
from hcmlc.files.filesystem import SpecialFile, TooLarge, read_regular
from hcmlc.i18n import _, grouped
from hcmlc.yamlfiles.reader import Document, parse_bytes

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 50_000_000
"""A record is some 300 bytes: room for 150,000 items a cycle, far above a city's 12,000."""


def read_signoff_bytes(root: Path, relative: str) -> bytes | Diagnostic:
    """The file's bytes, or the located problem that kept them from being read."""
    path = root / relative
    if not is_inside(root, path):
        message = _("the file is a link leading outside the repository; hcmlc does not read it")
        return Diagnostic(
            relative, 1, 1, "HCMLC-E051", message, _("replace the link with the file itself")
        )
    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        message = _("the file is {size} bytes, over the limit of {limit}").format(
            size=grouped(exc.size), limit=grouped(MAX_BYTES)
        )
        return Diagnostic(relative, 1, 1, "HCMLC-E050", message)
    except SpecialFile as exc:
        message = _("the file is {kind}, not a regular file; hcmlc does not read it")
        return Diagnostic(relative, 1, 1, "HCMLC-E006", message.format(kind=exc.kind))
    except OSError as exc:
        message = _("cannot read the file: {reason}").format(reason=exc.strerror)
        return Diagnostic(relative, 1, 1, "HCMLC-E006", message)


def read_signoff(root: Path, relative: str) -> Document:
    """The sign-off file parsed, or a document holding the problem that kept it unread."""
    raw = read_signoff_bytes(root, relative)
    if isinstance(raw, Diagnostic):
        return Document(relative, None, None, [raw])
    return parse_bytes(raw, relative)


def read_signoff_model(
    root: Path, relative: str, model: type[M], empty: M
) -> tuple[M | None, Document | None, list[Diagnostic]]:
    """The sign-off file at `relative` as `model` (`empty` when there is none yet; None when it
    is broken), its document and its problems."""
    if not (root / relative).exists():
        return empty, None, []
    doc = read_signoff(root, relative)
    if doc.data is None:
        return None, doc, doc.problems
    if not isinstance(doc.data, dict):
        problem = doc.problem(
            (), "HCMLC-E012", _("the file must be a mapping of `key: value` lines")
        )
        return None, doc, [*doc.problems, problem]
    found, problems = validate(model, doc.data, doc)
    return found, doc, doc.problems + problems
