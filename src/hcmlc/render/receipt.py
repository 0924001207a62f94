"""A receipt as plain text (also the body of its e-mail) and as an e-mail draft (.eml) to the
agency's focal point, with the fresh workbook attached where something must be fixed. hcmlc
sends nothing: the coordinator opens the draft in a mail program and sends it."""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime

from hcmlc.render.reminder_eml import VIET_NAM_TIME, encoded_words
from hcmlc.workbook.issue import XLSX
from hcmlc.workbook.receipts import Receipt, word


def receipt_text(receipt: Receipt, contact: str | None = None) -> str:
    """The receipt's text, in its agency's language."""
    lang = receipt.lang
    day = receipt.received
    shown_day = f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()
    lines = [
        receipt.subject,
        "",
        word("to", lang, agency=receipt.name),
        "",
        word("received", lang, day=shown_day, files=", ".join(receipt.workbooks)),
        word(receipt.outcome, lang, cycle=receipt.cycle),
    ]
    if receipt.accepted:
        lines += ["", word("accepted-title", lang)]
        lines += [f"{n}. {a.item} — {a.text}: {a.value}" for n, a in enumerate(receipt.accepted, 1)]
    if receipt.unchanged and receipt.outcome == "imported":
        lines.append(word("unchanged", lang, n=receipt.unchanged))
    for title, points in (("fix-title", receipt.to_fix), ("check-title", receipt.to_check)):
        if points:
            lines += ["", word(title, lang)]
            for n, point in enumerate(points, 1):
                key = "fix-line" if point.cell else "fix-file"
                message = f"{point.message} [{point.code}]" if point.code else point.message
                lines.append(f"{n}. " + word(key, lang, place=point.place, message=message))
                if point.hint:
                    lines.append("   " + word("fix-hint", lang, hint=point.hint))
    if receipt.review is not None:
        lines += [
            "",
            word("review-title", lang),
            word("review-counts", lang, **receipt.review.counts),
        ]
        lines += [f"{n}. {line}" for n, line in enumerate(receipt.review.lines, 1)]
    if receipt.fresh:
        lines += ["", word("fresh", lang, file=receipt.fresh)]
    if contact:
        lines += ["", contact]
    lines += ["", word("thanks", lang)]
    return "\n".join(lines) + "\n"


def receipt_email(
    receipt: Receipt,
    body: str,
    sender: Address | None,
    day: dt.date,
    attached: tuple[str, bytes] | None,
) -> bytes:
    """The .eml bytes of `receipt` to its agency's focal point, from `sender` (the issuer of
    data/documents.yaml; without one, the mail program fills it in), dated `day`."""
    focal = receipt.focal_point
    assert focal is not None, "only an agency with a focal point gets an e-mail"
    message = EmailMessage(policy=default)
    if sender is not None:
        message["From"] = sender
    message["To"] = Address(display_name=focal.name, addr_spec=focal.email)
    message.set_raw("Subject", encoded_words(receipt.subject))
    message["Date"] = format_datetime(dt.datetime.combine(day, dt.time(8), VIET_NAM_TIME))
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    if attached is not None:
        name, data = attached
        maintype, subtype = XLSX.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=SMTP)
