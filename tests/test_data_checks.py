"""The coordinator's own files are checked as strictly as the departments' submissions."""

from __future__ import annotations

import json


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
    line = break_file(repo, "data/criteria.yaml", 'agencies: ["toa-an"]', 'agencies: ["toa-ann"]')
    [p] = problems(hcmlc, repo)
    assert (p["path"], p["line"], p["code"]) == ("data/criteria.yaml", line, "HCMLC-E020")
    assert (p["message"], p["hint"]) == ("unknown agency `toa-ann`", "did you mean `toa-an`?")


def test_duplicate_indicator_id(hcmlc, repo) -> None:
    line = break_file(repo, "data/criteria.yaml", 'id: "1.1.2.b"', 'id: "1.1.2.a"')
    [p, target] = problems(hcmlc, repo)
    assert (target["path"], target["code"]) == ("data/targets.yaml", "HCMLC-E020")
    assert (p["path"], p["line"], p["code"]) == ("data/criteria.yaml", line, "HCMLC-E030")
    assert p["message"].startswith("id `1.1.2.a` is used twice (first on line ")


def test_quantitative_indicator_without_unit(hcmlc, repo) -> None:
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
    assert (p["line"], p["message"]) == (line, "unknown cycle `2031`")


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
