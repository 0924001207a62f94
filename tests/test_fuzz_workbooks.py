"""Fuzzing `import` with returned workbooks (issue 24), in the hunt of tests/test_fuzz.py (its
`fuzz` bounds, counted with the rest; HCMLC_FUZZ_SCALE=10 for a longer, random hunt).

Each case takes so-gddt's workbook as issued and signed, with one value typed in it, and does
what a hostile ward or agency would: tamper with the hidden sheet (another agency, cycle,
language, version, record, seal; any text), put formulas or formula-like texts in its cells, or
reshape its archive (parts that lie about their size, overlap, repeat, are cut or corrupted).
Whatever it does: a located answer, exit 0 or 1 (never 3), within seconds, and no file written
but so-gddt's own; a tampered hidden sheet writes nothing at all.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hcmlc.cli.app import app
from hcmlc.workbook.cells import normalise
from hcmlc.yamlfiles.reader import parse_yaml
from test_fuzz import CATALOG, PROJECT, RUNNER, fuzz

sys.path.insert(0, str(PROJECT / "tests/hostile"))
from hostile_workbooks import (
    HOSTILE,
    Parts,
    inflating_part,
    parts_of,
    raw_zip,
    sheet_part,
    zipped,
)

pytestmark = pytest.mark.usefixtures("frozen_heap")  # see tests/conftest.py
FOLDER = Path(tempfile.mkdtemp(prefix="hcmlc-fuzz-workbooks-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
ROOT = FOLDER / "repository"
KEY = {"HCMLC_KEY_FILE": str(FOLDER / "workbook.key")}
ISSUED = "submissions/2025/so-gddt.yaml"
RECORD = "imports/2025/so-gddt.json"  # the coordinator's record of the copies imported
for _folder in ("data", "templates", "submissions"):
    shutil.copytree(PROJECT / _folder, ROOT / _folder)
SECONDS = 10
"""Far above what a case takes (well under a second): only a hang reaches it."""


@functools.cache
def issued() -> Parts:
    """The parts of so-gddt's workbook as `hcmlc workbook` made it, then E4 (1.1.1.a's value)
    typed as 97.5, as the agency would send it back."""
    out = FOLDER / "issued.xlsx"
    result = RUNNER.invoke(
        app, ["workbook", "--root", str(ROOT), "--agency", "so-gddt", "--out", str(out)], env=KEY
    )
    assert result.exit_code == 0, result.output
    parts = parts_of(out.read_bytes())
    sheet = sheet_part(parts, "Chỉ số")
    xml, typed = re.subn(r'(<c r="E4"[^>]*>)<v>[^<]*</v>', r"\1<v>97.5</v>", parts[sheet].decode())
    assert typed == 1
    return {**parts, sheet: xml.encode()}


def snapshot() -> dict[str, bytes]:
    """The bytes of every file of the repository, by its path in it. A file whose identity,
    size and time of change are those it had when last read holds the bytes read then (a write
    in place changes its time, a replacement its inode): only the files written since are
    read again, not the whole repository twice in every case."""
    found = {}
    for folder, _dirs, files in os.walk(ROOT):
        for name in files:
            path = os.path.join(folder, name)
            status = os.stat(path)
            signature = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
            known = _READ.get(path)
            if known is None or known[0] != signature:
                known = _READ[path] = signature, Path(path).read_bytes()
            found[os.path.relpath(path, ROOT)] = known[1]
    return dict(sorted(found.items()))


_READ: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}
"""Each file's signature (inode, size, times of change) when `snapshot` last read it, and its
bytes then."""


def imported(data: bytes) -> tuple[int, str, set[str], str]:
    """`import` of `data` (exit code, output, the files it changed, so-gddt's file as it was
    written), the repository restored."""
    before = snapshot()
    path = FOLDER / "returned.xlsx"
    path.write_bytes(data)
    start = time.perf_counter()
    result = RUNNER.invoke(app, ["import", "--root", str(ROOT), str(path)], env=KEY)
    assert time.perf_counter() - start < SECONDS
    assert result.exit_code in (0, 1), (result.output, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    after = snapshot()
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed <= {ISSUED, RECORD}, changed
    if after[ISSUED] != before[ISSUED]:
        (ROOT / ISSUED).write_bytes(before[ISSUED])
    return result.exit_code, result.output, changed, after[ISSUED].decode("utf-8-sig")


def test_the_issued_workbook_itself_is_imported() -> None:
    code, output, changed, _ = imported(zipped(issued()))
    assert (code, changed) == (0, {ISSUED, RECORD}), output


# --- the hidden sheet ------------------------------------------------------------------------

TAMPERED_TEXT = st.one_of(
    st.sampled_from(sorted(CATALOG.agencies)),
    st.sampled_from(sorted(CATALOG.cycles)),
    st.sampled_from(["vi", "en", "²", "3", "1", "0", "seal", "issue", "record", "data", "{}"]),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
)


@fuzz(40)
@given(st.integers(1, 40), st.integers(1, 10), TAMPERED_TEXT)
def test_a_tampered_hidden_sheet_writes_nothing(row: int, column: int, text: str) -> None:
    parts = issued()
    name = sheet_part(parts, "hcmlc")
    xml = parts[name].decode()
    rows = re.findall(r'<row r="(\d+)"', xml)
    row = int(rows[(row - 1) % len(rows)])
    ref = f"{'ABCDEFGHIJ'[column - 1]}{row}"
    old = re.search(rf'<c r="{ref}"[^>]*>.*?</c>|<c r="{ref}"[^>]*/>', xml)
    if old and f"<t>{escape(text)}</t>" in old.group(0):
        return  # the same text: no tampering
    cell = f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
    if old:
        xml = xml.replace(old.group(0), cell)
    else:
        xml = re.sub(
            rf'(<row r="{row}"[^>]*>.*?)</row>',
            lambda m: m.group(1) + cell + "</row>",
            xml,
            count=1,
            flags=re.S,
        )
    code, output, changed, _ = imported(zipped({**parts, name: xml.encode()}))
    assert (code, changed) == (1, set()), output


# --- formulas --------------------------------------------------------------------------------

FORMULAS = st.one_of(
    st.sampled_from(
        ["1+1", 'HYPERLINK("http://evil.example/","Báo cáo")', "A1", "NOW()", "1/0", "SUM(E4:E9)"]
    ),
    st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), min_size=1, max_size=30),
)
PRINTABLE = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=20)
LOOKS_LIKE = st.tuples(
    st.sampled_from("=+-@"),
    st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=20),
)
COLUMNS = {"E": "value", "F": "year", "G": "source", "H": "evidence", "I": "note"}


@fuzz(40)
@given(st.sampled_from(sorted(COLUMNS)), st.booleans(), FORMULAS, LOOKS_LIKE, PRINTABLE)
def test_formulas_never_cross_and_formula_like_texts_stay_texts(
    column: str, formula: bool, text: str, typed: tuple[str, str], cached: str
) -> None:
    parts = issued()
    name = sheet_part(parts, "Chỉ số")
    ref = f"{column}5"
    if formula:
        cell = f'<c r="{ref}" t="str"><f>{escape(text)}</f><v>{escape(cached)}</v></c>'
    else:
        cell = f'<c r="{ref}" t="inlineStr"><is><t>{escape("".join(typed))}</t></is></c>'
    xml = re.sub(
        rf'<c r="{ref}"[^>]*>.*?</c>|<c r="{ref}"[^>]*/>',
        lambda _: cell,
        parts[name].decode(),
        count=1,
    )
    code, output, changed, written = imported(zipped({**parts, name: xml.encode()}))
    field = COLUMNS[column]
    if formula and field in ("source", "evidence", "note"):
        assert code == 1 and f"Chỉ số!{ref}: error: the cell holds the formula" in output, output
        assert not changed
    if not formula and field == "note" and code == 0:
        item = re.search(r'<c r="A5"[^>]*><is><t>([^<]*)</t>', parts[name].decode())
        assert item is not None
        entry = parse_yaml(written, ISSUED).data["indicators"][item.group(1)]
        assert entry.get("note", "") == normalise("".join(typed)), written


# --- archive shapes --------------------------------------------------------------------------


@st.composite
def archives(draw: st.DrawFn) -> bytes:
    parts = issued()
    made = zipped(parts)
    names = sorted(parts)
    shape = draw(st.sampled_from(["hostile", "sizes", "overlap", "twice", "cut", "flips"]))
    if shape == "hostile":
        case = draw(st.sampled_from(sorted(HOSTILE)))
        if HOSTILE[case] is inflating_part:
            return inflating_part(made, draw(st.integers(1, 16)) << 20)
        return HOSTILE[case](made)
    entries = [(n, *_deflate(parts[n])) for n in names]
    if shape == "sizes":
        index = draw(st.integers(0, len(entries) - 1))
        name, blob, size, crc = entries[index]
        entries[index] = (name, blob, draw(st.integers(0, 2 * size + 10)), crc)
        return raw_zip(entries)
    if shape == "overlap":
        first, second = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        return raw_zip(entries, {first: second})
    if shape == "twice":
        again = entries[draw(st.integers(0, len(entries) - 1))]
        return raw_zip([*entries, again])
    blob = bytearray(made)
    if shape == "cut":
        return bytes(blob[: draw(st.integers(0, len(blob)))])
    for _ in range(draw(st.integers(1, 8))):
        blob[draw(st.integers(0, len(blob) - 1))] = draw(st.integers(0, 255))
    return bytes(blob)


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)


@fuzz(40)
@given(archives())
def test_archive_shapes_are_located_problems(data: bytes) -> None:
    imported(data)
