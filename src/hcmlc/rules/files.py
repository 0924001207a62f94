"""The files family: which files hcmlc reads at all, and how much it says about one. Checked by
`hcmlc.files` and `hcmlc.repository`."""

from hcmlc.rules.rule import Rule, Words, same

TITLE = Words("Tệp và giới hạn", "Files and limits")

RULES = (
    Rule(
        "HCMLC-E050",
        "file-too-large",
        Words(
            "Tệp vượt giới hạn dung lượng (1.000.000 byte; bảng tính 5.000.000), không được đọc.",
            "A file over its size limit (1,000,000 bytes; a workbook 5,000,000), refused unread.",
        ),
        same("submissions/2025/so-gddt.yaml   # 3,2 MB"),
        same("submissions/2025/so-gddt.yaml   # 4 KB"),
    ),
    Rule(
        "HCMLC-E051",
        "file-outside-repository",
        Words(
            "Tệp dữ liệu hoặc tệp báo cáo là liên kết dẫn ra ngoài kho dữ liệu, không được đọc.",
            "A data or submission file that is a link leading outside the repository, not read.",
        ),
        same("submissions/2025/so-gddt.yaml -> /home/lan/so-gddt.yaml"),
        same("submissions/2025/so-gddt.yaml   # một tệp thường / a regular file"),
    ),
    Rule(
        "HCMLC-E052",
        "evidence-path",
        Words(
            "Đường dẫn minh chứng là đường dẫn tuyệt đối, đi ra ngoài bằng `..` hoặc là liên kết "
            "ra ngoài kho dữ liệu.",
            "An evidence path that is absolute, climbs out with `..` or links outside the "
            "repository.",
        ),
        same("    evidence: ../../bao-cao.pdf\n"),
        same("    evidence: https://sogddt.example.org/bao-cao-2025.pdf\n"),
    ),
    Rule(
        "HCMLC-E053",
        "too-many-problems",
        Words(
            "Tệp có hơn 100 lỗi: 100 lỗi đầu được liệt kê, các lỗi còn lại không liệt kê.",
            "A file with more than 100 problems: the first 100 are listed, the rest are not.",
        ),
        Words("Một tệp có 250 lỗi", "A file with 250 problems"),
        Words(
            "Sửa 100 lỗi đã nêu rồi chạy lại `hcmlc validate`",
            "Fix the 100 listed, then run `hcmlc validate` again",
        ),
    ),
)
