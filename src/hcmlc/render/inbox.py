"""What `import DIR` tells the coordinator: the agencies imported and refused, what changed in
submissions/, what was set aside, and where the receipts are; as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import _, counted
from hcmlc.render import diagnostics
from hcmlc.render.diagnostics import summary, write_json
from hcmlc.render.escape import visible
from hcmlc.render.imports import items, outcome
from hcmlc.repository.contacts import FOCAL_POINTS
from hcmlc.workbook.importer import Imported
from hcmlc.workbook.inbox import Origin
from hcmlc.workbook.intake import Intake
from hcmlc.workbook.receipts import Receipt


@dataclass(frozen=True)
class Report:
    """A run of `import DIR`, as the summary shows it."""

    intake: Intake
    receipts: list[Receipt]
    folder: Path
    written: list[Path]
    check: bool

    @property
    def problems(self) -> list[Diagnostic]:
        return [*self.intake.inbox.problems, *(p for r in self.intake.results for p in r.problems)]

    @property
    def refused(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def by_outcome(self, state: str) -> list[Imported]:
        return [r for r in self.intake.results if outcome(r) == state]


def _say(console: Console, line: str) -> None:
    """One line; file names come from the mailbox (and zips): control characters are shown."""
    console.print(visible(line), markup=False, highlight=False, soft_wrap=True)


def render_text(console: Console, report: Report) -> None:
    """The summary, then every problem compiler-style, then the counts."""
    inbox = report.intake.inbox
    duplicates = [s for s in inbox.set_aside if s.reason == "duplicate"]
    others = [s for s in inbox.set_aside if s.reason != "duplicate"]
    _say(
        console,
        _("{workbooks}, {duplicates}, {others} set aside, {unopened}.").format(
            workbooks=counted(len(inbox.arrivals), "{n} workbook", "{n} workbooks"),
            duplicates=counted(len(duplicates), "{n} identical copy", "{n} identical copies"),
            others=counted(len(others), "{n} other file", "{n} other files"),
            unopened=counted(len(inbox.problems), "{n} zip not opened", "{n} zips not opened"),
        ),
    )
    written = report.by_outcome("checked" if report.check else "written")
    head = _("Would import ({n}):") if report.check else _("Imported ({n}):")
    _say(console, head.format(n=len(written)))
    for result in written:
        found = items(result)
        _say(
            console,
            "  "
            + _("{agency} → {file}: {added}, {changed}, {removed}").format(
                agency=result.agency,
                file=result.target,
                added=_("{n} added").format(n=len(found["added"])),
                changed=_("{n} changed").format(n=len(found["changed"])),
                removed=_("{n} removed").format(n=len(found["removed"])),
            ),
        )
    nothing = report.by_outcome("nothing")
    if nothing:
        shown = ", ".join(r.agency or r.path for r in nothing)
        _say(console, _("Nothing new ({n}): {agencies}").format(n=len(nothing), agencies=shown))
    refused = report.by_outcome("refused")
    _say(console, _("Refused ({n}):").format(n=len(refused)))
    for result in refused:
        errors = sum(p.severity is Severity.ERROR for p in result.problems)
        who = result.agency if result.path not in report.intake.foreign else None
        _say(
            console,
            "  "
            + _("{who} ({workbook}): {errors}").format(
                who=who or _("no agency of this repository"),
                workbook=result.path,
                errors=counted(errors, "{n} error", "{n} errors"),
            ),
        )
    for aside in inbox.set_aside:
        reason = (
            _("identical to {original}: imported once").format(original=aside.original)
            if aside.reason == "duplicate"
            else _("a link: not followed")
            if aside.reason == "link"
            else _("an e-mail with no workbook attached: set aside")
            if aside.reason == "no-workbook"
            else _("not a workbook: set aside")
        )
        _say(console, _("Set aside: {file}: {reason}").format(file=aside.display, reason=reason))
    _receipts(console, report)
    if report.problems:
        diagnostics.render_text(console, report.problems, len(report.intake.results))


def _receipts(console: Console, report: Report) -> None:
    if report.check:
        _say(console, _("No receipt written (--check)."))
        return
    drafts = sum(p.suffix == ".eml" for p in report.written)
    texts = sum(p.suffix == ".txt" for p in report.written)
    fresh = sum(p.suffix == ".xlsx" for p in report.written)
    _say(
        console,
        _("Receipts in {folder}/: {texts}, {drafts}, {fresh}.").format(
            folder=report.folder,
            texts=counted(texts, "{n} text", "{n} texts"),
            drafts=counted(drafts, "{n} e-mail draft", "{n} e-mail drafts"),
            fresh=counted(fresh, "{n} fresh workbook", "{n} fresh workbooks"),
        ),
    )
    lacking = [r.agency for r in report.receipts if r.focal_point is None]
    if lacking:
        _say(
            console,
            _("No focal point for {agencies}: send them the text of their receipt.").format(
                agencies=", ".join(lacking)
            ),
        )
        hint = _(
            "add each one under `focal_points:` in {file}, as `agency-id: {{name: …, email: …}}`"
        ).format(file=FOCAL_POINTS)
        _say(console, _("hint: {hint}").format(hint=hint))


def render_json(console: Console, report: Report) -> None:
    """The same, as one JSON document."""
    problems = report.problems
    inbox = report.intake.inbox
    origins = {a.display: a.origin for a in inbox.arrivals if a.origin is not None}
    document = {
        "workbooks": [
            {
                "path": r.path,
                "agency": r.agency,
                "cycle": r.cycle,
                "file": r.target,
                "outcome": outcome(r),
                "foreign": r.path in report.intake.foreign,
                **items(r),
                "received": r.received.isoformat() if r.received and r.written else None,
                "claimed_sent": r.claimed,
                "email": _email(origins.get(r.path)),
            }
            for r in report.intake.results
        ],
        "set_aside": [
            {"path": s.display, "reason": s.reason, "original": s.original} for s in inbox.set_aside
        ],
        "agencies": {
            state: sorted({r.agency for r in report.by_outcome(state) if r.agency})
            for state in ("written", "checked", "nothing", "refused")
        },
        "receipts": [
            {
                "agency": r.agency,
                "outcome": r.outcome,
                "lang": r.lang,
                "to": r.focal_point.email if r.focal_point else None,
                "accepted": [a.item for a in r.accepted],
                "to_fix": len(r.to_fix),
                "to_check": len(r.to_check),
                "fresh_workbook": r.fresh,
            }
            for r in report.receipts
        ],
        "written": [str(p) for p in report.written],
        "problems": [p.as_dict() for p in problems],
        "summary": summary(problems, len(report.intake.results)),
    }
    write_json(console, document, indent=2)


def _email(origin: Origin | None) -> dict[str, object] | None:
    """The e-mail a workbook came in and the senders its `From:` names (a claim)."""
    if origin is None:
        return None
    return {"path": origin.mail, "from": list(origin.senders)}
