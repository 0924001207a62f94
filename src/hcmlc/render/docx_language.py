"""The language of a rendered .docx: Word checks the spelling of a document by its `w:lang`,
so a Vietnamese report tagged en-US is marked as misspelt English throughout."""

from __future__ import annotations

import re
from functools import lru_cache

from hcmlc.files.docx_parts import Parts, Step, rewrite

LANGUAGES = {"vi": "vi-VN", "en": "en-US"}
"""The `w:lang` of a document in each of hcmlc's languages."""

_LANG = re.compile(rb'(<w:lang\b[^>]*?\bw:val=")[^"]*(")')
_EAST_ASIA = re.compile(rb'(<w:lang\b[^>]*?\bw:eastAsia=")[^"]*(")')
_THEME_LANG = re.compile(rb"(<w:themeFontLang)\b[^>]*?(/>)")
_DC_LANGUAGE = re.compile(rb"(<dc:language>)[^<]*(</dc:language>)")


def with_language(data: bytes, lang: str) -> bytes:
    """The .docx `data` with its language set to `lang` (see `language`)."""
    return rewrite(data, language(lang))


def language(lang: str) -> Step:
    """The step of `files.docx_parts.rewrite` that sets a document's language to `lang` (`vi`
    → vi-VN, `en` → en-US): the style defaults (`w:lang`), the theme fonts' language and the
    document's properties."""
    tag = LANGUAGES[lang].encode()
    value = rb"\g<1>" + tag + rb"\g<2>"
    theme = rb'\g<1> w:val="' + tag + rb'" w:eastAsia="' + tag + rb'"\g<2>'
    edits = {
        "word/styles.xml": ((_LANG, value), (_EAST_ASIA, value)),
        "word/settings.xml": ((_THEME_LANG, theme),),
        "docProps/core.xml": ((_DC_LANGUAGE, value),),
    }

    def step(parts: Parts) -> None:
        for name, subs in edits.items():
            if name in parts:
                for pattern, replacement in subs:
                    parts[name] = _sub(pattern, replacement, parts[name])

    return step


@lru_cache(maxsize=16)
def _sub(pattern: re.Pattern[bytes], replacement: bytes, part: bytes) -> bytes:
    """`part` edited, remembered: the letters of a run share their styles (350 KB)."""
    return pattern.sub(replacement, part)
