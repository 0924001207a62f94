"""The language of a rendered .docx: Word checks the spelling of a document by its `w:lang`,
so a Vietnamese report tagged en-US is marked as misspelt English throughout."""

from __future__ import annotations

import io
import re
import zipfile

LANGUAGES = {"vi": "vi-VN", "en": "en-US"}
"""The `w:lang` of a document in each of hcmlc's languages."""

_LANG = re.compile(rb'(<w:lang\b[^>]*?\bw:val=")[^"]*(")')
_EAST_ASIA = re.compile(rb'(<w:lang\b[^>]*?\bw:eastAsia=")[^"]*(")')
_THEME_LANG = re.compile(rb"(<w:themeFontLang)\b[^>]*?(/>)")
_DC_LANGUAGE = re.compile(rb"(<dc:language>)[^<]*(</dc:language>)")


def with_language(data: bytes, lang: str) -> bytes:
    """The .docx `data` with its language set to `lang` (`vi` → vi-VN, `en` → en-US): the
    style defaults (`w:lang`), the theme fonts' language and the document's properties."""
    tag = LANGUAGES[lang].encode()
    value = rb"\g<1>" + tag + rb"\g<2>"
    theme = rb'\g<1> w:val="' + tag + rb'" w:eastAsia="' + tag + rb'"\g<2>'
    edits = {
        "word/styles.xml": ((_LANG, value), (_EAST_ASIA, value)),
        "word/settings.xml": ((_THEME_LANG, theme),),
        "docProps/core.xml": ((_DC_LANGUAGE, value),),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            for pattern, replacement in edits.get(info.filename, ()):
                content = pattern.sub(replacement, content)
            target.writestr(info, content)
    return out.getvalue()
