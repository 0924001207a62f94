"""`hcmlc fill-form`: the GNLC membership application as a Word document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.clock import today
from hcmlc.core.status import latest_cycle_asking
from hcmlc.documents import template_files
from hcmlc.documents.form import fill_form
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import check_target, write_atomic
from hcmlc.i18n import Lang, _
from hcmlc.render import form_summary
from hcmlc.render.form_docx import render_form
from hcmlc.repository.fingerprint import embed, fingerprint
from hcmlc.repository.load import load
from hcmlc.signoffs.approved import narrow_to_approved
from hcmlc.signoffs.english import build_translations, translations_in_use
from hcmlc.signoffs.english_form import mark_translations, refuse_unfinished

TEMPLATE = "gnlc-form.docx"


@dataclass(frozen=True)
class FormOptions:
    """What `hcmlc fill-form` was asked for."""

    lang: Lang = "vi"
    cycle: str | None = None
    out: Path | None = None
    template: Path | None = None
    strict: bool = False
    as_of: dt.date | None = None
    approved_only: bool = False
    final: bool = False


def write_form(console: Console, root: Path, options: FormOptions) -> int:
    """Fill the form of a cycle, write it, list its gaps; with `strict`, gaps fail the run.
    With `as_of`, from the answers whose file had arrived by then."""
    cycle_id, lang, as_of, final = options.cycle, options.lang, options.as_of, options.final
    repo = load(root)
    catalog = repo.require_sound_data()
    cycle = repo.cycle(cycle_id) if cycle_id else latest_cycle_asking(catalog, "answer")
    if cycle.deadlines.answers is None:
        raise HcmlcError(
            _("cycle {cycle} asks for no form answers").format(cycle=cycle.id),
            _("the form belongs to an application cycle; pass --cycle with its id"),
        )
    template = template_files.find(root, TEMPLATE, options.template)
    target = options.out or Path(f"gnlc-form-{cycle.id}-{lang}.docx")
    check_target(target)
    day = as_of or today()
    known = repo.facts(repo.deliveries() if as_of else {})  # the form reads no dates but as_of
    if as_of:
        known = known.known_on(day)
    if options.approved_only:
        known = narrow_to_approved(console, known)
    form = fill_form(known, cycle.id, lang)
    if lang == "en":
        english = (
            build_translations(root, catalog, known.supplied, cycle)
            if final
            else translations_in_use(root, catalog, known.supplied, cycle)
        )
        if english is not None:
            if final:
                refuse_unfinished(english)
            mark_translations(form, english, catalog, lang)
    elif final:
        raise HcmlcError(
            _("--final is for the English form: the translation must be verified"),
            _("add --lang en"),
        )
    write_atomic(target, embed(render_form(form, template), fingerprint(repo, day)))
    form_summary.render(console, form, target, repo.error_count)
    return 1 if options.strict and (form.gaps or repo.error_count) else 0
