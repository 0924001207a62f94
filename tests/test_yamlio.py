import codecs
import unicodedata
from pathlib import Path

from hcmlc.yamlfiles.reader import parse_yaml, read_yaml


def codes(doc) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in doc.problems]


def test_scalars_stay_text_for_the_models_to_type() -> None:
    doc = parse_yaml("a: no\nb: 08\nc: 1.10\nd: 2023-08-31\ne:\nf: ''\n", "x.yaml")
    assert doc.data == {"a": "no", "b": "08", "c": "1.10", "d": "2023-08-31", "e": None, "f": ""}
    assert doc.problems == []


def test_duplicate_key_is_reported_where_it_repeats() -> None:
    doc = parse_yaml("indicators:\n  1.1.1.a:\n    value: 1\n  1.1.1.a:\n    value: 2\n", "x.yaml")
    [problem] = doc.problems
    assert (problem.line, problem.column, problem.code) == (4, 3, "HCMLC-E004")
    assert problem.message == "duplicate key `1.1.1.a`: it is already set on line 2"
    assert doc.data["indicators"]["1.1.1.a"] == {"value": "1"}


def test_syntax_error_is_located_with_a_hint_on_tabs() -> None:
    doc = parse_yaml("a: 1\n\tb: 2\n", "x.yaml")
    [problem] = doc.problems
    assert (problem.line, problem.code) == (2, "HCMLC-E001")
    assert problem.hint is not None and "tab" in problem.hint


def test_aliases_and_foreign_tags_are_refused() -> None:
    doc = parse_yaml("a: &x [1, 2]\nb: *x\nc: !!python/object:os.system ls\n", "x.yaml")
    assert codes(doc) == [(2, 1, "HCMLC-E005"), (3, 4, "HCMLC-E005")]


def test_empty_and_comment_only_files() -> None:
    for text in ("", "# nothing yet\n", "   \n"):
        assert codes(parse_yaml(text, "x.yaml")) == [(1, 1, "HCMLC-E003")]


def test_locate_walks_keys_and_indexes() -> None:
    doc = parse_yaml("x:\n  y:\n    - a: 1\n      b: 2\n", "x.yaml")
    assert doc.at(("x", "y", 0, "b")) == (4, 10)
    assert doc.at(("x", "y", 0, "b"), key=True) == (4, 7)
    assert doc.at(("x", "y", 0, "missing")) == (3, 7)  # the parent mapping


def test_windows_1258_file_is_named_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "so-gddt.yaml"
    path.write_bytes(
        "agency: so-gddt\nnote: Sở\n".encode("cp1258", errors="replace").replace(b"S", b"S\xd2")
    )
    doc = read_yaml(path, "submissions/2023/so-gddt.yaml")
    [problem] = doc.problems
    assert (problem.line, problem.code) == (2, "HCMLC-E002")
    assert "not valid UTF-8" in problem.message and "Windows-1258" in problem.message
    assert problem.hint is not None and "UTF-8" in problem.hint


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(codecs.BOM_UTF16_LE + "agency: so-gddt\n".encode("utf-16-le"))
    [problem] = read_yaml(path, "a.yaml").problems
    assert problem.code == "HCMLC-E002" and "UTF-16" in problem.message


def test_bom_is_accepted_and_nfd_becomes_nfc(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = unicodedata.normalize("NFD", "note: Học tập suốt đời\n")
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    doc = read_yaml(path, "a.yaml")
    assert doc.problems == []
    assert doc.data == {"note": "Học tập suốt đời"}
    assert unicodedata.is_normalized("NFC", doc.data["note"])
