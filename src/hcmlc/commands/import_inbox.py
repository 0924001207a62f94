"""`hcmlc import DIR`: a mailbox folder of returned workbooks imported, with a receipt for each
agency (text, and an e-mail draft to its focal point) and a summary for the coordinator."""

from __future__ import annotations

import tempfile
from email.headerregistry import Address
from pathlib import Path

from rich.console import Console

from hcmlc.commands.import_workbooks import ImportOptions
from hcmlc.commands.workbook import created_key
from hcmlc.core.catalog import Catalog
from hcmlc.core.status import pick_cycle
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.i18n import Lang, _
from hcmlc.models.documents import Documents
from hcmlc.models.registry import Cycle
from hcmlc.render import inbox as reporter
from hcmlc.render.console import make_console
from hcmlc.render.receipt import receipt_email, receipt_text
from hcmlc.repository.load import load
from hcmlc.signoffs.names import review_path
from hcmlc.signoffs.states import build_reviews
from hcmlc.workbook.build import build_workbook
from hcmlc.workbook.importer import Imported
from hcmlc.workbook.intake import Intake, take_in
from hcmlc.workbook.issue import issue_workbooks, workbook_name
from hcmlc.workbook.receipts import Receipt, build_receipts, with_reviews
from hcmlc.workbook.repair import repair_name
from hcmlc.workbook.seal import load_key


def import_folder(console: Console, root: Path, options: ImportOptions) -> int:
    """Import the folder's workbooks, write the receipts, say what happened; exit 1 if any
    workbook or file was refused."""
    if options.agency is not None:
        raise HcmlcError(
            _("--agency is for single workbooks, not for a folder"),
            _("import the folder without --agency: each workbook goes to its own agency"),
        )
    repo = load(root, submissions=False)
    catalog = repo.require_catalog()
    cycle = pick_cycle(catalog, options.cycle)
    with tempfile.TemporaryDirectory(prefix="hcmlc-inbox-") as scratch:
        intake = take_in(
            root,
            catalog,
            list(options.paths),
            cycle,
            Path(scratch),
            write=not options.check,
            received=options.received,
        )
    answered = [r for r in intake.results if r.path not in intake.foreign]
    fresh = _fresh(root, catalog, cycle, answered, intake.langs) if not options.check else {}
    names = {agency: name for agency, (name, _data) in fresh.items()}
    receipts = build_receipts(catalog, answered, intake.langs, options.received, names)
    if not options.check and (root / review_path(cycle.id)).exists():
        written_repo = load(root, cache=True, keep=False)  # the content as imported
        agencies = [r.agency for r in receipts]
        with_reviews(receipts, build_reviews(root, catalog, written_repo.supplied, cycle, agencies))
    folder = options.receipts or Path(f"receipts-{options.received.isoformat()}")
    written = [] if options.check else _write(folder, receipts, fresh, repo.documents, catalog)
    report = reporter.Report(intake, receipts, folder, written, options.check)
    if options.output == "json":
        reporter.render_json(console, report)
    else:
        reporter.render_text(console, report)
    return 1 if report.refused else 0


def _fresh(
    root: Path, catalog: Catalog, cycle: Cycle, results: list[Imported], langs: dict[str, Lang]
) -> dict[str, tuple[str, bytes]]:
    """A fresh workbook (name, bytes) for each agency that must fix something: the repaired one
    (`repair.py`: pre-filled with everything its refused workbook gave with certainty) when the
    workbook could be read, else the one `workbook` makes now, with everything accepted."""
    found: dict[str, tuple[str, bytes]] = {}
    failed = [r for r in results if r.failed and r.agency in catalog.agencies]
    key = None
    for result in failed:
        agency, plan = result.agency, result.repair
        if agency is None or plan is None or agency in found:
            continue
        key = key or load_key(root, create=True)
        assert key is not None  # made when there was none
        name = repair_name(cycle.id, agency, plan.lang)
        found[agency] = (name, build_workbook(plan, key.secret))
    by_lang: dict[Lang, list[str]] = {}
    for result in failed:
        if result.agency is not None and result.agency not in found:
            by_lang.setdefault(langs.get(result.path, "vi"), []).append(result.agency)
    for lang, group in by_lang.items():
        issued = issue_workbooks(root, catalog, cycle, lang, list(dict.fromkeys(group)))
        key = key or issued.key
        for agency, built in issued.built.items():
            found[agency] = (workbook_name(cycle, agency, lang), built.data)
    if key is not None and key.created:
        make_console(stderr=True).print(created_key(key), markup=False, highlight=False)
    return found


def _write(
    folder: Path,
    receipts: list[Receipt],
    fresh: dict[str, tuple[str, bytes]],
    documents: Documents | None,
    catalog: Catalog,
) -> list[Path]:
    """Each receipt as text, as an e-mail draft when its agency has a focal point, and its fresh
    workbook beside them; every file written atomically. The paths written."""
    written: list[Path] = []
    for receipt in receipts:
        contact = catalog.assignments.contact
        body = receipt_text(receipt, contact.get(receipt.lang) if contact else None)
        path = folder / f"{receipt.agency}.txt"
        write_atomic(path, body.encode("utf-8"))
        written.append(path)
        attached = fresh.get(receipt.agency) if receipt.fresh else None
        if attached is not None:
            write_atomic(folder / attached[0], attached[1])
            written.append(folder / attached[0])
        if receipt.focal_point is not None:
            path = folder / f"{receipt.agency}.eml"
            sender = _sender(documents, receipt.lang)
            write_atomic(path, receipt_email(receipt, body, sender, receipt.received, attached))
            written.append(path)
    return written


def _sender(documents: Documents | None, lang: Lang) -> Address | None:
    if documents is None or not documents.issuer.email:
        return None
    return Address(display_name=documents.issuer.name.get(lang), addr_spec=documents.issuer.email)


__all__ = ["Intake", "import_folder"]
