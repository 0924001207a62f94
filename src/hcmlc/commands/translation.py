"""`hcmlc translation export|import`: the form's answers out to a translator (XLIFF 1.2 or a
workbook) and back, recorded with the digests of the Vietnamese they translate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console

from hcmlc.core.status import check_agency, latest_cycle_asking
from hcmlc.files.atomic import check_target, write_atomic
from hcmlc.i18n import N_, _, counted
from hcmlc.render import diagnostics
from hcmlc.repository.load import load
from hcmlc.signoffs.english import build_translations
from hcmlc.translation.importing import import_translations


@dataclass(frozen=True)
class TranslationExportOptions:
    """What `hcmlc translation export` was asked for."""

    output: str = "xliff"
    out: Path | None = None
    agency: str | None = None
    cycle: str | None = None


@dataclass(frozen=True)
class TranslationImportOptions:
    """What `hcmlc translation import` was asked for."""

    path: Path
    by: str | None = None
    check: bool = False
    cycle: str | None = None


def export_answers(console: Console, root: Path, options: TranslationExportOptions) -> int:
    """Write the cycle's answers (or one agency's) as XLIFF 1.2 or a workbook."""
    cycle_id, agency, output = options.cycle, options.agency, options.output
    repo = load(root, cache=True, keep=False)
    catalog = repo.require_sound_data()
    cycle = repo.cycle(cycle_id) if cycle_id else latest_cycle_asking(catalog, "answer")
    if agency is not None:
        check_agency(catalog, agency)
    translations = build_translations(root, catalog, repo.supplied, cycle)
    if agency is not None:
        mine = [a for a in translations.answers if a.agency == agency]
        translations = replace(translations, answers=mine)
    target = options.out or Path(f"translation-{cycle.id}.{'xlf' if output == 'xliff' else 'xlsx'}")
    check_target(target)
    if output == "xliff":
        from hcmlc.translation.xliff import write_xliff

        data = write_xliff(translations, catalog)
    else:
        from hcmlc.translation.workbook import write_workbook

        data = write_workbook(translations)
    write_atomic(target, data)
    counts = translations.counts()
    console.print(
        _("Wrote {path}: {answers} of cycle {cycle} ({todo} to translate or verify).").format(
            path=target,
            answers=counted(len(translations.answers), "{n} answer", "{n} answers"),
            cycle=cycle.id,
            todo=len(translations.answers) - counts["verified"],
        ),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    return 0


def import_answers(console: Console, root: Path, options: TranslationImportOptions) -> int:
    """Judge a returned file; unless `check`, write its English and the records."""
    repo = load(root, cache=True, keep=False)
    catalog = repo.require_sound_data()
    cycle_id, path = options.cycle, options.path
    cycle = repo.cycle(cycle_id) if cycle_id else latest_cycle_asking(catalog, "answer")
    result = import_translations(
        root, catalog, repo.supplied, cycle, path, str(path), options.by, write=not options.check
    )
    if result.failed:
        line = _("{path}: not imported; nothing written").format(path=result.path)
    else:
        line = _(
            "{path}: {changed} English changed, {translated} recorded as translated, "
            "{verified} verified{checked}"
        ).format(
            path=result.path,
            changed=len(result.changed),
            translated=len(result.translated),
            verified=len(result.verified),
            checked="" if result.written else _(" (checked only, nothing written)"),
        )
    console.print(line, markup=False, highlight=False, soft_wrap=True)
    for word, items in ((N_("changed"), result.changed), (N_("verified"), result.verified)):
        if items:
            console.print(f"    {_(word)}: {', '.join(items)}", markup=False, highlight=False)
    if result.problems:
        diagnostics.render_text(console, result.problems, 1)
    return 1 if result.failed else 0
