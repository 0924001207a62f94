"""The words the membership form adds around the answers, in each language of the form, and
how it words a word limit."""

from __future__ import annotations

from hcmlc.i18n import Lang, Wording
from hcmlc.models.registry import WordLimit

LABELS: dict[str, dict[Lang, str]] = {
    "missing": {"vi": "Chưa có câu trả lời", "en": "No answer yet"},
    "missing-part": {
        "vi": "Chưa có phần trả lời của: {owners}",
        "en": "Still to come from: {owners}",
    },
    "untranslated-fields": {
        "vi": "Chưa có bản tiếng Anh: {fields}",
        "en": "No English yet: {fields}",
    },
    "untranslated-copyright": {
        "vi": "Chưa có bản quyền tiếng Anh",
        "en": "No English copyright line yet",
    },
    "missing-field": {"vi": "Chưa có", "en": "Not supplied"},
    "owed-by": {"vi": "đơn vị thực hiện: {owners}", "en": "to be supplied by {owners}"},
    "limit-max": {"vi": "tối đa {max} từ", "en": "maximum {max} words"},
    "limit-range": {"vi": "{min} - {max} từ", "en": "{min}–{max} words"},
    "limit-min": {"vi": "tối thiểu {min} từ", "en": "at least {min} words"},
    "too-long": {
        "vi": "{words} từ, vượt giới hạn {limit}",
        "en": "{words} words, over the limit ({limit})",
    },
    "too-short": {
        "vi": "{words} từ, chưa đủ ({limit})",
        "en": "{words} words, too short ({limit})",
    },
    "untranslated": {
        "vi": "Chưa có bản tiếng Anh",
        "en": "No English text yet; the Vietnamese text follows",
    },
    "untranslated-caption": {"vi": "Chưa có chú thích tiếng Anh", "en": "No English caption yet"},
    "unreadable": {
        "vi": "Câu trả lời có lỗi, chạy `hcmlc validate` để xem",
        "en": "The answer has errors; run `hcmlc validate` to see them",
    },
    "photo-count": {
        "vi": "{count} ảnh; mẫu đơn yêu cầu {min} đến {max} ảnh",
        "en": "{count} photos; the form asks for {min} to {max}",
    },
    "photo-file": {
        "vi": "Không dùng được ảnh `{path}`; chạy `hcmlc validate` để xem",
        "en": "Photo `{path}` cannot be used; run `hcmlc validate` to see why",
    },
    "merge": {
        "vi": "{count} đơn vị đã trả lời; điều phối viên hợp nhất thành một câu trả lời",
        "en": "{count} agencies answered; the coordinator merges them into one answer",
    },
    "from-indicator": {"vi": "theo chỉ số {id}", "en": "from indicator {id}"},
}
"""Words the form adds around the answers, in each language of the form."""


label = Wording(LABELS)


def limit_text(limit: WordLimit, lang: Lang) -> str:
    """A word limit as the form shows it beside its question."""
    if limit.min and limit.max:
        return label("limit-range", lang, min=limit.min, max=limit.max)
    if limit.max:
        return label("limit-max", lang, max=limit.max)
    return label("limit-min", lang, min=limit.min)
