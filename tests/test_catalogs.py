"""The gettext catalogs: every marked string translated in both languages, and compiled."""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from hcmlc.i18n import LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[1] / "src/hcmlc"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}
"""As `make messages` extracts them (`--keywords N_ --keywords counted:2,3`)."""
FIX = "run `make messages`, translate the new entries of src/hcmlc/locale/*/LC_MESSAGES/hcmlc.po"


@functools.cache  # read on first use: each xdist worker imports this module
def marked() -> set[str | tuple[str, str]]:
    """Every string the code marks for translation, as Babel extracts it."""
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    )
    return {message if isinstance(message, str) else tuple(message) for _, _, message, *_ in found}


def catalog(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES/hcmlc.po").open("rb") as stream:
        return read_po(stream)


def test_extraction_finds_the_strings() -> None:
    assert "hint: {hint}" in marked() and ("{n} file", "{n} files") in marked()
    assert (
        "Check every YAML file: schema, ids, assignments, units, years, word limits, duplicates."
        in marked()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_marked_string_is_translated(lang: str) -> None:
    po = catalog(lang)
    entries = {m.id: m for m in po if m.id}
    missing = sorted(map(str, marked() - set(entries)))
    assert not missing, f"not in the {lang} catalog: {missing}; {FIX}"
    stale = sorted(map(str, set(entries) - marked()))
    assert not stale, f"in the {lang} catalog but no longer in the code: {stale}; {FIX}"
    untranslated = [
        str(m.id)
        for m in entries.values()
        if m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    assert not untranslated, f"untranslated or fuzzy in {lang}: {untranslated}"
    assert not [error for _, errors in po.check() for error in errors]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang: str) -> None:
    for message in catalog(lang):
        if not message.id:
            continue
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert _fields(text) == _fields(source), (message.id, text)


def test_vietnamese_is_nfc_and_has_its_letters() -> None:
    for message in catalog("vi"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert text == unicodedata.normalize("NFC", text), text
    assert re.search("[ăâđêôơư]", " ".join(str(m.string) for m in catalog("vi")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogs_are_current(lang: str) -> None:
    """The shipped .mo holds the .po's translations: messages compared, not bytes, since each
    Babel release writes its own header into the file."""
    with (LOCALE_DIR / lang / "LC_MESSAGES/hcmlc.mo").open("rb") as stream:
        shipped = _translations(read_mo(stream))
    assert shipped == _translations(catalog(lang)), (
        f"hcmlc.mo of {lang} is older than its .po; {FIX}"
    )


def _translations(messages: Catalog) -> dict[object, object]:
    """Each message id → its translation, as gettext would serve them (no header, no fuzzy)."""

    def plain(text: object) -> object:  # plural forms: a list from the .mo, a tuple from the .po
        return tuple(text) if isinstance(text, list | tuple) else text

    return {plain(m.id): plain(m.string) for m in messages if m.id and m.string and not m.fuzzy}


def _fields(text: str) -> set[str]:
    """The names of `text`'s `{…}` placeholders."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
