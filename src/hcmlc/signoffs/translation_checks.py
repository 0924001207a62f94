"""`validate`'s checks of the translation files: known ids, and verification by the verifier."""

from __future__ import annotations

from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.documents.codeowners import CODEOWNERS_PATH, TRANSLATIONS_PATTERN, signoff_owners
from hcmlc.i18n import _
from hcmlc.signoffs.checks import ROLE, UNKNOWN, codeowners_line
from hcmlc.signoffs.names import TRANSLATIONS
from hcmlc.signoffs.translations import Rendering, read_translations
from hcmlc.text.suggest import did_you_mean


def translation_files(root: Path) -> list[str]:
    folder = root / TRANSLATIONS
    if not folder.is_dir():
        return []
    return sorted(
        f"{TRANSLATIONS}/{p.name}" for p in folder.iterdir() if p.suffix in (".yaml", ".yml")
    )


def check_translation_files(root: Path, catalog: Catalog) -> list[Diagnostic]:
    """Each record names an agency and a text question that exist, in a file named after its
    cycle; a verification is signed by one of the verifier's reviewers."""
    problems: list[Diagnostic] = []
    verifiers = signoff_owners(catalog.assignments, TRANSLATIONS_PATTERN)
    for relative in translation_files(root):
        records, doc, found = read_translations(root, Path(relative).stem)
        problems += found
        if records is None or doc is None:
            continue
        if records.cycle not in catalog.cycles or Path(relative).stem != records.cycle:
            message = _("`cycle: {cycle}` is not a cycle of this file's name")
            problems.append(doc.problem(("cycle",), UNKNOWN, message.format(cycle=records.cycle)))
        for index, record in enumerate(records.translations):
            loc = ("translations", index)
            if record.agency not in catalog.agencies:
                message = _("a sign-off for agency `{ref}`, which does not exist")
                hint = did_you_mean(record.agency, catalog.agencies)
                problems.append(
                    doc.problem((*loc, "agency"), UNKNOWN, message.format(ref=record.agency), hint)
                )
            if record.item not in catalog.questions:
                message = _("a sign-off for {kind} `{ref}`, which does not exist")
                hint = did_you_mean(record.item, catalog.questions)
                text = message.format(kind=_("question"), ref=record.item)
                problems.append(doc.problem((*loc, "item"), UNKNOWN, text, hint))
            if record.verdict is Rendering.VERIFIED and record.by not in verifiers:
                problems.append(doc.problem((*loc, "by"), ROLE, *_role(root, record.by, verifiers)))
    return problems


def _role(root: Path, by: str, verifiers: list[str]) -> tuple[str, str]:
    line = codeowners_line(root, TRANSLATIONS_PATTERN)
    where = (
        _("{path}:{line}: `{rule}`").format(path=CODEOWNERS_PATH, line=line[0], rule=line[1])
        if line
        else _("no line for {pattern} in {path}: run `hcmlc codeowners`").format(
            pattern=TRANSLATIONS_PATTERN, path=CODEOWNERS_PATH
        )
    )
    message = _(
        "`{by}` verified a translation but is not the translation verifier, the role that "
        "verifies translations ({where})"
    ).format(by=by, where=where)
    hint = _("only {owners} may verify translations, with `hcmlc review verify … --by`").format(
        owners=", ".join(verifiers) or "—"
    )
    return message, hint
