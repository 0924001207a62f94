"""A figure a thousand times smaller than the one it replaces (English-language Excel stores a
typed 22.500 as 22.5) is imported, never silently: a located warning naming the previous figure
and its year, in the import, in the receipt and in `validate` of the YAML; a note saying why
the figure changed acknowledges it."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from workbook_files import Filled, make

AGENCY = "cuc-thong-ke"
FILE = f"submissions/2025/{AGENCY}.yaml"


def returned(hcmlc, root: Path, tmp_path: Path, value: float, note: str | None = None) -> Path:
    book = Filled(make(hcmlc, root, AGENCY, tmp_path / "made.xlsx", "--cycle", "2025"))
    cell = book.set("indicators", "1.2.1.a", "value", value)
    if note is not None:
        book.set("indicators", "1.2.1.a", "note", note)
    assert cell.startswith("E")
    return book.save(tmp_path / "returned.xlsx")


def test_a_thousandfold_fall_imports_with_a_located_warning(hcmlc, bundled, tmp_path) -> None:
    path = returned(hcmlc, bundled, tmp_path, 22.5)
    row = Filled(path).row("indicators", "1.2.1.a")
    code, out, err = hcmlc("import", "--root", str(bundled), str(path))
    assert (code, err) == (0, "")
    assert (
        f"{path}:Chỉ số!E{row}: warning: indicator 1.2.1.a: 22.5 replaces 21,800 (year 2025), a "
        "change by a factor of 968.9 [HCMLC-W094]" in out.splitlines()
    )
    assert (
        "    hint: check the figure in this cell (English-language Excel reads a typed 22.500 as "
        "22.5: type 22500); if it is right, say why in the column “Ghi chú” and the warning goes"
        in out.splitlines()
    )
    assert "value: 22.5\n" in (bundled / FILE).read_text("utf-8")  # it never blocks
    # the same figure in the YAML, against the last cycle's
    code, out, _ = hcmlc("validate", "--root", str(bundled), str(bundled / FILE))
    text = (bundled / FILE).read_text("utf-8").splitlines()
    line = text.index("    value: 22.5") + 1
    assert code == 0
    assert out.startswith(
        f"{FILE}:{line}:12: warning: indicator 1.2.1.a: 22.5 differs from 20,500, the figure of "
        "year 2024 (cycle 2024), by a factor of 911.1 [HCMLC-W094]\n"
        "    hint: check the figure (a thousands separator read as a decimal point turns 22.500 "
        "into 22.5); if it is right, say why in `note:` and the warning goes\n"
    )


def test_a_note_explaining_the_change_acknowledges_it(hcmlc, bundled, tmp_path) -> None:
    path = returned(hcmlc, bundled, tmp_path, 2.18, "Đơn vị: chục nghìn USD theo Niên giám.")
    code, out, _ = hcmlc("import", "--root", str(bundled), str(path))
    assert code == 0 and "HCMLC-W094" not in out
    code, out, _ = hcmlc("validate", "--root", str(bundled), str(bundled / FILE))
    assert code == 0 and "HCMLC-W094" not in out


def test_the_receipt_asks_to_check_it(hcmlc, bundled, tmp_path) -> None:
    (bundled / "data/focal-points.yaml").write_text(
        f'focal_points:\n  {AGENCY}: {{name: "Huỳnh Văn Khải", email: "k@example.org"}}\n', "utf-8"
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    returned(hcmlc, bundled, tmp_path, 22.5).rename(inbox / "ctk.xlsx")
    out = tmp_path / "receipts"
    code, stdout, _ = hcmlc(
        "import", "--root", str(bundled), str(inbox), "--receipts", str(out)
    )  # fmt: skip
    assert code == 0, stdout
    message = email.message_from_bytes(
        (out / f"{AGENCY}.eml").read_bytes(), policy=email.policy.default
    )
    text = message.get_content().replace("\r\n", "\n")
    assert "Đề nghị kiểm tra lại:\n1. Ô Chỉ số!E" in text
    assert ": chỉ số 1.2.1.a: 22,5 thay cho 21.800 (năm 2025)" in text
    assert "1. 1.2.1.a — " in text and "Giá trị: 22,5 (đô la Mỹ)" in text


def test_a_small_change_and_a_first_figure_say_nothing(hcmlc, bundled, tmp_path) -> None:
    path = returned(hcmlc, bundled, tmp_path, 22100)
    code, out, _ = hcmlc("import", "--root", str(bundled), str(path))
    assert code == 0 and "HCMLC-W094" not in out
