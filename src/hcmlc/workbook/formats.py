"""Number formats and serial dates as SpreadsheetML defines them (ECMA-376, part 1, 18.8.30).

What a stored number means depends on its cell's number format: a date format makes it a day
counted from the workbook's epoch, a percent format shows it a hundredfold. Reading a returned
workbook needs only these few rules, so they are here rather than behind a whole spreadsheet
library (whose import alone would cost `import` a third of a second).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
"""Day 0 of the 1900 date system (counting Lotus's 29 February 1900, as Excel does)."""
MAC_EPOCH = dt.datetime(1904, 1, 1)
"""Day 0 of the 1904 date system (`date1904` in the workbook's properties)."""

BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
"""The formats every reader knows by number, without the workbook naming them."""

MAX_FORMAT = 255
"""Characters of a number format code, as Excel allows; a longer one is read as General."""
_ELAPSED = re.compile(r"h+|m+|s+")
"""The elapsed-time codes `[h]`, `[mm]`, `[ss]`: brackets that are kept."""
_DATE_CODES = re.compile(r"(?<![_*])[dmyhsDMYHS]")


@functools.lru_cache(maxsize=256)
def is_date_format(code: str) -> bool:
    """Whether a number format shows a day or a time (`yyyy-mm-dd`, `d/m/yy h:mm`)."""
    return _DATE_CODES.search(_codes(code)) is not None


@functools.lru_cache(maxsize=256)
def is_percent_format(code: str) -> bool:
    """Whether a number format shows its value as a percentage (`0.0%`, not `0.0" %"`)."""
    return "%" in _codes(code)


def _codes(code: str) -> str:
    """The first section of a format without its quoted text, escaped characters and bracketed
    codes (colours, locales), but with the elapsed-time codes: in one pass, linear in the
    code's length whatever it holds (40,000 `[` take no longer than 40,000 other characters).
    An opening quote or bracket never closed is kept as a character, as is everything after."""
    kept: list[str] = []
    unclosed: set[str] = set()  # once a quote or bracket finds no end, none later does either
    at, end = 0, len(code)
    while at < end:
        char = code[at]
        if char == ";":
            break
        if char == "\\":
            at += 2
            continue
        if char in ('"', "[") and char not in unclosed:
            stop = code.find('"' if char == '"' else "]", at + 1)
            if stop >= 0:
                if char == "[" and _ELAPSED.fullmatch(code, at + 1, stop):
                    kept.append(code[at : stop + 1])
                at = stop + 1
                continue
            unclosed.add(char)
        kept.append(char)
        at += 1
    return "".join(kept)


def from_serial(serial: float, epoch: dt.datetime = WINDOWS_EPOCH) -> dt.datetime:
    """The day and time of a serial number (45166 → 28 August 2023 in the 1900 system).

    In the 1900 system Excel counts a 29 February 1900 that never was, so serials below 61 are
    one day early; and fractions are times of day, to the millisecond."""
    day, fraction = divmod(serial, 1)
    if epoch == WINDOWS_EPOCH and 0 < serial < 60:
        day += 1
    time = dt.timedelta(milliseconds=round(fraction * 86_400_000))
    return epoch + dt.timedelta(days=day) + time
