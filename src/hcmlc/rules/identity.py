"""The identity family: who a file is from, for which cycle, and where it lies. Checked by
`hcmlc.checks.identity` and `hcmlc.checks.duties`."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Cơ quan, kỳ và vị trí tệp", "Agency, cycle and file place")

RULES = (
    Rule(
        "HCMLC-E020",
        "unknown-id",
        Words(
            "Mã chỉ số, câu hỏi, cơ quan hoặc kỳ báo cáo không tồn tại; gợi ý nêu mã gần đúng.",
            'An unknown indicator, question, agency or cycle id, with "did you mean".',
        ),
        same("indicators:\n  1.1.1.x:\n    value: 99.1\n"),
        same("indicators:\n  1.1.1.a:\n    value: 99.1\n"),
    ),
    Rule(
        "HCMLC-E021",
        "not-assigned",
        Words(
            "Cơ quan báo cáo một chỉ số hoặc câu trả lời không được phân công cho mình.",
            "An agency reports an indicator or answer it is not assigned.",
        ),
        same(
            "agency: so-gddt\nindicators:\n  3.2.1.a:   # không phải của Sở GD&ĐT\n    value: 12\n"
        ),
        same("agency: so-gddt\nindicators:\n  1.1.1.a:\n    value: 99.1\n"),
    ),
    Rule(
        "HCMLC-E026",
        "file-name-mismatch",
        Words(
            "Tên tệp hoặc thư mục không khớp với `agency` hoặc `cycle` ghi trong tệp.",
            "The file's name or folder disagrees with its `agency` or `cycle`.",
        ),
        same("# submissions/2025/so-gddt.yaml\nagency: so-y-te\n"),
        same("# submissions/2025/so-gddt.yaml\nagency: so-gddt\n"),
    ),
    Rule(
        "HCMLC-E027",
        "duplicate-submission",
        Words(
            "Hai tệp cho cùng một cơ quan và cùng kỳ (hoặc hai bảng tính trong một lần `import`).",
            "Two files for the same agency and cycle (or two workbooks in one `import`).",
        ),
        same("submissions/2025/so-gddt.yaml\nsubmissions/2025/so-gddt-ban-sua.yaml"),
        same("submissions/2025/so-gddt.yaml"),
    ),
    Rule(
        "HCMLC-E028",
        "misplaced-file",
        Words(
            "Tệp báo cáo nằm ngoài thư mục `submissions/<kỳ>/`.",
            "A submission file outside `submissions/<cycle>/`.",
        ),
        same("submissions/so-gddt.yaml"),
        same("submissions/2025/so-gddt.yaml"),
    ),
    Rule(
        "HCMLC-E060",
        "agency-not-in-cycle",
        Words(
            "Tệp của một cơ quan đã giải thể (hoặc chưa thành lập) trong kỳ; gợi ý nêu cơ quan "
            "kế thừa.",
            "A submission from an agency that had ended (or not yet started) in the cycle; the "
            "hint names its successor.",
        ),
        same("# submissions/2025/so-khdt.yaml\nagency: so-khdt\n"),
        same("# submissions/2025/so-tai-chinh.yaml\nagency: so-tai-chinh\n"),
        "submissions/2025/so-khdt.yaml",
    ),
    Rule(
        "HCMLC-E029",
        "file-extension",
        Words(
            "Tệp trong `submissions/` có đuôi `.yaml.txt`, `.yml.txt` (do Notepad thêm) hoặc "
            "`.YAML`, `.Yaml`, `.YML`: chưa được đọc cho đến khi đổi tên; gợi ý nêu tên đúng.",
            "A file of `submissions/` named `.yaml.txt`, `.yml.txt` (Notepad) or `.YAML`, "
            "`.Yaml`, `.YML`: not read as a submission until renamed; the hint gives the name.",
        ),
        same("submissions/2025/so-gddt.yaml.txt"),
        same("submissions/2025/so-gddt.yaml"),
        "submissions/2025/so-gddt.yaml.txt",
    ),
)
