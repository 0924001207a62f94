"""`hcmlc remind` on the bundled 2025 cycle as of 20 December 2025, five days after its deadline:
letters, e-mail drafts read back with Python's `email` package, and text; the items of each are
exactly those `status --agency` lists as overdue (or due soon, with --within)."""

from __future__ import annotations

import email
import email.policy
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from built_workbooks import letters_only
from shared_work import Shared

AS_OF = "2025-12-20"
WITHOUT_FOCAL_POINT = ["ldld", "so-y-te"]
"""Agencies of the bundled registry owing items in 2025 with no focal point."""
ITEM = re.compile(r"^\d+\. (?:Chỉ số|Câu hỏi|Indicator|Question) (\S+): .* — .*: (\S+); (.+)$")


def remind(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("remind", "--root", str(root), "--as-of", AS_OF, *args)


PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    return Shared(tmp_path_factory, "remind")


@pytest.fixture
def every_letter_as_text(hcmlc, shared: Shared) -> tuple[int, str, Path]:
    """(exit code, output, folder) of `remind --format md` on the whole bundled city, into a
    folder that held a note of the coordinator's (`ghi-chu.txt`): run once for the whole test
    run (shared_work.py), in the environment of the test that asks first. Tests that go on
    writing in the folder copy it. The wards' workbooks it would write beside the letters are
    not built (built_workbooks.py's `letters_only`): no test here reads them, the letters and
    what it prints name them all the same (tests/inbox/test_remind_workbook.py has them)."""

    def make(scratch: Path) -> dict[str, object]:
        root = scratch / "city"
        for name in ("data", "submissions", "photos", "templates", "reports"):
            shutil.copytree(PROJECT / name, root / name)
        out = scratch / "text"
        out.mkdir()
        (out / "ghi-chu.txt").write_text("của điều phối viên", "utf-8")
        with letters_only():
            code, stdout, _ = remind(hcmlc, root, "--format", "md", "--out", str(out))
        return {"code": code, "stdout": stdout, "out": str(out)}

    made = shared.get("every-letter-as-text", make)
    return made["code"], made["stdout"], Path(made["out"])


def status_of(hcmlc, root: Path, agency: str) -> dict:
    code, out, _ = hcmlc(
        "status", "--root", str(root), "--as-of", AS_OF, "--agency", agency, "--format", "json"
    )
    assert code == 0
    return json.loads(out)


def read_eml(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def listed(text: str) -> list[tuple[str, str, str]]:
    """(item, deadline, state) of each numbered line of a reminder's text."""
    return [ITEM.match(line).groups() for line in text.splitlines() if ITEM.match(line)]


def test_each_eml_is_addressed_to_the_focal_point_and_lists_what_status_lists(
    hcmlc, bundled
) -> None:
    out = bundled / "drafts"
    code, stdout, stderr = remind(hcmlc, bundled, "--format", "eml", "--out", str(out))
    assert code == 0
    assert "History cannot be read (this is not a git clone" in stderr  # a copy
    registry = (bundled / "data/assignments.yaml").read_text("utf-8")
    drafts = sorted(out.iterdir())
    assert len(drafts) == 14 and not any(d.stem in WITHOUT_FOCAL_POINT for d in drafts)
    for draft in drafts:
        raw = draft.read_bytes()
        head = raw.split(b"\r\n\r\n", 1)[0]
        assert head.isascii() and b"\n" not in head.replace(b"\r\n", b"")  # RFC 5322, CRLF
        assert all(len(line) <= 78 for line in head.split(b"\r\n"))
        message = read_eml(draft)
        agency = draft.stem
        status = status_of(hcmlc, bundled, agency)
        name = re.search(rf'- id: "{agency}"\n    name:\n      vi: "([^"]+)"', registry).group(1)
        assert b"Subject: =?utf-8?" in head  # RFC 2047
        assert message["Subject"] == f"Đôn đốc cung cấp số liệu Thành phố học tập kỳ 2025 – {name}"
        [to] = message["To"].addresses
        assert to.addr_spec == f"dau-moi.{agency}@example.org"
        assert to.display_name in registry
        assert message["From"].addresses[0].addr_spec == "thanhphohoctap@example.org"
        assert message["From"].addresses[0].display_name == "Sở Giáo dục và Đào tạo"
        assert (
            message["X-Unsent"] == "1" and message["Date"].datetime.utcoffset().seconds == 7 * 3600
        )
        assert message.get_content_type() == "text/plain"
        assert message.get_content_charset() == "utf-8"
        body = message.get_content().replace("\r\n", "\n")
        overdue = [
            (o["item"], o["deadline"], o["days_left"])
            for o in status["obligations"]
            if o["state"] == "overdue"
        ]
        assert overdue
        found = listed(body)
        assert [item for item, _, _ in found] == [item for item, _, _ in overdue]
        for (_, deadline, state), (_, due, days_left) in zip(found, overdue, strict=True):
            assert deadline == "{2}/{1}/{0}".format(*due.split("-"))
            assert state == f"Quá hạn {-days_left} ngày"
        assert f"Kính gửi: {name}" in body
    # the departments without one, then the 168 wards and communes (data/units.yaml has none)
    lacking = " ".join(stdout.split("No focal point for ", 1)[1].split())
    assert lacking.startswith(
        "ldld, so-y-te, van-phong-ubnd, so-tu-phap, thanh-tra, so-attp, so-du-lich, so-dt-tg, "
        "so-qh-kt, uy-ban-mttq and 171 more"
    )
    assert "and 171 more: no e-mail for them; send the letter." in lacking


def test_an_agency_without_a_focal_point_gets_a_letter(
    hcmlc, bundled, every_letter_as_text
) -> None:
    # every agency, as text (the listing does not depend on the format; the Word letters of all
    # 195 would cost ten seconds of the suite), then the Word letters of the two departments
    code, stdout, out = every_letter_as_text
    assert code == 0
    # 14 departments with a focal point, 13 without (2, and the 11 bodies the registry names
    # from 2025), and the 168 wards and communes
    assert stdout.startswith(f"195 reminders as of {AS_OF} in {out}/:\n")
    assert len(list(out.glob("*.md"))) == 195
    lacking = " ".join(stdout.split("No focal point for ", 1)[1].split())
    assert lacking.startswith("ldld, so-y-te, ")
    assert "and 171 more: they get the letter, but no e-mail." in lacking
    assert (
        "hint: add each one under `focal_points:` in data/focal-points.yaml, as `agency-id: {name: …, email: …}`"
        in stdout
    )
    out = shutil.copytree(out, bundled / "letters")
    for agency in WITHOUT_FOCAL_POINT:
        code, stdout, _ = remind(hcmlc, bundled, "--agency", agency, "--out", str(out))
        assert code == 0 and f"No focal point for {agency}: " in " ".join(stdout.split())
        texts = [p.text for p in docx.Document(str(out / f"{agency}.docx")).paragraphs]
        assert any(t.startswith("Kính gửi: ") for t in texts)


def test_the_letter_is_an_official_letter_with_the_items_of_status(hcmlc, bundled) -> None:
    out = bundled / "letters"
    assert remind(hcmlc, bundled, "--agency", "so-noi-vu", "--out", str(out))[0] == 0
    document = docx.Document(str(out / "so-noi-vu.docx"))
    head = document.tables[0]
    left, right = (cell.paragraphs for cell in head.rows[0].cells)
    assert [p.text for p in left if p.text] == [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    ]
    assert [p.text for p in right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    number, subject = head.rows[1].cells[0].paragraphs
    assert number.text == "Số: …/SGDĐT-GDTX"
    assert subject.text == "V/v đôn đốc cung cấp số liệu xây dựng Thành phố học tập kỳ 2025"
    assert subject.runs[0].font.size.pt == 12
    assert head.rows[1].cells[1].text == "Thành phố Hồ Chí Minh, ngày 20 tháng 12 năm 2025"
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert "Kính gửi: Sở Nội vụ" in texts
    assert (
        "Đến ngày 20/12/2025, Sở Nội vụ còn 3 nội dung chưa cung cấp"  # Sở Y tế has the rest
        in texts[texts.index("Kính gửi: Sở Nội vụ") + 2]
    )
    items = document.tables[1]
    assert [c.text for c in items.rows[0].cells] == ["STT", "Nội dung", "Hạn nộp", "Tình trạng"]
    assert items.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in items.rows)
    status = status_of(hcmlc, bundled, "so-noi-vu")
    overdue = [o for o in status["obligations"] if o["state"] == "overdue"]
    assert [r.cells[1].text.split()[2].rstrip(":") for r in items.rows[1:]] == [
        o["item"] for o in overdue
    ]
    assert {r.cells[3].text for r in items.rows[1:]} == {"Quá hạn 5 ngày"}
    assert "(trước đây do Sở LĐ-TB&XH cung cấp)" in items.rows[2].cells[1].text
    foot = document.tables[2]
    assert [p.text for p in foot.rows[0].cells[0].paragraphs if p.text] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Giám đốc Sở (để báo cáo);",
        "- Lưu: VT, GDTX.",
    ]
    assert [p.text for p in foot.rows[0].cells[1].paragraphs if p.text] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
    ]
    styles = document.styles.element.xml
    assert '<w:lang w:val="vi-VN" w:eastAsia="vi-VN"' in styles


def test_the_english_letter_keeps_the_same_parts(hcmlc, bundled) -> None:
    out = bundled / "letters"
    args = ("--agency", "so-noi-vu", "--out", str(out), "--lang", "en")
    assert remind(hcmlc, bundled, *args)[0] == 0
    document = docx.Document(str(out / "so-noi-vu.docx"))
    head = document.tables[0]
    assert head.rows[1].cells[0].paragraphs[0].text == "No.: …/SGDĐT-GDTX"
    assert head.rows[1].cells[1].text == "Ho Chi Minh City, 20 December 2025"
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert "To: Department of Home Affairs" in texts
    assert [c.text for c in document.tables[1].rows[0].cells] == [
        "No.",
        "Item",
        "Deadline",
        "Status",
    ]
    assert document.tables[1].rows[1].cells[3].text == "5 days overdue"
    assert '<w:lang w:val="en-US" w:eastAsia="en-US"' in document.styles.element.xml


def test_within_adds_the_items_due_soon(hcmlc, bundled) -> None:
    out = bundled / "text"
    code, stdout, _ = hcmlc(
        "remind",
        "--root",
        str(bundled),
        "--as-of",
        "2025-12-10",
        "--format",
        "md",
        "--out",
        str(out),
    )
    assert code == 0
    assert stdout == (
        "No agency has anything to be reminded of in cycle 2025 as of 2025-12-10. No reminder "
        "written.\nItems due soon are left out: add `--within DAYS` to remind of them too.\n"
    )
    assert not out.exists()
    args = ("--as-of", "2025-12-10", "--within", "7", "--format", "md", "--out", str(out))
    assert hcmlc("remind", "--root", str(bundled), "--agency", "so-tai-chinh", *args)[0] == 0
    text = (out / "so-tai-chinh.md").read_text("utf-8")
    code, raw, _ = hcmlc(
        "status",
        "--root",
        str(bundled),
        "--as-of",
        "2025-12-10",
        "--agency",
        "so-tai-chinh",
        "--format",
        "json",
    )
    due = [o["item"] for o in json.loads(raw)["obligations"] if o["state"] == "due"]
    assert [item for item, _, _ in listed(text)] == due
    assert {state for _, _, state in listed(text)} == {"Còn 5 ngày"}
    assert "Đề nghị Sở Tài chính cung cấp các nội dung nêu trên đúng hạn" in text


def test_an_agency_with_nothing_owed_gets_no_reminder(hcmlc, bundled) -> None:
    out = bundled / "r"
    code, stdout, _ = remind(hcmlc, bundled, "--agency", "ban-to-chuc-thanh-uy", "--out", str(out))
    assert code == 0 and not out.exists()
    assert stdout.startswith(
        "ban-to-chuc-thanh-uy has nothing to be reminded of in cycle 2025 as of 2025-12-20. "
        "No reminder written."
    )
    code, stdout, _ = remind(hcmlc, bundled, "--agency", "so-ldtbxh", "--out", str(out))
    assert code == 0 and not out.exists()
    assert "so-ldtbxh ended on 2025-03-01; its duties in cycle 2025 are so-noi-vu's" in stdout


def test_an_unknown_agency_is_a_usage_error(hcmlc, bundled) -> None:
    code, out, err = remind(hcmlc, bundled, "--agency", "so-noivu")
    assert (code, out) == (2, "")
    assert err == "error: unknown agency `so-noivu`\nhint: did you mean `so-noi-vu`?\n"


def test_the_folder_keeps_what_hcmlc_did_not_write(hcmlc, bundled, every_letter_as_text) -> None:
    code, _, written = every_letter_as_text  # into a folder that held ghi-chu.txt
    assert code == 0
    assert (written / "ghi-chu.txt").read_text("utf-8") == "của điều phối viên"
    assert len(list(written.glob("*.md"))) == 195
    assert not [p for p in written.iterdir() if p.name.startswith(".")]  # no temporary file left
    out = shutil.copytree(written, bundled / "text")
    with letters_only():  # the letters it checks, not the workbooks
        code, stdout, _ = remind(hcmlc, bundled, "--format", "md", "--out", str(out))
    assert code == 0 and "  so-noi-vu.md (replaced): DOHA — 3 items, up to 5 days overdue" in stdout
    letter = out / "so-noi-vu.md"
    letter.write_text(letter.read_text("utf-8") + "\nThêm một dòng.\n", "utf-8")
    code, _, err = remind(hcmlc, bundled, "--format", "md", "--out", str(out))
    assert code == 2 and f"changed since hcmlc wrote it, or not written by hcmlc: {letter}" in err
    assert "Thêm một dòng." in letter.read_text("utf-8")


def test_a_refused_run_builds_no_workbook_and_makes_no_key(
    hcmlc, bundled, signing_key: Path
) -> None:
    out = bundled / "text"
    out.mkdir()
    (out / "so-noi-vu.md").write_text("thư của điều phối viên\n", "utf-8")
    code, stdout, err = remind(hcmlc, bundled, "--format", "md", "--out", str(out))
    assert (code, stdout) == (2, "")
    assert f"changed since hcmlc wrote it, or not written by hcmlc: {out / 'so-noi-vu.md'}" in err
    assert [p.name for p in out.iterdir()] == ["so-noi-vu.md"]
    assert not signing_key.exists()  # the workbooks are built only once the letters may be


@pytest.mark.parametrize("output", ["docx", "eml", "md"])
def test_the_text_and_the_email_say_the_same(hcmlc, bundled, output: str) -> None:
    out = bundled / output
    assert (
        remind(hcmlc, bundled, "--agency", "so-khcn", "--format", output, "--out", str(out))[0] == 0
    )
    path = out / f"so-khcn.{output}"
    if output == "docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert "Đề nghị Sở Khoa học và Công nghệ khẩn trương cung cấp" in text
    elif output == "eml":
        args = ("--agency", "so-khcn", "--format", "md", "--out", str(bundled / "md"))
        assert remind(hcmlc, bundled, *args)[0] == 0
        written = (bundled / "md" / "so-khcn.md").read_text("utf-8")
        body = read_eml(path).get_content().replace("\r\n", "\n")
        assert written.startswith(body.rstrip("\n"))
    else:
        assert len(listed(path.read_text("utf-8"))) == 4


def test_an_entry_with_errors_is_reminded_of_and_the_errors_are_named(hcmlc, bundled) -> None:
    path = bundled / "submissions/2025/so-noi-vu.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 3.1", "value: 3,1%"), "utf-8")
    out = bundled / "text"
    code, stdout, _ = remind(
        hcmlc, bundled, "--agency", "so-noi-vu", "--format", "md", "--out", str(out)
    )
    assert code == 0
    assert "  so-noi-vu.md: DOHA — 4 items, up to 5 days overdue" in stdout
    assert stdout.endswith(
        "1 error in the data: run `hcmlc validate`; entries with errors count as missing.\n"
    )
    assert "1.2.2.a" in [item for item, _, _ in listed((out / "so-noi-vu.md").read_text("utf-8"))]
