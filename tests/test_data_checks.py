"""The coordinator's own files are checked as strictly as the departments' submissions."""

from __future__ import annotations

import json

import pytest


def break_file(repo, name: str, old: str, new: str) -> int:
    """Replace the first `old` in data file `name`; return the 1-based line it was on."""
    path = repo.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(hcmlc, repo) -> list[dict]:
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    assert code == 1
    return json.loads(out)["problems"]


def test_unknown_agency_in_criteria(hcmlc, repo) -> None:
    line = break_file(
        repo, "data/frameworks.yaml", '"1.1.4.a": ["toa-an"]', '"1.1.4.a": ["toa-ann"]'
    )
    [p] = problems(hcmlc, repo)
    assert (p["path"], p["line"], p["code"]) == ("data/frameworks.yaml", line, "HCMLC-E020")
    assert (p["message"], p["hint"]) == ("unknown agency `toa-ann`", "did you mean `toa-an`?")


def test_duplicate_indicator_id(hcmlc, repo) -> None:
    repo.own_frameworks()  # UNESCO's framework as a file of the city's own
    line = break_file(repo, "data/criteria.yaml", 'id: "1.1.2.b"', 'id: "1.1.2.a"')
    [p, target] = problems(hcmlc, repo)
    assert (target["path"], target["code"]) == ("data/targets.yaml", "HCMLC-E020")
    assert (p["path"], p["line"], p["code"]) == ("data/criteria.yaml", line, "HCMLC-E030")
    assert p["message"].startswith("id `1.1.2.a` is used twice (first on line ")


def test_quantitative_indicator_without_unit(hcmlc, repo) -> None:
    repo.own_frameworks()
    break_file(repo, "data/criteria.yaml", 'unit: "per_100k"', 'scale: "level"')
    [p] = problems(hcmlc, repo)
    assert (p["path"], p["code"]) == ("data/criteria.yaml", "HCMLC-E012")
    assert p["message"] == "a quantitative indicator needs a `unit` and no `scale`"


def test_unknown_question_owner_and_indicator_link(hcmlc, repo) -> None:
    owner_line = break_file(
        repo, "data/assignments.yaml", 'owners: ["so-y-te"]', 'owners: ["so-yte"]'
    )
    link_line = break_file(
        repo, "data/assignments.yaml", 'indicator: "2.1.2.a"', 'indicator: "2.1.2.z"'
    )
    found = sorted((p["line"], p["message"], p["hint"]) for p in problems(hcmlc, repo))
    assert found == sorted(
        [
            (owner_line, "unknown agency `so-yte`", "did you mean `so-y-te`?"),
            (link_line, "unknown indicator `2.1.2.z`", "did you mean `2.1.2.a`?"),
        ]
    )


def test_current_cycle_must_exist(hcmlc, repo) -> None:
    line = break_file(
        repo, "data/assignments.yaml", 'current_cycle: "2023"', 'current_cycle: "2031"'
    )
    [p] = problems(hcmlc, repo)
    assert (p["line"], p["code"], p["message"]) == (
        line,
        "HCMLC-E091",
        "`current_cycle: 2031` names no cycle",
    )
    assert p["hint"] == (
        "open it with `hcmlc new-cycle 2031 --deadline YYYY-MM-DD`, "
        "or set `current_cycle` to one of: 2023, 2024, 2025"
    )


def test_windows_file_with_bom_and_crlf_is_fine(hcmlc, repo) -> None:
    text = 'agency: so-gddt\r\ncycle: "2023"\r\nindicators:\r\n  1.1.1.a:\r\n    value: 80%\r\n    year: 2022\r\n'
    repo.write_bytes("submissions/2023/so-gddt.yaml", b"\xef\xbb\xbf" + text.encode("utf-8"))
    [p] = problems(hcmlc, repo)
    assert (p["line"], p["column"], p["code"]) == (5, 12, "HCMLC-E022")


def test_value_in_a_cycle_that_does_not_ask_for_it_warns(hcmlc, repo) -> None:
    break_file(repo, "data/assignments.yaml", "indicators: 2024-12-15", "indicators: null")
    repo.write(
        "submissions/2024/so-gddt.yaml",
        """
        agency: so-gddt
        cycle: "2024"
        indicators:
          1.1.1.a: {value: 99, year: 2024}
        """,
    )
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    assert code == 0
    [p] = json.loads(out)["problems"]
    assert (p["line"], p["code"], p["message"]) == (
        4,
        "HCMLC-W031",
        "cycle 2024 does not ask for indicator values",
    )


# data/targets.yaml and agency succession
def write_targets(repo, body: str) -> None:
    repo.write("data/targets.yaml", "targets:\n" + body)


@pytest.mark.parametrize(
    ("body", "line", "code", "message"),
    [
        (
            '  "1.1.1.z":\n    target: {value: 99, year: 2025}\n',
            2,
            "HCMLC-E020",
            "unknown indicator `1.1.1.z`",
        ),
        (
            '  "2.1.1.a":\n    target: {value: 1, year: 2025}\n',
            2,
            "HCMLC-E061",
            "indicator 2.1.1.a is qualitative: its goal is a state, not a figure",
        ),
        (
            '  "1.1.1.a":\n    required: "có"\n',
            2,
            "HCMLC-E061",
            "indicator 1.1.1.a is quantitative (percent): its goal is a figure, not a state",
        ),
        (
            '  "3.1.1.a":\n    required: "rất cao"\n',
            3,
            "HCMLC-E022",
            "`rất cao` is not a state of the scale `level`",
        ),
        (
            '  "1.1.1.a":\n    target: {value: 120, year: 2025}\n',
            3,
            "HCMLC-E022",
            "indicator 1.1.1.a: 120 does not fit the unit `percent`: it must be at least 0 and at most 100",
        ),
        (
            '  "1.1.1.a":\n    target: {value: 99, year: 2025}\n    required: "có"\n',
            3,
            "HCMLC-E012",
            "give `target` or `required`, not both",
        ),
    ],
)
def test_target_mistakes_are_located(hcmlc, repo, body, line, code, message) -> None:
    write_targets(repo, body)
    [p] = problems(hcmlc, repo)
    assert (p["path"], p["line"], p["code"], p["message"]) == (
        "data/targets.yaml",
        line,
        code,
        message,
    )


def test_unknown_successor_is_located(hcmlc, repo) -> None:
    line = break_file(
        repo, "data/assignments.yaml", 'successor: "so-noi-vu"', 'successor: "so-noi-vuu"'
    )
    [p] = problems(hcmlc, repo)
    assert (p["path"], p["line"], p["code"]) == ("data/assignments.yaml", line, "HCMLC-E020")
    assert p["hint"] == "did you mean `so-noi-vu`?"


def test_a_successor_needs_the_date_the_agency_ended(hcmlc, repo) -> None:
    break_file(repo, "data/assignments.yaml", "    ended: 2025-03-01\n", "")
    [p] = problems(hcmlc, repo)
    assert p["message"] == "an agency with a `successor` needs the date it `ended`"


def test_an_agency_that_ended_cannot_submit_and_is_told_who_does(hcmlc, repo) -> None:
    repo.write(
        "submissions/2025/so-ldtbxh.yaml",
        'agency: so-ldtbxh\ncycle: "2025"\nindicators:\n  1.2.2.a: {value: 3, unit: percent, year: 2025}\n',
    )
    repo.write("submissions/2025/quan-1.yaml", 'agency: quan-1\ncycle: "2025"\n')
    found = problems(hcmlc, repo)
    assert [(p["path"], p["line"], p["code"], p["message"], p["hint"]) for p in found] == [
        (
            "submissions/2025/quan-1.yaml",
            1,
            "HCMLC-E060",
            "`quan-1` ended on 2025-07-01, before cycle 2025",
            "its territory passed to 4 wards and communes (`phuong-tan-dinh`, `phuong-sai-gon`, "
            "`phuong-ben-thanh`, `phuong-cau-ong-lanh`): each submits its own file, e.g. "
            "submissions/2025/phuong-tan-dinh.yaml",
        ),
        (
            "submissions/2025/so-ldtbxh.yaml",
            1,
            "HCMLC-E060",
            "`so-ldtbxh` ended on 2025-03-01, before cycle 2025",
            "its duties in cycle 2025 were split; each successor submits its part in its own "
            "file: the rest: `so-noi-vu`; 1.1.4.b, 2.1.4.a, 2.1.4.b, 3.3.3.a, equity-inclusion, "
            "access-initiatives: `so-y-te`; 2.3.2.a, access-policies: `so-gddt`",
        ),
    ]


def test_the_successor_owes_the_items_from_its_cycle_on(hcmlc, repo) -> None:
    code, out, _ = hcmlc("status", "--root", str(repo.root), "--cycle", "2025", "--format", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)["agencies"]}
    assert "so-ldtbxh" not in rows and "quan-1" not in rows
    # its own 1.1.3.a, 3.2.2.a (every department) and two of Sở LĐ-TB&XH's: labour and
    # employment (1.2.2.a, 2.3.4.b); social protection went to Sở Y tế, vocational education
    # to Sở GD&ĐT
    assert rows["so-noi-vu"]["owed"] == 4
    code, out, _ = hcmlc("status", "--root", str(repo.root), "--cycle", "2024", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)["agencies"]}
    assert (rows["so-noi-vu"]["owed"], rows["so-ldtbxh"]["owed"]) == (2, 8)


def test_new_submission_for_an_agency_that_ended_names_its_successor(hcmlc, repo) -> None:
    code, _, err = hcmlc(
        "new-submission", "--root", str(repo.root), "--agency", "so-khdt", "--cycle", "2025"
    )
    assert (code, err) == (
        2,
        "error: `so-khdt` owes nothing in cycle 2025\n"
        "hint: `so-khdt` ended on 2025-03-01: `so-tai-chinh` reports its items now\n",
    )
