"""Reading a returned workbook is bounded by its size, not by trust (issue 24): each hostile
workbook of hostile_workbooks.py is answered within 2 s, with a located message, capped, and
nothing written (bench/hostile_workbooks.py measures their time and memory)."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from hostile_workbooks import HOSTILE, inflating_part, parts_of, sheet_part

from hcmlc.workbook import formats

FILE = "submissions/2025/so-gddt.yaml"
DAMAGED = "x.xlsx:1:1: error: the workbook is damaged: "


@pytest.fixture
def made(hcmlc, bundled, tmp_path) -> bytes:
    out = tmp_path / "made.xlsx"
    code, output, errors = hcmlc(
        "workbook", "--root", str(bundled), "--agency", "so-gddt", "--out", str(out)
    )
    assert code == 0, output + errors
    return out.read_bytes()


def imported(hcmlc, root: Path, path: Path) -> tuple[int, list[str], float]:
    before = (root / FILE).read_bytes()
    # The cycles earlier tests left are not this import's work: a full collection of them (up
    # to 1.6 s in a run of the whole suite) would otherwise fall inside the measure, and
    # collecting them first costs as much (0.5 s a test). So the collector waits meanwhile;
    # bench/hostile_workbooks.py measures each import in a process of its own, collector on.
    gc.disable()
    try:
        start = time.process_time()  # the work done, whatever else the machine runs meanwhile
        code, output, errors = hcmlc("import", "--root", str(root), path.name)
        seconds = time.process_time() - start
    finally:
        gc.enable()
    assert errors == ""
    assert (root / FILE).read_bytes() == before
    return code, output.splitlines(), seconds


EXPECTED = {
    "a cell at ZZZ10000 in the hidden sheet": [
        "x.xlsx:hcmlc!ZZZ10000: error: the hidden sheet `hcmlc` is damaged: ZZZ10000 holds a "
        "value where hcmlc writes none [HCMLC-E073]"
    ],
    "overlapping zip entries": [
        DAMAGED + "the part xl/styles.xml overlaps the next one [HCMLC-E070]"
    ],
    "a DOCTYPE in a part not named .xml": [
        "x.xlsx:1:1: error: the part xl/worksheets/{hidden}.bin of the workbook declares a DTD "
        "or entities [HCMLC-E070]"
    ],
    "² as the hidden sheet's version": [
        "x.xlsx:hcmlc!A1: error: the hidden sheet `hcmlc` is damaged: row 1 is not "
        "`hcmlc-workbook` and a version [HCMLC-E073]"
    ],
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_each_hostile_workbook_is_answered_quickly_located_and_capped(
    hcmlc, bundled, made, tmp_path, case, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "x.xlsx"
    hostile = HOSTILE[case]
    path.write_bytes(inflating_part(made, 64 << 20) if hostile is inflating_part else hostile(made))
    code, lines, seconds = imported(hcmlc, bundled, path)
    assert seconds < 2, (case, seconds)
    errors = [line for line in lines if ": error: " in line]
    if case in EXPECTED:
        hidden = Path(sheet_part(parts_of(made), "hcmlc")).stem
        assert (code, errors) == (1, [e.replace("{hidden}", hidden) for e in EXPECTED[case]])
    elif case == "a part declaring 100 bytes inflating to 1 GiB":
        assert code == 1 and len(errors) == 1 and errors[0].startswith(DAMAGED), lines
    elif case == "a number format of 40,000 [":
        # read as General, every cell: then column Z, which the workbook was issued without,
        # is refused by the layout guard (its numbers are not taken for any field)
        assert code == 1 and len(errors) == 1, lines
        assert "x.xlsx:Chỉ số!Z3: error: column Z" in errors[0], errors
    else:  # 4,000 bad rows, 50,000 merged ranges: the first 100, then one line for the rest
        assert code == 1
        assert len(errors) == 101, (case, len(errors))
        assert errors[-1].endswith(
            "error: more than 100 problems in this file: the rest are not listed [HCMLC-E053]"
        )
        assert lines[-2] == "    hint: fix these first, then import the workbook again"


def test_number_formats_are_matched_in_linear_time() -> None:
    formats.is_date_format.cache_clear()
    for code in ("[" * 40_000, '"' * 40_001, "[h" * 20_000, "[a]" * 13_000):
        start = time.perf_counter()
        assert not formats.is_percent_format(code)
        formats.is_date_format(code)
        assert time.perf_counter() - start < 0.2, code[:10]
    assert formats.is_date_format("[h]:mm") and formats.is_date_format("[$-409]d-mmm-yy")
    assert not formats.is_date_format('[Red]0.00;"day"') and formats.is_percent_format("0.0%")
    assert not formats.is_percent_format('0.0" %"') and not formats.is_date_format("[[[d]0")


def _in_central_directory(data: bytes, offset: int, value: bytes) -> bytes:
    """`data` with `value` at `offset` in the first entry of the zip's central directory."""
    at = data.index(b"PK\x01\x02") + offset
    return data[:at] + value + data[at + len(value) :]


UNSUPPORTED = {
    "a zip version later than Python reads": (
        lambda data: _in_central_directory(data, 6, b"\x40\x00"),  # version needed: 6.4
        DAMAGED + "zip file version 6.4",
    ),
    "a compression method Python lacks": (
        lambda data: _in_central_directory(data, 10, b"\x63\x00"),  # method 99 (AES)
        "x.xlsx:1:1: error: the workbook is packed with a compression method Excel does not use",
    ),
}


@pytest.mark.parametrize("case", list(UNSUPPORTED))
def test_a_zip_python_cannot_read_is_damaged_not_a_crash(
    hcmlc, bundled, made, tmp_path, case, monkeypatch
) -> None:
    """Found by a random draw of tests/workbook/test_hostile_workbooks.py: one byte of the
    central directory changed, and zipfile raised NotImplementedError (exit 3)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "x.xlsx"
    edit, error = UNSUPPORTED[case]
    path.write_bytes(edit(made))
    code, lines, _seconds = imported(hcmlc, bundled, path)
    assert (code, [line for line in lines if ": error: " in line]) == (
        1,
        [f"{error} [HCMLC-E070]"],
    )
