"""`hcmlc dashboard`: the status page for the city's leadership, as one self-contained HTML
file in a folder of its own, with the form and the report when they were built beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console

from hcmlc.commands.dashboard_documents import build_documents, check_documents
from hcmlc.dashboard.documents import Wanted, wanted_documents
from hcmlc.dashboard.page import build_dashboard
from hcmlc.documents.snapshot import lead_files, take
from hcmlc.errors import DataError
from hcmlc.files.site_folder import check_ours, publish
from hcmlc.i18n import Lang, _, counted
from hcmlc.models.registry import Cycle
from hcmlc.render.console import make_console
from hcmlc.render.dashboard_html import render_dashboard
from hcmlc.render.source_note import say_source
from hcmlc.repository.fingerprint import fingerprint
from hcmlc.repository.load import Repository, collector_paused
from hcmlc.repository.past import load_as_of
from hcmlc.repository.revision import Revision, revision

DEFAULT_OUT = Path("site")
PAGE = "index.html"


@dataclass(frozen=True)
class DashboardOptions:
    """What `hcmlc dashboard` was asked for."""

    as_of: dt.date
    cycle: str | None = None
    out: Path | None = None
    lang: Lang = "vi"
    documents: bool = False


def write_dashboard(console: Console, root: Path, options: DashboardOptions) -> int:
    """Build the page from what is sound, publish the folder; exit 1 when the data has errors
    (the page then carries a banner saying so). With `documents`, the form and the report are
    built in the same run; else those found beside the folder must carry the page's
    fingerprint (the same data and day), or nothing is published."""
    folder = options.out or DEFAULT_OUT
    check_ours(folder)  # before any work: a folder that is not ours is never touched
    as_of = options.as_of
    # the page: the files' results from the cache, and only the files its assessment reads; the
    # form built with it reads every file; no figure compared across cycles (validate's
    # warnings); the collector paused (issue 29)
    whole = options.documents
    with (
        load_as_of(root, as_of, cache=not whole, keep=whole, compare=False) as repo,
        collector_paused(),
    ):
        return _build(
            console, root, repo, options.cycle, as_of, folder, options.lang, options.documents
        )


def _build(
    console: Console,
    root: Path,
    repo: Repository,
    cycle_id: str | None,
    as_of: dt.date,
    folder: Path,
    lang: Lang,
    documents: bool,
) -> int:
    cycle = _cycle(repo, cycle_id)
    marks = fingerprint(repo, as_of)
    snapshot = None
    if repo.catalog and cycle:
        read = None if documents else lead_files(repo)
        snapshot = take(repo, cycle, as_of, lang, submissions=read)
    notes: list[str] = []
    if documents and snapshot is not None:
        wanted = wanted_documents(repo.require_catalog(), snapshot.cycle, lang)
        found, notes = build_documents(repo, snapshot, wanted, marks, make_console(stderr=True))
    else:
        found = _documents(repo, cycle, lang, folder.parent)
        check_documents(found, marks)
    page = build_dashboard(
        repo,
        cycle,
        as_of,
        lang,
        revision=_revision(root, repo),
        documents=[(wanted, len(data)) for wanted, data in found],
        snapshot=snapshot,
        fingerprint=marks,
    )
    source = repo.snapshot
    if source is not None and source.worth_saying and source.commit is None:
        told = source.note(lang)
        page = replace(page, revision=f"{page.revision} · {told}" if page.revision else told)
    files = {PAGE: render_dashboard(page).encode("utf-8")}
    files |= {wanted.name: data for wanted, data in found}
    publish(folder, files)
    _summary(console, folder, page.headline is not None, repo, cycle, as_of, found)
    for note in notes:
        console.print(_("note: {note}").format(note=note), markup=False, highlight=False)
    return 1 if repo.error_count else 0


def _revision(root: Path, repo: Repository) -> Revision | None:
    """The commit the page was read at: the past commit of `--as-of`, else the one checked out."""
    found = repo.snapshot
    commit = found.commit if found else None
    if commit is None:  # today's files: the snapshot asked git whether they differ
        return revision(root, found.changed if found and found.kind == "working-tree" else None)
    return Revision(commit.id, commit.at.date(), changed=False)


def _cycle(repo: Repository, cycle_id: str | None) -> Cycle | None:
    """The cycle asked for or the current one; None when data/ is too broken to say (the
    page then shows the banner only). An unknown `--cycle` is still a usage error."""
    if repo.catalog is None:
        return None
    try:
        return repo.cycle(cycle_id)
    except DataError:  # `current_cycle` names no cycle: located in the problems
        return None


def _documents(
    repo: Repository, cycle: Cycle | None, lang: Lang, beside: Path
) -> list[tuple[Wanted, bytes]]:
    """The form and report found beside the site's folder, to publish with the page."""
    if repo.catalog is None or cycle is None:
        return []
    found = []
    for wanted in wanted_documents(repo.catalog, cycle, lang):
        path = beside / wanted.name
        if path.is_file():
            found.append((wanted, path.read_bytes()))
    return found


def _summary(
    console: Console,
    folder: Path,
    figures: bool,
    repo: Repository,
    cycle: Cycle | None,
    as_of: dt.date,
    documents: list[tuple[Wanted, bytes]],
) -> None:
    page = folder / PAGE
    lines = []
    if figures and cycle is not None:
        lines.append(
            _("Wrote {page}: the status of cycle {cycle} as of {date}.").format(
                page=page, cycle=cycle.id, date=as_of.isoformat()
            )
        )
    else:
        lines.append(_("Wrote {page} without figures: data/ cannot be read.").format(page=page))
    if documents:
        lines.append(
            _("Published beside it: {files}.").format(
                files=", ".join(wanted.name for wanted, _data in documents)
            )
        )
    if repo.error_count:
        lines.append(
            _(
                "note: the data has {errors}: the page says so in a banner, and entries with "
                "errors are left out; run `hcmlc validate`"
            ).format(errors=counted(repo.error_count, "{n} error", "{n} errors"))
        )
    if repo.snapshot is not None and repo.snapshot.worth_saying:
        say_source(repo.snapshot)
    for line in lines:
        console.print(line, markup=False, highlight=False)
