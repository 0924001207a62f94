"""The values family: figures, states, years and dates of a submission's entries. Checked by
`hcmlc.checks.indicators` and `hcmlc.checks.duties` (with `hcmlc.text` reading numbers as people
write them)."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Giá trị và năm", "Values and years")

RULES = (
    Rule(
        "HCMLC-E022",
        "value-unit",
        Words(
            "Giá trị không hợp với đơn vị hoặc thang đo của chỉ số (dấu %, dấu phân cách hàng "
            "nghìn, chữ sau con số, ngoài khoảng cho phép).",
            "A value does not fit its indicator's unit or scale (a % sign, thousands "
            "separators, words after the number, out of range).",
        ),
        same("  1.1.1.a:\n    value: 98,9%\n"),
        same("  1.1.1.a:\n    value: 98.9\n"),
    ),
    Rule(
        "HCMLC-E023",
        "year-outside-cycle",
        Words(
            "Năm của số liệu nằm ngoài các năm của kỳ báo cáo.",
            "A year outside the cycle's years.",
        ),
        same('cycle: "2025"\nindicators:\n  1.1.1.a:\n    value: 99.1\n    year: 2019\n'),
        same('cycle: "2025"\nindicators:\n  1.1.1.a:\n    value: 99.1\n    year: 2025\n'),
    ),
    Rule(
        "HCMLC-W031",
        "not-asked-in-cycle",
        Words(
            "Câu trả lời hoặc giá trị mà kỳ này không yêu cầu (sẽ không được dùng).",
            "An answer or value in a cycle that does not ask for it (it is not used).",
        ),
        same(
            'cycle: "2025"   # kỳ tiến độ, không hỏi đơn đăng ký\nanswers:\n  slogan:\n'
            "    vi: Học tập suốt đời\n"
        ),
        same('cycle: "2025"\nindicators:\n  1.1.1.a:\n    value: 99.1\n'),
    ),
    Rule(
        "HCMLC-E064",
        "figure-parts",
        Words(
            "Mục không cho đúng các số liệu thành phần mà chỉ số yêu cầu: ghi `value` thay cho "
            "`parts`, thiếu một thành phần (tỷ lệ thiếu mẫu số), thành phần lạ, tử số lớn hơn "
            "mẫu số, hoặc mẫu số bằng 0.",
            "An entry that does not give the figures its indicator asks for: a `value` where it "
            "asks for `parts`, a part missing (a ratio without its denominator), an unknown part, "
            "a numerator above its denominator, or a denominator of 0.",
        ),
        same("  mh.1.1.a:\n    parts:\n      learning-families: 15000\n      families: 14232\n"),
        same("  mh.1.1.a:\n    parts:\n      learning-families: 10733\n      families: 14232\n"),
        "submissions/2025/phuong-sai-gon.yaml",
    ),
    Rule(
        "HCMLC-E090",
        "submitted-date",
        Words(
            "Ngày `submitted:` ở tương lai, hoặc trước ngày kỳ báo cáo mở.",
            "A `submitted:` date in the future, or before the cycle opened.",
        ),
        same("submitted: 2030-01-01\n"),
        same("submitted: 2025-12-08\n"),
    ),
    Rule(
        "HCMLC-W094",
        "implausible-change",
        Words(
            "Số liệu khác quá nhiều so với số liệu trước đó của cùng cơ quan cho chỉ số này (gấp "
            "1000 lần, hoặc vượt ngưỡng của đơn vị: 50 điểm phần trăm, 5 năm, 40 giờ, gấp 10 lần); "
            "số liệu vẫn được ghi. Nếu đúng, ghi lý do vào `note` (trong bảng tính: cột Ghi chú).",
            "A figure that differs from the same agency's previous figure of the indicator by a "
            "factor of 1000 or beyond its unit's bound (50 percentage points, 5 years, 40 hours, "
            "10 times); it is written and counts. If right, say why in `note` (in a workbook: "
            "the note column).",
        ),
        same("  1.1.1.a:\n    value: 9.9      # năm 2024: 98.9\n    year: 2025\n"),
        same("  1.1.1.a:\n    value: 99.1\n    year: 2025\n"),
    ),
)
