"""What comes from input is shown as text on every channel, never acted on.

A key, a file name or a value can hold ESC (which clears a terminal or fakes "no problems"),
NUL, line separators (NEL, U+2028, which end a GitHub annotation), right-to-left overrides
(which reorder what a reviewer reads), Markdown and HTML (which hide or forge a job summary).
Each renderer escapes with the function of its channel:

- `visible`: control and invisible formatting characters as `\\x1b`, `\\u2028` (terminal text,
  annotations, documents); bytes of a name that were not UTF-8 as `\\xff`;
- `inert_markdown`: text that Markdown and HTML render exactly as written (job summary);
  `markdown_code`: the same as a code span, for file names and ids; `inert_message` for
  messages, whose `code` stays code;
- `json_text`: JSON with every control, line-separating and bidi character \\u-escaped.
"""

from __future__ import annotations

import re
from itertools import cycle

_INVISIBLE = (
    "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters: no XML (Word, Excel) may hold them
)
_UNSAFE = re.compile(f"[{_INVISIBLE}\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile(f"[{_INVISIBLE[3:]}\ud800-\udfff]")  # json escapes C0 itself
_MARKDOWN = re.compile(r"([\\`*_~\[\]!|$:@#])|(?<=www)(\.)", re.IGNORECASE)
"""What starts inline Markdown (escapes, code, emphasis, strikethrough, links, images, table
cells, math, emoji, web links, mentions, references), and the dot of `www.` (an autolink)."""
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BACKTICKS = re.compile("`+")


def visible(text: str, keep: str = "") -> str:
    """`text` with every control or invisible formatting character (but those in `keep`) written
    out as an escape, so that it is seen, not obeyed."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda found: _escape(found.group(), keep), text)


def inert_markdown(text: str) -> str:
    """`text` as GitHub-flavoured Markdown shows it literally, also inside a table cell: no
    link, image, emphasis, code, comment or HTML can come of it, and it stays on one line."""
    shown = _MARKDOWN.sub(lambda found: "\\" + found.group(), visible(text))
    return "".join(_HTML.get(character, character) for character in shown)


def inert_message(text: str) -> str:
    """A message as inert Markdown that keeps its `code` looking like code: the parts between
    backticks become code spans, the rest inert text. A backtick from input only moves where
    a span starts; every part is escaped either way."""
    parts = text.split("`")
    return "".join(
        markdown_code(part) if odd else inert_markdown(part)
        for odd, part in zip(cycle((False, True)), parts)
    )


def markdown_code(text: str) -> str:
    """`text` as a Markdown code span, shown literally also inside a table cell: fenced by more
    backticks than it holds in a row, its pipes escaped (GFM splits cells even in code)."""
    shown = visible(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(shown)), default=0) + 1)
    padding = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{padding}{shown}{padding}{fence}"


def json_text(text: str) -> str:
    """JSON text (from `json.dumps(…, ensure_ascii=False)`, which escapes C0 controls) with C1
    controls, line separators and bidi overrides \\u-escaped too; the JSON means the same."""
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _escape(character: str, keep: str) -> str:
    if character in keep:
        return character
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
