"""A reminder as an e-mail draft (.eml) to the agency's focal point, which the coordinator opens
in a mail program and sends: hcmlc sends nothing.

An Internet message (RFC 5322) built by Python's `email` package with its default policy: the
names are encoded per RFC 2047 where they are not ASCII, the text is UTF-8 (quoted-printable),
lines end with CRLF. `X-Unsent: 1` makes Outlook open it as a draft.

The subject is encoded here (`encoded_words`): folding a long non-ASCII subject, the policy of
Python 3.11 drops the space at a fold ("Thành phố" comes back as "Thànhphố"; folding of encoded
words has known faults, e.g. python/cpython#144156), so the subject is cut into B-encoded words
that carry their spaces inside, each line short enough never to be folded again.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime

from hcmlc.documents.reminders import Reminder
from hcmlc.workbook.issue import XLSX

VIET_NAM_TIME = dt.timezone(dt.timedelta(hours=7))
"""Viet Nam's time zone (UTC+7), for the draft's date."""
WORD_BYTES = 39
"""UTF-8 bytes per encoded word: `=?utf-8?b?…?=` is then at most 64 characters, well within
RFC 2047's 75 and, after `Subject: `, within a line of 78."""


def render_email(
    reminder: Reminder,
    body: str,
    sender: Address | None,
    day: dt.date,
    attached: tuple[str, bytes] | None = None,
) -> bytes:
    """The .eml bytes of `reminder` to its focal point, with `body` as its text, from `sender`
    (the issuer; without one, the mail program fills it in), dated `day`; `attached` is the
    workbook sent with it (file name, bytes)."""
    focal = reminder.focal_point
    assert focal is not None, "only an agency with a focal point gets an e-mail"
    message = EmailMessage(policy=default)
    if sender is not None:
        message.set_raw("From", mailbox(sender))
    message.set_raw("To", mailbox(Address(display_name=focal.name, addr_spec=focal.email)))
    message.set_raw("Subject", encoded_words(reminder.subject))
    message["Date"] = format_datetime(dt.datetime.combine(day, dt.time(8), VIET_NAM_TIME))
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    if attached is not None:
        name, data = attached
        maintype, subtype = XLSX.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=SMTP)


def mailbox(address: Address) -> str:
    """`Name <name@example.org>` as one mailbox whatever the name holds: a name of letters,
    digits and spaces as it is, any other in B-encoded words. A name is never written as an
    atom or a quoted string that a reader could decode into more addresses (an encoded word
    `=?utf-8?q?Hoa_<spy@evil.example>,?=` in it, which Python's own folding writes out bare,
    or commas and angle brackets): decoded, an encoded word is one display name, nothing more.
    `address` checked its parts already (no CR or LF, an address that parses); a plain name
    too long for one line is encoded too, so that the header is never folded by the policy."""
    name = " ".join(address.display_name.split())
    if not name:
        return f"<{address.addr_spec}>"
    if _PLAIN_NAME.fullmatch(name) and len(name) + len(address.addr_spec) < 60:
        return f"{name} <{address.addr_spec}>"
    # cut after a space where one can: a reader that puts a space between two encoded words
    # of a name (as Python's does) then doubles a space instead of splitting a word
    pieces = [word + " " for word in name.split(" ")]
    pieces[-1] = pieces[-1][:-1]
    # each line short enough never to be folded again: the policy would refold a long line by
    # decoding the name and writing it out bare, commas and brackets included
    return f"{_encode(_packed(pieces))}\n <{address.addr_spec}>"


_PLAIN_NAME = re.compile(r"[A-Za-z0-9]+( [A-Za-z0-9]+)*")


def encoded_words(text: str) -> str:
    """`text` as RFC 2047 B-encoded UTF-8 words, one a line (a folded header value); ASCII text
    short enough for one line is left as it is."""
    if text.isascii() and len(text) <= 60:
        return text
    return _encode(_packed(list(text)))


def _packed(pieces: list[str]) -> list[str]:
    """`pieces` joined into runs of at most WORD_BYTES bytes (a longer piece cut anywhere)."""
    words: list[str] = []
    current = ""
    for piece in pieces:
        for part in [piece] if len(piece.encode("utf-8")) <= WORD_BYTES else list(piece):
            if current and len((current + part).encode("utf-8")) > WORD_BYTES:
                words.append(current)
                current = ""
            current += part
    words.append(current)
    return words


def _encode(words: list[str]) -> str:
    return "\n ".join(f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode()}?=" for w in words)
