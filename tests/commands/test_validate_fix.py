"""`hcmlc validate --fix`: the certain replacements the hints give are written, every other
byte is kept, and what a person must choose is left alone."""

from __future__ import annotations

import codecs
import json

import pytest

SO_GDDT = """\
# Sở Giáo dục và Đào tạo — a comment kept
agency: so-gddt
cycle: "2023"
submitted: 2023-08-29
indicators:
  1.1.1.a:
    value: 98.9  # as the report prints it
    unit: percent
    year: 2022
    source: 'Báo cáo tổng kết'
  2.2.3.a:
    value: 145
    unit: count
    year: 2022
answers:
  years-of-schooling:
    value: 10.9
    year: 2022
"""
PATH = "submissions/2023/so-gddt.yaml"


def fix(hcmlc, repo, text: str, *more: str) -> tuple[int, str, str]:
    """Run `validate --fix` on so-gddt's file holding `text`; (exit code, stdout, new text)."""
    repo.write_bytes(PATH, text.encode("utf-8"))
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--fix", *more)
    return code, out, (repo.root / PATH).read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("good", "broken", "fixed", "place", "shown"),
    [
        ("value: 98.9", "value: 98,9", "value: 98.9", "7:12", '"98,9" → "98.9"'),
        ("value: 98.9", "value: 98.9%", "value: 98.9", "7:12", '"98.9%" → "98.9"'),
        ("value: 98.9", 'value: "98,9 %"', 'value: "98.9"', "7:12", '"98,9 %" → "98.9"'),
        ("value: 145", "value: 1.500", "value: 1500", "12:12", '"1.500" → "1500"'),
        ("value: 145", "value: 1,234,567", "value: 1234567", "12:12", '"1,234,567" → "1234567"'),
        ("value: 145", "value: 12\u00a0000", "value: 12000", "12:12", '"12\\u00a0000" → "12000"'),
        ("value: 145", "value: 145\u200b", "value: 145", "12:12", '"145\\u200b" → "145"'),
        ("value: 145", "value: “145”", "value: 145", "12:12", '"“145”" → "145"'),
        ("value: 145", "value: １４５", "value: 145", "12:12", '"１４５" → "145"'),
        ("value: 10.9\n", "value: 10,9\n", "value: 10.9\n", "17:12", '"10,9" → "10.9"'),
        ("year: 2022\n    source", "year: 2022.0\n    source", None, "9:11", '"2022.0" → "2022"'),
        (
            "submitted: 2023-08-29",
            "submitted: 29/8/2023",
            None,
            "4:12",
            '"29/8/2023" → "2023-08-29"',
        ),
        ('cycle: "2023"', "cycle: “2023”", "cycle: 2023", "3:8", '"“2023”" → "2023"'),
        ("agency: so-gddt", "agency: so-gddt\u200b", None, "2:9", '"so-gddt\\u200b" → "so-gddt"'),
        ("agency: so-gddt", "agency: So-GDDT", None, "2:9", '"So-GDDT" → "so-gddt"'),
        ("    unit: percent", "\u00a0   unit: percent", None, "8:1", '"\\u00a0" → " "'),
        ("    unit: percent", "\u200b    unit: percent", None, "8:1", '"\\u200b" → ""'),
        ("    unit: percent", "\tunit: percent", None, "8:1", '"\\u0009" → "    "'),
    ],
)
def test_each_certain_replacement_is_written_and_shown(
    hcmlc, repo, good: str, broken: str, fixed: str | None, place: str, shown: str
) -> None:
    code, out, text = fix(hcmlc, repo, SO_GDDT.replace(good, broken, 1))
    assert (code, text) == (0, SO_GDDT.replace(good, fixed or good, 1)), out
    assert out.splitlines() == [
        f"fixed {PATH}:{place}: {shown}",
        "No problems found in 6 files.",
    ]


def test_every_other_byte_is_kept(hcmlc, repo) -> None:
    """A byte-order mark, Windows line ends, comments, quotes and NFD letters stay as written."""
    text = SO_GDDT.replace("value: 98.9", "value: '98,9'").replace("value: 145", "value: 1.500")
    nfd = text.replace("Báo cáo", "Ba\u0301o ca\u0301o")
    raw = codecs.BOM_UTF8 + nfd.replace("\n", "\r\n").encode("utf-8")
    repo.write_bytes(PATH, raw)
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--fix")
    assert code == 0, out
    expected = raw.replace(b"'98,9'", b"'98.9'").replace(b"value: 1.500", b"value: 1500")
    assert (repo.root / PATH).read_bytes() == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value: 145", "value: 12.000"),  # 12000 or 12: the writer's to say
        ("value: 145", "value: khoảng 145"),  # "about" would be lost
        ("value: 145", "value: 145 trung tâm"),
        ("year: 2022\n    source", "year: 2021-2022\n    source"),  # which year of the span?
        ("submitted: 2023-08-29", "submitted: 31/2/2023"),  # no such day
        ("value: 98.9", "value: 101"),
    ],
)
def test_what_a_person_must_choose_is_never_fixed(hcmlc, repo, old: str, new: str) -> None:
    written = SO_GDDT.replace(old, new, 1)
    code, out, text = fix(hcmlc, repo, written)
    assert (code, text) == (1, written)
    assert "fixed" not in out


def test_a_syntax_fix_reveals_the_values_below_it_which_are_fixed_in_turn(hcmlc, repo) -> None:
    written = SO_GDDT.replace("    unit: percent", "\u00a0   unit: percent").replace(
        "value: 145", "value: 1.500"
    )
    code, out, text = fix(hcmlc, repo, written)
    assert (code, text) == (0, SO_GDDT.replace("value: 145", "value: 1500"))
    assert out.splitlines()[:2] == [
        f'fixed {PATH}:8:1: "\\u00a0" → " "',
        f'fixed {PATH}:12:12: "1.500" → "1500"',
    ]


def test_what_remains_is_reported_and_fails(hcmlc, repo) -> None:
    written = SO_GDDT.replace("value: 98.9", "value: 98,9").replace("value: 145", "value: 12.000")
    code, out, text = fix(hcmlc, repo, written)
    assert code == 1
    assert text == SO_GDDT.replace("value: 145", "value: 12.000")
    assert out.splitlines()[0] == f'fixed {PATH}:7:12: "98,9" → "98.9"'
    assert "`12.000` can be read two ways" in out


def test_with_json_the_changes_go_to_stderr(hcmlc, repo) -> None:
    repo.write(PATH, SO_GDDT.replace("value: 98.9", "value: 98,9"))
    code, out, err = hcmlc("validate", "--root", str(repo.root), "--fix", "--format", "json")
    assert (code, json.loads(out)["problems"]) == (0, [])
    assert err.splitlines() == [f'fixed {PATH}:7:12: "98,9" → "98.9"']


def test_without_fix_nothing_is_written(hcmlc, repo) -> None:
    written = SO_GDDT.replace("value: 98.9", "value: 98,9")
    repo.write(PATH, written)
    code, _out, _err = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    assert (repo.root / PATH).read_text(encoding="utf-8") == written
