"""Saved e-mails sorted out within bounds: too many parts or attachments, a forwarded e-mail,
a nesting deep enough to exhaust a recursive parser, a damaged file — each refused, located,
never a traceback; the workbooks of a good one keep the sender its `From:` claims."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from hcmlc.workbook import mail
from hcmlc.workbook.guard import MAX_BYTES
from hcmlc.workbook.inbox import Inbox, Origin, gather


def message(sender: str = "a@example.org") -> EmailMessage:
    found = EmailMessage()
    found["From"] = sender
    found.set_content("xin gửi")
    return found


def sorted_out(tmp_path: Path, data: bytes) -> tuple[Path, Inbox]:
    inbox, scratch = tmp_path / "inbox", tmp_path / "scratch"
    inbox.mkdir()
    scratch.mkdir()
    (inbox / "m.eml").write_bytes(data)
    return inbox / "m.eml", gather([inbox], scratch)


def test_workbooks_and_zipped_workbooks_keep_their_sender(tmp_path: Path) -> None:
    sent = message("Văn thư <VanThu@Example.org>")
    sent.add_attachment(b"PK a", maintype="application", subtype="octet-stream", filename="a.xlsx")
    zipped = tmp_path / "b.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("b.xlsx", b"PK b")
    sent.add_attachment(
        zipped.read_bytes(), maintype="application", subtype="zip", filename="b.zip"
    )
    path, found = sorted_out(tmp_path, sent.as_bytes())
    origin = Origin(str(path), ("VanThu@Example.org",))
    assert [(a.display, a.origin) for a in found.arrivals] == [
        (f"{path}!a.xlsx", origin),
        (f"{path}!b.zip!b.xlsx", origin),
    ]


@pytest.mark.parametrize(
    ("count", "reason"),
    [(mail.MAX_ATTACHMENTS + 1, "attachments"), (mail.MAX_PARTS + 1, "parts")],
)
def test_too_many_attachments_or_parts_are_refused(tmp_path: Path, count: int, reason: str) -> None:
    sent = message()
    sent.make_mixed()
    for n in range(count):
        if reason == "attachments":
            sent.add_attachment(b"PK", maintype="application", subtype="x", filename=f"{n}.xlsx")
        else:  # inline text, no attachment
            part = EmailMessage()
            part.set_content(f"{n}")
            sent.attach(part)
    path, found = sorted_out(tmp_path, sent.as_bytes())
    [problem] = found.problems
    assert problem.path == str(path) and problem.code == "HCMLC-E070"
    assert problem.message.startswith("the e-mail is not opened: it has more than")
    assert problem.message.endswith(reason) and not found.arrivals


def test_a_forwarded_mail_is_not_opened(tmp_path: Path) -> None:
    inner = message("other@example.org")
    inner.add_attachment(b"PK", maintype="application", subtype="x", filename="x.xlsx")
    sent = message()
    sent.add_attachment(inner, filename="fw.eml")
    path, found = sorted_out(tmp_path, sent.as_bytes())
    [problem] = found.problems
    assert problem.path == f"{path}!fw.eml"
    assert (
        problem.message == "the e-mail is not opened: an e-mail attached to an e-mail is not opened"
    )
    assert not found.arrivals and not found.set_aside


def test_a_deeply_nested_mail_is_refused(tmp_path: Path) -> None:
    depth = 5_000
    head = b"From: a@example.org\r\n"
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (n, n)
        for n in range(depth)
    )
    path, found = sorted_out(tmp_path, head + opening + b"\r\nx\r\n")
    [problem] = found.problems
    assert problem.path == str(path) and problem.code == "HCMLC-E070"


def test_an_attachment_larger_than_a_workbook_is_refused(tmp_path: Path) -> None:
    sent = message()
    sent.add_attachment(
        b"\0" * (MAX_BYTES + 1), maintype="application", subtype="x", filename="big.xlsx"
    )
    path, found = sorted_out(tmp_path, sent.as_bytes())
    [problem] = found.problems
    assert problem.path == f"{path}!big.xlsx" and problem.code == "HCMLC-E050"


def test_garbage_is_an_email_without_workbook(tmp_path: Path) -> None:
    path, found = sorted_out(tmp_path, b"\xff\xfe\x00garbage\r\n\r\n\x00")
    assert [(s.display, s.reason) for s in found.set_aside] == [(str(path), "no-workbook")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"From: " + b"a@example.org, " * 100_000 + b"\r\n\r\nx\r\n", "From: header is over"),
        (
            b'From: a@example.org\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
            + b"--b\r\n\r\nx\r\n" * 100_000
            + b"--b--\r\n",
            "more than 200 parts",
        ),
    ],
)
def test_what_would_keep_the_parser_busy_is_refused_before_it(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path, found = sorted_out(tmp_path, data)
    [problem] = found.problems
    assert problem.path == str(path) and reason in problem.message
