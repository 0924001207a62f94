"""A workbook is bound to whom it was issued: its hidden sheet is signed with the coordinator's
key, kept outside the repository, and `import` refuses a tampered or unsigned one, naming what
was changed, unless the coordinator names the agency with `--agency`."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from workbook_files import Filled, make

FILE = "submissions/2023/so-gddt.yaml"
TAMPERED_HINT = (
    "hint: import the workbook as it was made and returned; if you have checked who sent it, "
    "name the agency: `hcmlc import --agency ID FILE` writes it into that agency's file only"
)


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def hidden_row(book: Filled, kind: str) -> int:
    sheet = book.book["hcmlc"]
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == kind)


def filled(path: Path, out: Path, **hidden: str) -> Path:
    """`path` with a value typed (1.1.1.a: 98.9 in 2022), and hidden rows set as `hidden` says."""
    book = Filled(path)
    book.set("indicators", "1.1.1.a", "value", 98.9)
    book.set("indicators", "1.1.1.a", "year", 2022)
    for kind, value in hidden.items():
        book.book["hcmlc"].cell(hidden_row(book, kind), 2).value = value
    return book.save(out)


def run(hcmlc, root: Path, *args: str) -> tuple[int, list[str]]:
    code, output, errors = hcmlc("import", "--root", str(root), *args)
    assert errors == ""
    return code, output.splitlines()


def test_the_key_is_made_on_first_use_outside_the_repository_for_its_owner_only(
    hcmlc, repo, tmp_path, signing_key
) -> None:
    code, output, errors = hcmlc(
        "workbook", "--root", str(repo.root), "--agency", "so-gddt", "--cycle", "2023"
    )
    assert code == 0, output + errors
    assert errors.replace("\n", " ").startswith(
        f"Made the key that signs workbooks, {signing_key}: `import` needs it"
    )
    assert stat.S_IMODE(signing_key.stat().st_mode) == 0o600
    assert len(bytes.fromhex(signing_key.read_text())) == 32
    secret = signing_key.read_bytes()
    code, _, errors = hcmlc(
        "workbook", "--root", str(repo.root), "--agency", "so-gddt", "--cycle", "2023"
    )
    assert (code, errors, signing_key.read_bytes()) == (0, "", secret)


def test_a_key_inside_the_repository_is_refused(hcmlc, repo, monkeypatch) -> None:
    monkeypatch.setenv("HCMLC_KEY_FILE", str(repo.root / "workbook.key"))
    code, output, errors = hcmlc(
        "workbook", "--root", str(repo.root), "--agency", "so-gddt", "--cycle", "2023"
    )
    assert (code, output) == (2, "")
    assert errors.replace("\n", " ").startswith(
        f"error: the workbook signing key {repo.root / 'workbook.key'} is inside the repository"
    )
    assert not (repo.root / "workbook.key").exists()


def test_a_ward_cannot_write_into_another_agency_s_file(hcmlc, repo, tmp_path) -> None:
    made = make(hcmlc, repo.root, "so-y-te", tmp_path / "made.xlsx")
    book = Filled(made)
    book.book["hcmlc"].cell(hidden_row(book, "agency"), 2).value = "so-gddt"
    forged = book.save(tmp_path / "forged.xlsx")
    row = hidden_row(book, "agency")
    code, found = run(hcmlc, repo.root, "forged.xlsx")
    assert (code, found[1:3]) == (
        1,
        [
            f"forged.xlsx:hcmlc!B{row}: error: the agency in hcmlc!B{row} was changed from "
            "`so-y-te` to `so-gddt` [HCMLC-E073]",
            "    " + TAMPERED_HINT,
        ],
    )
    assert not (repo.root / FILE).exists()
    # named by the coordinator, the file can go only to that agency's submission
    code, found = run(hcmlc, repo.root, "--agency", "so-y-te", str(forged))
    assert code == 1
    assert "the workbook is for `so-gddt`, not `so-y-te` [HCMLC-E073]" in "\n".join(found)
    assert not list((repo.root / "submissions").rglob("*.yaml"))


def test_what_was_changed_is_named_and_unsigned_workbooks_are_refused(
    hcmlc, repo, tmp_path
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx")
    filled(made, tmp_path / "cycle.xlsx", cycle="2025")
    filled(made, tmp_path / "lang.xlsx", lang="en")
    filled(made, tmp_path / "data.xlsx", hcmlc="9.9.9")
    book = Filled(filled(made, tmp_path / "unsigned.xlsx"))
    book.book["hcmlc"].delete_rows(hidden_row(book, "seal"))
    book.save(tmp_path / "unsigned.xlsx")
    book = Filled(made)
    row = {kind: hidden_row(book, kind) for kind in ("cycle", "lang", "seal")}
    code, found = run(
        hcmlc, repo.root, "cycle.xlsx", "lang.xlsx", "data.xlsx", "unsigned.xlsx", "--check"
    )
    problems = [line for line in found if ": error: " in line and ":hcmlc!" in line]
    assert (code, problems[:2]) == (
        1,
        [
            f"cycle.xlsx:hcmlc!B{row['cycle']}: error: the cycle in hcmlc!B{row['cycle']} was "
            "changed from `2023` to `2025` [HCMLC-E073]",
            f"lang.xlsx:hcmlc!B{row['lang']}: error: the language in hcmlc!B{row['lang']} was "
            "changed from `vi` to `en` [HCMLC-E073]",
        ],
    )
    assert problems[2].startswith(f"data.xlsx:hcmlc!A{row['seal']}: error: the hidden sheet")
    assert problems[3] == (
        "unsigned.xlsx:hcmlc!A1: error: the workbook is not signed: it was made before hcmlc "
        "signed workbooks, or its signature in the hidden sheet was deleted [HCMLC-E073]"
    )
    assert len(problems) == 4
    assert not (repo.root / FILE).exists()


def test_the_data_row_changed_says_the_signature_does_not_match(
    hcmlc, repo, tmp_path, signing_key
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx")
    book = Filled(made)
    seal = hidden_row(book, "seal")
    filled(made, tmp_path / "data.xlsx", hcmlc="9.9.9")
    code, found = run(hcmlc, repo.root, "data.xlsx")
    assert (code, found[1:3]) == (
        1,
        [
            f"data.xlsx:hcmlc!A{seal}: error: the hidden sheet `hcmlc` was changed, or signed "
            f"with another key: its signature does not match the key {signing_key} [HCMLC-E073]",
            "    " + TAMPERED_HINT,
        ],
    )


def test_named_by_the_coordinator_a_tampered_workbook_goes_to_that_agency_only(
    hcmlc, repo, tmp_path
) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx")
    filled(made, tmp_path / "so-gddt.xlsx", hcmlc="9.9.9")
    code, found = run(hcmlc, repo.root, "--agency", "so-gddt", "so-gddt.xlsx")
    assert code == 0, found
    assert any(
        "warning: the hidden sheet `hcmlc` was changed" in line
        and "imported for `so-gddt` only, as --agency says [HCMLC-W076]" in line
        for line in found
    ), found
    assert "    value: 98.9\n" in (repo.root / FILE).read_text(encoding="utf-8")


def test_without_the_key_a_workbook_cannot_be_checked(
    hcmlc, repo, tmp_path, tmp_path_factory, signing_key, monkeypatch
) -> None:
    filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx"), tmp_path / "back.xlsx")
    elsewhere = tmp_path_factory.mktemp("other") / "elsewhere" / "workbook.key"
    monkeypatch.setenv("HCMLC_KEY_FILE", str(elsewhere))
    code, found = run(hcmlc, repo.root, "back.xlsx")
    assert code == 1
    assert found[1].endswith(
        "error: the workbook's signature cannot be checked: there is no signing key at "
        f"{elsewhere} [HCMLC-E073]"
    )
    assert not elsewhere.exists()  # import never makes a key
    elsewhere.parent.mkdir()
    elsewhere.write_text("00" * 32)  # another computer's key
    code, found = run(hcmlc, repo.root, "back.xlsx")
    assert code == 1
    assert "its signature does not match the key" in found[1]
    monkeypatch.setenv("HCMLC_KEY_FILE", str(signing_key))
    code, found = run(hcmlc, repo.root, "back.xlsx")
    assert code == 0, found
    assert "    value: 98.9\n" in (repo.root / FILE).read_text(encoding="utf-8")


def test_a_damaged_key_is_a_usage_error(hcmlc, repo, signing_key) -> None:
    signing_key.write_text("not a key")
    code, output, errors = hcmlc(
        "workbook", "--root", str(repo.root), "--agency", "so-gddt", "--cycle", "2023"
    )
    assert (code, output) == (2, "")
    assert errors.replace("\n", " ").startswith(
        f"error: cannot use the workbook signing key {signing_key}: it does not hold a key "
        "hcmlc made"
    )


def test_every_cell_of_the_seal_is_checked_whatever_it_holds(hcmlc, repo, tmp_path) -> None:
    made = make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx")
    row = hidden_row(Filled(made), "seal")
    for column, text in (("B", "²"), ("C", "0" * 64)):
        book = Filled(filled(made, tmp_path / "seal.xlsx"))
        book.book["hcmlc"][f"{column}{row}"] = text
        book.save(tmp_path / "seal.xlsx")
        code, found = run(hcmlc, repo.root, "seal.xlsx")
        assert code == 1  # never an internal error, whatever the seal holds
        expected = (
            f"seal.xlsx:hcmlc!A{row}: error: the hidden sheet `hcmlc` was changed"
            if column == "B"
            else f"seal.xlsx:hcmlc!C{row}: error: the signature in hcmlc!C{row} was changed "
            "[HCMLC-E073]"
        )
        assert found[1].startswith(expected), found
        assert not (repo.root / FILE).exists()


def test_a_workbook_of_format_1_goes_in_only_named_by_the_coordinator(
    hcmlc, repo, tmp_path
) -> None:
    """Made before workbooks were signed: no issue, no seal, no `Xoá` column."""
    book = Filled(
        filled(make(hcmlc, repo.root, "so-gddt", tmp_path / "made.xlsx"), tmp_path / "x.xlsx")
    )
    hidden = book.book["hcmlc"]
    hidden["B1"] = "1"
    for row in sorted((hidden_row(book, "issue"), hidden_row(book, "seal")), reverse=True):
        hidden.delete_rows(row)
    book.sheet("indicators")["K3"] = None
    book.save(tmp_path / "old.xlsx")
    code, found = run(hcmlc, repo.root, "old.xlsx")
    assert (code, found[1]) == (
        1,
        "old.xlsx:hcmlc!A1: error: the workbook is not signed: it was made before hcmlc signed "
        "workbooks, or its signature in the hidden sheet was deleted [HCMLC-E073]",
    )
    code, found = run(hcmlc, repo.root, "--agency", "so-gddt", "old.xlsx")
    assert code == 0, found
    assert found[-2].endswith("as --agency says [HCMLC-W076]")
    assert "    value: 98.9\n" in (repo.root / FILE).read_text(encoding="utf-8")
