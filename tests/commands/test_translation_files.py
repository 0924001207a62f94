"""`hcmlc translation export|import`: XLIFF 1.2 read and written by translate-toolkit, the
translator's workbook, the verifier's pass, and the English stale everywhere after an edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_fill_form import fill, highlighted_runs
from translate.storage import xliff

VERIFIER = "@hcmc-learning-city/so-ngoai-vu"
XLIFF_NS = "{urn:oasis:names:tc:xliff:document:1.2}"
SO_GDDT = """
agency: so-gddt
cycle: "2023"
answers:
  slogan:
    # Chosen at the meeting of 12 May.
    vi: Học tập suốt đời cho mọi người
  goals:
    vi: Xây dựng xã hội học tập
"""
ENGLISH = {
    "so-gddt/slogan": "Lifelong learning for all",
    "so-gddt/goals": "Build a learning society",
}


@pytest.fixture(autouse=True)
def replayed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2023-07-01")


@pytest.fixture
def answered(repo):
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    return repo


def export(hcmlc, root: Path, name: str, *args: str) -> Path:
    out = root / "out" / name
    code, output, err = hcmlc(
        "translation", "export", "--root", str(root), "--out", str(out), *args
    )
    assert (code, err) == (0, ""), output
    return out


def import_file(hcmlc, root: Path, path: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("translation", "import", str(path), "--root", str(root), *args)


def units(path: Path) -> dict[str, xliff.xliffunit]:
    store = xliff.xlifffile.parsefile(str(path))
    return {u.xmlelement.get("id"): u for u in store.units}


def translated_by_toolkit(path: Path, english: dict[str, str], state: str) -> Path:
    """What a translator's tool does: read the file, set the targets and their state, save."""
    store = xliff.xlifffile.parsefile(str(path))
    for unit in store.units:
        key = unit.xmlelement.get("id")
        if key in english:
            unit.target = english[key]
        target = unit.xmlelement.find(f"{XLIFF_NS}target")
        if target is not None:
            target.set("state", state)
    back = path.with_name(f"{path.stem}-{state}.xlf")
    back.write_bytes(bytes(store))
    return back


def english_states(hcmlc, root: Path) -> dict[str, str]:
    out = hcmlc("status", "--root", str(root), "--format", "json")[1]
    return {a["item"]: a["state"] for a in json.loads(out)["translations"]["answers"]}


def test_round_trip_then_an_edit_makes_the_english_stale_everywhere(hcmlc, answered) -> None:
    root = answered.root
    exported = export(hcmlc, root, "form.xlf")
    read = units(exported)
    assert {k: (u.source, u.target) for k, u in read.items()} == {
        "so-gddt/slogan": ("Học tập suốt đời cho mọi người", None),
        "so-gddt/goals": ("Xây dựng xã hội học tập", None),
    }
    assert read["so-gddt/slogan"].xmlelement.get("maxwidth") == "8"

    translated = translated_by_toolkit(exported, ENGLISH, "translated")
    code, out, err = import_file(hcmlc, root, translated)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{translated}: 2 English changed, 2 recorded as translated, 0 verified",
        "    changed: so-gddt/slogan, so-gddt/goals",
    ]
    text = (root / "submissions/2023/so-gddt.yaml").read_text(encoding="utf-8")
    assert (
        "    # Chosen at the meeting of 12 May.\n    vi: Học tập suốt đời cho mọi người\n" in text
    )
    assert "    en: Lifelong learning for all\n" in text
    assert english_states(hcmlc, root) == {"slogan": "translated", "goals": "translated"}
    code, _, err, _ = fill(hcmlc, root, "--lang", "en", "--final")
    assert code == 1 and "2 not verified as it stands" in err

    final = translated_by_toolkit(export(hcmlc, root, "verify.xlf"), {}, "final")
    assert import_file(hcmlc, root, final, "--by", VERIFIER)[0] == 0
    assert english_states(hcmlc, root) == {"slogan": "verified", "goals": "verified"}
    assert fill(hcmlc, root, "--lang", "en", "--final")[0] == 0

    path = root / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("mọi người", "mọi người dân"), "utf-8")
    assert english_states(hcmlc, root) == {"slogan": "verified-stale", "goals": "verified"}
    status = hcmlc("status", "--root", str(root))[1]
    assert "verified, then changed  slogan    so-gddt\n" in status
    _, _, _, form = fill(hcmlc, root, "--lang", "en")
    assert (
        "[English no longer verified: the text changed since it was verified "
        "(Department of Education and Training)]"
    ) in highlighted_runs(form)
    again = units(export(hcmlc, root, "again.xlf"))
    assert again["so-gddt/slogan"].xmlelement.find(f"{XLIFF_NS}target").get("state") == (
        "needs-review-translation"
    )
    sheet = load_workbook(export(hcmlc, root, "again.xlsx", "--format", "xlsx"))["Translation"]
    assert [c.value for c in sheet[2]] == [
        "so-gddt/slogan",
        "Học tập suốt đời cho mọi người dân",
        "Lifelong learning for all",
        "verified, then changed",
        None,
    ]
    assert fill(hcmlc, root, "--lang", "en", "--final")[0] == 1

    code, out, _ = import_file(hcmlc, root, final, "--by", VERIFIER)
    assert code == 1
    assert (
        f"{final}:5:1: error: the Vietnamese of `so-gddt/slogan` changed since the file was exported"
        in out
    )

    book_path = export(hcmlc, root, "retranslate.xlsx", "--format", "xlsx")
    book = load_workbook(book_path)
    book["Translation"]["C2"] = "Lifelong learning for every citizen"
    book["Translation"]["D2"] = "translated"
    book.save(book_path)
    assert import_file(hcmlc, root, book_path)[0] == 0
    assert english_states(hcmlc, root) == {"slogan": "translated", "goals": "verified"}
    book["Translation"]["D2"] = "verified"
    book.save(book_path)
    assert import_file(hcmlc, root, book_path, "--by", VERIFIER)[0] == 0
    assert english_states(hcmlc, root) == {"slogan": "verified", "goals": "verified"}
    assert fill(hcmlc, root, "--lang", "en", "--final")[0] == 0


def test_a_file_written_by_translate_toolkit_is_read(hcmlc, answered) -> None:
    store = xliff.xlifffile(sourcelanguage="vi", targetlanguage="en-GB")
    for key, vi in (("so-gddt/slogan", "Học tập suốt đời cho mọi người"),):
        unit = store.addsourceunit(vi)
        unit.setid(key)
        unit.target = ENGLISH[key]
    path = answered.root / "toolkit.xlf"
    path.write_bytes(bytes(store))
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 0
    assert out.splitlines()[0] == f"{path}: 1 English changed, 1 recorded as translated, 0 verified"
    assert "warning: the file lacks 1 answers of the cycle: so-gddt/goals [HCMLC-W108]" in out


def hostile(root: Path, body: str, *, language: str = "en", prolog: str = "") -> Path:
    path = root / "hostile.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{prolog}"
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
        f'<file original="f" datatype="plaintext" source-language="vi" target-language="{language}">\n'
        f"<body>\n{body}\n</body>\n</file>\n</xliff>\n",
        encoding="utf-8",
    )
    return path


SLOGAN = '<trans-unit id="so-gddt/slogan"><source>Học tập suốt đời cho mọi người</source>{target}</trans-unit>'


@pytest.mark.parametrize(
    ("prolog", "body", "expected"),
    [
        (
            '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n',
            SLOGAN.format(target="<target>&b;</target>"),
            "hostile.xlf:1:1: error: the file declares a DTD or entities, which hcmlc refuses [HCMLC-E105]",
        ),
        (
            "",
            '<trans-unit id="x"><source>a</source></trans-unit><external-file href="file:///etc/passwd"/>',
            "hostile.xlf:5:1: error: `<external-file>` refers to content outside the file, which hcmlc refuses [HCMLC-E105]",
        ),
        (
            "",
            SLOGAN.format(target='<target>Lifelong <g id="1">learning</g></target>'),
            "hostile.xlf:5:1: error: segment `so-gddt/slogan` holds inline markup (`<g>`): plain text only [HCMLC-E107]",
        ),
        (
            "",
            SLOGAN.format(target="<target>one two three four five six seven eight nine</target>"),
            "hostile.xlf:5:1: error: the English of `so-gddt/slogan` has 9 words, over its limit of 8 [HCMLC-E024]",
        ),
        (
            "",
            '<trans-unit id="so-gddt/slogn"><source>x</source><target>y</target></trans-unit>',
            "hostile.xlf:5:1: error: segment `so-gddt/slogn` is not an answer of this cycle [HCMLC-E107]",
        ),
        (
            "",
            SLOGAN.format(target="<target>Lifelong learning</target"),
            "hostile.xlf:5:113: error: the file is not well-formed XML: expected '>' [HCMLC-E105]",
        ),
    ],
)
def test_hostile_or_wrong_xliff_is_refused_located(hcmlc, answered, prolog, body, expected) -> None:
    path = hostile(answered.root, body, prolog=prolog)
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    lines = [line.replace(f"{answered.root}/", "") for line in out.splitlines()]
    assert lines[0] == "hostile.xlf: not imported; nothing written"
    assert expected in lines
    assert "en:" not in (answered.root / "submissions/2023/so-gddt.yaml").read_text(
        encoding="utf-8"
    )
    assert not (answered.root / "signoffs").exists()


def test_wrong_target_language(hcmlc, answered) -> None:
    path = hostile(answered.root, SLOGAN.format(target="<target>Lernen</target>"), language="de")
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    assert f"{path}:3:1: error: the file's target language is `de`, not English [HCMLC-E105]" in out


def test_a_huge_file_is_refused_unread(hcmlc, answered) -> None:
    path = hostile(answered.root, "<!--" + "x" * 5_000_001 + "-->")
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    assert f"{path}:1:1: error: the file is over 5,000,000 bytes [HCMLC-E105]" in out


def test_a_workbook_is_guarded_like_any_returned_workbook(hcmlc, answered) -> None:
    path = answered.root / "translation.xlsx"
    path.write_bytes(b"<html>not a workbook</html>")
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    assert out.splitlines()[1].startswith(f"{path}:1:1: error: ")
    assert out.splitlines()[1].endswith("[HCMLC-E070]")


def test_a_workbook_with_its_columns_changed(hcmlc, answered) -> None:
    path = export(hcmlc, answered.root, "t.xlsx", "--format", "xlsx")
    book = load_workbook(path)
    book["Translation"]["C1"] = "Tiếng Anh"
    book.save(path)
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    assert (
        f"{path}:1:1: error: the workbook has no sheet `Translation` with the columns "
        "Answer | Vietnamese | English | State | Comment [HCMLC-E071]"
    ) in out


def test_an_english_cell_over_the_limit_is_located_at_its_cell(hcmlc, answered) -> None:
    path = export(hcmlc, answered.root, "t.xlsx", "--format", "xlsx")
    book = load_workbook(path)
    book["Translation"]["C2"] = "one two three four five six seven eight nine"
    book.save(path)
    code, out, _ = import_file(hcmlc, answered.root, path)
    assert code == 1
    assert (
        f"{path}:Translation!C2: error: the English of `so-gddt/slogan` has 9 words, over its "
        "limit of 8 [HCMLC-E024]"
    ) in out


def test_english_left_as_exported_beside_a_changed_vietnamese_is_not_recorded(
    hcmlc, answered
) -> None:
    root = answered.root
    translated = translated_by_toolkit(export(hcmlc, root, "form.xlf"), ENGLISH, "translated")
    assert import_file(hcmlc, root, translated)[0] == 0
    path = root / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("mọi người", "mọi người dân"), "utf-8")
    assert english_states(hcmlc, root) == {"slogan": "stale", "goals": "translated"}
    again = export(hcmlc, root, "again.xlf")
    assert units(again)["so-gddt/slogan"].xmlelement.find(f"{XLIFF_NS}target").get("state") == (
        "needs-translation"
    )
    code, out, _ = import_file(hcmlc, root, again)
    assert (code, out.splitlines()[0]) == (
        0,
        f"{again}: 0 English changed, 0 recorded as translated, 0 verified",
    )
    assert english_states(hcmlc, root)["slogan"] == "stale"
    confirmed = translated_by_toolkit(again, {}, "translated")
    assert import_file(hcmlc, root, confirmed)[0] == 0
    assert english_states(hcmlc, root)["slogan"] == "translated"
