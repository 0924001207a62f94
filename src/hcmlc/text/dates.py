"""Days as each language writes them in hcmlc's documents and page: the one list of months."""

from __future__ import annotations

import datetime as dt

from hcmlc.i18n import Lang

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names (Vietnamese writes a month by its number)."""


def day_text(day: dt.date, lang: Lang) -> str:
    """`20/12/2025` (vi) or `20 December 2025` (en)."""
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_parts(day: dt.date, lang: Lang) -> dict[str, str]:
    """Day, month and year as an administrative date line writes them (Decree 30/2020/NĐ-CP:
    `ngày 05 tháng 02`, but `tháng 3` from March on); English names the month."""
    if lang == "en":
        return {"day": str(day.day), "month": MONTHS[day.month - 1], "year": str(day.year)}
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return {"day": f"{day.day:02d}", "month": month, "year": str(day.year)}
