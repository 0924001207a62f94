"""The English form and its translations: each answer whose English is stale or not verified
is marked in the document as a gap; `--final` refuses the form while any remains."""

from __future__ import annotations

from hcmlc.core.catalog import Catalog
from hcmlc.documents.form_boxes import FilledForm, Gap
from hcmlc.errors import DataError
from hcmlc.i18n import Lang, Wording, _
from hcmlc.signoffs.english import EnglishAnswer, Translations

WORDS = Wording(
    {
        "stale": {
            "vi": "Bản tiếng Anh chưa cập nhật: phần tiếng Việt đã thay đổi sau khi dịch "
            "({agency})",
            "en": "English not current: the Vietnamese changed since it was translated ({agency})",
        },
        "translated": {
            "vi": "Bản tiếng Anh chưa được thẩm định ({agency})",
            "en": "English not yet verified ({agency})",
        },
        "verified-stale": {
            "vi": "Bản tiếng Anh không còn được thẩm định: văn bản đã thay đổi sau khi thẩm định "
            "({agency})",
            "en": "English no longer verified: the text changed since it was verified ({agency})",
        },
    }
)
"""The notes in the document, in its language; an answer without English is marked by the
form itself."""


def mark_translations(
    form: FilledForm, translations: Translations, catalog: Catalog, lang: Lang
) -> None:
    """Add a gap to each box holding an English answer that is stale or not verified."""
    unfinished = {(a.agency, a.item): a for a in translations.unfinished()}
    for section in form.sections:
        for box in section.boxes:
            for (agency, item), answer in unfinished.items():
                if item == box.id and answer.state != "untranslated":
                    name = catalog.agencies[agency].name.get(lang)
                    note = WORDS(answer.state, lang, agency=name)
                    box.gaps.append(Gap(box.id, "translation", note, (agency,)))


def refuse_unfinished(translations: Translations) -> None:
    """`--final`: a data error listing the English answers not verified as they stand."""
    unfinished = translations.unfinished()
    if not unfinished:
        return
    shown = ", ".join(_describe(a) for a in unfinished[:5])
    more = len(unfinished) - 5
    raise DataError(
        _("the English form is not final: {count} not verified as it stands: {answers}").format(
            count=len(unfinished), answers=shown + (f" (+{more})" if more > 0 else "")
        ),
        _(
            "translate (`hcmlc review translated`) and have the verifier verify "
            "(`hcmlc review verify`) each; `hcmlc status` lists them"
        ),
    )


def _describe(answer: EnglishAnswer) -> str:
    return f"{answer.agency}/{answer.item} ({answer.state})"
