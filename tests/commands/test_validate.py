"""`hcmlc validate` on bad input: every case names the file, line, column, problem and fix."""

from __future__ import annotations

import json

import pytest

GOOD = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
"""


def problems(hcmlc, repo, *paths: str) -> tuple[int, list[dict]]:
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json", *paths)
    return code, json.loads(out)["problems"]


def only(hcmlc, repo) -> dict:
    code, found = problems(hcmlc, repo)
    assert code == 1, found
    assert len(found) == 1, found
    return found[0]


def test_a_good_submission_passes(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD)
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 0
    assert out.strip() == "No problems found in 6 files."


def test_text_format_is_path_line_column_severity_message_hint(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("value: 99.1", "value: 80%"))
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    assert out.splitlines() == [
        "submissions/2023/so-gddt.yaml:5:12: error: indicator 1.1.1.a: `80%` is not a number [HCMLC-E022]",
        "    hint: write the number without the % sign: 80",
        "1 error, 0 warnings in 6 files checked",
    ]


def test_yaml_syntax_error(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("    year: 2022", "  year 2022"))
    p = only(hcmlc, repo)
    assert (p["path"], p["line"], p["column"], p["code"]) == (
        "submissions/2023/so-gddt.yaml",
        7,
        3,
        "HCMLC-E001",
    )  # where the mistake is, not where the parser notices it (line 8)
    assert p["message"] == (
        "`year 2022` has no colon: YAML expects `key: value` "
        "(YAML parser: could not find expected ':')"
    )
    assert p["hint"] == "write `year: 2022`"


def test_duplicate_key_keeps_no_figure_silently(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD + "  slogan:\n    vi: Một khẩu hiệu khác\n")
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (12, 3, "HCMLC-E004")
    assert p["message"] == "duplicate key `slogan`: it is already set on line 10"


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "message", "hint"),
    [
        (
            "  1.1.1.a:",
            "  1.1.1.x:",
            4,
            3,
            "unknown indicator `1.1.1.x`",
            "did you mean `1.1.1.a`?",
        ),
        (
            "agency: so-gddt",
            "agency: so-gdtd",
            1,
            9,
            "unknown agency `so-gdtd`",
            "did you mean `so-gddt`?",
        ),
        ("  slogan:", "  slogans:", 10, 3, "unknown question `slogans`", "did you mean `slogan`?"),
        ('cycle: "2023"', 'cycle: "2033"', 2, 8, "unknown cycle `2033`", "did you mean `2023`?"),
        ("    source:", "    sourc:", 8, 5, "unknown key `sourc`", "did you mean `source`?"),
    ],
)
def test_unknown_ids_and_keys_suggest_the_nearest(
    hcmlc, repo, old, new, line, column, message, hint
) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace(old, new))
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert {"line": line, "column": column, "message": message, "hint": hint}.items() <= found[
        0
    ].items()


def test_indicator_not_assigned_to_the_agency(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        GOOD.replace("1.1.1.a:", "1.2.1.a:").replace("unit: percent", "unit: usd"),
    )
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (4, 3, "HCMLC-E021")
    assert (
        p["message"]
        == "`so-gddt` is not assigned indicator 1.2.1.a; it is supplied by cuc-thong-ke"
    )


def test_answer_not_assigned_to_the_agency(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml", GOOD.replace("  slogan:", "  sustainability-health:")
    )
    p = only(hcmlc, repo)
    assert (p["line"], p["code"]) == (10, "HCMLC-E021")
    assert (
        p["message"]
        == "`so-gddt` is not assigned question `sustainability-health`; it is answered by so-y-te"
    )


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        (
            '"80%"',
            "indicator 1.1.1.a: `80%` is not a number",
            "write the number without the % sign: 80",
        ),
        (
            "98,5",
            "indicator 1.1.1.a: `98,5` is not a number",
            "use a dot as the decimal separator: 98.5",
        ),
        (
            "120",
            "indicator 1.1.1.a: 120 does not fit the unit `percent`: it must be at least 0 and at most 100",
            "check the figure and its unit",
        ),
        (
            "-3",
            "indicator 1.1.1.a: -3 does not fit the unit `percent`: it must be at least 0 and at most 100",
            "check the figure and its unit",
        ),
    ],
)
def test_value_that_does_not_fit_a_percent(hcmlc, repo, value, message, hint) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("value: 99.1", f"value: {value}"))
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"], p["message"], p["hint"]) == (
        5,
        12,
        "HCMLC-E022",
        message,
        hint,
    )


def test_negative_and_fractional_counts(hcmlc, repo) -> None:
    body = GOOD.replace("1.1.1.a:", "2.2.3.a:").replace("unit: percent", "unit: count")
    repo.write("submissions/2023/so-gddt.yaml", body.replace("value: 99.1", "value: -4"))
    assert only(hcmlc, repo)["message"] == (
        "indicator 2.2.3.a: -4 does not fit the unit `count`: it must be at least 0"
    )
    repo.write("submissions/2023/so-gddt.yaml", body.replace("value: 99.1", "value: 12.5"))
    assert only(hcmlc, repo)["message"] == (
        "indicator 2.2.3.a: 12.5 does not fit the unit `count`: it must be a whole number"
    )


def test_wrong_unit(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("unit: percent", "unit: count"))
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (6, 11, "HCMLC-E022")
    assert p["message"] == "indicator 1.1.1.a is measured in `unit: percent`, not `count`"


def test_qualitative_state(hcmlc, repo) -> None:
    body = GOOD.replace("1.1.1.a:", "3.1.2.a:").replace("    unit: percent\n", "")
    repo.write("submissions/2023/so-gddt.yaml", body.replace("value: 99.1", "value: có"))
    assert problems(hcmlc, repo) == (0, [])
    repo.write("submissions/2023/so-gddt.yaml", body.replace("value: 99.1", "value: maybe"))
    p = only(hcmlc, repo)
    assert p["message"] == "indicator 3.1.2.a: `maybe` is not a state of the scale `existence`"
    assert p["hint"] == "write one of `có` (yes), `không` (no)"


def test_year_outside_the_cycle(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("year: 2022", "year: 2015"))
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (7, 11, "HCMLC-E023")
    assert p["message"] == "year 2015 is outside cycle 2023, which covers 2019–2023"


def test_file_that_is_not_utf8(hcmlc, repo) -> None:
    repo.write_bytes(
        "submissions/2023/so-gddt.yaml",
        GOOD.lstrip().encode("utf-8").replace("Báo".encode(), b"B\xe1o"),
    )
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (8, 14, "HCMLC-E002")
    assert "Save As" in p["hint"] and "UTF-8" in p["hint"]


def test_empty_file(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", "# TODO\n")
    p = only(hcmlc, repo)
    assert (p["path"], p["line"], p["message"]) == (
        "submissions/2023/so-gddt.yaml",
        1,
        "the file is empty",
    )


def test_file_name_and_agency_disagree(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-y-te.yaml", GOOD)
    p = only(hcmlc, repo)
    assert (p["path"], p["line"], p["column"], p["code"]) == (
        "submissions/2023/so-y-te.yaml",
        1,
        9,
        "HCMLC-E026",
    )
    assert p["message"] == "the file is named `so-y-te.yaml` but says `agency: so-gddt`"
    assert p["hint"] == "rename the file to submissions/2023/so-gddt.yaml, or correct `agency:`"


def test_two_files_for_the_same_agency_and_cycle(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD)
    repo.write("submissions/2023/so-gddt.yml", GOOD)
    p = only(hcmlc, repo)
    assert (p["path"], p["line"], p["code"]) == ("submissions/2023/so-gddt.yml", 1, "HCMLC-E027")
    assert (
        p["message"]
        == "a second submission of `so-gddt` for cycle 2023: submissions/2023/so-gddt.yaml is the first"
    )


def test_word_limits(hcmlc, repo) -> None:
    long_slogan = "Học tập suốt đời cho mọi người dân thành phố"  # 10 words, limit 8
    repo.write(
        "submissions/2023/so-gddt.yaml",
        GOOD.replace("Học tập suốt đời cho mọi người", long_slogan)
        + "  intro-sentence:\n    vi: Thành phố Hồ Chí Minh là thành phố học tập.\n",
    )
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert [(p["line"], p["severity"], p["message"]) for p in found] == [
        (11, "error", "10 words, over the limit of 8"),
        (13, "warning", "10 words, under the minimum of 20"),
    ]


def test_warnings_alone_pass_unless_strict(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        GOOD + "  intro-sentence:\n    vi: Thành phố Hồ Chí Minh là thành phố học tập.\n",
    )
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    assert hcmlc("validate", "--root", str(repo.root), "--strict")[0] == 1


def test_all_problems_of_all_files_in_one_run(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("year: 2022", "year: 1999"))
    repo.write(
        "submissions/2023/cuc-thong-ke.yaml",
        "agency: cuc-thong-ke\ncycle: '2023'\nindicatorz: {}\n",
    )
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert [(p["path"], p["code"]) for p in found] == [
        ("submissions/2023/cuc-thong-ke.yaml", "HCMLC-E011"),
        ("submissions/2023/so-gddt.yaml", "HCMLC-E023"),
    ]


def test_paths_narrow_the_report(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace("year: 2022", "year: 1999"))
    repo.write("submissions/2023/cuc-thong-ke.yaml", "agency: cuc-thong-ke\ncycle: '2023'\n")
    code, found = problems(hcmlc, repo, str(repo.root / "submissions/2023/cuc-thong-ke.yaml"))
    assert (code, found) == (0, [])


def test_usage_errors_exit_2(hcmlc, repo, tmp_path) -> None:
    code, _, err = hcmlc("validate", "--root", str(repo.root), str(repo.root / "nope.yaml"))
    assert code == 2 and "no such file or folder" in err
    assert hcmlc("validate", "--format", "xml", "--root", str(repo.root))[0] == 2


def test_outside_a_repository_is_a_usage_error(hcmlc, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = hcmlc("validate")
    assert code == 2
    assert "no hcmlc repository" in err and "--root" in err


def test_broken_data_file_is_located(hcmlc, repo) -> None:
    path = repo.root / "data/assignments.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("current_cycle:", "current_cycel:", 1),
        encoding="utf-8",
    )
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert [(p["path"], p["code"], p["hint"]) for p in found] == [
        ("data/assignments.yaml", "HCMLC-E010", "add `current_cycle:` at the top of the file"),
        ("data/assignments.yaml", "HCMLC-E011", "did you mean `current_cycle`?"),
    ]


def test_submission_outside_a_cycle_folder(hcmlc, repo) -> None:
    repo.write("submissions/so-gddt.yaml", GOOD)
    p = only(hcmlc, repo)
    assert (p["path"], p["line"], p["code"]) == ("submissions/so-gddt.yaml", 1, "HCMLC-E028")
    assert p["hint"] == "move it to submissions/2023/so-gddt.yaml"


def test_indicator_entry_written_as_a_bare_number(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a: 98\n',
    )
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (4, 12, "HCMLC-E012")
    assert p["message"] == "`1.1.1.a` must be a mapping of `key: value` lines, not `98`"


@pytest.mark.parametrize(
    ("old", "new", "message", "hint"),
    [
        (
            "    year: 2022",
            "    year: 2022.5",
            "`year`: `2022.5` is not a year",
            "write the year with four digits, e.g. 2023",
        ),
        (
            "    source: Báo",
            "    illustrative: maybe\n    source: Báo",
            "`illustrative` must be true or false, not `maybe`",
            None,
        ),
        (
            "agency: so-gddt",
            "agency: Sở GDĐT",
            "`agency` is not a valid id: `Sở GDĐT`",
            "an id uses lower-case letters, digits, dots and hyphens, e.g. `so-gddt` or `1.1.1.a`",
        ),
        (
            "    vi: Học tập suốt đời cho mọi người",
            "    vi: [Học tập]",
            "`vi` must be a text, not a list",
            "write the text on one line, or as a `|` block",
        ),
    ],
)
def test_type_errors_in_plain_words(hcmlc, repo, old, new, message, hint) -> None:
    repo.write("submissions/2023/so-gddt.yaml", GOOD.replace(old, new))
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_misspelt_choice_in_the_data_suggests_the_nearest(hcmlc, repo) -> None:
    path = repo.own_frameworks() / "data/criteria.yaml"  # a framework of the city's own
    path.write_text(
        path.read_text(encoding="utf-8").replace('kind: "quantitative"', 'kind: "quantitive"', 1),
        encoding="utf-8",
    )
    code, found = problems(hcmlc, repo)
    assert code == 1
    assert (
        found[0]["message"]
        == "`kind` must be one of 'quantitative' or 'qualitative', not `quantitive`"
    )
    assert found[0]["hint"] == "did you mean `quantitative`?"


def test_answer_in_a_progress_cycle_warns(hcmlc, repo) -> None:
    repo.write(
        "submissions/2024/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2024"\nanswers:\n  slogan: {vi: Học tập suốt đời}\n',
    )
    code, found = problems(hcmlc, repo)
    assert code == 0
    assert [(p["line"], p["code"], p["message"]) for p in found] == [
        (4, "HCMLC-W031", "cycle 2024 does not ask for form answers"),
    ]


def test_top_level_list(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", "- agency: so-gddt\n")
    p = only(hcmlc, repo)
    assert (p["line"], p["column"], p["message"]) == (
        1,
        1,
        "the file must be a mapping of `key: value` lines",
    )


def test_empty_sections_are_no_entries(hcmlc, repo) -> None:
    """Every entry commented out, as `new-submission` writes the file: nothing supplied yet."""
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  # 1.1.1.a:\nanswers:\n',
    )
    assert hcmlc("validate", "--root", str(repo.root))[:2] == (0, "No problems found in 6 files.\n")


@pytest.mark.parametrize("name", ["so-gddt.yaml.txt", "so-gddt.yml.txt", "so-gddt.YAML"])
def test_a_file_saved_with_a_slip_of_its_extension_is_a_problem_even_when_named(
    hcmlc, repo, name
) -> None:
    repo.write(f"submissions/2023/{name}", GOOD)
    code, out, _ = hcmlc(
        "validate", "--root", str(repo.root), f"{repo.root}/submissions/2023/{name}"
    )
    fixed = name.lower().removesuffix(".txt")
    assert code == 1
    assert out.splitlines() == [
        f"submissions/2023/{name}:1:1: error: the file is named `{name}`, so hcmlc does not "
        "read it as a submission [HCMLC-E029]",
        f"    hint: rename it to submissions/2023/{fixed} (in Windows Explorer, turn on "
        "View → File name extensions first)",
        "1 error, 0 warnings in 1 file checked",
    ]


def test_a_hash_after_text_is_a_warning_naming_what_was_dropped(hcmlc, repo) -> None:
    text = GOOD.replace("source: Báo cáo tổng kết", "source: Báo cáo #123 của Sở, tổng kết")
    repo.write("submissions/2023/so-gddt.yaml", text)
    code, found = problems(hcmlc, repo)
    assert code == 0
    assert [(p["line"], p["column"], p["code"], p["message"], p["hint"]) for p in found] == [
        (
            8,
            21,
            "HCMLC-W007",
            "`source` holds only `Báo cáo`: the text from ` #` on, "
            "`#123 của Sở, tổng kết năm học 2022-2023`, is read as a YAML comment and dropped",
            'to keep the `#`, put the whole value in quotes: "Báo cáo #123 của Sở, tổng kết năm '
            'học 2022-2023"',
        )
    ]
    quoted = text.replace("source: Báo cáo", 'source: "Báo cáo').replace("2023\n", '2023"\n', 1)
    commented = quoted.replace("value: 99.1", "value: 99.1  # from the 2022 report")
    repo.write("submissions/2023/so-gddt.yaml", commented)  # quoted: kept; `# ` is a comment
    assert problems(hcmlc, repo) == (0, [])
