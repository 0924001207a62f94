"""The Markdown escape of the report and the reminders (render/report_md.py's `escape`, the
templates' `md` and `cell`): remembered for the texts of a run, it gives what escaping the text
afresh gives, in any order, and a long text is escaped without being kept."""

from __future__ import annotations

from hcmlc.render import report_md
from hcmlc.render.report_md import escape

TEXTS = [
    "- a",
    "a\nb",
    "#x",
    "1. x",
    "***",
    "a\u202eb",
    "x|y",
    "Sở Giáo dục và Đào tạo",
    "  =\r\n",
    "[link](https://example.org) <b>&amp;</b> `code` ~$",
]


def test_an_escape_remembered_is_the_escape_of_the_text_afresh() -> None:
    fresh = [report_md._escaped(text) for text in TEXTS]
    assert fresh[:7] == ["\\- a", "a b", "\\#x", "1\\. x", "\\*\\*\\*", "a\\\\u202eb", "x\\|y"]
    assert [escape(text) for text in TEXTS] == fresh
    assert [escape(text) for text in reversed(TEXTS)] == fresh[::-1]  # now from memory
    assert [escape(5), escape(98.5)] == ["5", "98.5"]


def test_a_long_text_is_escaped_and_not_kept() -> None:
    long = "*" * (report_md._REMEMBERED + 1)
    before = report_md._remembered.cache_info().currsize
    assert escape(long) == "\\*" * len(long)
    assert report_md._remembered.cache_info().currsize == before
