"""The mailbox folder sorted out within bounds: a zip's member larger than a workbook may be is
refused before it is read, a link is not followed, copies are imported once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hcmlc.workbook.guard import MAX_BYTES
from hcmlc.workbook.inbox import gather


def test_a_zip_bomb_member_is_refused_unread(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with zipfile.ZipFile(inbox / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.xlsx", b"\0" * (MAX_BYTES + 1))
    assert (inbox / "bomb.zip").stat().st_size < 50_000
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    found = gather([inbox], scratch)
    [problem] = found.problems
    assert problem.path == f"{inbox / 'bomb.zip'}!big.xlsx" and problem.code == "HCMLC-E050"
    assert not found.arrivals and not list(scratch.iterdir())


def test_links_are_not_followed_and_copies_count_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (tmp_path / "secret.xlsx").write_bytes(b"PK elsewhere")
    (inbox / "link.xlsx").symlink_to(tmp_path / "secret.xlsx")
    (inbox / "a.xlsx").write_bytes(b"PK same")
    (inbox / "sub" / "b.xlsx").write_bytes(b"PK same")
    found = gather([inbox], tmp_path)
    assert [a.display for a in found.arrivals] == [str(inbox / "a.xlsx")]
    assert [(s.reason, s.original) for s in found.set_aside] == [
        ("link", None),
        ("duplicate", str(inbox / "a.xlsx")),
    ]


def test_a_damaged_zip_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    found = gather([tmp_path / "broken.zip"], tmp_path)
    [problem] = found.problems
    assert problem.code == "HCMLC-E070"
    assert problem.message.startswith("the zip is not opened: it is damaged: ")
