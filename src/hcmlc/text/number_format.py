"""Numbers as a reader of each language writes them: what every view prints a figure with."""

from __future__ import annotations

from hcmlc.i18n import Lang


def format_number(value: float, lang: Lang) -> str:
    """`9389700` → "9.389.700" (vi) or "9,389,700" (en); decimals as written, without zeros."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text
