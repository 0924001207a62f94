"""The status page's own words, in each language it is written in, and how it writes numbers
and days.

The page is a document, like the form and the report: its language is `dashboard --lang`, not
the interface's. Names of agencies, criteria and indicators come from data/; the statuses
against targets and the trends from the report (`report.STATUS_WORDS`, `TREND_WORDS`).
"""

from __future__ import annotations

from hcmlc.core.status import Tally
from hcmlc.i18n import Lang, Wording
from hcmlc.text.number_format import format_number

LABELS: dict[str, dict[Lang, str]] = {
    "title": {
        "vi": "{city}: tình hình xây dựng Thành phố học tập",
        "en": "{city}: Learning City status",
    },
    "lead": {
        "vi": "Đơn vị nào đã nộp, đơn vị nào còn chậm, và thành phố đang ở đâu so với mục tiêu. "
        "Trang do hcmlc tạo từ kho dữ liệu của chương trình.",
        "en": "Who has delivered, who is late, and where the city stands against its targets. "
        "Built by hcmlc from the programme's repository.",
    },
    "skip": {"vi": "Đến nội dung chính", "en": "Skip to main content"},
    "contents": {"vi": "Nội dung", "en": "Contents"},
    "cycle": {"vi": "Kỳ {cycle}: {title}", "en": "Cycle {cycle}: {title}"},
    "as-of": {"vi": "Số liệu tính đến ngày {day}", "en": "Figures as of {day}"},
    "revision": {"vi": "theo commit {commit} ngày {day}", "en": "from commit {commit} of {day}"},
    "revision-changed": {
        "vi": "có thay đổi trong data/ hoặc submissions/ chưa được commit",
        "en": "with changes to data/ or submissions/ not yet committed",
    },
    "banner-title": {"vi": "Dữ liệu có lỗi", "en": "The data has errors"},
    "banner-count": {"vi": "Kho dữ liệu có {errors}.", "en": "The repository has {errors}."},
    "banner-left-out": {
        "vi": "Các mục có lỗi không được tính: chúng được coi là chưa nộp, và không số liệu nào "
        "trên trang này lấy từ các mục đó.",
        "en": "Entries with errors are left out: they count as not supplied, and no figure on "
        "this page comes from them.",
    },
    "banner-command": {
        "vi": "Xem và sửa các lỗi bằng lệnh `{command}`.",
        "en": "To see where, and how to fix it, run `{command}`.",
    },
    "broken-data": {
        "vi": "Các tệp dữ liệu trong data/ (bộ tiêu chí, phân công) có lỗi, nên trang chưa thể "
        "hiển thị số liệu nào.",
        "en": "The data files in data/ (frameworks, assignments) have errors, so the page cannot "
        "show any figure yet.",
    },
    "summary": {"vi": "Tóm tắt", "en": "Summary"},
    "fig-supplied": {"vi": "Đã nộp", "en": "Supplied"},
    "fig-supplied-note": {
        "vi": "trên {owed} mục phải nộp ({progress})",
        "en": "of {owed} items owed ({progress})",
    },
    "fig-overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "fig-overdue-note": {
        "vi": "mục chưa nộp khi đã hết hạn",
        "en": "items still missing after the deadline",
    },
    "fig-late": {"vi": "Nộp trễ", "en": "Supplied late"},
    "fig-late-note": {"vi": "mục nộp sau hạn", "en": "items supplied after the deadline"},
    "fig-deadline": {"vi": "Hạn nộp", "en": "Deadline"},
    "deadline-indicator": {"vi": "Số liệu chỉ số", "en": "Indicator figures"},
    "deadline-answer": {"vi": "Câu trả lời mẫu đơn", "en": "Form answers"},
    "due-today": {"vi": "hết hạn hôm nay", "en": "due today"},
    "kind-tally-indicator": {
        "vi": "Chỉ số: đã nộp {supplied}/{owed}",
        "en": "Indicators: {supplied} of {owed} supplied",
    },
    "kind-tally-answer": {
        "vi": "Câu trả lời mẫu đơn: đã nộp {supplied}/{owed}",
        "en": "Form answers: {supplied} of {owed} supplied",
    },
    "nothing-owed": {
        "vi": "Kỳ {cycle} không có mục nào phải nộp.",
        "en": "Nothing is owed in cycle {cycle}.",
    },
    "legend": {"vi": "Chú giải biểu đồ", "en": "Key to the bars"},
    "seg-on-time": {"vi": "Đã nộp đúng hạn", "en": "Supplied on time"},
    "seg-late": {"vi": "Nộp trễ", "en": "Supplied late"},
    "seg-due": {"vi": "Chưa nộp, còn hạn", "en": "Not yet supplied, not yet due"},
    "seg-overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "next-cycle": {
        "vi": "Hạn cuối của kỳ {cycle} ({day}) đã qua và chưa có kỳ tiếp theo: điều phối viên "
        "mở kỳ mới bằng lệnh `{command}`.",
        "en": "The last deadline of cycle {cycle} ({day}) has passed and no later cycle "
        "exists: the coordinator opens the next one with `{command}`.",
    },
    "undated": {
        "vi": "{files} của kỳ {cycle} không ghi ngày nộp (submitted:) và chưa được commit: "
        "được tính là đã nộp.",
        "en": "{files} of cycle {cycle} give no delivery date (submitted:) and are not "
        "committed: counted as delivered.",
    },
    "agencies": {"vi": "Theo đơn vị", "en": "By agency"},
    "agencies-intro": {
        "vi": "Các sở, ban, ngành và tổ chức cấp thành phố có nhiệm vụ trong kỳ; đơn vị có "
        "nhiều mục quá hạn nhất đứng đầu. Phường, xã, đặc khu ở mục tiếp theo.",
        "en": "The departments and city organisations with duties in the cycle, the most "
        "overdue first. The wards, communes and special zone follow.",
    },
    "units": {"vi": "Phường, xã, đặc khu", "en": "Wards, communes and special zone"},
    "units-intro": {
        "vi": "Mỗi đơn vị tự báo cáo cho địa bàn của mình; bảng cộng theo loại đơn vị, mở danh "
        "sách để xem từng đơn vị.",
        "en": "Each unit reports for its own territory; the table sums them by kind: open a "
        "list to see each unit.",
    },
    "col-kind": {"vi": "Loại đơn vị", "en": "Kind of unit"},
    "unit-kind-district": {"vi": "Quận, huyện", "en": "Districts"},
    "unit-kind-ward": {"vi": "Phường", "en": "Wards"},
    "unit-kind-commune": {"vi": "Xã", "en": "Communes"},
    "unit-kind-special_zone": {"vi": "Đặc khu", "en": "Special zones"},
    "unit-group-note": {
        "vi": "{complete} đơn vị đã nộp đủ, {overdue} đơn vị có mục quá hạn",
        "en": "{complete} complete, {overdue} with items overdue",
    },
    "unit-group-list": {
        "vi": "Danh sách {units} đơn vị ({kind}), đơn vị quá hạn nhiều nhất đứng đầu",
        "en": "The {units} units ({kind}), the most overdue first",
    },
    "col-agency": {"vi": "Đơn vị", "en": "Agency"},
    "col-owed": {"vi": "Phải nộp", "en": "Owed"},
    "col-supplied": {"vi": "Đã nộp", "en": "Supplied"},
    "col-missing": {"vi": "Còn thiếu", "en": "Missing"},
    "col-overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "col-late": {"vi": "Nộp trễ", "en": "Late"},
    "col-progress": {"vi": "Tiến độ", "en": "Progress"},
    "also-for": {"vi": "kiêm phần của {names}", "en": "also for {names}"},
    "reorganised": {"vi": "Sau sắp xếp lại bộ máy", "en": "After the reorganisation"},
    "reorganised-holder": {
        "vi": "{agency} chấm dứt hoạt động từ ngày {day}; nhiệm vụ trong kỳ {cycle} do {holder} "
        "đảm nhận.",
        "en": "{agency} ended on {day}; {holder} holds its duties in cycle {cycle}.",
    },
    "reorganised-split": {
        "vi": "{agency} chấm dứt hoạt động từ ngày {day}; nhiệm vụ trong kỳ {cycle} được chia "
        "cho: {parts}.",
        "en": "{agency} ended on {day}; in cycle {cycle} its duties are split: {parts}.",
    },
    "split-part": {"vi": "{holder} ({items})", "en": "{holder} ({items})"},
    "split-rest": {"vi": "{holder} (phần còn lại)", "en": "{holder} (the rest)"},
    "reorganised-territory": {
        "vi": "{count} đơn vị cấp huyện chấm dứt hoạt động từ ngày {day}; địa bàn chuyển cho "
        "{units} phường, xã, đặc khu, mỗi đơn vị tự báo cáo trong kỳ {cycle}.",
        "en": "{count} districts ended on {day}; their territory passed to {units} wards, "
        "communes and special zones, each reporting for itself in cycle {cycle}.",
    },
    "reorganised-nobody": {
        "vi": "{agency} chấm dứt hoạt động từ ngày {day}; chưa có đơn vị đảm nhận nhiệm vụ "
        "trong kỳ {cycle}.",
        "en": "{agency} ended on {day}; nobody holds its duties in cycle {cycle} yet.",
    },
    "unowned": {"vi": "Các mục chưa có đơn vị phụ trách", "en": "Items nobody owes"},
    "unowned-intro": {
        "vi": "Các đơn vị được giao đã chấm dứt hoạt động mà không có đơn vị kế thừa: cần phân "
        "công đơn vị tiếp nhận (successor: trong data/assignments.yaml).",
        "en": "Their agencies ended without a successor: they must be reassigned (successor: "
        "in data/assignments.yaml).",
    },
    "col-item": {"vi": "Mục", "en": "Item"},
    "col-text": {"vi": "Nội dung", "en": "Text"},
    "col-formerly": {"vi": "Trước đây do", "en": "Formerly owed by"},
    "kind-indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "kind-answer": {"vi": "Câu hỏi", "en": "Question"},
    "and-more": {"vi": "và {n} đơn vị khác", "en": "and {n} more"},
    "delivery": {
        "vi": "Tiến độ nộp theo lĩnh vực, tiêu chuẩn và tiêu chí",
        "en": "Delivery by area, standard and criterion",
    },
    "delivery-intro": {
        "vi": "Số liệu chỉ số phải nộp cho từng tiêu chí, theo Bộ tiêu chí của UNESCO.",
        "en": "The indicator figures owed for each criterion of UNESCO's framework.",
    },
    "col-criterion": {"vi": "Tiêu chuẩn / tiêu chí", "en": "Standard / criterion"},
    "area-tally": {
        "vi": "đã nộp {supplied}/{owed} ({progress}), quá hạn {overdue}",
        "en": "{supplied} of {owed} supplied ({progress}), {overdue} overdue",
    },
    "targets": {"vi": "So với mục tiêu", "en": "Against the targets"},
    "targets-intro": {
        "vi": "Đánh giá năm {year} theo mục tiêu của data/targets.yaml, như báo cáo tiến độ: "
        "chỉ số liệu của năm được đánh giá mới được tính.",
        "en": "The assessment of {year} against the targets of data/targets.yaml, as in the "
        "progress report: only figures of the year assessed count.",
    },
    "targets-broken": {
        "vi": "Tệp data/targets.yaml có lỗi nên chưa thể đánh giá so với mục tiêu; xem lỗi "
        "bằng lệnh `{command}`.",
        "en": "data/targets.yaml has errors, so nothing can be assessed against the targets; "
        "run `{command}` to see them.",
    },
    "targets-unavailable": {
        "vi": "Chưa thể đánh giá so với mục tiêu: {reason}.",
        "en": "Nothing can be assessed against the targets yet: {reason}.",
    },
    "criteria-by-status": {"vi": "Số tiêu chí theo tình trạng", "en": "Criteria by status"},
    "untargeted": {
        "vi": "Tiêu chí chưa có mục tiêu: {ids}.",
        "en": "Criteria without a target: {ids}.",
    },
    "spark-key": {
        "vi": "Biểu đồ nhỏ ở cột Xu hướng: giá trị theo năm; đường gạch: mục tiêu.",
        "en": "The small charts of the Trend column: the values by year; dashed line: the target.",
    },
    "col-indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "col-latest": {"vi": "Giá trị mới nhất", "en": "Latest value"},
    "col-target": {"vi": "Mục tiêu", "en": "Target"},
    "col-status": {"vi": "Tình trạng", "en": "Status"},
    "col-trend": {"vi": "Xu hướng", "en": "Trend"},
    "supplied-by": {
        "vi": "số liệu của {agency}, kỳ {cycle}",
        "en": "supplied by {agency}, cycle {cycle}",
    },
    "from-units": {
        "vi": "tổng hợp từ {supplied}/{owed} đơn vị, kỳ {cycle}",
        "en": "formed from {supplied} of {owed} units, cycle {cycle}",
    },
    "criterion": {"vi": "Tiêu chí {id}", "en": "Criterion {id}"},
    "illustrative": {
        "vi": "Trang có số liệu minh họa (illustrative), không phải số liệu chính thức.",
        "en": "The page includes illustrative figures, not official statistics.",
    },
    "documents": {"vi": "Tài liệu", "en": "Documents"},
    "doc-form": {
        "vi": "Mẫu đơn đăng ký GNLC đã điền, kỳ {cycle}",
        "en": "The filled GNLC membership form, cycle {cycle}",
    },
    "doc-report": {"vi": "Báo cáo tiến độ năm {year}", "en": "Progress report {year}"},
    "doc-details": {"vi": "Word, {size}", "en": "Word, {size}"},
    "lang-vi": {"vi": "tiếng Việt", "en": "Vietnamese"},
    "lang-en": {"vi": "tiếng Anh", "en": "English"},
    "footer": {
        "vi": "Tạo bởi hcmlc {version} từ kho dữ liệu của chương trình. In trang này: khổ A4.",
        "en": "Built by hcmlc {version} from the programme's repository. Prints on A4.",
    },
    "none": {"vi": "—", "en": "—"},
    "errors-one": {"vi": "{n} lỗi", "en": "{n} error"},
    "errors-many": {"vi": "{n} lỗi", "en": "{n} errors"},
    "files-one": {"vi": "{n} tệp", "en": "{n} file"},
    "files-many": {"vi": "{n} tệp", "en": "{n} files"},
    "days-left-one": {"vi": "còn {n} ngày", "en": "{n} day left"},
    "days-left-many": {"vi": "còn {n} ngày", "en": "{n} days left"},
    "days-overdue-one": {"vi": "quá hạn {n} ngày", "en": "{n} day overdue"},
    "days-overdue-many": {"vi": "quá hạn {n} ngày", "en": "{n} days overdue"},
}
"""The page's words; `{placeholders}` are filled by dashboard.py; a count's words in two
forms, `-one` and `-many` (Vietnamese has one form)."""


word = Wording(LABELS)


def counted(key: str, n: int, lang: Lang) -> str:
    """`5 errors`, `1 day left`, `quá hạn 5 ngày`."""
    return word.counted(key, n, lang, shown=format_number(n, lang))


def progress_text(tally: Tally, lang: Lang) -> str:
    """`28%`, or `—` when nothing is owed (never 100%)."""
    if tally.progress is None:
        return LABELS["none"][lang]
    return f"{format_number(round(tally.progress), lang)}%"
