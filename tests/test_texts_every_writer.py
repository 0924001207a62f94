"""What validate accepts, every writer can write (issue 24): a control character or a
non-character in a text is refused by validate at its place; one agency's bad text never stops
the workbooks or reminders of the others; what reaches a document is shown as `\\x07`; no
focal point's name can add a recipient to a reminder's e-mail."""

from __future__ import annotations

import email
import email.policy
import json

import docx
import pytest
from openpyxl import load_workbook

from hcmlc.diagnostics import Diagnostic
from hcmlc.render.reminder_eml import mailbox
from hcmlc.yamlfiles.reader import parse_yaml

NOTE = "    note: Giáo dục vì sự phát triển bền vững được lồng ghép ở cấp tiểu học và trung học."
BAD = '    note: "Giáo dục \\a vì \\uFFFE A&B <c> \\e \\v \\f"'
GDDT_2023 = "submissions/2023/so-gddt.yaml"


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\a", "0007"),
        ("\\e", "001B"),
        ("\\v", "000B"),
        ("\\f", "000C"),
        ("\\r", "000D"),
        ("\\x85", "0085"),
        ("\\uFFFE", "FFFE"),
        ("\\uFFFF", "FFFF"),
        ("\\uFDD0", "FDD0"),
        ("\\0", "0000"),
        ("\\b", "0008"),
    ],
)
def test_a_control_character_or_non_character_in_a_text_is_refused_where_it_is(
    escape: str, code: str
) -> None:
    doc = parse_yaml(f'agency: so-gddt\nanswers:\n  slogan:\n    vi: "Học {escape} tập"\n', "f")
    assert doc.problems == [
        Diagnostic(
            "f",
            4,
            9,
            "HCMLC-E008",
            f"`vi` holds a control character or a non-character (U+{code}), which no workbook, "
            "document or e-mail can carry",
            "delete the escape (`\\a`, `\\e`, `\\r`, `\\uFFFE` …) from the quoted text; for a "
            "line break, write the text as a `|` block",
        )
    ]


def test_tabs_and_line_breaks_in_a_text_pass() -> None:
    assert parse_yaml("note: \"a\\tb\\nc\"\nother: 'x\\a'\n", "f").problems == []


def test_validate_refuses_them_with_their_place(hcmlc, bundled) -> None:
    path = bundled / GDDT_2023
    path.write_text(path.read_text("utf-8").replace(NOTE, BAD, 1), "utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled), "--format", "json", str(path))
    found = json.loads(out)["problems"]
    assert code == 1
    assert [(p["line"], p["column"], p["code"]) for p in found] == [(24, 11, "HCMLC-E008")]
    assert "(U+0007, U+FFFE, U+001B, U+000B, U+000C)" in found[0]["message"]


def test_one_agencys_bad_text_never_stops_the_others_workbooks(hcmlc, bundled, tmp_path) -> None:
    """In the 2023 cycle: the same command on the same city, its 40 other workbooks written
    rather than the 194 of 2025 (the wards' among them), a fifth of the work; a bad file is
    refused before any workbook is built, so the wards' add nothing to what this proves."""
    path = bundled / "submissions/2023/so-gddt.yaml"
    path.write_text('agency: so-gddt\ncycle: "2023"\nprepared_by: "Hoa \\a \\uFFFE"\n', "utf-8")
    code, out, _ = hcmlc(
        "workbook", "--root", str(bundled), "--all", "--cycle", "2023", "--out", str(tmp_path)
    )
    assert code == 1
    assert not (tmp_path / "workbook-2023-so-gddt-vi.xlsx").exists()
    assert (tmp_path / "workbook-2023-so-vhtt-vi.xlsx").exists()
    assert "submissions/2023/so-gddt.yaml:3:14: error: `prepared_by` holds a control" in out


def test_a_control_character_that_reaches_a_workbook_is_shown(hcmlc, bundled, tmp_path) -> None:
    """A text of data/ (read, not refused, by `workbook`) is written as `\\x07`, not refused.
    The name is so-gddt's, and only so-gddt's workbook shows it: its workbook is written, not
    the city's 195 (the others' are the concern of the test above)."""
    registry = bundled / "data/assignments.yaml"
    text = registry.read_text("utf-8")
    name = 'vi: "Sở Giáo dục và Đào tạo"'
    assert name in text
    registry.write_text(text.replace(name, 'vi: "Sở Giáo dục\\a và Đào tạo\\uFFFE"', 1), "utf-8")
    code, out, _ = hcmlc(
        "workbook", "--root", str(bundled), "--agency", "so-gddt", "--out", str(tmp_path)
    )
    assert code == 0, out
    book = load_workbook(tmp_path / "workbook-2025-so-gddt-vi.xlsx")
    texts = [c.value for s in book.worksheets for r in s.iter_rows() for c in r]
    assert any(isinstance(t, str) and "Sở Giáo dục\\x07 và Đào tạo\\ufffe" in t for t in texts)


def test_u_fffe_in_an_answer_keeps_every_later_ampersand_and_bracket_of_the_form(
    hcmlc, repo
) -> None:
    repo.write(
        GDDT_2023,
        'agency: so-gddt\ncycle: "2023"\nanswers:\n'
        '  slogan:\n    vi: "Học \\uFFFE tập"\n'
        '  gnlc-contribution:\n    vi: "A & B <c> > d"\n',
    )
    out = repo.root / "form.docx"
    code, _, _ = hcmlc("fill-form", "--root", str(repo.root), "--out", str(out))
    assert code == 0
    document = docx.Document(str(out))
    texts = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    texts += [p.text for p in document.paragraphs]
    assert "Học \\ufffe tập" in texts
    assert "A & B <c> > d" in texts


FOCAL = 'focal_point: {name: "Lê Thị Hoa", email: "dau-moi.so-gddt@example.org"'


def test_a_line_break_in_a_focal_points_name_is_refused_and_never_breaks_remind(
    hcmlc, bundled
) -> None:
    registry = bundled / "data/assignments.yaml"
    text = registry.read_text("utf-8")
    assert FOCAL in text
    line = text[: text.index(FOCAL)].count("\n") + 1  # where so-gddt's focal point stands
    bad = FOCAL.replace("Lê Thị Hoa", "Hoa\\r\\nBcc: spy@evil.example")
    registry.write_text(text.replace(FOCAL, bad, 1), "utf-8")
    code, out, _ = hcmlc(
        "validate", "--root", str(bundled), str(bundled / "data"), "--format", "json"
    )
    found = [(p["path"], p["line"], p["code"]) for p in json.loads(out)["problems"]]
    assert code == 1
    assert ("data/assignments.yaml", line, "HCMLC-E008") in found
    newline = text.replace(FOCAL, FOCAL.replace("Lê Thị Hoa", "Hoa\\nBcc: spy@evil.example"), 1)
    registry.write_text(newline, "utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled), str(bundled / "data"))
    assert code == 1
    assert (
        f"data/assignments.yaml:{line}:25: error: the focal point's `name` of `so-gddt` holds a "
        "line break [HCMLC-E008]"
    ) in out
    drafts = bundled / "drafts"
    code, out, _ = hcmlc(
        "remind",
        "--root",
        str(bundled),
        "--as-of",
        "2025-12-20",
        "--format",
        "eml",
        "--out",
        str(drafts),
    )
    assert code == 1
    assert not (drafts / "so-gddt.eml").exists()
    assert len(list(drafts.iterdir())) == 13  # every other focal point's draft
    assert (
        "No reminder for `so-gddt`: the focal point's name holds a line break or a control "
        "character" in out
    )


@pytest.mark.parametrize(
    "name",
    [
        "=?utf-8?q?Hoa_<spy@evil.example>,?=",
        "Nguyễn =?utf-8?q?Hoa_<spy@evil.example>,?= Hoa",
        "Hoa <spy@evil.example>, Lan",
        '"Hoa" <spy@evil.example>',
        "Nguyễn Thị Thu Hương — Phó Trưởng phòng Giáo dục thường xuyên, Sở GD&ĐT",
        "Lê Thị Hoa",
        "Hoa",
    ],
)
def test_no_display_name_adds_a_recipient(hcmlc, bundled, name: str) -> None:
    registry = bundled / "data/assignments.yaml"
    text = registry.read_text("utf-8")
    written = json.dumps(name, ensure_ascii=False)
    registry.write_text(text.replace('"Lê Thị Hoa"', written, 1), "utf-8")
    drafts = bundled / "drafts"
    code, out, _ = hcmlc(
        "remind",
        "--root",
        str(bundled),
        "--as-of",
        "2025-12-20",
        "--format",
        "eml",
        "--agency",
        "so-gddt",
        "--out",
        str(drafts),
    )
    assert code == 0, out
    draft = email.message_from_bytes(
        (drafts / "so-gddt.eml").read_bytes(), policy=email.policy.default
    )
    recipients = draft["To"].addresses
    assert [a.addr_spec for a in recipients] == ["dau-moi.so-gddt@example.org"]
    assert draft.get_all("Cc") is None and draft.get_all("Bcc") is None
    shown = " ".join(recipients[0].display_name.split())
    assert shown == name or "=?" in name  # an encoded word in a name is shown decoded


def test_a_mailbox_header_is_ascii_and_one_line_per_word() -> None:
    from email.headerregistry import Address

    header = mailbox(Address(display_name="Lê Thị Hoa", addr_spec="hoa@example.org"))
    assert header.isascii() and header.endswith(" <hoa@example.org>")
    assert mailbox(Address(display_name="Hoa Le", addr_spec="h@example.org")) == (
        "Hoa Le <h@example.org>"
    )
