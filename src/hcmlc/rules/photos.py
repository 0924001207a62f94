"""The photos family: the photos the form asks for. Checked by `hcmlc.files.photos` and
`hcmlc.checks.photos`."""

from hcmlc.rules.rule import Rule, Words, same

_FILE = "submissions/2023/so-vhtt.yaml"

TITLE = Words("Ảnh", "Photos")

RULES = (
    Rule(
        "HCMLC-W032",
        "photo-count",
        Words(
            "Số ảnh ít hơn hoặc nhiều hơn số ảnh đơn đăng ký yêu cầu.",
            "Fewer or more photos than the form asks for.",
        ),
        same("  photos:\n    - path: photos/2023/thu-vien.jpg\n"),
        same(
            "  photos:\n    - path: photos/2023/thu-vien.jpg\n    - path: photos/2023/le-hoi.jpg\n"
            "    - path: photos/2023/lop-hoc.jpg\n"
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-E033",
        "photo-path",
        Words(
            "Đường dẫn ảnh là đường dẫn tuyệt đối, đi ra ngoài bằng `..` hoặc là liên kết ra "
            "ngoài kho dữ liệu.",
            "A photo path that is absolute, climbs out with `..` or links outside the repository.",
        ),
        same("    - path: C:/Users/lan/Pictures/thu-vien.jpg\n"),
        same("    - path: photos/2023/thu-vien.jpg\n"),
        _FILE,
    ),
    Rule(
        "HCMLC-E034",
        "photo-not-found",
        Words("Không có tệp ảnh ở đường dẫn đã ghi.", "No photo file at the path given."),
        same("    - path: photos/2023/thu-vien.JPG   # tệp tên là thu-vien.jpg\n"),
        same("    - path: photos/2023/thu-vien.jpg\n"),
        _FILE,
    ),
    Rule(
        "HCMLC-E035",
        "photo-unreadable",
        Words(
            "Tệp ảnh không phải là ảnh đọc được (JPEG, PNG, GIF, BMP, TIFF).",
            "The photo file is not a readable image (JPEG, PNG, GIF, BMP, TIFF).",
        ),
        same("    - path: photos/2023/thu-vien.docx\n"),
        same("    - path: photos/2023/thu-vien.jpg\n"),
        _FILE,
    ),
    Rule(
        "HCMLC-W036",
        "photo-not-landscape",
        Words("Ảnh không nằm ngang.", "A photo that is not landscape."),
        same("    - path: photos/2023/doc.jpg   # 1200 × 1800 px\n"),
        same("    - path: photos/2023/ngang.jpg   # 2000 × 1333 px\n"),
        _FILE,
    ),
    Rule(
        "HCMLC-W037",
        "photo-too-small",
        Words(
            "Ảnh hẹp hơn 1.800 điểm ảnh (đơn đăng ký yêu cầu khoảng 2.000).",
            "A photo narrower than 1,800 px (the form asks for about 2,000).",
        ),
        same("    - path: photos/2023/nho.jpg   # 800 × 533 px\n"),
        same("    - path: photos/2023/lon.jpg   # 2000 × 1333 px\n"),
        _FILE,
    ),
    Rule(
        "HCMLC-W038",
        "photo-credit-missing",
        Words(
            "Ảnh thiếu chú thích hoặc thông tin bản quyền.",
            "A photo without caption or copyright.",
        ),
        same("    - path: photos/2023/thu-vien.jpg\n"),
        same(
            "    - path: photos/2023/thu-vien.jpg\n      caption:\n        vi: Thư viện "
            "Khoa học Tổng hợp\n        en: General Sciences Library\n"
            "      copyright: Sở VHTT\n"
        ),
        _FILE,
    ),
)
