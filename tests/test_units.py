"""data/units.yaml read with the registry: its mistakes are located in it, with the fix."""

from __future__ import annotations

import json


def units_problems(hcmlc, repo, old: str, new: str) -> list[dict]:
    path = repo.root / "data/units.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    return json.loads(out)["problems"]


def test_a_territory_naming_an_unknown_unit_is_located(hcmlc, repo) -> None:
    [p] = units_problems(
        hcmlc, repo, '"phuong-sai-gon", "phuong-ben-thanh"', '"phuong-sai-gonn", "phuong-ben-thanh"'
    )
    assert (p["path"], p["code"], p["message"], p["hint"]) == (
        "data/units.yaml",
        "HCMLC-E020",
        "unknown unit `phuong-sai-gonn`",
        "did you mean `phuong-sai-gon`?",
    )
    text = (repo.root / "data/units.yaml").read_text(encoding="utf-8")
    assert p["line"] == text[: text.index('"phuong-sai-gonn"')].count("\n") + 1


def test_a_territory_of_an_unknown_district_is_located(hcmlc, repo) -> None:
    [p] = units_problems(hcmlc, repo, '  "quan-12": [', '  "quan-13": [')
    assert (p["path"], p["code"], p["message"]) == (
        "data/units.yaml",
        "HCMLC-E020",
        "unknown agency `quan-13`",
    )


def test_a_code_given_twice_is_located(hcmlc, repo) -> None:
    [p] = units_problems(hcmlc, repo, 'code: "25750"', 'code: "25747"')
    assert (p["path"], p["code"], p["message"]) == (
        "data/units.yaml",
        "HCMLC-E030",
        "code 25747 is already the code of `phuong-thu-dau-mot`",
    )


def test_a_unit_id_of_the_registry_is_located(hcmlc, repo) -> None:
    [p] = units_problems(hcmlc, repo, 'id: "phuong-phu-loi"', 'id: "so-gddt"')
    assert (p["path"], p["code"], p["message"]) == (
        "data/units.yaml",
        "HCMLC-E030",
        "id `so-gddt` is used twice in the registry",
    )


def test_a_code_that_is_not_five_digits_is_located(hcmlc, repo) -> None:
    [p] = units_problems(hcmlc, repo, 'code: "25750"', 'code: "2575"')
    assert (p["path"], p["code"]) == ("data/units.yaml", "HCMLC-E012")
