"""`hcmlc workbook`: an Excel workbook of what an agency owes, pre-filled with what it supplied."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.core.catalog import Catalog
from hcmlc.core.status import check_agency, pick_cycle
from hcmlc.diagnostics import Diagnostic
from hcmlc.documents.scaffold import owed
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import Lang, _, counted
from hcmlc.models.registry import Cycle
from hcmlc.render.console import make_console
from hcmlc.render.diagnostics import render_text
from hcmlc.render.escape import visible
from hcmlc.repository.load import load
from hcmlc.workbook.batch import Built, Job, build_many, built
from hcmlc.workbook.issue import workbook_name
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.seal import Key, load_key
from hcmlc.workbook.source import fingerprint, submission_source


@dataclass(frozen=True)
class WorkbookOptions:
    """What `hcmlc workbook` was asked for."""

    agency: str | None = None
    every: bool = False
    cycle: str | None = None
    out: Path | None = None
    lang: Lang = "vi"


def write_workbooks(console: Console, root: Path, options: WorkbookOptions) -> int:
    """Write one agency's workbook (`agency`), or one for every agency that owes something."""
    agency, every, out, lang = options.agency, options.every, options.out, options.lang
    if (agency is None) == (not every):
        raise HcmlcError(
            _("give either --agency ID or --all"),
            _("--agency writes one agency's workbook, --all one for every agency that owes"),
        )
    catalog = load(root, submissions=False).require_catalog()
    cycle = pick_cycle(catalog, options.cycle)
    if agency is not None:
        check_agency(catalog, agency)
        _owes_something(catalog, agency, cycle)
        name = _name(cycle, agency, lang)
        targets = {agency: out / name if out and out.is_dir() else out or Path(name)}
    else:
        folder = out or Path(f"workbooks-{cycle.id}")
        if folder.exists() and not folder.is_dir():
            raise HcmlcError(
                _("{path} is not a folder").format(path=folder),
                _("with --all, --out names the folder the workbooks go in"),
            )
        targets = {
            a.id: folder / _name(cycle, a.id, lang)
            for a in catalog.assignments.agencies
            if owed(catalog, a.id, cycle, "indicator") or owed(catalog, a.id, cycle, "answer")
        }
    data = fingerprint(root)
    contact = catalog.assignments.contact.get(lang) if catalog.assignments.contact else None
    planner = Planner(catalog, cycle, lang, data, contact)
    broken: list[Diagnostic] = []
    jobs: list[Job] = []
    for agency_id in targets:
        source = submission_source(root, cycle.id, agency_id)
        problems = source.problems()
        broken += problems
        if not problems:
            jobs.append((agency_id, source.data))
    key = load_key(root, create=True)
    assert key is not None  # made when there was none
    if key.created:
        make_console(stderr=True).print(created_key(key), markup=False, highlight=False)
    failed = _write_all(console, planner, jobs, targets, key.secret)
    if failed:
        console.print(
            _("These agencies got no workbook: their data could not be written into one:"),
            markup=False,
            highlight=False,
        )
        for agency_id, reason in failed.items():
            console.print(f"  {agency_id}: {visible(reason)}", markup=False, highlight=False)
    if broken:
        console.print(
            _(
                "These submission files cannot be read, so their agencies got no workbook; "
                "fix them first (`hcmlc validate`):"
            ),
            markup=False,
            highlight=False,
        )
        render_text(console, broken, len({p.path for p in broken}))
    if broken or failed:
        return 1
    if agency is None:
        console.print(
            _("{workbooks} written in {folder}.").format(
                workbooks=counted(len(targets), "{n} workbook", "{n} workbooks"),
                folder=out or Path(f"workbooks-{cycle.id}"),
            ),
            markup=False,
            highlight=False,
        )
    return 0


def _write_all(
    console: Console, planner: Planner, jobs: list[Job], targets: dict[str, Path], secret: bytes
) -> dict[str, str]:
    """Write each job's workbook; when one cannot be built, the rest are built one by one, so
    that one agency's text never stops the others' workbooks. The agencies that failed, why."""
    done: set[str] = set()

    def write(workbook: Built) -> None:
        write_atomic(targets[workbook.agency], workbook.data)
        console.print(_written(targets[workbook.agency], workbook), markup=False, highlight=False)
        done.add(workbook.agency)

    try:
        for workbook in build_many(planner, jobs, secret):
            write(workbook)
        return {}
    except (ValueError, TypeError, KeyError) as exc:  # openpyxl's refusals of a value
        first = str(exc)
    failed: dict[str, str] = {}
    for job in jobs:
        if job[0] in done:
            continue
        try:
            write(built(planner, job, secret))
        except (ValueError, TypeError, KeyError) as exc:
            failed[job[0]] = str(exc) or first
    return failed


def _name(cycle: Cycle, agency: str, lang: Lang) -> str:
    return workbook_name(cycle, agency, lang)


def _owes_something(catalog: Catalog, agency: str, cycle: Cycle) -> None:
    """A usage error when `agency` owes nothing in `cycle`, saying who reports in its place."""
    if owed(catalog, agency, cycle, "indicator") or owed(catalog, agency, cycle, "answer"):
        return
    hint = _("see who owes what with `hcmlc status --cycle {cycle}`").format(cycle=cycle.id)
    record = catalog.agencies[agency]
    if record.ended is not None and cycle.reference_date >= record.ended:
        holder = catalog.succession.holder(agency, cycle.reference_date)
        hint = (
            _("`{agency}` ended on {day}: `{holder}` reports its items now")
            if holder
            else _("`{agency}` ended on {day}: nobody reports its items yet")
        ).format(agency=agency, day=record.ended, holder=holder)
    raise HcmlcError(
        _("`{agency}` owes nothing in cycle {cycle}").format(agency=agency, cycle=cycle.id), hint
    )


def _written(target: Path, workbook: Built) -> str:
    return _("Wrote {file}: {indicators}, {answers} ({filled} pre-filled).").format(
        file=target,
        indicators=counted(workbook.indicators, "{n} indicator", "{n} indicators"),
        answers=counted(workbook.answers, "{n} answer", "{n} answers"),
        filled=counted(workbook.prefilled, "{n} row", "{n} rows"),
    )


def created_key(key: Key) -> str:
    """What the coordinator is told when the key that signs workbooks was just made."""
    return _(
        "Made the key that signs workbooks, {path}: `import` needs it to check that a workbook "
        "comes back for the agency it was made for. Keep it (back it up with your other "
        "files), never in the repository."
    ).format(path=key.path)
