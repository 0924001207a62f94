"""`hcmlc import DIR`: a mailbox folder (good, bad, duplicate copies, a scan, a zip holding a
workbook and a zip, a workbook of another city's repository) imported with a receipt for each
agency, read back with Python's `email` parser, and a summary for the coordinator."""

from __future__ import annotations

import email
import email.policy
import io
import json
import re
import shutil
import zipfile
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from workbook_files import Filled, make, sheet_part

from hcmlc.workbook.labels import SHEETS
from hcmlc.workbook.meta import SHEET as META_SHEET
from hcmlc.workbook.xlsx import read_xlsx
from hcmlc.yamlfiles.reader import parse_yaml

GOOD, BAD, ZIPPED, FOREIGN = "phuong-sai-gon", "phuong-ben-thanh", "xa-cu-chi", "so-ngoai-vu"
RECEIVED = "2025-12-18"


def filled(made: Path, out: Path, value: str) -> Path:
    book = Filled(made)
    book.set("indicators", "3.2.2.a", "value", value)
    book.set("indicators", "3.2.2.a", "year", 2025)
    return book.save(out)


@pytest.fixture
def mailbox(hcmlc, bundled: Path, tmp_path: Path) -> Path:
    """The folder the coordinator saved the replies in."""
    (bundled / "data/focal-points.yaml").write_text(
        "focal_points:\n"
        f'  {GOOD}: {{name: "Nguyễn Văn An", email: "vanthu.{GOOD}@example.org"}}\n'
        f'  {BAD}: {{name: "Lê Thị Bé", email: "vanthu.{BAD}@example.org"}}\n',
        "utf-8",
    )
    other = tmp_path / "other-city"
    shutil.copytree(bundled, other)
    for name in ("data/frameworks.yaml", "data/assignments.yaml"):
        path = other / name
        path.write_text("# another city\n" + path.read_text("utf-8"), "utf-8")
    made, inbox = tmp_path / "made", tmp_path / "inbox"
    made.mkdir()
    inbox.mkdir()
    cycle = ("--cycle", "2025")
    good = filled(make(hcmlc, bundled, GOOD, made / "g.xlsx", *cycle), inbox / "sai-gon.xlsx", "có")
    shutil.copy(good, inbox / "sai-gon (1).xlsx")
    filled(make(hcmlc, bundled, BAD, made / "b.xlsx", *cycle), inbox / "ben-thanh.xlsx", "chắc có")
    zipped = filled(make(hcmlc, bundled, ZIPPED, made / "z.xlsx", *cycle), made / "zz.xlsx", "có")
    filled(make(hcmlc, other, FOREIGN, made / "f.xlsx", *cycle), inbox / "ngoai-vu.xlsx", "có")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4 a signed letter")
    with zipfile.ZipFile(made / "inner.zip", "w") as inner:
        inner.write(zipped, "x.xlsx")
    with zipfile.ZipFile(inbox / "cac-xa.zip", "w") as archive:
        archive.write(zipped, "Xa Cu Chi/bieu.xlsx")
        archive.write(made / "inner.zip", "inner.zip")
        archive.writestr("readme.txt", "xin gửi")
    return inbox


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def run(hcmlc, root: Path, inbox: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return hcmlc(
        "import", "--root", str(root), str(inbox), "--received", RECEIVED,
        "--receipts", str(out), *extra,
    )  # fmt: skip


def test_a_mailbox_folder_gives_a_summary_and_a_receipt_per_agency(
    hcmlc, bundled, mailbox, tmp_path
) -> None:
    out = tmp_path / "receipts"
    before = {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()}
    code, stdout, stderr = run(hcmlc, bundled, mailbox, out)
    assert (code, stderr) == (1, "")
    lines = stdout.splitlines()
    assert lines[:10] == [
        "4 workbooks, 1 identical copy, 2 other files set aside, 1 zip not opened.",
        "Imported (2):",
        f"  {ZIPPED} → submissions/2025/{ZIPPED}.yaml: 1 added, 0 changed, 0 removed",
        f"  {GOOD} → submissions/2025/{GOOD}.yaml: 1 added, 0 changed, 0 removed",
        "Refused (2):",
        f"  {BAD} ({mailbox / 'ben-thanh.xlsx'}): 1 error",
        f"  no agency of this repository ({mailbox / 'ngoai-vu.xlsx'}): 1 error",
        f"Set aside: {mailbox / 'cac-xa.zip'}!readme.txt: not a workbook: set aside",
        f"Set aside: {mailbox / 'sai-gon.xlsx'}: identical to {mailbox / 'sai-gon (1).xlsx'}: "
        "imported once",
        f"Set aside: {mailbox / 'scan.pdf'}: not a workbook: set aside",
    ]
    assert f"Receipts in {out}/: 3 texts, 2 e-mail drafts, 1 fresh workbook." in lines
    assert f"No focal point for {ZIPPED}: send them the text of their receipt." in lines
    assert (
        f"{mailbox / 'cac-xa.zip'}!inner.zip:1:1: error: a zip inside a zip is not opened "
        "[HCMLC-E070]" in lines
    )
    assert (
        f"{mailbox / 'ngoai-vu.xlsx'}:1:1: error: the workbook was made from another "
        "repository's data: none of the data files it records is a version this repository "
        "holds or held [HCMLC-E073]" in lines
    )
    # submissions/: the two good workbooks, each received on the day given
    after = {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()}
    assert {n for n in after if after[n] != before.get(n)} == {f"{GOOD}.yaml", f"{ZIPPED}.yaml"}
    data = parse_yaml(after[f"{ZIPPED}.yaml"].decode(), "x").data
    assert data["indicators"]["3.2.2.a"]["value"] == "có" and data["received"] == RECEIVED
    assert sorted(p.name for p in out.iterdir()) == [
        f"{BAD}.eml",
        f"{BAD}.txt",
        f"{GOOD}.eml",
        f"{GOOD}.txt",
        f"workbook-2025-{BAD}-vi-repaired.xlsx",
        f"{ZIPPED}.txt",
    ]

    good = read_eml(out / f"{GOOD}.eml")
    assert good["To"].addresses[0].addr_spec == f"vanthu.{GOOD}@example.org"
    assert (
        good["Subject"] == "Xác nhận tiếp nhận bảng tính kỳ 2025 – Ủy ban nhân dân phường Sài Gòn"
    )
    assert good["X-Unsent"] == "1" and not list(good.iter_attachments())
    text = good.get_content().replace("\r\n", "\n")
    assert (
        "Ngày 18/12/2025, đơn vị điều phối đã nhận bảng tính của đơn vị: sai-gon (1).xlsx." in text
    )
    assert "1. 3.2.2.a — " in text and ": Giá trị: có · Năm số liệu: 2025\n" in text
    assert "Cần sửa" not in text

    bad = read_eml(out / f"{BAD}.eml")
    body = bad.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "Bảng tính chưa được tiếp nhận: không nội dung nào được ghi" in text
    assert "1. Ô Chỉ số!E6: chỉ số 3.2.2.a: “chắc có” không phải là một mức" in text
    line = next(x for x in text.splitlines() if x.startswith("1. Ô Chỉ số!E6: "))
    assert re.search(r" \[HCMLC-E0[0-9]{2}\]$", line), line  # its code, whose page explains it
    assert f"Gửi kèm bảng tính mới workbook-2025-{BAD}-vi-repaired.xlsx" in text
    [attachment] = list(bad.iter_attachments())
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert "hcmlc" in book.sheetnames
    assert (
        (out / f"{ZIPPED}.txt")
        .read_text("utf-8")
        .startswith("Xác nhận tiếp nhận bảng tính kỳ 2025 – Ủy ban nhân dân xã Củ Chi\n")
    )


def test_the_summary_as_json_and_a_second_run_changes_nothing(
    hcmlc, bundled, mailbox, tmp_path
) -> None:
    assert run(hcmlc, bundled, mailbox, tmp_path / "first")[0] == 1
    before = {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()}
    code, stdout, _ = run(hcmlc, bundled, mailbox, tmp_path / "again", "--format", "json")
    assert code == 1
    document = json.loads(stdout)
    assert document["agencies"] == {
        "written": [],
        "checked": [],
        "nothing": [GOOD, ZIPPED],
        "refused": [BAD, FOREIGN],
    }
    assert [(s["reason"], Path(s["path"]).name) for s in document["set_aside"]] == [
        ("not-a-workbook", "cac-xa.zip!readme.txt"),
        ("duplicate", "sai-gon.xlsx"),
        ("not-a-workbook", "scan.pdf"),
    ]
    foreign = next(w for w in document["workbooks"] if w["foreign"])
    assert (foreign["agency"], foreign["outcome"]) == (FOREIGN, "refused")
    assert {r["agency"]: r["outcome"] for r in document["receipts"]} == {
        GOOD: "nothing",
        BAD: "refused",
        ZIPPED: "nothing",
    }
    after = {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()}
    assert after == before


def test_check_writes_neither_submissions_nor_receipts(hcmlc, bundled, mailbox, tmp_path) -> None:
    before = {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()}
    code, stdout, _ = run(hcmlc, bundled, mailbox, tmp_path / "r", "--check")
    assert code == 1 and "Would import (2):" in stdout and "No receipt written (--check)." in stdout
    assert not (tmp_path / "r").exists()
    assert {p.name: p.read_bytes() for p in (bundled / "submissions/2025").iterdir()} == before


def test_agency_is_for_single_workbooks(hcmlc, bundled, mailbox, tmp_path) -> None:
    code, _, stderr = run(hcmlc, bundled, mailbox, tmp_path / "r", "--agency", GOOD)
    assert code == 2 and "--agency is for single workbooks, not for a folder" in stderr


def test_a_workbook_issued_before_both_data_files_changed_is_still_from_here(
    hcmlc, bundled, tmp_path
) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=bundled,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "data")
    git("commit", "-qm", "data as issued")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = make(hcmlc, bundled, GOOD, tmp_path / "g.xlsx", "--cycle", "2025")
    filled(made, inbox / "sai-gon.xlsx", "có")
    for name in ("data/frameworks.yaml", "data/assignments.yaml"):
        path = bundled / name
        path.write_text(path.read_text("utf-8") + "# changed since\n", "utf-8")
    git("commit", "-qam", "data changed")
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 0, stdout
    assert "Imported (1):" in stdout and "no agency of this repository" not in stdout


def test_an_english_workbook_gets_its_receipt_in_english(hcmlc, bundled, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = make(hcmlc, bundled, "so-khcn", tmp_path / "en.xlsx", "--cycle", "2025", "--lang", "en")
    book = Filled(made, lang="en")
    book.set("indicators", "1.2.3.b", "value", "abc")
    book.set("indicators", "1.2.3.b", "year", 2025)
    book.save(inbox / "DOST reply.xlsx")
    out = tmp_path / "r"
    code, _, _ = run(hcmlc, bundled, inbox, out, "--received", "2025-12-19")
    assert code == 1
    text = (out / "so-khcn.txt").read_text("utf-8")
    assert text.startswith(
        "Receipt of your workbook, cycle 2025 – Department of Science and Technology\n"
    )
    assert "On 2025-12-19, the coordinator received your workbook: DOST reply.xlsx." in text
    assert "1. Cell Indicators!E" in text and ": indicator 1.2.3.b: “abc” is not a number" in text
    assert "Attached is a fresh workbook, workbook-2025-so-khcn-en-repaired.xlsx" in text
    assert (out / "workbook-2025-so-khcn-en-repaired.xlsx").is_file()


def test_a_damaged_sheet_is_told_in_the_language_the_workbook_was_made_in(
    hcmlc, bundled, tmp_path
) -> None:
    """The workbook's language is read from its hidden sheet alone: a data sheet broken past
    reading (here cut off mid-row) does not hide it, and the damage is told in the language of
    the workbook the ward was sent (Vietnamese), in the coordinator's English summary."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = make(hcmlc, bundled, GOOD, tmp_path / "vi.xlsx", "--cycle", "2025")
    returned = filled(made, inbox / "sai-gon.xlsx", "có")
    with zipfile.ZipFile(returned) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = sheet_part(parts, SHEETS["indicators"]["vi"])
    parts[sheet] = parts[sheet][: len(parts[sheet]) // 2]
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, stdout, _ = run(hcmlc, bundled, inbox, tmp_path / "r")
    assert code == 1, stdout
    assert "Refused (1):" in stdout
    damage = [line for line in stdout.splitlines() if "[HCMLC-E070]" in line]
    assert len(damage) == 1 and "sai-gon.xlsx:1:1: error: bảng tính bị hỏng: " in damage[0]


def test_the_hidden_sheet_read_alone_is_the_one_read_with_the_others(
    hcmlc, bundled, tmp_path
) -> None:
    """`peek` reads a returned workbook's hidden sheet alone (the rows of the data sheets are
    read once, by the import): the same cells as when every sheet is read."""
    made = make(hcmlc, bundled, GOOD, tmp_path / "vi.xlsx", "--cycle", "2025")
    data = filled(made, tmp_path / "returned.xlsx", "có").read_bytes()
    whole, alone = read_xlsx(data), read_xlsx(data, only=META_SHEET)
    assert len(whole.sheets) > 1 and list(alone.sheets) == [META_SHEET]
    assert alone.sheets[META_SHEET].cells == whole.sheets[META_SHEET].cells
    assert alone.sheets[META_SHEET].state == whole.sheets[META_SHEET].state != "visible"
