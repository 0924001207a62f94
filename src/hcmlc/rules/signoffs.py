"""The sign-offs family: the coordinator's reviews and the translations' records, and the XLIFF
or workbook a translator returns. Checked by `hcmlc.signoffs` and `hcmlc.translation`."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Xem xét, biên dịch và kiểm định", "Reviews, translations and verification")

_REVIEWS = "signoffs/reviews/2025.yaml"
_XLIFF = "ban-dich-2023.xlf"

RULES = (
    Rule(
        "HCMLC-E100",
        "signoff-unknown-id",
        Words(
            "Bản ghi xác nhận cho một cơ quan, mục hoặc kỳ không tồn tại, hoặc cho một mục cơ quan "
            "không phải nộp; hoặc `translation_verifier` không nêu cơ quan nào.",
            "A sign-off record for an agency, item or cycle that does not exist, or for an item "
            "the agency does not owe; a `translation_verifier` that names no agency.",
        ),
        same("  - agency: so-gddt\n    item: 1.1.1.x\n    verdict: approved\n"),
        same("$ hcmlc review approve --agency so-gddt 1.1.1.a\n"),
        _REVIEWS,
    ),
    Rule(
        "HCMLC-E101",
        "signoff-digest",
        Words(
            "Trong pull request, một bản ghi xác nhận mới có dấu vân tay không khớp nội dung hiện "
            "tại cũng như trước đó: nội dung đã đổi sau khi xác nhận, hoặc bản ghi được viết tay.",
            "In a pull request, a new sign-off record whose digest matches neither the content "
            "now nor the content before: changed since it was signed, or written by hand.",
        ),
        same("  - item: 1.1.1.a\n    digest: sha256:0000…   # viết tay / written by hand\n"),
        same("$ hcmlc review approve --agency so-gddt 1.1.1.a\n"),
        _REVIEWS,
    ),
    Rule(
        "HCMLC-E102",
        "signoff-role",
        Words(
            "Bản ghi xác nhận do người ngoài vai trò được ký loại bản ghi đó ký (thông báo nêu "
            "vai trò và dòng CODEOWNERS).",
            "A sign-off record signed by someone outside the role that signs such records (the "
            "message names the role and the CODEOWNERS line).",
        ),
        same("$ hcmlc review verify --agency so-gddt --by @nguoi-dich\n"),
        same("$ hcmlc review verify --agency so-gddt --by @can-bo-so-ngoai-vu\n"),
        "signoffs/translations/2023.yaml",
    ),
    Rule(
        "HCMLC-E103",
        "approved-item-changed",
        Words(
            "Trong pull request, một mục đã được duyệt bị sửa (hoặc xóa) mà chưa được mở lại: "
            "thông báo nêu người đã duyệt, gợi ý nêu cách mở lại.",
            "In a pull request, a change to (or the removal of) an approved item without a "
            "reopen record: the message names who approved it, the hint how to reopen.",
        ),
        same("  1.1.1.a:\n    value: 99.3   # đã duyệt là 99.1 / approved as 99.1\n"),
        same('$ hcmlc review reopen --agency so-gddt 1.1.1.a --comment "Sửa số liệu năm 2025"\n'),
    ),
    Rule(
        "HCMLC-W104",
        "approved-item-kept",
        Words(
            "`import`: bảng tính sửa một mục đã được duyệt; thay đổi đó không được nhận (giữ nội "
            "dung đã duyệt), phần còn lại của bảng tính vẫn được nhập.",
            "`import`: a workbook changes an approved item; that change is refused (the "
            "approved content kept) and the rest of the workbook is imported.",
        ),
        Words("Chỉ số!E4 sửa giá trị đã được duyệt", "Chỉ số!E4 changes an approved value"),
        Words(
            "Đề nghị điều phối viên mở lại mục đó, rồi gửi lại bảng tính",
            "Ask the coordinator to reopen the item, then send the workbook again",
        ),
        "so-gddt.xlsx",
    ),
    Rule(
        "HCMLC-E105",
        "translation-file-unreadable",
        Words(
            "`translation import`: tệp không phải XLIFF 1.2 (hoặc 1.1) hợp lệ, khai báo DTD hoặc "
            "thực thể, tham chiếu nội dung bên ngoài, quá 5.000.000 byte hoặc 10.000 đoạn, hoặc "
            "ngôn ngữ đích không phải tiếng Anh.",
            "`translation import`: a file that is not well-formed XLIFF 1.2 (or 1.1), declares a "
            "DTD or entities, refers to external content, is over 5,000,000 bytes or 10,000 "
            "segments, or has a target language other than English.",
        ),
        same('<file source-language="vi" target-language="fr" …>'),
        same('<file source-language="vi" target-language="en" …>'),
        _XLIFF,
    ),
    Rule(
        "HCMLC-E106",
        "translation-source-changed",
        Words(
            "`translation import`: bản tiếng Việt của đoạn không còn là câu trả lời hiện tại: bản "
            "tiếng Anh dịch một văn bản cũ; xin tệp xuất mới và dịch lại đoạn đó.",
            "`translation import`: a segment whose Vietnamese is no longer the answer's: the "
            "English translates an older text; export again and translate that segment.",
        ),
        same("<source>Học tập suốt đời</source>   <!-- câu trả lời nay là … -->"),
        same("$ hcmlc translation export --format xliff --out ban-dich-2023.xlf"),
        _XLIFF,
    ),
    Rule(
        "HCMLC-E107",
        "translation-segment",
        Words(
            "`translation import`: đoạn không phải câu trả lời nào của kỳ, xuất hiện hai lần, có "
            "định dạng nội dòng, hoặc dài quá 10.000 ký tự.",
            "`translation import`: a segment that is no answer of the cycle, comes twice, holds "
            "inline markup, or is over 10,000 characters.",
        ),
        same('<trans-unit id="so-gddt/slogna">'),
        same('<trans-unit id="so-gddt/slogan">'),
        _XLIFF,
    ),
    Rule(
        "HCMLC-W108",
        "translation-segment-missing",
        Words(
            "`translation import`: tệp thiếu một số câu trả lời của kỳ; các câu trả lời đó giữ bản "
            "tiếng Anh cũ.",
            "`translation import`: answers of the cycle the file lacks; they keep their English.",
        ),
        Words(
            "Tệp chỉ có 12 trong 15 đoạn đã xuất", "The file holds 12 of the 15 segments exported"
        ),
        Words("Trả lại tệp đủ các đoạn đã xuất", "Return the file with every segment exported"),
        _XLIFF,
    ),
)
