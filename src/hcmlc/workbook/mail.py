"""A saved e-mail (`.eml`, as Outlook or Thunderbird save one) opened within bounds: its sender
and its attachments.

An e-mail is hostile like any file of the mailbox: read only up to `MAX_EML_BYTES`, at most
`MAX_PARTS` parts looked at and `MAX_ATTACHMENTS` attachments taken, an e-mail attached to it
(message/rfc822, a forward) not opened. Its `From:` is a claim: the address is kept to compare
with the focal point, never trusted; its `Date:` is not read at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from pathlib import Path

from hcmlc.i18n import _

MAX_EML_BYTES = 50_000_000
"""Bytes of a saved e-mail, as of a zip: its workbooks, base64-encoded, take a third more."""
MAX_PARTS = 200
MAX_ATTACHMENTS = 50
MAX_FROM = 10
"""`From:` headers read: more is no real e-mail (the count of senders, past one, is a finding)."""
MAX_FROM_CHARACTERS = 2_000
MAX_ADDRESS = 200
"""Characters of a sender's address kept: a longer one is no address of a focal point."""


class MailProblem(ValueError):
    """The e-mail is not opened; the message says why."""


@dataclass
class Mail:
    """What an e-mail brings: who it says it is from, its attachments and forwards."""

    senders: list[str]
    """Every address of its `From:` header(s); exactly one makes a sender."""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    forwarded: list[str] = field(default_factory=list)
    """The names of the e-mails attached to it, not opened."""

    @property
    def sender(self) -> str | None:
        return self.senders[0] if len(self.senders) == 1 else None


def open_mail(path: Path) -> Mail:
    """The e-mail at `path`, within bounds; MailProblem when it cannot be opened."""
    with path.open("rb") as stream:
        data = stream.read(MAX_EML_BYTES + 1)
    if len(data) > MAX_EML_BYTES:
        raise MailProblem(_("it is over {limit} bytes").format(limit=f"{MAX_EML_BYTES:,}"))
    if data.count(b"\n--") > 2 * MAX_PARTS + 100:
        # each part opens with a `--boundary` line (and a multipart closes with one): the count
        # of parts is bounded before the parser, which takes seconds per megabyte of tiny parts
        raise MailProblem(_("it has more than {n} parts").format(n=MAX_PARTS))
    try:
        message = message_from_bytes(data, policy=policy.default)
        mail = Mail(_senders(message))
        _parts(message, mail)
    except MailProblem:
        raise
    except (RecursionError, LookupError, ValueError, TypeError, AttributeError) as exc:
        detail = str(exc)[:200] or type(exc).__name__
        raise MailProblem(_("it is damaged: {detail}").format(detail=detail)) from exc
    return mail


def _senders(message: Message) -> list[str]:
    """The addresses of `From:`, each header measured raw before it is parsed (the address
    parser takes minutes over a header of a million addresses)."""
    raw = [value for name, value in message.raw_items() if name.lower() == "from"]
    if len(raw) > MAX_FROM or any(len(value) > MAX_FROM_CHARACTERS for value in raw):
        limit = f"{MAX_FROM_CHARACTERS:,}"
        raise MailProblem(_("its From: header is over {limit} characters").format(limit=limit))
    found: list[str] = []
    for value in raw:
        header = policy.default.header_fetch_parse("From", value)
        for address in getattr(header, "addresses", ()):
            spec = "".join(c for c in str(address.addr_spec or "") if c.isprintable())
            spec = spec.strip()[:MAX_ADDRESS]
            if spec:
                found.append(spec)
    return found


def _parts(message: Message, mail: Mail) -> None:
    """The attachments of `message`, walked without recursion, forwards not followed."""
    pending: list[Message] = [message]
    seen = 0
    while pending:
        part = pending.pop()
        seen += 1
        if seen > MAX_PARTS:
            raise MailProblem(_("it has more than {n} parts").format(n=MAX_PARTS))
        if part is not message and part.get_content_maintype() == "message":
            mail.forwarded.append(part.get_filename() or part.get_content_type())
        elif part.is_multipart():
            payload = part.get_payload()
            children = payload if isinstance(payload, list) else []
            pending.extend(c for c in reversed(children) if isinstance(c, Message))
        elif part.get_filename() or _is_attachment(part):
            if len(mail.attachments) >= MAX_ATTACHMENTS:
                raise MailProblem(_("it has more than {n} attachments").format(n=MAX_ATTACHMENTS))
            data = part.get_payload(decode=True)
            name = part.get_filename() or "attachment"
            mail.attachments.append((name, data if isinstance(data, bytes) else b""))


def _is_attachment(part: Message) -> bool:
    return isinstance(part, EmailMessage) and part.is_attachment()
