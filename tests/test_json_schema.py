"""The JSON Schema of submission files agrees with `validate`, and the committed copy is current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hcmlc.documents.json_schema import SCHEMA_PATH, schema_text
from hcmlc.repository.load import load

# jsonschema is imported by the fixture that uses it, not when the module is collected (by every
# xdist worker, though only one runs these tests)
if TYPE_CHECKING:
    from jsonschema import Draft7Validator

PROJECT = Path(__file__).resolve().parents[1]

GOOD = """
agency: so-gddt
cycle: "2023"
prepared_by: Phòng Giáo dục thường xuyên
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
  2.1.1.a:
    value: có
    year: 2023
  2.2.3.a: {value: "1200", year: 2022}
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
    en: Lifelong learning for all
  language:
    choice: english
  years-of-schooling: {value: 10.9, year: 2022}
  mayor: {first-name: Mãi, postcode: 700000}
  mayor-quote: {vi: Học, en: Learn, date: 2023-05-01}
"""


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    from jsonschema import Draft7Validator

    schema = json.loads((PROJECT / SCHEMA_PATH).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def errors(validator: Draft7Validator, data: object) -> list[str]:
    return sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))


def test_committed_schema_is_what_the_command_generates(hcmlc) -> None:
    code, out, _ = hcmlc("schema", "--root", str(PROJECT))
    assert code == 0
    assert out == (PROJECT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert hcmlc("schema", "--root", str(PROJECT), "--check")[:2] == (
        0,
        "schema/submission.schema.json is up to date.\n",
    )


def test_every_bundled_submission_fits_the_schema(validator, as_editor_sees) -> None:
    paths = sorted((PROJECT / "submissions").rglob("*.yaml"))
    assert len(paths) == 42  # 30 of the departments and districts, 12 of the wards
    for path in paths:
        data = as_editor_sees(path.read_text(encoding="utf-8"))
        assert errors(validator, data) == [], path


def test_a_good_submission_fits_the_schema_and_validates(
    validator, as_editor_sees, hcmlc, repo
) -> None:
    assert errors(validator, as_editor_sees(GOOD)) == []
    repo.write("submissions/2023/so-gddt.yaml", GOOD)
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("agency: so-gddt", "agency: so-gdđt", "agency"),
        ('cycle: "2023"', 'cycle: "2032"', "cycle"),
        ("  1.1.1.a:", "  1.1.1.x:", "indicators"),
        ("value: 99.1", "value: 80%", "indicators/1.1.1.a/value"),
        ("value: 99.1", "value: 101", "indicators/1.1.1.a/value"),
        ("unit: percent", "unit: count", "indicators/1.1.1.a/unit"),
        ("year: 2022\n    source", "year: năm 2022\n    source", "indicators/1.1.1.a/year"),
        ("value: có", "value: có lẽ", "indicators/2.1.1.a/value"),
        ('value: "1200"', 'value: "1.200 người"', "indicators/2.2.3.a/value"),
        ("    source: Báo", "    sources: Báo", "indicators/1.1.1.a"),
        ("  slogan:", "  slogans:", "answers"),
        ("choice: english", "choice: german", "answers/language/choice"),
        ("first-name: Mãi", "first_name: Mãi", "answers/mayor"),
        ("en: Learn, date: 2023-05-01", "en: Learn", "answers/mayor-quote"),
    ],
)
def test_mistakes_the_schema_flags(validator, as_editor_sees, old, new, where) -> None:
    assert old in GOOD
    assert where in errors(validator, as_editor_sees(GOOD.replace(old, new, 1)))


def test_no_indicators_and_no_answers_yet(validator, as_editor_sees) -> None:
    text = 'agency: so-gddt\ncycle: "2023"\nindicators:\nanswers:\n'
    assert errors(validator, as_editor_sees(text)) == []


def test_the_schema_follows_the_data(repo, hcmlc) -> None:
    """A new indicator in data/ is in the schema, so the committed schema drifts: --check fails."""
    repo.own_frameworks()  # UNESCO's framework as a file of the city's own
    (repo.root / "schema").mkdir()
    assert hcmlc("schema", "--root", str(repo.root), "--out", str(repo.root / SCHEMA_PATH))[0] == 0
    path = repo.root / "data/criteria.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('- id: "1.1.1.a"', '- id: "1.1.1.z"', 1), encoding="utf-8")
    code, _, err = hcmlc("schema", "--root", str(repo.root), "--check")
    assert code == 1
    assert err.splitlines()[0].startswith("error: schema/submission.schema.json differs from line ")
    assert err.splitlines()[1] == (
        "hint: run `hcmlc schema --out schema/submission.schema.json` and commit the result"
    )
    assert "1.1.1.z" in schema_text(load(repo.root).require_catalog())


def test_missing_schema_fails_the_check(repo, hcmlc) -> None:
    code, _, err = hcmlc("schema", "--root", str(repo.root), "--check")
    assert code == 1
    assert err.startswith("error: schema/submission.schema.json is missing")


EDITOR_BLIND = {
    "Vietnamese thousands, ambiguous": "an editor reads `12.000` as 12",
    "Windows line ends and a separator": "an editor reads `12.000` as 12",
    "ambiguous dollars": "an editor reads `5.500` as 5.5",
    "negative zero": "an editor reads `-0` as 0",
    "figure answer: negative zero": "an editor reads `-0` as 0",
    "year with decimals": "an editor reads `2022.0` as 2022",
    "figure answer: year with decimals": "an editor reads `2022.0` as 2022",
}
"""Mistakes `validate` refuses that no JSON Schema can see: YAML has typed them before."""

SPELLING = {"unquoted cycle", "capital state word"}
"""Accepted by `validate`, flagged by the schema so that editors teach the preferred spelling."""

SCHEMA_RULES = {"HCMLC-E010", "HCMLC-E011", "HCMLC-E012", "HCMLC-E020", "HCMLC-E022"}
"""What the schema can judge; who owes what, cycles' years and word counts it cannot."""


def test_the_schema_refuses_what_validate_refuses(validator, as_editor_sees) -> None:
    """Each of the hundred mistakes that an editor can see is underlined, and no other."""
    from mistakes.cases import CASES
    from mistakes.expected import EXPECTED

    checked = 0
    for case in CASES:
        codes = {row[3] for row in EXPECTED[case.name]}
        if len(case.files) != 1 or codes & {"HCMLC-E001", "HCMLC-E002", "HCMLC-E003", "HCMLC-E004"}:
            continue  # not YAML an editor could type-check
        [data] = case.files.values()
        flagged = errors(validator, as_editor_sees(data.decode("utf-8-sig")))
        refused = bool(codes & SCHEMA_RULES)
        if case.name in EDITOR_BLIND:
            assert refused and not flagged, case.name
        elif case.name in SPELLING:
            assert not codes and flagged, case.name
        else:
            assert bool(flagged) == refused, (case.name, codes, flagged)
        checked += 1
    assert checked > 80
