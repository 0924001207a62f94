"""`hcmlc import DIR` with saved e-mails (.eml): the workbooks attached are imported, and the
sender (`From:`) is compared with the focal point of the agency each workbook is sealed to; a
mismatch, or a `From:` naming several senders or none, is a warning in the summary and in the
agency's receipt, and the import goes on."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

GOOD, OTHER = "phuong-sai-gon", "phuong-ben-thanh"
FOCAL = f"vanthu.{GOOD}@example.org"
RECEIVED = "2025-12-18"
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def saved_mail(path: Path, sender: str | None, *attachments: tuple[str, bytes]) -> Path:
    """An e-mail as a mail program saves it, dated long ago (a date that must not count)."""
    message = EmailMessage()
    if sender is not None:
        message["From"] = sender
    message["To"] = "dieuphoi@example.org"
    message["Subject"] = "Gửi lại bảng tính"
    message["Date"] = "Mon, 01 Jan 2024 08:00:00 +0700"
    message.set_content("Kính gửi, đơn vị gửi lại bảng tính.")
    for name, data in attachments:
        message.add_attachment(data, maintype=XLSX[0], subtype=XLSX[1], filename=name)
    path.write_bytes(message.as_bytes())
    return path


@pytest.fixture
def workbook(hcmlc, bundled: Path, tmp_path: Path) -> bytes:
    """Phường Sài Gòn's filled-in workbook, its focal point on file with a phone number."""
    (bundled / "data/focal-points.yaml").write_text(
        "focal_points:\n"
        f'  {GOOD}: {{name: "Nguyễn Văn An", email: "{FOCAL}", phone: "028 3829 1234"}}\n',
        "utf-8",
    )
    made = make(hcmlc, bundled, GOOD, tmp_path / "made.xlsx", "--cycle", "2025")
    book = Filled(made)
    book.set("indicators", "3.2.2.a", "value", "có")
    book.set("indicators", "3.2.2.a", "year", 2025)
    return book.save(tmp_path / "filled.xlsx").read_bytes()


def run(hcmlc, root: Path, inbox: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return hcmlc(
        "import", "--root", str(root), str(inbox), "--received", RECEIVED,
        "--receipts", str(out), *extra,
    )  # fmt: skip


def inbox_with(tmp_path: Path, sender: str | None, *attachments: tuple[str, bytes]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    saved_mail(inbox / "tra-loi.eml", sender, *attachments)
    return inbox


def test_a_mail_from_the_focal_point_is_imported_without_a_warning(
    hcmlc, bundled, workbook, tmp_path
) -> None:
    sender = f'"Nguyễn Văn An" <{FOCAL.upper()}>'
    inbox = inbox_with(tmp_path, sender, ("bieu.xlsx", workbook))
    out = tmp_path / "r"
    code, stdout, stderr = run(hcmlc, bundled, inbox, out)
    assert (code, stderr) == (0, ""), stdout
    assert stdout.startswith("1 workbook, 0 identical copies, 0 other files set aside")
    assert f"  {GOOD} → submissions/2025/{GOOD}.yaml: 1 added, 0 changed, 0 removed" in stdout
    assert "HCMLC-W077" not in stdout
    data = parse_yaml((bundled / f"submissions/2025/{GOOD}.yaml").read_text("utf-8"), "x").data
    # the day received is the one the coordinator gives, never the e-mail's Date:
    assert data["received"] == RECEIVED and data["indicators"]["3.2.2.a"]["value"] == "có"
    text = (out / f"{GOOD}.txt").read_text("utf-8")
    assert "tra-loi.eml!bieu.xlsx" in text and "Đề nghị kiểm tra lại" not in text
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "again", "--format", "json")
    [found] = json.loads(stdout)["workbooks"]
    assert found["email"] == {"path": str(inbox / "tra-loi.eml"), "from": [FOCAL.upper()]}


def test_a_mail_from_another_address_is_imported_with_a_warning(
    hcmlc, bundled, workbook, tmp_path
) -> None:
    inbox = inbox_with(tmp_path, "Ai Đó <someone@example.com>", ("bieu.xlsx", workbook))
    out = tmp_path / "r"
    code, stdout, stderr = run(hcmlc, bundled, inbox, out)
    assert (code, stderr) == (0, ""), stdout
    assert f"  {GOOD} → submissions/2025/{GOOD}.yaml: 1 added, 0 changed, 0 removed" in stdout
    lines = stdout.splitlines()
    # told in the language of the agency's workbook, as its receipt is
    assert (
        f"{inbox / 'tra-loi.eml'}!bieu.xlsx:1:1: warning: thư tra-loi.eml được gửi từ "
        f"someone@example.com, không phải từ {FOCAL} là địa chỉ của đầu mối {GOOD} [HCMLC-W077]"
        in lines
    ), stdout
    assert (
        "    hint: gọi điện cho đơn vị (028 3829 1234) để xác nhận đơn vị đã gửi các số liệu này "
        "trước khi tin dùng" in lines
    ), stdout
    data = parse_yaml((bundled / f"submissions/2025/{GOOD}.yaml").read_text("utf-8"), "x").data
    assert data["indicators"]["3.2.2.a"]["value"] == "có"
    text = (out / f"{GOOD}.txt").read_text("utf-8")
    assert "Đề nghị kiểm tra lại:" in text
    assert "someone@example.com" in text and FOCAL in text and "028 3829 1234" in text


def test_a_mail_naming_two_senders_is_a_warning(hcmlc, bundled, workbook, tmp_path) -> None:
    inbox = inbox_with(tmp_path, f"{FOCAL}, khac@example.com", ("bieu.xlsx", workbook))
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 0, stdout
    assert (
        f"warning: thư tra-loi.eml ghi nhiều người gửi ({FOCAL}, khac@example.com): không thể "
        f"biết thư có phải do đầu mối của {GOOD} gửi hay không [HCMLC-W077]" in stdout
    )
    assert "khac@example.com" in (tmp_path / "r" / f"{GOOD}.txt").read_text("utf-8")


def test_a_mail_naming_no_sender_is_a_warning(hcmlc, bundled, workbook, tmp_path) -> None:
    inbox = inbox_with(tmp_path, None, ("bieu.xlsx", workbook))
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 0, stdout
    assert "warning: thư tra-loi.eml không ghi người gửi: không thể biết thư" in stdout


def test_a_mail_without_a_workbook_is_set_aside_and_said(hcmlc, bundled, tmp_path) -> None:
    inbox = inbox_with(tmp_path, FOCAL)
    saved_mail(inbox / "scan.eml", FOCAL, ("cong-van.pdf", b"%PDF-1.4"))
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 0, stdout
    lines = stdout.splitlines()
    assert (
        lines[0] == "0 workbooks, 0 identical copies, 3 other files set aside, 0 zips not opened."
    )
    assert (
        f"Set aside: {inbox / 'tra-loi.eml'}: an e-mail with no workbook attached: set aside"
        in lines
    )
    assert f"Set aside: {inbox / 'scan.eml'}!cong-van.pdf: not a workbook: set aside" in lines
    assert (
        f"Set aside: {inbox / 'scan.eml'}: an e-mail with no workbook attached: set aside" in lines
    )


def test_a_huge_mail_is_refused_unread(hcmlc, bundled, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("hcmlc.workbook.inbox.MAX_EML_BYTES", 1_000)
    inbox = inbox_with(tmp_path, FOCAL, ("bieu.xlsx", b"PK" * 1_000))
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 1
    assert (
        f"{inbox / 'tra-loi.eml'}:1:1: error: the file is " in stdout
        and "bytes, over the limit of 1,000 [HCMLC-E050]" in stdout
    )
