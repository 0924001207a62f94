"""A diagnostic's location: a line and column of a text file, or a cell of a workbook's sheet."""

from __future__ import annotations

import io
import json

from rich.console import Console

from hcmlc.diagnostics import Diagnostic, cell_reference, column_letters
from hcmlc.render.diagnostics import render_json, render_text
from hcmlc.render.github import annotation, step_summary

YAML = Diagnostic(
    "submissions/2023/so-gddt.yaml", 5, 12, "HCMLC-E022", "`80%` is not a number", "write 80"
)
CELL = Diagnostic(
    "so-gddt.xlsx", 12, 5, "HCMLC-E022", "`80%` is not a number", "write 80", sheet="Chỉ số"
)


def _console() -> Console:
    return Console(file=io.StringIO(), color_system=None, width=200)


def test_column_letters_count_like_a_spreadsheet() -> None:
    assert [column_letters(n) for n in (1, 5, 26, 27, 52, 702, 703)] == [
        "A",
        "E",
        "Z",
        "AA",
        "AZ",
        "ZZ",
        "AAA",
    ]
    assert cell_reference(12, 5) == "E12"


def test_a_yaml_position_keeps_its_json_keys_and_values() -> None:
    assert YAML.place == "5:12"
    assert YAML.cell is None
    assert YAML.as_dict() == {
        "path": "submissions/2023/so-gddt.yaml",
        "line": 5,
        "column": 12,
        "severity": "error",
        "code": "HCMLC-E022",
        "rule": "value-unit",
        "message": "`80%` is not a number",
        "hint": "write 80",
        "help": "codes/HCMLC-E022/",
    }


def test_a_cell_is_a_sheet_and_a_reference_with_its_row_and_column() -> None:
    assert CELL.place == "Chỉ số!E12"
    assert CELL.as_dict() == {
        "path": "so-gddt.xlsx",
        "line": 12,
        "column": 5,
        "sheet": "Chỉ số",
        "cell": "E12",
        "severity": "error",
        "code": "HCMLC-E022",
        "rule": "value-unit",
        "message": "`80%` is not a number",
        "hint": "write 80",
        "help": "codes/HCMLC-E022/",
    }


def test_text_output_names_the_cell() -> None:
    console = _console()
    render_text(console, [YAML, CELL], 2)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines[0] == (
        "submissions/2023/so-gddt.yaml:5:12: error: `80%` is not a number [HCMLC-E022]"
    )
    assert lines[2] == "so-gddt.xlsx:Chỉ số!E12: error: `80%` is not a number [HCMLC-E022]"


def test_json_output_holds_both_kinds() -> None:
    console = _console()
    render_json(console, [YAML, CELL], 2)
    problems = json.loads(console.file.getvalue())["problems"]  # type: ignore[attr-defined]
    assert [p.get("cell") for p in problems] == [None, "E12"]
    assert "sheet" not in problems[0]


def test_github_annotates_a_workbook_on_the_file_naming_the_cell() -> None:
    assert annotation(YAML).startswith(
        "::error file=submissions/2023/so-gddt.yaml,line=5,col=12,title=HCMLC-E022 value-unit::"
    )
    assert annotation(CELL) == (
        "::error file=so-gddt.xlsx,title=HCMLC-E022 value-unit::"
        "Chỉ số!E12: `80%25` is not a number [HCMLC-E022]%0Ahint: write 80"
    )


def test_the_step_summary_shows_a_line_or_a_cell() -> None:
    summary = step_summary([YAML, CELL], 2, None)
    assert "| `submissions/2023/so-gddt.yaml` | 5 | error |" in summary
    assert "| `so-gddt.xlsx` | `Chỉ số!E12` | error |" in summary


def test_problems_sort_by_file_then_sheet_then_place() -> None:
    other = Diagnostic("so-gddt.xlsx", 3, 1, "HCMLC-E071", "x", sheet="Câu trả lời")
    first = Diagnostic("so-gddt.xlsx", 1, 1, "HCMLC-E070", "x")
    ordered = sorted([CELL, other, first], key=Diagnostic.sort_key)
    assert ordered == [first, CELL, other]  # "Chỉ số" sorts before "Câu trả lời"
