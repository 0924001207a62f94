"""The workbook family: an Excel workbook returned by an agency and read by `hcmlc import`.
Checked by `hcmlc.workbook` (guard, read, cells, merge, source, importer)."""

from hcmlc.rules.rule import Rule, Words

_FILE = "so-gddt.xlsx"

TITLE = Words("Bảng tính Excel", "Excel workbooks")

RULES = (
    Rule(
        "HCMLC-E070",
        "workbook-unreadable",
        Words(
            "Tệp đưa vào `import` không đọc được như một bảng tính .xlsx: không phải bảng tính, "
            "có mật khẩu, có macro, định dạng .xls cũ, bị hỏng, hoặc giải nén vượt giới hạn.",
            "A file given to `import` that hcmlc may not read as an .xlsx workbook: not a "
            "workbook, encrypted, macro-enabled, an old .xls, damaged, or unpacking beyond its "
            "limits.",
        ),
        Words(
            "Lưu bằng Excel: File → Save As → Excel 97-2003 (.xls)",
            "Saved in Excel: File → Save As → Excel 97-2003 (.xls)",
        ),
        Words(
            "Lưu bằng Excel: File → Save As → Excel Workbook (.xlsx)",
            "Saved in Excel: File → Save As → Excel Workbook (.xlsx)",
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-E071",
        "workbook-layout",
        Words(
            "Bố cục bảng tính bị thay đổi: đổi tên hoặc xóa trang tính, xóa hoặc gộp ô tiêu đề, "
            "gộp ô, mã không phải chữ hoặc bị lặp, có giá trị ở dòng không có mã.",
            "A workbook whose layout was changed: a sheet renamed or deleted, a heading deleted "
            "or merged, merged cells, an id that is not text or repeats, values in a row "
            "without an id.",
        ),
        Words("Trang tính «Chỉ số» đổi tên thành «Sheet1»", "The sheet «Chỉ số» renamed «Sheet1»"),
        Words(
            "Giữ nguyên tên trang tính «Chỉ số»; chỉ gõ vào các ô màu vàng",
            "Keep the sheet's name «Chỉ số»; type only in the yellow cells",
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-E072",
        "workbook-outdated",
        Words(
            "Một dòng của bảng tính có chỉ số hoặc câu hỏi đã thay đổi trong data/ từ khi bảng "
            "tính được tạo: xin bảng tính mới.",
            "A workbook row whose indicator or question changed in data/ since the workbook was "
            "made: ask for a new workbook.",
        ),
        Words(
            "Bảng tính tạo trước khi đổi đơn vị của chỉ số 1.1.1.a",
            "A workbook made before 1.1.1.a's unit changed",
        ),
        Words(
            "Điền lại vào bảng tính mới của điều phối viên (`hcmlc workbook`)",
            "Fill in the coordinator's new workbook (`hcmlc workbook`)",
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-E073",
        "workbook-identity",
        Words(
            "Bảng tính không do `hcmlc workbook` tạo (hoặc trang ẩn bị hỏng), hoặc của cơ quan "
            "hay kỳ khác với kỳ nhập.",
            "A workbook not made by `hcmlc workbook` (or with a damaged hidden sheet), or for "
            "another agency or cycle than the import expects.",
        ),
        Words(
            "Gửi lại bảng tính của năm 2024 cho kỳ 2025",
            "The 2024 workbook sent back for the 2025 cycle",
        ),
        Words("Điền vào bảng tính của kỳ 2025 đã nhận", "Fill in the 2025 cycle's workbook"),
        _FILE,
    ),
    Rule(
        "HCMLC-E074",
        "workbook-conflict",
        Words(
            "Một ô thay đổi giá trị mà tệp báo cáo cũng đã thay đổi từ khi bảng tính được tạo.",
            "A cell changes a value that the submission file also changed since the workbook "
            "was made.",
        ),
        Words(
            "Chỉ số!E12 ghi 98,9 trong khi tệp đã được sửa thành 99,1",
            "Chỉ số!E12 says 98.9 while the file was changed to 99.1",
        ),
        Words(
            "Hỏi điều phối viên giá trị nào đúng, rồi gửi lại bảng tính",
            "Ask the coordinator which value holds, then send the workbook again",
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-E075",
        "cell-formula",
        Words(
            "Ô có công thức không có giá trị đã tính, hoặc cho kết quả lỗi; công thức trong ô "
            "chữ bị từ chối.",
            "A cell whose formula has no computed value, or gives an error; a formula in a text "
            "cell is refused.",
        ),
        Words("Chỉ số!E12: =E10/E11 → #DIV/0!", "Chỉ số!E12: =E10/E11 → #DIV/0!"),
        Words("Chỉ số!E12: 98,9", "Chỉ số!E12: 98.9"),
        _FILE,
    ),
    Rule(
        "HCMLC-W076",
        "workbook-unsigned",
        Words(
            "Chữ ký của bảng tính không khớp (hoặc không có); vẫn được nhập vì `--agency` nêu "
            "cơ quan của nó.",
            "A workbook whose signature does not hold (or is missing), imported because "
            "`--agency` names its agency.",
        ),
        Words(
            "Bảng tính sao chép từ bảng của cơ quan khác", "A workbook copied from another agency's"
        ),
        Words(
            "Điền vào bảng tính đã gửi cho chính cơ quan mình",
            "Fill in the workbook issued to your own agency",
        ),
        _FILE,
    ),
    Rule(
        "HCMLC-W077",
        "sender-not-focal-point",
        Words(
            "`import DIR`: bảng tính đến trong một thư đã lưu (.eml) mà địa chỉ `From:` không phải "
            "của đầu mối cơ quan được niêm phong trong bảng tính, hoặc ghi nhiều người gửi hay "
            "không ghi ai; bảng tính vẫn được nhập, cần gọi điện cho cơ quan để xác nhận số liệu.",
            "`import DIR`: a workbook that came in a saved e-mail (.eml) whose `From:` is not the "
            "address of the focal point of the agency the workbook is sealed to, or names several "
            "senders or none; the workbook is imported, and the agency is to be called to confirm "
            "the figures.",
        ),
        Words(
            "From: ai-do@example.com (đầu mối: vanthu.phuong-sai-gon@example.org)",
            "From: someone@example.com (focal point: vanthu.phuong-sai-gon@example.org)",
        ),
        Words(
            "Gọi điện cho đầu mối để xác nhận đơn vị đã gửi các số liệu này",
            "Call the focal point to confirm that the agency sent these figures",
        ),
        "tra-loi.eml!so-gddt.xlsx",
    ),
)
