"""The answers family: the form's answers, their words and their fields. Checked by
`hcmlc.checks.answers` (with `hcmlc.text` counting words)."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Câu trả lời", "Answers")

RULES = (
    Rule(
        "HCMLC-E024",
        "too-many-words",
        Words(
            "Câu trả lời vượt quá số từ tối đa của câu hỏi (tính cả bản tiếng Việt và tiếng Anh).",
            "An answer over its word limit (the Vietnamese and the English text both count).",
        ),
        same(
            "  slogan:\n    vi: Học tập suốt đời vì một thành phố văn minh, hiện đại, nghĩa tình,"
            " phát triển bền vững và hội nhập quốc tế sâu rộng\n"
        ),
        same("  slogan:\n    vi: Học tập suốt đời – Thành phố phát triển\n"),
        "submissions/2023/so-gddt.yaml",
    ),
    Rule(
        "HCMLC-W025",
        "too-few-words",
        Words(
            "Câu trả lời ít hơn số từ tối thiểu của câu hỏi.",
            "An answer under its minimum number of words.",
        ),
        same("  context:\n    vi: Thành phố lớn.\n"),
        same(
            "  context:\n    vi: |\n      Thành phố Hồ Chí Minh là trung tâm kinh tế, văn hóa, "
            "giáo dục của cả nước …\n"
        ),
        "submissions/2023/so-gddt.yaml",
    ),
    Rule(
        "HCMLC-W092",
        "incomplete-answer",
        Words(
            "Câu trả lời loại liên hệ thiếu một số trường: chưa được tính là đã nộp cho đến khi "
            "đủ (ghi `không có` nếu không có).",
            "A contact answer without some of its fields: it counts as not supplied until "
            "complete (write `không có` where there is none).",
        ),
        same("  focal-point:\n    first-name: Lan\n    email: lan@example.org\n"),
        same(
            "  focal-point:\n    first-name: Lan\n    last-name: Nguyễn\n"
            "    email: lan@example.org\n    phone: không có\n"
        ),
        "submissions/2023/so-gddt.yaml",
    ),
)
