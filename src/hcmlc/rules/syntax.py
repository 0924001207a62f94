"""The YAML syntax family: a file that cannot be read as YAML, or reads as more than hcmlc
accepts. Checked by `hcmlc.yamlfiles` (reader, syntax explanations)."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Cú pháp YAML", "YAML syntax")

RULES = (
    Rule(
        "HCMLC-E001",
        "yaml-syntax",
        Words(
            "Lỗi cú pháp YAML (ký tự tab, dấu ngoặc kép chưa đóng, thụt lề sai, thiếu dấu cách "
            "sau dấu hai chấm).",
            "YAML syntax error (tabs, unclosed quotes, bad indentation, no space after a colon).",
        ),
        same('indicators:\n  1.1.1.a:\n    value:98.9\n    source: "Báo cáo năm 2025\n'),
        same('indicators:\n  1.1.1.a:\n    value: 98.9\n    source: "Báo cáo năm 2025"\n'),
    ),
    Rule(
        "HCMLC-E002",
        "encoding",
        Words(
            "Tệp không được lưu theo bảng mã UTF-8 (ví dụ UTF-16, Windows-1258).",
            "The file is not UTF-8 (UTF-16, Windows-1258 …).",
        ),
        Words(
            "Tệp lưu trong Notepad với Encoding: UTF-16 LE",
            "A file saved in Notepad with Encoding: UTF-16 LE",
        ),
        Words(
            "Notepad: File → Save As → Encoding: UTF-8",
            "Notepad: File → Save As → Encoding: UTF-8",
        ),
    ),
    Rule(
        "HCMLC-E003",
        "empty-file",
        Words("Tệp rỗng, không có nội dung.", "The file is empty."),
        same(""),
        same('agency: so-gddt\ncycle: "2025"\nindicators: {}\n'),
    ),
    Rule(
        "HCMLC-E004",
        "duplicate-key",
        Words(
            "Một khóa xuất hiện hai lần (YAML sẽ lặng lẽ chỉ giữ giá trị sau cùng).",
            "A duplicate key (YAML would silently keep only the last).",
        ),
        same("  1.1.1.a:\n    value: 98.9\n    value: 99.1\n"),
        same("  1.1.1.a:\n    value: 99.1\n"),
    ),
    Rule(
        "HCMLC-E005",
        "unsupported-yaml",
        Words(
            "Neo (&), bí danh (*) hoặc thẻ (!) mà hcmlc không chấp nhận, hoặc lồng sâu quá 50 cấp.",
            "Anchors, aliases or tags that hcmlc does not accept, or nesting deeper than 50 "
            "levels.",
        ),
        same("  1.1.1.a: &chung\n    value: 98.9\n  1.1.2.a: *chung\n"),
        same("  1.1.1.a:\n    value: 98.9\n  1.1.2.a:\n    value: 98.9\n"),
    ),
    Rule(
        "HCMLC-E006",
        "missing-file",
        Words(
            "Không đọc được tệp: tệp không tồn tại, không phải tệp thông thường, hoặc tên tệp "
            "không phải UTF-8.",
            "A file cannot be read: missing, not a regular file (a FIFO, a device), or named in "
            "bytes that are not UTF-8.",
        ),
        same("$ ls data/\ncriteria.yaml"),
        same("$ ls data/\nassignments.yaml  criteria.yaml"),
        "data/assignments.yaml",
    ),
    Rule(
        "HCMLC-W007",
        "comment-in-text",
        Words(
            "Dấu ` #` sau chữ trong một giá trị không có ngoặc kép: YAML coi phần còn lại của dòng "
            "là chú thích và bỏ đi (`source: Báo cáo #123` chỉ còn `Báo cáo`); đặt giá trị trong "
            "ngoặc kép để giữ nguyên.",
            "A ` #` after text in an unquoted value: YAML reads the rest of the line as a comment "
            "and drops it (`source: Báo cáo #123` holds `Báo cáo`); quote the value to keep it.",
        ),
        same("    source: Báo cáo #123 của UBND phường\n"),
        same('    source: "Báo cáo #123 của UBND phường"\n'),
    ),
    Rule(
        "HCMLC-E008",
        "control-character",
        Words(
            "Văn bản chứa ký tự điều khiển (BEL, ESC, VT, FF, CR …) hoặc ký tự không hợp lệ "
            "(U+FFFE, U+FFFF …), thường do chép từ một chương trình khác; không bảng tính, văn "
            "bản hay thư điện tử nào mang được các ký tự này.",
            "A text holding a control character (BEL, ESC, VT, FF, CR …) or a non-character "
            "(U+FFFE, U+FFFF …), which YAML admits only as an escape in double quotes and no "
            "workbook, document or e-mail can carry.",
        ),
        same('    source: "Báo cáo\\x0bnăm 2025"\n'),
        same("    source: Báo cáo năm 2025\n"),
    ),
)
