"""The interface's language: gettext catalogs shipped in `hcmlc/locale`, chosen once per run.

Source strings are English (msgid); `vi` holds the Vietnamese translations and `en` the identity.
The language comes from `--lang`, else `$HCMLC_LANG`, else the locale, else Vietnamese. Mark a
string with `_` where it is shown, or with `N_` where it is defined and shown later through `_`.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal

Lang = Literal["vi", "en"]


class Wording:
    """A table of a document's own words, by key and then by the document's language (which
    need not be the interface's): `words(key, lang, **values)` is the text, its placeholders
    filled."""

    def __init__(self, table: Mapping[str, Mapping[Lang, str]]) -> None:
        self.table = table

    def __call__(self, key: str, lang: Lang, **values: object) -> str:
        return self.table[key][lang].format(**values)

    def counted(self, key: str, n: int, lang: Lang, shown: object = None, **values: object) -> str:
        """The words of `key-one` or `key-many` for `n`, with `{n}` as `shown` (default `n`)."""
        form = "one" if n == 1 else "many"
        return self(f"{key}-{form}", lang, n=n if shown is None else shown, **values)


DOMAIN = "hcmlc"
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES: tuple[Lang, ...] = ("vi", "en")
DEFAULT: Lang = "vi"
ENV_VAR = "HCMLC_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
"""POSIX order: the first of these that is set decides the locale."""

_chosen: Lang | None = None
"""The language set for this run; None: resolve it from the environment when first needed."""


def resolve_language(
    option: str | None = None,
    environ: Mapping[str, str] | None = None,
    suggested: str | None = None,
) -> Lang:
    """`--lang` if given, else `$HCMLC_LANG` if it names a language, else `suggested` (the
    language of the document asked for), else the locale, else vi.

    A locale (`vi_VN.UTF-8`, `en_US`) gives its language; any other locale (`C`, `fr_FR`) gives vi.
    """
    env = os.environ if environ is None else environ
    for wanted in (option, env.get(ENV_VAR), suggested):
        lang = _language_of(wanted or "")
        if lang:
            return lang
    locale = next((env[name] for name in LOCALE_VARS if env.get(name)), "")
    return _language_of(locale) or DEFAULT


def _language_of(value: str) -> Lang | None:
    """`vi`, `vi_VN.UTF-8`, `en-GB` → its language if hcmlc speaks it, else None."""
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def use_language(lang: Lang | None) -> None:
    """Speak `lang` from now on; None goes back to resolving it from the environment."""
    global _chosen
    _chosen = lang


def current_language() -> Lang:
    return _chosen or resolve_language()


@cache
def translations(lang: Lang) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; source English when none is installed."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """`message` in the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` for `n` in the current language (Vietnamese has one)."""
    return translations(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for the catalogs without translating it yet (translate it with `_`)."""
    return message


def counted(n: int, singular: str, plural: str) -> str:
    """`n` with its noun: `ngettext` of two templates holding `{n}`, e.g. "{n} word"."""
    return ngettext(singular, plural, n).format(n=n)


def grouped(n: int) -> str:
    """`n` with its thousands grouped as the interface's language writes them: 1.000.000 in
    Vietnamese, 1,000,000 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if current_language() == "vi" else text
