"""Choosing the interface's language: --lang, then $HCMLC_LANG, then the document's, the locale."""

from __future__ import annotations

import pytest

from hcmlc.cli.language import languages_in
from hcmlc.i18n import _, counted, resolve_language, use_language


@pytest.mark.parametrize(
    ("option", "environ", "suggested", "expected"),
    [
        ("en", {"HCMLC_LANG": "vi", "LANG": "vi_VN.UTF-8"}, "vi", "en"),  # --lang first
        (None, {"HCMLC_LANG": "en", "LANG": "vi_VN.UTF-8"}, "vi", "en"),  # then $HCMLC_LANG
        (None, {"HCMLC_LANG": "vi", "LANG": "en_US.UTF-8"}, None, "vi"),
        (None, {"HCMLC_LANG": "fr", "LANG": "en_US.UTF-8"}, None, "en"),  # not one it speaks
        (None, {"LANG": "vi_VN.UTF-8"}, "en", "en"),  # then the document's (fill-form --lang)
        (None, {"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN", "LANG": "vi_VN"}, None, "en"),
        (None, {"LC_MESSAGES": "en_US", "LANG": "vi_VN.UTF-8"}, None, "en"),
        (None, {"LANG": "en_US"}, None, "en"),
        (None, {"LANG": "vi_VN.UTF-8"}, None, "vi"),
        (None, {"LANG": "fr_FR.UTF-8"}, None, "vi"),  # any other locale: Vietnamese
        (None, {"LANG": "C.UTF-8"}, None, "vi"),
        (None, {"LC_ALL": "", "LANG": "en_US"}, None, "en"),  # an empty variable is unset
        (None, {}, None, "vi"),  # nothing at all: Vietnamese
    ],
)
def test_resolution_order(option, environ, suggested, expected) -> None:
    assert resolve_language(option, environ, suggested) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "en", "validate"], ("en", None)),
        (["--lang=vi", "status", "--as-of", "2023-09-05"], ("vi", None)),
        (["fill-form", "--lang", "en"], (None, "en")),
        (["--lang", "vi", "fill-form", "--lang", "en"], ("vi", "en")),
        (["validate", "--", "--lang"], (None, None)),
        (["validate", "--lang"], (None, None)),  # no value: Click reports it
    ],
)
def test_languages_on_the_command_line(args, expected) -> None:
    assert languages_in(args) == expected


def test_strings_and_counts_follow_the_language() -> None:
    use_language("vi")
    assert _("error") == "lỗi"
    assert counted(2, "{n} file", "{n} files") == "2 tệp"
    use_language("en")
    assert (_("error"), counted(1, "{n} file", "{n} files")) == ("error", "1 file")
    assert counted(2, "{n} file", "{n} files") == "2 files"
