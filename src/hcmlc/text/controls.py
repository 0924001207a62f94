"""Characters no document can hold, shown as their escapes: what the form, the report's words
and the workbook write for a control character or a non-character that reached them.

`validate` refuses them in a text (HCMLC-E008); a text that gets here all the same (a label of
data/, a file not validated) is written with each such character as `\\x07` or `\\ufffe`, as
the README documents: Word's and Excel's XML cannot hold them, and docxtpl, meeting U+FFFE,
re-reads the document in a recovery mode that drops later `&`, `<` and `>`.
"""

from __future__ import annotations

import re

NOT_WRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""Controls but tab and line feed, surrogates and non-characters."""


def shown_controls(text: str) -> str:
    """`text` with every character of NOT_WRITABLE written as its escape (`\\x07`, `\\ufffe`)."""
    if not NOT_WRITABLE.search(text):
        return text
    return NOT_WRITABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
