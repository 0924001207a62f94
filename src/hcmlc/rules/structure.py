"""The structure family: keys and value types of every file, as its schema (the models) says.
Checked by `hcmlc.checks.schema_errors`."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Cấu trúc tệp", "File structure")

RULES = (
    Rule(
        "HCMLC-E010",
        "missing-key",
        Words("Thiếu một khóa bắt buộc.", "A required key is missing."),
        same("agency: so-gddt\nindicators:\n  1.1.1.a:\n    value: 99.1\n    year: 2025\n"),
        same(
            'agency: so-gddt\ncycle: "2025"\nindicators:\n  1.1.1.a:\n    value: 99.1\n'
            "    year: 2025\n"
        ),
    ),
    Rule(
        "HCMLC-E011",
        "unknown-key",
        Words(
            "Khóa không có trong mẫu (thường do gõ sai); gợi ý nêu khóa gần đúng nhất.",
            "An unknown key (usually misspelt); the hint says which key was meant.",
        ),
        same("  1.1.1.a:\n    valeu: 99.1\n    year: 2025\n"),
        same("  1.1.1.a:\n    value: 99.1\n    year: 2025\n"),
    ),
    Rule(
        "HCMLC-E012",
        "invalid-value",
        Words(
            "Giá trị sai kiểu hoặc sai dạng (ví dụ ngày tháng không hợp lệ).",
            "A value of the wrong type or form (for example an impossible date).",
        ),
        same("submitted: 2025-12-32\n"),
        same("submitted: 2025-12-08\n"),
    ),
)
