"""Removing an entry is an explicit act: the workbook's `Xoá / Remove` column, never cleared cells.

A cleared input leaves the submission as it is (and `import` says which cells were cleared);
an agency that means an item's entry to go chooses `Xoá` (`Remove` in an English workbook) in
the row's last column, from the drop-down its data validation offers. Either word is read in
either workbook, in any case, with or without the tone mark's older placement (`Xóa`).
"""

from __future__ import annotations

import unicodedata

from hcmlc.i18n import Lang
from hcmlc.workbook.labels import HEADINGS
from hcmlc.workbook.rules import Rule

COLUMN = "remove"
"""The column key of the marker, the last of each data sheet."""
MARKER: dict[Lang, str] = {"vi": "Xoá", "en": "Remove"}
_READ = {"xoá", "xóa", "remove"}
_PROMPT: dict[Lang, str] = {
    "vi": (
        "Chọn {marker} để xoá số liệu hoặc câu trả lời đã nộp của mục này khỏi hồ sơ. Xoá trống "
        "các ô không xoá gì cả."
    ),
    "en": (
        "Choose {marker} to remove this item's submitted entry from the file. Clearing the "
        "cells removes nothing."
    ),
}
_ERROR: dict[Lang, str] = {
    "vi": "Chỉ chọn {marker}, hoặc để trống.",
    "en": "Choose {marker} only, or leave it empty.",
}


def remove_rule(lang: Lang) -> Rule:
    """The drop-down of the marker column: its one word."""
    marker = MARKER[lang]
    return Rule(
        "list",
        "between",
        f'"{marker}"',
        None,
        HEADINGS[COLUMN][lang],
        _PROMPT[lang].format(marker=marker),
        _ERROR[lang].format(marker=marker),
    )


def is_marker(value: object) -> bool:
    """Whether a cell's value asks to remove its row's entry."""
    if not isinstance(value, str):
        return False
    return unicodedata.normalize("NFC", value).strip().casefold() in _READ
