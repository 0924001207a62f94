"""`hcmlc status`: obligations, what arrived, what is late, per agency and per criterion."""

from __future__ import annotations

import json

SO_GDDT = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a: {value: 98.9, year: 2022}
  2.1.2.a: {value: 10.9, unit: years, year: 2022}
  2.2.3.a: {value: "-1", unit: count, year: 2022}
answers:
  slogan: {vi: Học tập suốt đời cho mọi người}
"""


def status(hcmlc, repo, *args: str) -> tuple[int, dict]:
    code, out, err = hcmlc("status", "--root", str(repo.root), "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def test_nothing_supplied_yet(hcmlc, repo) -> None:
    code, doc = status(hcmlc, repo, "--as-of", "2023-09-05")
    assert code == 0
    assert doc["cycle"] == "2023" and doc["as_of"] == "2023-09-05"
    # 63 indicators: 56 with one agency, 2.3.2.a with two, five shared with the 22 districts,
    # 3.2.2.a owed by 19 departments and organisations and 22 districts.
    assert doc["indicators"]["owed"] == 56 + 2 + 23 * 4 + 22 + 41 == 213
    assert doc["answers"]["owed"] == 26 + 24 + 4 * 2 == 58
    assert doc["total"] == {
        "owed": 271,
        "supplied": 0,
        "late": 0,
        "missing": 271,
        "overdue": 213,
        "most_days_overdue": 5,
        "progress": 0.0,
    }


def test_supplied_items_count_and_invalid_ones_do_not(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    code, doc = status(hcmlc, repo, "--as-of", "2023-09-05")
    assert code == 1  # the invalid count is an error in the data
    assert doc["problems"] == 1
    row = next(r for r in doc["agencies"] if r["id"] == "so-gddt")
    assert (row["owed"], row["supplied"], row["overdue"]) == (27 + 16, 3, 27 - 2)
    assert (row["indicators"]["owed"], row["indicators"]["supplied"]) == (27, 2)
    assert (row["answers"]["owed"], row["answers"]["supplied"], row["answers"]["overdue"]) == (
        16,
        1,
        0,
    )
    criterion = next(r for r in doc["criteria"] if r["id"] == "2.1.2")
    assert (criterion["owed"], criterion["supplied"], criterion["progress"]) == (1, 1, 100.0)
    standard = next(r for r in doc["standards"] if r["id"] == "2.2")
    assert (standard["owed"], standard["supplied"]) == (7, 0)


def test_agency_to_do_list_most_urgent_first(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    _, doc = status(hcmlc, repo, "--as-of", "2023-09-05", "--agency", "so-gddt")
    items = doc["obligations"]
    assert doc["agency"] == "so-gddt" and len(items) == 43
    assert (doc["total"]["owed"], doc["indicators"]["owed"], doc["answers"]["owed"]) == (43, 27, 16)
    assert (
        doc["total"]["supplied"],
        doc["indicators"]["supplied"],
        doc["answers"]["supplied"],
    ) == (3, 2, 1)
    expected = {"kind": "indicator", "state": "overdue", "days_left": -5, "deadline": "2023-08-31"}
    assert expected.items() <= items[0].items()
    assert items[-1]["state"] == "supplied"
    assert [i["state"] for i in items].count("due") == 15  # answers other than the slogan
    assert {i["item"] for i in items if i["state"] == "supplied"} == {
        "1.1.1.a",
        "2.1.2.a",
        "slogan",
    }


def test_table_and_to_do_views_are_plain_text_when_piped(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    code, out, _ = hcmlc("status", "--root", str(repo.root), "--as-of", "2023-09-05", "--criteria")
    assert code == 1
    assert "\x1b[" not in out
    assert "Cycle 2023 — Application to join" in out  # names in the interface's language
    assert (
        "as of 2023-09-05 · indicators due 2023-08-31 (5 days overdue) · answers due 2023-09-30 (25 days left)"
        in out
    )
    assert "Department of Education and Training" in out and "1.1.1" in out
    gddt = next(line for line in out.splitlines() if line.lstrip().startswith("so-gddt "))
    assert gddt.split()[-8:] == ["2/27", "1/16", "43", "3", "40", "25", "5", "7%"]
    assert "Progress: 3 of 271 supplied (1%), 211 overdue — indicators 2/213, answers 1/58" in out
    assert "1 error in the data: run `hcmlc validate`" in out
    _, todo, _ = hcmlc(
        "status", "--root", str(repo.root), "--as-of", "2023-09-05", "--agency", "so-gddt"
    )
    assert "To-do list of so-gddt — Department of Education and Training" in todo
    assert "5 days overdue" in todo and "25 days left" in todo
    assert "Literacy rate of the population aged 15 and over" in todo


def test_other_cycle_and_deadline_passed(hcmlc, repo) -> None:
    _, doc = status(hcmlc, repo, "--cycle", "2024", "--as-of", "2025-01-14")
    assert doc["answers"]["owed"] == 0  # a progress cycle asks for no form answers
    assert doc["total"]["most_days_overdue"] == 30


def test_usage_errors(hcmlc, repo) -> None:
    code, _, err = hcmlc("status", "--root", str(repo.root), "--agency", "so-gddtt")
    assert code == 2 and "unknown agency `so-gddtt`" in err and "did you mean `so-gddt`?" in err
    code, _, err = hcmlc("status", "--root", str(repo.root), "--cycle", "2203")
    assert code == 2 and "unknown cycle `2203`" in err
    assert hcmlc("status", "--root", str(repo.root), "--as-of", "05/09/2023")[0] == 2


def test_broken_data_files_stop_status_with_a_pointer_to_validate(hcmlc, repo) -> None:
    repo.write("data/criteria.yaml", "areas: [\n")
    code, _, err = hcmlc("status", "--root", str(repo.root))
    assert code == 1
    assert "the data files are broken" in err and "hcmlc validate" in err


def test_areas_count_the_indicators_of_their_standards(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    _, doc = status(hcmlc, repo, "--as-of", "2023-09-05")
    # UNESCO's three areas, then the national learning models' one
    assert [a["id"] for a in doc["areas"]] == ["1", "2", "3", "mh"]
    for key in ("owed", "supplied", "overdue"):
        assert sum(a[key] for a in doc["areas"]) == doc["indicators"][key]
        for area in doc["areas"]:
            standards = [s for s in doc["standards"] if s["id"].split(".")[0] == area["id"]]
            assert area[key] == sum(s[key] for s in standards)
