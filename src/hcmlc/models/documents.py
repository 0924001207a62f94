"""data/documents.yaml: who issues the official documents, who signs them, who receives them.

The progress report and the reminders are laid out as Decree 30/2020/NĐ-CP asks of an
administrative document (see official.py); everything in that layout that belongs to the city
and not to hcmlc is kept here, as data the coordinator edits.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from hcmlc.i18n import _
from hcmlc.models.common import Email, NonEmpty, Strict, Text

_SYMBOL = re.compile(r"[A-ZĐ0-9&]+(-[A-ZĐ0-9&]+)*")


def _symbol(value: str) -> str:
    # Decree 30/2020/NĐ-CP, Phụ lục I, Phần I, II.3.c: capitals, groups joined by `-`, no spaces.
    if not _SYMBOL.fullmatch(value):
        raise ValueError(
            _(
                "`{value}` is not a document symbol: write capitals joined by hyphens, "
                "without spaces or `/`, e.g. `BC-SGDĐT`"
            ).format(value=value)
        )
    return value


Symbol = Annotated[str, AfterValidator(_symbol)]
"""The symbol after the number, `BC-SGDĐT` in `Số: 12/BC-SGDĐT`."""


class Issuer(Strict):
    """The body that issues the documents, and the one it reports to (its governing body)."""

    governing_body: Text
    """Printed above the issuer's name, e.g. Ủy ban nhân dân Thành phố Hồ Chí Minh."""
    name: Text
    place: Text
    """The place of the date line, e.g. Thành phố Hồ Chí Minh."""
    email: Email | None = None
    """The sender of the e-mail drafts; without it, the mail program fills it in."""


class Signer(Strict):
    """Who signs: the authority (`KT. Giám đốc`, optional), the position and the name."""

    authority: Text | None = None
    position: Text
    name: NonEmpty


class Official(Strict):
    """One kind of document: its symbol, its addressees and its copies."""

    symbol: Symbol
    signer: Signer | None = None
    """Who signs this kind of document, when not the file's `signer`."""
    to: list[Text] = []
    """`Kính gửi`: who the document is addressed to (the report; a reminder goes to its agency)."""
    copies: list[Text] = []
    """`Nơi nhận`, after `Như trên`: who else receives it."""
    archive: NonEmpty = "VT"
    """`Lưu:` the archive's abbreviations, e.g. `VT, GDTX`."""


class Report(Official):
    """The progress report: also, optionally, the sentence that gives its basis."""

    basis: Text | None = None
    """The sentence under the title, e.g. the plan and section that ask for the report; without
    it, the report names UNESCO's Key Features alone."""


class Reminder(Official):
    """A reminder letter: also the sentence that gives its basis, and whom to call."""

    basis: Text
    """The first sentence of the letter, e.g. `Thực hiện Kế hoạch số 1256/KH-UBND …`."""
    contact: Text | None = None
    """Whom the agency may ask, e.g. a unit and its phone number."""


class Documents(Strict):
    """The whole of data/documents.yaml."""

    issuer: Issuer
    signer: Signer
    report: Report
    reminder: Reminder

    def signer_of(self, kind: Official) -> Signer:
        return kind.signer or self.signer
