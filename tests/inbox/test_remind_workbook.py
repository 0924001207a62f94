"""`remind` speaks each agency's channel: a ward is asked to fill the attached workbook and
reply, and its e-mail draft carries its pre-filled workbook, the one `hcmlc workbook` makes."""

from __future__ import annotations

import email
import email.policy
import io
from email.message import EmailMessage
from pathlib import Path

import openpyxl

AS_OF = "2025-12-20"
WARD = "phuong-thu-dau-mot"
NAME = "workbook-2025-phuong-thu-dau-mot-vi.xlsx"


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def cells(data: bytes) -> dict[str, list[list[object]]]:
    """Every cell, but the issue id and the seal, which each workbook made has its own."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        sheet.title: [
            list(row)
            for row in sheet.iter_rows(values_only=True)
            if not (sheet.title == "hcmlc" and row and row[0] in ("issue", "seal"))
        ]
        for sheet in book.worksheets
    }


def focal_points(root: Path, channels: str = "") -> None:
    (root / "data/focal-points.yaml").write_text(
        "focal_points:\n"
        f'  {WARD}: {{name: "Trần Thị Bích", email: "vanthu.{WARD}@example.org"}}\n'
        f"channels: {{{channels}}}\n",
        "utf-8",
    )


def remind(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("remind", "--root", str(root), "--as-of", AS_OF, *args)


def test_a_ward_gets_its_prefilled_workbook_attached(hcmlc, bundled) -> None:
    focal_points(bundled)
    out = bundled / "drafts"
    code, stdout, stderr = remind(
        hcmlc, bundled, "--agency", WARD, "--format", "eml", "--out", str(out)
    )
    assert code == 0
    # the wards' workbooks are sealed: the first run makes the key, and says where it is
    assert stderr.startswith("Made the key that signs workbooks, ")
    assert "Keep it" in " ".join(stderr.split())  # wrapped at the terminal's width
    assert f"→ vanthu.{WARD}@example.org + {NAME}" in stdout
    message = read_eml(out / f"{WARD}.eml")
    assert message.get_content_type() == "multipart/mixed"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert (
        f"điền vào bảng tính {NAME} gửi kèm (đã điền sẵn những gì đơn vị đã cung cấp), lưu lại "
        "và gửi trả lời thư này kèm bảng tính đã điền." in " ".join(text.split())
    )
    assert "submissions/" not in text and ".yaml" not in text
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == NAME
    assert attachment.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    attached = attachment.get_content()
    assert isinstance(attached, bytes)
    # the workbook `hcmlc workbook` writes for the ward, cell for cell
    issued = bundled / "issued.xlsx"
    assert hcmlc("workbook", "--root", str(bundled), "--agency", WARD, "--out", str(issued))[0] == 0
    assert cells(attached) == cells(issued.read_bytes())
    assert any(WARD in row for sheet in cells(attached).values() for row in sheet)


def test_the_ward_letter_says_the_same_and_the_workbook_lies_beside_it(hcmlc, bundled) -> None:
    out = bundled / "letters"
    code, stdout, _ = remind(hcmlc, bundled, "--agency", WARD, "--format", "md", "--out", str(out))
    assert code == 0 and f"+ {NAME}" in stdout
    assert f"điền vào bảng tính {NAME} gửi kèm" in (out / f"{WARD}.md").read_text("utf-8")
    assert openpyxl.load_workbook(out / NAME).sheetnames


def test_a_department_keeps_its_yaml_file_unless_its_channel_is_set(hcmlc, bundled) -> None:
    out = bundled / "drafts"
    args = ("--agency", "so-khcn", "--format", "eml", "--out", str(out))
    assert remind(hcmlc, bundled, *args)[0] == 0
    message = read_eml(out / "so-khcn.eml")
    assert message.get_content_type() == "text/plain"
    assert "submissions/2025/so-khcn.yaml" in message.get_content()
    focal_points(bundled, "so-khcn: workbook, all-communes: yaml")
    assert remind(hcmlc, bundled, *args)[0] == 0
    message = read_eml(out / "so-khcn.eml")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "workbook-2025-so-khcn-vi.xlsx"
    # the wards set to `yaml` by their group are asked for their file, with no workbook
    args = ("--agency", WARD, "--format", "eml", "--out", str(out))
    assert remind(hcmlc, bundled, *args)[0] == 0
    message = read_eml(out / f"{WARD}.eml")
    assert message.get_content_type() == "text/plain"
    assert f"submissions/2025/{WARD}.yaml" in message.get_content()


def test_an_unreadable_file_gives_no_workbook_and_says_why(hcmlc, bundled) -> None:
    focal_points(bundled)
    (bundled / f"submissions/2025/{WARD}.yaml").write_text("agency: [\n", "utf-8")
    out = bundled / "drafts"
    code, stdout, _ = remind(hcmlc, bundled, "--agency", WARD, "--format", "eml", "--out", str(out))
    assert code == 0
    assert "so their agencies' reminders carry no workbook" in " ".join(stdout.split())
    assert f"submissions/2025/{WARD}.yaml:" in stdout
    assert read_eml(out / f"{WARD}.eml").get_content_type() == "text/plain"
