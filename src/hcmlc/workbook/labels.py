"""The words a workbook holds, in Vietnamese and English: document content, not interface.

Like the form's labels (`form.LABELS`), they follow the workbook's `--lang`, not the interface's
language, and are not gettext messages. Sheet names and column headings are part of a format
version: the reader finds sheets and columns by these words in the workbook's own language.
"""

from __future__ import annotations

import datetime as dt
import math

from hcmlc.core.values import SCALE_STATES, UNIT_BOUNDS
from hcmlc.i18n import Lang, Wording
from hcmlc.models.framework import Scale, Unit
from hcmlc.text.number_format import format_number

SHEETS: dict[str, dict[Lang, str]] = {
    "instructions": {"vi": "Hướng dẫn", "en": "Instructions"},
    "indicators": {"vi": "Chỉ số", "en": "Indicators"},
    "answers": {"vi": "Câu trả lời", "en": "Answers"},
}

HEADINGS: dict[str, dict[Lang, str]] = {
    "id": {"vi": "Mã", "en": "Id"},
    "criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "measure": {"vi": "Đơn vị / thang đo", "en": "Unit or scale"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "year": {"vi": "Năm số liệu", "en": "Year"},
    "source": {"vi": "Nguồn số liệu", "en": "Source"},
    "evidence": {"vi": "Minh chứng", "en": "Evidence"},
    "note": {"vi": "Ghi chú", "en": "Note"},
    "deadline": {"vi": "Hạn nộp", "en": "Due"},
    "question": {"vi": "Câu hỏi", "en": "Question"},
    "guidance": {"vi": "Hướng dẫn trả lời", "en": "Guidance"},
    "limit": {"vi": "Giới hạn", "en": "Limit"},
    "first": {"vi": "Trả lời (tiếng Việt)", "en": "Answer (Vietnamese)"},
    "second": {"vi": "Trả lời (tiếng Anh)", "en": "Answer (English)"},
    "words_first": {"vi": "Số từ (VI)", "en": "Words (VI)"},
    "words_second": {"vi": "Số từ (EN)", "en": "Words (EN)"},
    "remove": {"vi": "Xoá mục này", "en": "Remove entry"},
}

TEXT: dict[str, dict[Lang, str]] = {
    "title": {
        "vi": "Biểu nhập số liệu Thành phố học tập — {agency}",
        "en": "Learning City data workbook — {agency}",
    },
    "subtitle": {"vi": "{cycle} · mã đơn vị: {id}", "en": "{cycle} · agency id: {id}"},
    "indicators-title": {
        "vi": "Chỉ số {agency} cần cung cấp — {cycle}",
        "en": "Indicators {agency} supplies — {cycle}",
    },
    "answers-title": {
        "vi": "Câu trả lời cho Đơn đăng ký GNLC của {agency} — {cycle}",
        "en": "Answers to the GNLC membership form by {agency} — {cycle}",
    },
    "sheet-note": {
        "vi": "Chỉ nhập vào các ô màu vàng. Mỗi dòng được nhận biết qua mã ở cột A.",
        "en": "Type only in the yellow cells. Each row is known by the id in column A.",
    },
    "agency": {"vi": "Đơn vị", "en": "Agency"},
    "cycle": {"vi": "Chu kỳ báo cáo", "en": "Reporting cycle"},
    "due-indicators": {"vi": "Hạn nộp số liệu chỉ số", "en": "Indicators due"},
    "due-answers": {"vi": "Hạn nộp câu trả lời", "en": "Answers due"},
    "owed": {
        "vi": "{indicators} chỉ số, {answers} câu trả lời",
        "en": "{indicators} indicators, {answers} answers",
    },
    "owed-label": {"vi": "Nội dung cần cung cấp", "en": "To supply"},
    "prepared_by": {"vi": "Người lập biểu", "en": "Prepared by"},
    "submitted": {"vi": "Ngày gửi biểu", "en": "Date sent"},
    "how": {"vi": "Cách điền", "en": "How to fill in this workbook"},
    "return": {"vi": "Gửi lại", "en": "How to return it"},
    "ask": {"vi": "Cần hỏi?", "en": "Questions?"},
    "ask-text": {
        "vi": "Liên hệ đơn vị điều phối: {contact}",
        "en": "Ask the coordinator: {contact}",
    },
    "ask-default": {
        "vi": "đơn vị điều phối chương trình Thành phố học tập",
        "en": "the coordinator of the Learning City programme",
    },
    "not-here": {"vi": "Không nhập trong biểu này", "en": "Not in this workbook"},
    "photos": {
        "vi": "{question}: gửi ảnh dưới dạng tệp riêng, kèm chú thích và bản quyền, cho đơn vị "
        "điều phối.",
        "en": "{question}: send the photos as separate files, with caption and copyright, to "
        "the coordinator.",
    },
    "format": {
        "vi": "Định dạng biểu: phiên bản {version}",
        "en": "Workbook format: version {version}",
    },
    "one-answer": {"vi": "một câu trả lời, ở cột E", "en": "one answer, in column E"},
    "not-asked": {"vi": "—", "en": "—"},
}

STEPS: dict[Lang, tuple[str, ...]] = {
    "vi": (
        "1. Chỉ nhập vào các ô màu vàng; các ô khác được khóa để giữ nguyên bố cục. Khi chọn "
        "một ô, Excel hiện hướng dẫn: đơn vị, khoảng giá trị cho phép, danh sách để chọn.",
        "2. Trang «Chỉ số»: mỗi dòng là một chỉ số đơn vị cần cung cấp. Ghi giá trị (chỉ con số, "
        "không kèm chữ; số thập phân ghi như máy tính hiển thị: máy cài đặt vùng Việt Nam ghi "
        "98,5, cài đặt tiếng Anh ghi 98.5; phần trăm có thể kèm dấu %), năm mà số liệu phản ánh và"
        " nguồn số liệu; minh chứng và ghi chú không bắt buộc. Chỉ số cần hai số (ví dụ tỷ lệ gia "
        "đình học tập) có một dòng cho mỗi số ngay bên dưới: ghi từng số vào dòng của nó, không có"
        " dấu phân cách hàng nghìn; khi hai số là số lượng, ô «Giá trị» màu xanh tự tính tỷ lệ.",
        "3. Trang «Câu trả lời»: ghi câu trả lời bằng tiếng Việt và bản tiếng Anh; cột «Số từ» "
        "đếm gần đúng, chuyển màu đỏ khi vượt giới hạn. Xuống dòng trong một ô: Alt+Enter.",
        "4. Những giá trị đã có sẵn là số liệu đơn vị đã nộp: sửa trực tiếp nếu cần. Để rút "
        "lại một mục đã nộp, chọn «Xoá» ở cột cuối «Xoá mục này» của dòng đó; xoá trống ô "
        "không xoá gì khỏi hồ sơ.",
        "5. Không đổi tên, xóa hay thêm trang; không gộp ô, không xóa cột. Bảo vệ trang không "
        "có mật khẩu (Xem lại → Bỏ bảo vệ trang), nhưng xin giữ nguyên.",
    ),
    "en": (
        "1. Type only in the yellow cells; the others are locked so that the layout survives. "
        "When you select a cell, Excel shows what it takes: the unit, the range allowed, a "
        "list to choose from.",
        "2. Sheet “Indicators”: one row per indicator your agency supplies. Give the value (the "
        "figure alone, without words; a decimal as your computer shows it: 98.5 under English "
        "regional settings, 98,5 under Vietnamese; a percentage may carry its % sign), the year "
        "the figure describes and its source; evidence and note are optional. An indicator that "
        "asks for two figures (the share of learning families, say) has a row for each right below"
        " it: type each figure in its row, without thousands separators; where the two are counts,"
        " the blue “Value” cell computes the share.",
        "3. Sheet “Answers”: write each answer in Vietnamese and in English; the “Words” "
        "columns count roughly and turn red over the limit. A line break inside a cell: "
        "Alt+Enter.",
        "4. Values already filled in are what your agency supplied before: correct them here. "
        "To withdraw an item, choose “Remove” in the row's last column, “Remove entry”; "
        "clearing cells removes nothing.",
        "5. Do not rename, delete or add sheets, merge cells or delete columns. The sheets are "
        "protected without a password (Review → Unprotect Sheet), but please leave them so.",
    ),
}

RETURN_STEPS: dict[Lang, tuple[str, ...]] = {
    "vi": (
        "Lưu tệp dưới dạng Excel Workbook (.xlsx), giữ nguyên tên tệp, rồi gửi qua thư điện "
        "tử cho đơn vị điều phối. Không gửi tệp .xls, .xlsm, .pdf hay tệp có đặt mật khẩu.",
    ),
    "en": (
        "Save the file as an Excel Workbook (.xlsx), keeping its name, and e-mail it to the "
        "coordinator. Do not send .xls, .xlsm or .pdf files, nor a file with a password.",
    ),
}

UNIT_NAMES: dict[Unit, dict[Lang, str]] = {
    Unit.PERCENT: {"vi": "phần trăm", "en": "percent"},
    Unit.COUNT: {"vi": "số lượng (số nguyên)", "en": "count (whole number)"},
    Unit.PER_100K: {"vi": "trên 100.000 dân", "en": "per 100,000 people"},
    Unit.USD: {"vi": "đô la Mỹ", "en": "US dollars"},
    Unit.YEARS: {"vi": "năm", "en": "years"},
    Unit.HOURS_PER_WEEK: {"vi": "giờ mỗi tuần", "en": "hours per week"},
    Unit.TONNES_PER_CAPITA: {"vi": "tấn/người", "en": "tonnes per person"},
    Unit.KG_PER_CAPITA: {"vi": "kg/người", "en": "kg per person"},
}

STATE_NAMES: dict[str, str] = {
    "yes": "yes",
    "no": "no",
    "high": "high",
    "medium": "medium",
    "low": "low",
    "none": "none",
}
"""The English word of each state code (the codes are English words already)."""

PROMPTS: dict[str, dict[Lang, str]] = {
    "number": {
        "vi": "Một số {range}, chỉ con số, không kèm chữ; số thập phân ghi như máy tính hiển thị "
        "(98,5 hoặc 98.5).",
        "en": "A number {range}, the figure alone, without words; a decimal as your computer "
        "shows it (98.5 or 98,5).",
    },
    "percent": {
        "vi": "Một số từ 0 đến 100 (phần trăm), không kèm chữ; số thập phân ghi như máy tính "
        "hiển thị (98,5 hoặc 98.5). Ô định dạng % cũng được: 98,5% được hiểu là 98,5.",
        "en": "A number from 0 to 100 (percent), without words; a decimal as your computer "
        "shows it (98.5 or 98,5). A cell formatted as % is fine: 98.5% is read as 98.5.",
    },
    "whole": {
        "vi": "Một số nguyên {range}, không kèm chữ, không có dấu phân cách hàng nghìn.",
        "en": "A whole number {range}, without words or thousands separators.",
    },
    "state": {"vi": "Chọn trong danh sách: {states}.", "en": "Choose from the list: {states}."},
    "year": {
        "vi": "Năm mà số liệu phản ánh: từ {first} đến {last}.",
        "en": "The year the figure describes: {first} to {last}.",
    },
    "source": {
        "vi": "Nguồn số liệu: báo cáo, niên giám, khảo sát…",
        "en": "Where the figure comes from: a report, a yearbook, a survey…",
    },
    "evidence": {
        "vi": "Không bắt buộc: đường dẫn web, số hiệu văn bản, hoặc đường dẫn tệp trong kho.",
        "en": "Optional: a web link, a document's reference, or a path in the repository.",
    },
    "note": {"vi": "Không bắt buộc: giải thích thêm.", "en": "Optional: any explanation."},
    "answer-vi": {
        "vi": "Câu trả lời bằng tiếng Việt{limit}. Xuống dòng trong ô: Alt+Enter.",
        "en": "The answer in Vietnamese{limit}. A line break inside a cell: Alt+Enter.",
    },
    "answer-en": {
        "vi": "Bản tiếng Anh của câu trả lời{limit}.",
        "en": "The answer in English{limit}.",
    },
    "field": {"vi": "{label}.", "en": "{label}."},
    "choice": {"vi": "Chọn trong danh sách: {options}.", "en": "Choose from the list: {options}."},
    "date": {
        "vi": "Một ngày, ví dụ 2023-08-31 (năm-tháng-ngày).",
        "en": "A date, e.g. 2023-08-31 (year-month-day).",
    },
    "prepared_by": {
        "vi": "Phòng, đơn vị và người lập biểu.",
        "en": "The office and person who prepared the workbook.",
    },
    "submitted": {
        "vi": "Ngày gửi biểu này cho đơn vị điều phối, ví dụ 2023-08-28.",
        "en": "The day you send this workbook to the coordinator, e.g. 2023-08-28.",
    },
}

ERRORS: dict[str, dict[Lang, str]] = {
    "range": {"vi": "Giá trị phải là một số {range}.", "en": "The value must be a number {range}."},
    "whole": {
        "vi": "Giá trị phải là một số nguyên {range}.",
        "en": "The value must be a whole number {range}.",
    },
    "list": {"vi": "Chọn một giá trị trong danh sách.", "en": "Choose a value from the list."},
    "year": {
        "vi": "Năm phải từ {first} đến {last}.",
        "en": "The year must be from {first} to {last}.",
    },
    "date": {"vi": "Ghi một ngày hợp lệ.", "en": "Write a valid date."},
    "length": {
        "vi": "Nội dung quá dài cho một ô ({limit} ký tự).",
        "en": "Too long for one cell ({limit} characters).",
    },
}

WORD_LIMITS: dict[str, dict[Lang, str]] = {
    "max": {"vi": "tối đa {max} từ", "en": "at most {max} words"},
    "range": {"vi": "{min}–{max} từ", "en": "{min}–{max} words"},
    "min": {"vi": "tối thiểu {min} từ", "en": "at least {min} words"},
}


text = Wording(TEXT)


def bounds_range(unit: Unit, lang: Lang) -> str:
    """`từ 0 đến 100`, `≥ 0`: the values a unit allows, as a phrase."""
    bounds = UNIT_BOUNDS[unit]
    if math.isinf(bounds.high):
        return ("từ {low} trở lên" if lang == "vi" else "of {low} or more").format(
            low=format_number(bounds.low, lang)
        )
    return ("từ {low} đến {high}" if lang == "vi" else "from {low} to {high}").format(
        low=format_number(bounds.low, lang), high=format_number(bounds.high, lang)
    )


def measure(unit: Unit | None, scale: Scale | None, lang: Lang) -> str:
    """An indicator's unit with its range, or its scale's states: `phần trăm (từ 0 đến 100)`."""
    if unit is not None:
        return f"{UNIT_NAMES[unit][lang]} ({bounds_range(unit, lang)})"
    assert scale is not None  # the model guarantees one of unit and scale
    return " / ".join(state_words(scale, lang))


PARTS_MEASURE: dict[str, dict[Lang, str]] = {
    "ratio": {
        "vi": "{unit}, tự tính từ {n} số ở các dòng bên dưới",
        "en": "{unit}, computed from the {n} figures in the rows below",
    },
    "figures": {
        "vi": "{unit}: ghi {n} số ở các dòng bên dưới",
        "en": "{unit}: type the {n} figures in the rows below",
    },
}


def parts_measure(unit: Unit, count: int, ratio: bool, lang: Lang) -> str:
    """The measure of an indicator whose figures are typed in the rows below it."""
    template = PARTS_MEASURE["ratio" if ratio else "figures"][lang]
    return template.format(unit=UNIT_NAMES[unit][lang], n=count)


def states(scale: Scale) -> list[str]:
    """The states a drop-down offers: the Vietnamese words, which the data holds."""
    return list(SCALE_STATES[scale].values())


def state_words(scale: Scale, lang: Lang) -> list[str]:
    """The states as shown to a reader: `có`, or `có (yes)` in English."""
    words = SCALE_STATES[scale]
    if lang == "vi":
        return list(words.values())
    return [f"{vi} ({STATE_NAMES[code]})" for code, vi in words.items()]


def date(day: dt.date | None, lang: Lang) -> str:
    """`31/08/2023` (vi) or `2023-08-31` (en); an empty text for no date."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()
