"""`import DIR`: a mailbox folder taken in, each good workbook imported, in its own language.

The folder is sorted out (inbox.py); each workbook's hidden sheet is read alone to learn its
language and whether it comes from this repository (origin.py); the workbooks of this
repository are imported by `import_workbooks`, one run per language, so that every message a
receipt quotes is in the language of the agency's workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hcmlc import i18n
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import Lang, _
from hcmlc.models.registry import Cycle
from hcmlc.workbook.importer import Imported, import_workbooks
from hcmlc.workbook.inbox import Inbox, gather
from hcmlc.workbook.origin import from_here, known_digests, peek
from hcmlc.workbook.senders import sender_findings


@dataclass
class Intake:
    """What became of a folder: the files set aside, and each workbook's import."""

    inbox: Inbox
    results: list[Imported] = field(default_factory=list)
    langs: dict[str, Lang] = field(default_factory=dict)
    """A workbook's display name → the language it was made in."""
    foreign: set[str] = field(default_factory=set)
    """Workbooks made from another repository's data: nobody here to answer."""


def take_in(
    root: Path,
    catalog: Catalog,
    paths: list[Path],
    cycle: Cycle,
    scratch: Path,
    *,
    write: bool,
    received: dt.date,
) -> Intake:
    """Sort out `paths` and import every workbook of this repository among them."""
    intake = Intake(gather(paths, scratch))
    known = known_digests(root)
    groups: dict[Lang, list[tuple[Path, str]]] = {}
    for arrival in intake.inbox.arrivals:
        meta = peek(arrival.path)
        lang = meta.lang if meta is not None else i18n.current_language()
        intake.langs[arrival.display] = lang
        if meta is not None and not from_here(meta, known):
            intake.results.append(_foreign(arrival.display, meta.agency, meta.cycle))
            intake.foreign.add(arrival.display)
            continue
        groups.setdefault(lang, []).append((arrival.path, arrival.display))
    origins = {a.display: a.origin for a in intake.inbox.arrivals if a.origin is not None}
    for lang, group in groups.items():
        with speaking(lang):
            found = import_workbooks(root, catalog, group, cycle, write=write, received=received)
            for result in found:
                origin = origins.get(result.path)
                if origin is not None:
                    result.problems += sender_findings(catalog, result, origin)
            intake.results += found
    order = {a.display: n for n, a in enumerate(intake.inbox.arrivals)}
    intake.results.sort(key=lambda r: order.get(r.path, len(order)))
    return intake


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Messages in `lang` within the block, then in the run's language again."""
    before = i18n._chosen
    i18n.use_language(lang)
    try:
        yield
    finally:
        i18n.use_language(before)


def _foreign(display: str, agency: str, cycle: str) -> Imported:
    problem = Diagnostic(
        display,
        1,
        1,
        "HCMLC-E073",
        _(
            "the workbook was made from another repository's data: none of the data files it "
            "records is a version this repository holds or held"
        ),
        _(
            "check who sent it: a workbook of this city is made by `hcmlc workbook` in this "
            "repository; send the agency a fresh one"
        ),
    )
    return Imported(display, agency=agency, cycle=cycle, problems=[problem])
