"""A corrected copy of the same issued workbook, sent again: its cells changed since the last
import are applied; an older copy than the last imported one is refused; a conflict is only a
field someone else changed in the file since."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from workbook_files import Filled, make

from hcmlc.yamlfiles.reader import parse_yaml

FILE = "submissions/2023/so-gddt.yaml"
RECORD = "imports/2023/so-gddt.json"


@pytest.fixture(autouse=True)
def in_the_inbox(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HCMLC_TODAY", "2023-08-20")


@pytest.fixture
def issued(hcmlc, repo, tmp_path) -> Path:
    return make(hcmlc, repo.root, "so-gddt", tmp_path / "so-gddt.xlsx")


def copy(issued: Path, out: Path, saved: str, **cells: object) -> Path:
    """The agency's copy of the issued workbook with `cells` (column → value) of 1.1.1.a, as
    its spreadsheet saved it at `saved`."""
    book = Filled(issued)
    for column, value in cells.items():
        book.set("indicators", "1.1.1.a", column, value)
    book.save(out)
    with zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    core = parts["docProps/core.xml"].decode()
    core, found = re.subn(
        r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{saved}\2", core
    )
    assert found == 1, core
    parts["docProps/core.xml"] = core.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


def run(hcmlc, root: Path, path: Path) -> tuple[int, list[str]]:
    code, output, errors = hcmlc("import", "--root", str(root), path.name)
    assert errors == ""
    return code, [line.strip() for line in output.splitlines()]


def entry(root: Path) -> dict[str, str]:
    return dict(parse_yaml((root / FILE).read_text("utf-8"), FILE).data["indicators"]["1.1.1.a"])


def test_a_corrected_copy_applies_what_changed_since_the_last_import(
    hcmlc, repo, issued, tmp_path
) -> None:
    first = copy(issued, tmp_path / "first.xlsx", "2023-08-10T08:00:00Z", value=98.5, year=2022)
    assert run(hcmlc, repo.root, first)[0] == 0
    record = json.loads((repo.root / RECORD).read_text("utf-8"))
    (issue,) = record["issues"]
    assert record["issues"][issue] == {
        "saved": "2023-08-10T08:00:00Z",
        "imported": "2023-08-20",
        "file": "first.xlsx",
        "cells": [
            ["indicators", "1.1.1.a", "value", "98.5"],
            ["indicators", "1.1.1.a", "year", "2022"],
        ],
    }
    second = copy(
        issued,
        tmp_path / "second.xlsx",
        "2023-08-11T09:30:00Z",
        value=98.7,
        year=2022,
        note="Đã sửa",
    )
    code, lines = run(hcmlc, repo.root, second)
    assert code == 0, lines
    assert entry(repo.root) == {
        "value": "98.7",
        "unit": "percent",
        "year": "2022",
        "note": "Đã sửa",
    }
    code, lines = run(
        hcmlc,
        repo.root,
        copy(
            issued,
            tmp_path / "same.xlsx",
            "2023-08-12T00:00:00Z",
            value=98.7,
            year=2022,
            note="Đã sửa",
        ),
    )
    assert code == 0 and "nothing to import" in lines[0], lines


def test_an_older_copy_is_refused_saying_which_is_newer(hcmlc, repo, issued, tmp_path) -> None:
    first = copy(issued, tmp_path / "first.xlsx", "2023-08-10T08:00:00Z", value=98.5, year=2022)
    second = copy(issued, tmp_path / "second.xlsx", "2023-08-11T09:30:00Z", value=98.7, year=2022)
    assert run(hcmlc, repo.root, second)[0] == 0
    before = (repo.root / FILE).read_bytes()
    code, lines = run(hcmlc, repo.root, first)
    assert code == 1
    assert lines[1:3] == [
        "first.xlsx:Hướng dẫn!B4: error: this copy of the workbook was saved at 2023-08-10 "
        "08:00:00 UTC; a newer copy of it, saved at 2023-08-11 09:30:00 UTC, was imported on "
        "2023-08-20 (second.xlsx) [HCMLC-E073]",
        "hint: import the newest copy; if this one is the right one, save it again and send it",
    ]
    assert (repo.root / FILE).read_bytes() == before


def test_a_conflict_is_only_a_field_someone_else_changed_since(
    hcmlc, repo, issued, tmp_path
) -> None:
    first = copy(issued, tmp_path / "first.xlsx", "2023-08-10T08:00:00Z", value=98.5, year=2022)
    assert run(hcmlc, repo.root, first)[0] == 0
    path = repo.root / FILE
    path.write_text(path.read_text("utf-8").replace("value: 98.5", "value: 99"), "utf-8")
    note = copy(
        issued,
        tmp_path / "note.xlsx",
        "2023-08-11T00:00:00Z",
        value=98.5,
        year=2022,
        note="Nguồn mới",
    )
    code, lines = run(hcmlc, repo.root, note)
    assert code == 0, lines  # the value is as last imported: the file's correction stands
    assert entry(repo.root)["value"] == "99"
    assert entry(repo.root)["note"] == "Nguồn mới"
    clash = copy(
        issued,
        tmp_path / "clash.xlsx",
        "2023-08-12T00:00:00Z",
        value=98.6,
        year=2022,
        note="Nguồn mới",
    )
    code, lines = run(hcmlc, repo.root, clash)
    assert code == 1
    assert lines[1] == (
        "clash.xlsx:Chỉ số!E4: error: E4 (Giá trị) was “98.5” in the copy of this workbook "
        "imported last, the file now says “99”, and this copy says “98.6” [HCMLC-E074]"
    )


def test_a_damaged_record_is_refused_with_the_way_out(hcmlc, repo, issued, tmp_path) -> None:
    (repo.root / "imports/2023").mkdir(parents=True)
    (repo.root / RECORD).write_text('{"issues": [1, 2]}', "utf-8")
    path = copy(issued, tmp_path / "first.xlsx", "2023-08-10T08:00:00Z", value=98.5, year=2022)
    code, lines = run(hcmlc, repo.root, path)
    assert code == 1
    assert lines[1:3] == [
        f"{RECORD}:1:1: error: the record of imported workbooks is damaged: it is not a record "
        "hcmlc writes [HCMLC-E073]",
        "hint: restore it from git; or delete it, and a corrected copy is judged against the "
        "workbook as it was issued",
    ]
