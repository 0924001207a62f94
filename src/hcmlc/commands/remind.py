"""`hcmlc remind`: reminders to the agencies that owe items, as letters, e-mail drafts or text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.errors import MessageError
from email.headerregistry import Address
from pathlib import Path
from typing import Literal

from rich.console import Console

from hcmlc.commands.workbook import created_key
from hcmlc.core.catalog import Catalog
from hcmlc.core.open_cycles import still_open
from hcmlc.core.status import Status, build_status, check_agency, standing
from hcmlc.documents import template_files
from hcmlc.documents.official import require_documents
from hcmlc.documents.reminders import Reminder, build_reminders, pending
from hcmlc.documents.snapshot import take
from hcmlc.files.atomic import write_atomic
from hcmlc.files.outputs import check_replaceable, stamp, stamp_text
from hcmlc.i18n import Lang, _, counted, current_language
from hcmlc.models.documents import Documents
from hcmlc.models.registry import Cycle
from hcmlc.render.console import make_console
from hcmlc.render.diagnostics import render_text
from hcmlc.render.escape import visible
from hcmlc.render.source_note import say_source
from hcmlc.repository.contacts import FOCAL_POINTS
from hcmlc.repository.load import ASSIGNMENTS, DOCUMENTS, Repository
from hcmlc.repository.past import load_as_of
from hcmlc.signoffs.states import issues_of
from hcmlc.workbook.issue import Readable, build_workbooks, read_submissions, workbook_name
from hcmlc.yamlfiles.slips import LINE_BREAK, NOT_TEXT

ReminderFormat = Literal["docx", "eml", "md"]
TEMPLATES: dict[ReminderFormat, str] = {
    "docx": "reminder.docx",
    "eml": "reminder.md.j2",
    "md": "reminder.md.j2",
}


@dataclass(frozen=True)
class RemindOptions:
    """What `hcmlc remind` was asked for."""

    as_of: dt.date
    agency: str | None = None
    within: int | None = None
    output: ReminderFormat = "docx"
    out: Path | None = None
    lang: Lang = "vi"
    force: bool = False


SHOWN = 10
"""Agencies without a focal point named on the terminal before "and N more"."""


def write_reminders(console: Console, root: Path, options: RemindOptions) -> int:
    """Write one reminder per agency with items to remind of; say who got what, and which
    state of the repository was read."""
    with load_as_of(root, options.as_of, keep=False) as repo:
        code = _remind(console, root, options, repo)
    if repo.snapshot is not None and repo.snapshot.worth_saying:
        say_source(repo.snapshot)
    return code


def _remind(console: Console, root: Path, options: RemindOptions, repo: Repository) -> int:
    catalog = repo.require_catalog()
    cycle = repo.cycle(None)
    if options.agency is not None:
        check_agency(catalog, options.agency)
    documents = require_documents(repo.documents, repo.problem_in(DOCUMENTS))
    template = template_files.find(root, TEMPLATES[options.output])
    snapshot = take(repo, cycle, options.as_of, options.lang)
    status, deliveries = snapshot.status, snapshot.deliveries
    readable = _workbooks(repo, status, options, cycle)
    reminders = build_reminders(
        catalog,
        status,
        documents,
        options.lang,
        within=options.within,
        agency=options.agency,
        workbooks=lambda agency: (
            workbook_name(cycle, agency, options.lang) if agency in readable.agencies else None
        ),
        issues=issues_of(repo.root, catalog, repo.supplied, cycle),
    )
    names = {id(r): r.agency for r in reminders}
    for found in still_open(catalog, repo.supplied, cycle, options.as_of, deliveries):
        # an earlier cycle not closed: its overdue items, in a letter of their own
        earlier = build_status(
            catalog, repo.supplied, found.cycle, options.as_of, 0, options.lang, deliveries
        )
        for letter in build_reminders(
            catalog, earlier, documents, options.lang, agency=options.agency
        ):
            reminders.append(letter)
            names[id(letter)] = f"{letter.agency}-{found.cycle.id}"
    if not reminders:
        _nothing(console, options, catalog, status.cycle)
        return 0
    folder = options.out or Path(f"reminders-{options.as_of.isoformat()}")
    mailed = [r for r in reminders if options.output != "eml" or r.focal_point is not None]
    targets = {id(r): folder / f"{names[id(r)]}.{options.output}" for r in mailed}
    guarded = [] if options.output == "eml" else list(targets.values())
    check_replaceable(guarded, options.force, DOCUMENTS)
    # built once the letters may be written: a refused run answers at once
    issued = build_workbooks(repo.root, catalog, cycle, options.lang, readable)
    if issued.key is not None and issued.key.created:
        make_console(stderr=True).print(created_key(issued.key), markup=False, highlight=False)
    existing = {p for p in targets.values() if p.exists()}
    refused: dict[str, str] = {}
    for reminder in mailed:
        workbook = issued.built.get(reminder.agency)
        attached = (reminder.workbook, workbook.data) if reminder.workbook and workbook else None
        try:  # one agency's text never stops the others' reminders
            data = _render(reminder, options, template, documents, attached)
        except Unaddressable as exc:
            refused[reminder.agency] = str(exc)
            del targets[id(reminder)]
            continue
        write_atomic(targets[id(reminder)], data)
        if attached and options.output != "eml":  # beside the letter, to send with it
            write_atomic(folder / attached[0], attached[1])
    _summary(console, options, catalog, reminders, targets, existing, documents)
    for agency, reason in refused.items():
        console.print(
            _("No reminder for `{agency}`: {reason}").format(agency=agency, reason=reason),
            markup=False,
            highlight=False,
        )
    if refused:
        console.print(
            _("hint: {hint}").format(
                hint=_("fix {file}: `hcmlc validate data` shows where").format(file=ASSIGNMENTS)
            ),
            markup=False,
            highlight=False,
        )
    if issued.broken:
        console.print(
            _(
                "These submission files cannot be read, so their agencies' reminders carry no "
                "workbook; fix them first (`hcmlc validate`):"
            ),
            markup=False,
            highlight=False,
        )
        render_text(console, issued.broken, len({p.path for p in issued.broken}))
    if repo.error_count:  # an entry with errors is not supplied: its agency is reminded of it
        console.print(
            _(
                "{errors} in the data: run `hcmlc validate`; entries with errors count as missing."
            ).format(errors=counted(repo.error_count, "{n} error", "{n} errors")),
            markup=False,
            highlight=False,
        )
    return 1 if refused else 0


class Unaddressable(Exception):
    """A reminder whose e-mail cannot be addressed: the focal point's name or address would
    break the header (a line break, a control character)."""


def _workbooks(repo: Repository, status: Status, options: RemindOptions, cycle: Cycle) -> Readable:
    """The submissions to pre-fill the workbook of each agency to remind that delivers by
    workbook (for e-mail drafts, of those with a focal point: the others get no draft)."""
    catalog, contacts = repo.require_catalog(), repo.contacts
    wanted = [
        row.id
        for row in status.agencies
        if options.agency in (None, row.id)
        and contacts is not None
        and contacts.channel(catalog.agencies[row.id]) == "workbook"
        and (options.output != "eml" or catalog.agencies[row.id].focal_point is not None)
        and pending(status, row.id, options.within)
    ]
    return read_submissions(repo.root, cycle, wanted)


def _render(
    reminder: Reminder,
    options: RemindOptions,
    template: Path,
    documents: Documents,
    attached: tuple[str, bytes] | None,
) -> bytes:
    if options.output == "docx":
        from hcmlc.render.reminder_docx import render_letter

        return render_letter(reminder, template, options.lang, stamp)
    from hcmlc.render.reminder_text import render_reminder_text

    text = render_reminder_text(reminder, template)
    if options.output == "md":
        return stamp_text(text).encode("utf-8")
    from hcmlc.render.reminder_eml import render_email

    issuer = documents.issuer
    sender = (
        Address(display_name=issuer.name.get(options.lang), addr_spec=issuer.email)
        if issuer.email
        else None
    )
    focal = reminder.focal_point
    if focal is not None and (NOT_TEXT.search(focal.name) or LINE_BREAK.search(focal.name)):
        raise Unaddressable(_("the focal point's name holds a line break or a control character"))
    try:
        return render_email(reminder, text, sender, options.as_of, attached)
    except (ValueError, MessageError) as exc:  # what Address refuses (CR, LF in a part)
        raise Unaddressable(
            _("its e-mail cannot be addressed: {reason}").format(reason=visible(str(exc)))
        ) from None


def _nothing(console: Console, options: RemindOptions, catalog: Catalog, cycle: Cycle) -> None:
    """Why no reminder was written: nothing to remind of, or the agency holds no duties."""
    day = options.as_of.isoformat()
    if options.agency is not None:
        found = standing(catalog, options.agency, cycle)
        if not found.active and found.holder is not None:
            line = _(
                "{agency} ended on {ended}; its duties in cycle {cycle} are {holder}'s: "
                "`hcmlc remind --agency {holder}`."
            ).format(agency=options.agency, ended=found.ended, cycle=cycle.id, holder=found.holder)
        else:
            line = _("{agency} has nothing to be reminded of in cycle {cycle} as of {day}.").format(
                agency=options.agency, cycle=cycle.id, day=day
            )
    else:
        line = _("No agency has anything to be reminded of in cycle {cycle} as of {day}.").format(
            cycle=cycle.id, day=day
        )
    console.print(_("{line} No reminder written.").format(line=line), markup=False, highlight=False)
    if options.within is None:
        console.print(
            _("Items due soon are left out: add `--within DAYS` to remind of them too."),
            markup=False,
            highlight=False,
        )


def _summary(
    console: Console,
    options: RemindOptions,
    catalog: Catalog,
    reminders: list[Reminder],
    targets: dict[int, Path],
    existing: set[Path],
    documents: Documents,
) -> None:
    """Which files were written, for whom, and who has no focal point for an e-mail."""

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False)

    folder = next(iter(targets.values())).parent if targets else options.out
    say(
        _("{reminders} as of {day} in {folder}/:").format(
            reminders=counted(len(targets), "{n} reminder", "{n} reminders"),
            day=options.as_of.isoformat(),
            folder=folder,
        )
    )
    for reminder in reminders:
        path = targets.get(id(reminder))
        if path is None:
            continue
        overdue = max((-i.obligation.days_left for i in reminder.items), default=0)
        detail = counted(len(reminder.items), "{n} item", "{n} items")
        if overdue > 0:
            detail += ", " + counted(overdue, "up to {n} day overdue", "up to {n} days overdue")
        if options.output == "eml" and reminder.focal_point is not None:
            detail += " → " + reminder.focal_point.email
        if reminder.workbook:
            detail += " + " + reminder.workbook
        replaced = _(" (replaced)") if path in existing else ""
        name = catalog.agencies[reminder.agency].short_name(current_language())
        say(f"  {path.name}{replaced}: {name} — {detail}")
    lacking = list(dict.fromkeys(r.agency for r in reminders if r.focal_point is None))
    if lacking:
        message = (
            _("No focal point for {agencies}: no e-mail for them; send the letter.")
            if options.output == "eml"
            else _("No focal point for {agencies}: they get the letter, but no e-mail.")
        )
        shown = ", ".join(lacking[:SHOWN])
        if len(lacking) > SHOWN:
            shown = _("{agencies} and {n} more").format(agencies=shown, n=len(lacking) - SHOWN)
        say(message.format(agencies=shown))
        hint = _(
            "add each one under `focal_points:` in {file}, as `agency-id: {{name: …, email: …}}`"
        ).format(file=FOCAL_POINTS)
        say(_("hint: {hint}").format(hint=hint))
    if options.output == "eml" and documents.issuer.email is None:
        say(
            _(
                "The drafts have no sender: add `email:` under `issuer:` in {file}, or choose "
                "the sender in the mail program."
            ).format(file=DOCUMENTS)
        )
