"""The data family: the coordinator's files of data/ and reports/. Checked by
`hcmlc.checks.data`, `hcmlc.checks.registry` and `hcmlc.checks.narrative`."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Tệp dữ liệu của điều phối viên", "The coordinator's data files")

RULES = (
    Rule(
        "HCMLC-E030",
        "duplicate-id",
        Words(
            "Một mã được dùng hai lần trong các tệp dữ liệu.", "An id used twice in the data files."
        ),
        same('  - id: "so-gddt"\n  …\n  - id: "so-gddt"\n'),
        same('  - id: "so-gddt"\n  …\n  - id: "so-gd-nghe-nghiep"\n'),
        "data/assignments.yaml",
    ),
    Rule(
        "HCMLC-E061",
        "target-mismatch",
        Words(
            "Chỉ tiêu sai loại trong data/targets.yaml: con số cho chỉ số định tính, hoặc trạng "
            "thái cho chỉ số định lượng.",
            "A target of the wrong kind in data/targets.yaml: a figure for a qualitative "
            "indicator, a state for a quantitative one.",
        ),
        same("  2.1.1.a:      # thang có / không\n    target: 100\n    by: 2025\n"),
        same("  2.1.1.a:\n    state: có\n    by: 2025\n"),
        "data/targets.yaml",
    ),
    Rule(
        "HCMLC-E062",
        "succession-loop",
        Words(
            "Chuỗi cơ quan kế thừa (`successor` hoặc `duties`) quay vòng lại chính cơ quan đó.",
            "The successors of an agency (its `successor`, or those of its `duties`) lead back "
            "to it.",
        ),
        same('  - id: "so-a"\n    successor: "so-b"\n  - id: "so-b"\n    successor: "so-a"\n'),
        same('  - id: "so-a"\n    successor: "so-b"\n  - id: "so-b"\n'),
        "data/assignments.yaml",
    ),
    Rule(
        "HCMLC-E063",
        "duty-claimed-twice",
        Words(
            "Cơ quan bị chia tách nêu một chỉ số, câu hỏi hoặc tiêu chí cho hai cơ quan kế thừa.",
            "A split agency names one indicator, question or criterion under two successors.",
        ),
        same(
            '    duties:\n      - successor: "so-y-te"\n        items: ["2.1.4.a"]\n'
            '      - successor: "so-gddt"\n        items: ["2.1.4.a"]\n'
        ),
        same(
            '    duties:\n      - successor: "so-y-te"\n        items: ["2.1.4.a"]\n'
            '      - successor: "so-gddt"\n        items: ["2.3.2.a"]\n'
        ),
        "data/assignments.yaml",
    ),
    Rule(
        "HCMLC-E065",
        "aggregate-with-lead",
        Words(
            "Chỉ số mà số liệu thành phố do cơ quan đầu tiên cung cấp lại khai báo `aggregate`.",
            "An indicator whose city figure comes from its first agency also declares an "
            "`aggregate`.",
        ),
        same('    agencies: ["cuc-thong-ke", "all-communes"]\n    aggregate: sum\n'),
        same('    agencies: ["all-communes"]\n    aggregate: sum\n'),
        "data/criteria.yaml",
    ),
    Rule(
        "HCMLC-E091",
        "no-current-cycle",
        Words(
            "`current_cycle` trong data/assignments.yaml nêu một kỳ không tồn tại: mở kỳ bằng "
            "`hcmlc new-cycle`.",
            "`current_cycle` in data/assignments.yaml names a cycle that does not exist: open "
            "it with `hcmlc new-cycle`.",
        ),
        same('current_cycle: "2026"   # chưa có kỳ 2026\n'),
        same("$ hcmlc new-cycle 2026 --deadline 2026-12-15\n"),
        "data/assignments.yaml",
    ),
    Rule(
        "HCMLC-E093",
        "report-file-name",
        Words(
            "Tệp trong `reports/` không đặt tên theo năm (`reports/2025.yaml`), hoặc hai tệp cho "
            "cùng một năm.",
            "A file of `reports/` not named after its year (`reports/2025.yaml`), or a second "
            "file for the same year.",
        ),
        same("reports/bao-cao-2025.yaml"),
        same("reports/2025.yaml"),
        "reports/bao-cao-2025.yaml",
    ),
    Rule(
        "HCMLC-E097",
        "confirmation",
        Words(
            "Xác nhận trong data/confirmations.yaml cho một cơ quan hoặc kỳ không tồn tại, cho một "
            "tệp báo cáo không có, cho một ngày mà tệp không ghi, hoặc xác nhận thứ hai cho cùng "
            "một tệp.",
            "A confirmation in data/confirmations.yaml of an unknown agency or cycle, of a "
            "submission file that does not exist, of a date the file does not claim, or a second "
            "one of the same file.",
        ),
        same(
            '  - agency: so-gddt\n    cycle: "2026"\n    submitted: 2026-12-15'
            "   # tệp ghi 2026-12-14\n"
        ),
        same('  - agency: so-gddt\n    cycle: "2026"\n    submitted: 2026-12-14\n'),
        "data/confirmations.yaml",
    ),
    Rule(
        "HCMLC-E039",
        "indicator-without-agency",
        Words(
            "Một chỉ số của khung chỉ số do thành phố tự lưu thành tệp không nêu cơ quan nào.",
            "An indicator of a framework the city keeps as a file names no agency.",
        ),
        same('      - id: "1.1.1.a"\n        agencies: []\n'),
        same('      - id: "1.1.1.a"\n        agencies: ["so-gddt"]\n'),
        "data/criteria.yaml",
    ),
    Rule(
        "HCMLC-E040",
        "framework-not-shipped",
        Words(
            "data/frameworks.yaml nêu một khung chỉ số, hoặc một phiên bản của khung, mà hcmlc "
            "đang cài không có (gợi ý liệt kê các khung có sẵn và cách nâng cấp).",
            "data/frameworks.yaml names a framework, or a version of one, that the installed "
            "hcmlc does not ship (the hint lists those it ships and how to upgrade).",
        ),
        same('uses:\n  - framework: "unesco"\n    version: "2030"\n'),
        same('uses:\n  - framework: "unesco"\n    version: "2015"\n'),
        "data/frameworks.yaml",
    ),
    Rule(
        "HCMLC-W041",
        "indicator-unassigned",
        Words(
            "Một chỉ số của khung chỉ số có sẵn trong hcmlc chưa được phân công cho cơ quan nào "
            "trong data/frameworks.yaml.",
            "An indicator of a framework hcmlc ships is assigned to no agency yet in "
            "data/frameworks.yaml.",
        ),
        same('assign:\n  "1.1.1.a": []\n'),
        same('assign:\n  "1.1.1.a": ["so-gddt"]\n'),
        "data/frameworks.yaml",
    ),
)
