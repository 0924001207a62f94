"""data/confirmations.yaml: the dates of delivery the coordinator confirms.

A date an agency writes (`submitted:`, the workbook's "Ngày gửi biểu") is a claim; it counts
for lateness only when the coordinator confirms it here, in a file under data/ that only the
coordinator's side changes (CODEOWNERS: `hcmlc codeowners`).
"""

from __future__ import annotations

import datetime as dt

from hcmlc.models.common import Id, NonEmpty, Strict


class Confirmation(Strict):
    """The coordinator vouches that an agency's file of a cycle was delivered on its claimed
    `submitted:` date (by official letter, e-mail, or by hand), and who vouches."""

    agency: Id
    cycle: Id
    submitted: dt.date
    by: NonEmpty
    """Who confirms it (a name and office), as the views show it."""
    note: NonEmpty | None = None
    """How it was delivered, e.g. the letter's number."""


class Confirmations(Strict):
    """The whole of data/confirmations.yaml."""

    confirmations: list[Confirmation] = []
