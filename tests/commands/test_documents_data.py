"""data/documents.yaml and the focal points of data/assignments.yaml: the data of the official
documents, checked by `hcmlc validate`; missing or broken, a located message naming the key to
add, never an empty letterhead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hcmlc.documents.official import date_line, listed, shown_number

DOCUMENTS = "data/documents.yaml"


def edit(root: Path, relative: str, old: str, new: str) -> str:
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path.read_text("utf-8")


def line_of(text: str, fragment: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_missing_file_names_the_keys_to_write(hcmlc, bundled) -> None:
    (bundled / DOCUMENTS).unlink()
    assert hcmlc("validate", "--root", str(bundled))[0] == 0  # a city may issue no documents
    for command in (["report"], ["remind", "--as-of", "2025-12-20"]):
        code, out, err = hcmlc(*command, "--root", str(bundled))
        assert (code, out) == (1, "")
        assert err.startswith(
            "error: data/documents.yaml is missing: official documents take their letterhead "
            "from it\nhint: create it with `issuer:` (governing_body, name, place), `signer:` "
            "(position, name), `report:` and `reminder:` (symbol)"
        )


def test_a_missing_signer_is_located_and_named(hcmlc, bundled) -> None:
    path = bundled / DOCUMENTS
    text = path.read_text("utf-8")
    start, end = text.index("\nsigner:"), text.index("\n# The progress report")
    path.write_text(text[:start] + "\n" + text[end:], "utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert out.startswith(
        "data/documents.yaml:15:1: error: `signer` is missing [HCMLC-E010]\n"
        "    hint: add `signer:` at the top of the file\n"
    )
    code, out, err = hcmlc("report", "--root", str(bundled), "--out", str(bundled / "r.docx"))
    assert (code, out) == (1, "")
    assert err == (
        "error: data/documents.yaml:15:1: `signer` is missing\n"
        "hint: add `signer:` at the top of the file\n"
    )
    assert not (bundled / "r.docx").exists()


def test_a_missing_issuer_name_is_located_under_issuer(hcmlc, bundled) -> None:
    text = edit(
        bundled,
        DOCUMENTS,
        '  name:\n    vi: "Sở Giáo dục và Đào tạo"\n    en: "Department of Education and Training"\n',
        "",
    )
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert out.startswith(  # located at the `issuer` block, whose first line is its first key
        f"data/documents.yaml:{line_of(text, 'governing_body:')}:3: error: `name` is missing "
        "[HCMLC-E010]\n    hint: add `name:` under `issuer`\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('symbol: "BC-SGDĐT"', 'symbol: "BC - SGDĐT"', "`BC - SGDĐT` is not a document symbol"),
        (
            'email: "thanhphohoctap@example.org"',
            'email: "Sở GD&ĐT <thanhphohoctap@example.org>"',
            "is not an e-mail address: write it as name@domain",
        ),
        ('archive: "VT, GDTX"', "archive: ", "`archive` is empty"),
    ],
)
def test_wrong_values_are_located(hcmlc, bundled, old: str, new: str, message: str) -> None:
    text = edit(bundled, DOCUMENTS, old, new)
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert out.startswith(f"data/documents.yaml:{line_of(text, new.split(':')[0] + ':')}:")
    assert message in out


def test_an_invalid_focal_point_address_is_a_located_error(hcmlc, bundled) -> None:
    text = edit(
        bundled,
        "data/assignments.yaml",
        'email: "dau-moi.so-noi-vu@example.org"',
        'email: "dau-moi.so-noi-vu@example"',
    )
    line = line_of(text, 'email: "dau-moi.so-noi-vu@example"')
    column = text.splitlines()[line - 1].index('"dau-moi.so-noi-vu@example"') + 1
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert out.startswith(
        f"data/assignments.yaml:{line}:{column}: error: `dau-moi.so-noi-vu@example` is not an "
        "e-mail address: write it as name@domain, without a person's name or angle brackets "
        "[HCMLC-E012]"
    )


def test_a_focal_point_needs_its_address(hcmlc, bundled) -> None:
    edit(bundled, "data/assignments.yaml", ', email: "dau-moi.so-noi-vu@example.org"', "")
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert (
        "error: `email` is missing [HCMLC-E010]\n    hint: add `email:` under `focal_point`" in out
    )


def test_the_date_line_writes_days_and_months_as_the_decree_does() -> None:
    place = "Thành phố Hồ Chí Minh"
    assert date_line(place, dt.date(2020, 3, 5), 2020, "vi") == (
        "Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2020"
    )
    assert date_line(place, dt.date(2026, 2, 28), 2026, "vi").endswith("ngày 28 tháng 02 năm 2026")
    assert date_line(place, dt.date(2025, 12, 1), 2025, "vi").endswith("ngày 01 tháng 12 năm 2025")
    assert date_line(place, None, 2026, "vi") == "Thành phố Hồ Chí Minh, ngày … tháng … năm 2026"
    assert date_line("Ho Chi Minh City", dt.date(2026, 1, 5), 2026, "en") == (
        "Ho Chi Minh City, 5 January 2026"
    )


def test_numbers_and_lists_are_punctuated_as_the_decree_does() -> None:
    assert (shown_number("7"), shown_number("123"), shown_number(None)) == ("07", "123", "…")
    assert listed(["Như trên", "Sở Nội vụ;", "Lưu: VT, GDTX"]) == [
        "Như trên;",
        "Sở Nội vụ;",
        "Lưu: VT, GDTX.",
    ]
