"""Who an e-mail says it is from, compared with the focal point of the agency its workbook is
sealed to. The seal binds the workbook to its agency, so the import goes on; a `From:` that is
not the focal point's address (or names no sender, or several) is a warning, never silence,
since anyone can send a workbook on, and a `From:` is only a claim."""

from __future__ import annotations

from pathlib import PurePosixPath

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.workbook.importer import Imported
from hcmlc.workbook.inbox import Origin


def sender_findings(catalog: Catalog, result: Imported, origin: Origin) -> list[Diagnostic]:
    """A warning when the e-mail that brought `result` is not from its agency's focal point."""
    agency = catalog.agencies.get(result.agency or "")
    if agency is None:
        return []
    mail = PurePosixPath(origin.mail.replace("\\", "/")).name
    focal = agency.focal_point
    if len(origin.senders) == 1:
        sender = origin.senders[0]
        if focal is None or sender.casefold() == str(focal.email).casefold():
            return []
        message = _(
            "the e-mail {mail} was sent from {sender}, not from {expected}, the focal point of "
            "{agency}"
        ).format(mail=mail, sender=sender, expected=focal.email, agency=agency.id)
    elif origin.senders:
        message = _(
            "the e-mail {mail} names several senders ({senders}): whether it came from the focal "
            "point of {agency} cannot be told"
        ).format(mail=mail, senders=", ".join(origin.senders), agency=agency.id)
    else:
        message = _(
            "the e-mail {mail} names no sender: whether it came from the focal point of {agency} "
            "cannot be told"
        ).format(mail=mail, agency=agency.id)
    if focal is not None and focal.phone:
        hint = _(
            "confirm with the agency by phone ({phone}) that it sent these figures before "
            "trusting them"
        ).format(phone=focal.phone)
    else:
        hint = _("confirm with the agency by phone that it sent these figures before trusting them")
    return [Diagnostic(result.path, 1, 1, "HCMLC-W077", message, hint)]
