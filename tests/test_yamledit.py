"""Editing a submission file to hold new data: only the lines that must change change."""

from __future__ import annotations

import copy
import difflib
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcmlc.workbook.cells import normalise
from hcmlc.yamlfiles.edit import EditFailed, edit
from hcmlc.yamlfiles.reader import parse_yaml
from hcmlc.yamlfiles.slips import NOT_TEXT

ORDER = {
    (): ["agency", "cycle", "prepared_by", "submitted", "indicators", "answers"],
    ("indicators",): ["1.1.1.a", "1.1.3.b", "2.1.1.a"],
    ("answers",): ["slogan", "context"],
}

FILE = textwrap.dedent(
    """\
    # Sở GD&ĐT — 2023. A comment the agency wrote.
    agency: so-gddt
    cycle: "2023"
    indicators:
      ## 1.1.1.a — literacy
      1.1.1.a:
        value: 98.9   # provisional
        unit: percent
        year: 2022

      ## 1.1.3.b — women in management
      # 1.1.3.b:
      #   value:
      #   unit: percent
      #   year:
      #   source:

      2.1.1.a: {value: có, year: 2022}
    answers:
      slogan:
        vi: Học tập suốt đời
    """
)


def order(loc: tuple[str | int, ...]) -> list[str]:
    return ORDER.get(loc, ["value", "unit", "year", "source", "evidence", "note", "vi", "en"])


def changed(before: str, after_data: dict) -> tuple[str, list[str]]:
    data = parse_yaml(before, "x.yaml").data
    text = edit(before, data, after_data, order, "x.yaml")
    assert parse_yaml(text, "x.yaml").data == after_data
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), text.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return text, diff


def data() -> dict:
    return copy.deepcopy(parse_yaml(FILE, "x.yaml").data)


def test_nothing_to_change_leaves_the_text_as_it_is() -> None:
    assert edit(FILE, data(), data(), order, "x.yaml") is FILE


def test_a_changed_value_is_replaced_where_it_stands_keeping_its_comment() -> None:
    after = data()
    after["indicators"]["1.1.1.a"]["value"] = "99.1"
    _, diff = changed(FILE, after)
    assert diff == ["-    value: 98.9   # provisional", "+    value: 99.1   # provisional"]


def test_a_new_entry_takes_the_place_of_its_commented_stub() -> None:
    after = data()
    after["indicators"]["1.1.3.b"] = {"value": "38.5", "unit": "percent", "year": "2022"}
    text, diff = changed(FILE, after)
    assert diff == [
        "-  # 1.1.3.b:",
        "-  #   value:",
        "-  #   unit: percent",
        "-  #   year:",
        "-  #   source:",
        "+  1.1.3.b:",
        "+    value: 38.5",
        "+    unit: percent",
        "+    year: 2022",
    ]
    assert "  ## 1.1.3.b — women in management\n  1.1.3.b:\n" in text


def test_a_new_field_goes_in_its_place_among_the_others() -> None:
    after = data()
    after["indicators"]["1.1.1.a"]["source"] = "Báo cáo năm 2022"
    after["indicators"]["1.1.1.a"]["evidence"] = "45/BC-UBND"
    text, diff = changed(FILE, after)
    assert diff == ["+    source: Báo cáo năm 2022", "+    evidence: 45/BC-UBND"]
    assert "    year: 2022\n    source: Báo cáo năm 2022\n    evidence: 45/BC-UBND\n" in text


def test_a_removed_entry_and_field_lose_their_lines_only() -> None:
    after = data()
    del after["indicators"]["1.1.1.a"]["unit"]
    del after["answers"]["slogan"]
    after["answers"] = None
    _, diff = changed(FILE, after)
    assert diff == ["-    unit: percent", "-  slogan:", "-    vi: Học tập suốt đời"]


def test_a_flow_mapping_is_rewritten_as_a_block() -> None:
    after = data()
    after["indicators"]["2.1.1.a"]["note"] = "đạt chuẩn"
    _, diff = changed(FILE, after)
    assert diff == [
        "-  2.1.1.a: {value: có, year: 2022}",
        "+  2.1.1.a:",
        "+    value: có",
        "+    year: 2022",
        "+    note: đạt chuẩn",
    ]


def test_a_multiline_text_becomes_a_literal_block_and_back() -> None:
    after = data()
    after["answers"]["slogan"]["vi"] = "Dòng một\n\nDòng hai: có dấu hai chấm"
    text, diff = changed(FILE, after)
    assert diff == [
        "-    vi: Học tập suốt đời",
        "+    vi: |-",
        "+      Dòng một",
        "+",
        "+      Dòng hai: có dấu hai chấm",
    ]
    again = parse_yaml(text, "x.yaml").data
    again["answers"]["slogan"]["vi"] = "Một dòng"
    _, diff = changed(text, again)
    assert diff == [
        "-    vi: |-",
        "-      Dòng một",
        "-",
        "-      Dòng hai: có dấu hai chấm",
        "+    vi: Một dòng",
    ]


def test_a_new_top_level_key_and_section_follow_the_order() -> None:
    after = data()
    after["prepared_by"] = "Phòng GDTX"
    del after["answers"]
    _, diff = changed(FILE, after)
    assert diff[0] == "+prepared_by: Phòng GDTX"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("yes", '"yes"'),  # YAML 1.1 readers would take it for true (issue 24)
        ("~", '"~"'),
        ("null", '"null"'),
        ("a: b", '"a: b"'),
        ("# not a comment", '"# not a comment"'),
        ("x #y", '"x #y"'),
        ("- item", '"- item"'),
        ("-5", "-5"),
        ("@team", '"@team"'),
        ("ends with:", '"ends with:"'),
        ('say "hi"', 'say "hi"'),
        ("'quoted'", "\"'quoted'\""),
        ("tab\there", '"tab\\there"'),
        ("line\u2028separator", '"line\\u2028separator"'),
    ],
)
def test_each_text_is_written_so_that_it_reads_back_the_same(value: str, written: str) -> None:
    after = data()
    after["indicators"]["1.1.1.a"]["note"] = value
    _, diff = changed(FILE, after)
    assert diff == [f"+    note: {written}"]


@pytest.mark.parametrize("value", ["bell\x07", "esc\x1b[2J", "\ufffe", "a\rb"])
def test_a_text_validate_would_refuse_is_not_written(value: str) -> None:
    after = data()
    after["indicators"]["1.1.1.a"]["note"] = value
    with pytest.raises(EditFailed) as refused:
        edit(FILE, parse_yaml(FILE, "x.yaml").data, after, order, "x.yaml")
    assert str(refused.value).startswith("`note` holds a control character or a non-character")


def test_windows_line_endings_are_kept() -> None:
    crlf = FILE.replace("\n", "\r\n")
    after = parse_yaml(crlf, "x.yaml").data
    after["indicators"]["1.1.1.a"]["source"] = "Báo cáo"
    text = edit(crlf, parse_yaml(crlf, "x.yaml").data, after, order, "x.yaml")
    assert "\n" not in text.replace("\r\n", "")
    assert "    year: 2022\r\n    source: Báo cáo\r\n" in text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_any_text_a_cell_can_give_is_written_exactly(text: str) -> None:
    value = normalise(text)
    if not value or NOT_TEXT.search(value):  # refused: test_a_text_validate_would_refuse…
        return
    after = data()
    after["answers"]["slogan"]["en"] = value
    after["indicators"]["1.1.1.a"]["value"] = value
    changed(FILE, after)
