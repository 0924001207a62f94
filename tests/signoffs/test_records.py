"""Sign-off records as data: digests, the review file, its checks and who may sign."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcmlc.documents.codeowners import CODEOWNERS_PATH, codeowners
from hcmlc.repository.load import load
from hcmlc.signoffs.digest import digest_of, entry_digests, reviewed_content

PROJECT = Path(__file__).resolve().parents[2]
COORDINATORS = "@hcmc-learning-city/so-gddt-dieu-phoi"
SO_GDDT = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
    note: ghi chú
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
    en: Lifelong learning for all
"""


def record(**changes: str) -> str:
    fields = {
        "agency": "so-gddt",
        "item": "1.1.1.a",
        "kind": "indicator",
        "digest": "sha256:" + "0" * 64,
        "verdict": "approved",
        "by": COORDINATORS,
        "at": "2023-06-01T00:00:00+00:00",
    } | changes
    lines = [f"  - agency: {json.dumps(fields.pop('agency'))}"]
    lines += [f"    {k}: {json.dumps(v)}" for k, v in fields.items() if v is not None]
    return "\n".join(lines) + "\n"


def review_file(*records: str, cycle: str = "2023") -> str:
    return f'cycle: "{cycle}"\nreviews:\n' + "".join(records)


def problems(hcmlc, repo) -> list[str]:
    _code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    found = json.loads(out)["problems"]
    return [f"{p['path']}:{p['line']}:{p['column']}: {p['code']}: {p['message']}" for p in found]


@pytest.fixture
def reviewed(repo):
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    (repo.root / CODEOWNERS_PATH).parent.mkdir(parents=True)
    catalog = load(repo.root).require_catalog()
    (repo.root / CODEOWNERS_PATH).write_text(codeowners(catalog.assignments), encoding="utf-8")
    return repo


def test_the_digest_is_canonical() -> None:
    composed = "Học tập"  # NFC
    decomposed = "Ho\u0323c ta\u0302\u0323p"
    assert digest_of({"a": composed, "b": "1"}) == digest_of({"b": "1", "a": decomposed})
    assert digest_of({"a": "1"}).startswith("sha256:") and len(digest_of("x")) == 7 + 64


def test_a_review_signs_the_figure_and_the_vietnamese_only() -> None:
    entry = {"value": "99.1", "unit": "percent", "year": "2022", "source": "s", "note": "n"}
    assert reviewed_content("indicator", entry) == {
        "value": "99.1",
        "unit": "percent",
        "year": "2022",
        "source": "s",
    }
    answer = {"vi": "Học", "en": "Learn", "note": "n"}
    assert reviewed_content("answer", answer) == {"vi": "Học"}
    contact = {"title": {"vi": "Giám đốc", "en": "Director"}, "name": "Lê Thị Hoa"}
    assert reviewed_content("answer", contact) == {
        "title": {"vi": "Giám đốc"},
        "name": "Lê Thị Hoa",
    }


def test_evidence_and_english_do_not_change_the_digest() -> None:
    before = entry_digests({"indicators": {"x": {"value": "1", "year": "2022"}}})
    after = entry_digests({"indicators": {"x": {"value": "1", "year": "2022", "evidence": "e"}}})
    changed = entry_digests({"indicators": {"x": {"value": "2", "year": "2022"}}})
    assert before == after != changed


def test_codeowners_gives_reviews_to_coordinators_and_translations_to_the_verifier() -> None:
    text = (PROJECT / CODEOWNERS_PATH).read_text(encoding="utf-8")
    assert text.endswith(
        "# Sign-offs: the coordinators' reviews, the verifier's translation records.\n"
        f"/signoffs/reviews/ {COORDINATORS}\n"
        "/signoffs/translations/ @hcmc-learning-city/so-ngoai-vu\n"
    )
    catalog = load(PROJECT).require_catalog()
    assert catalog.assignments.translation_verifier == "so-ngoai-vu"


def test_a_sound_record_has_no_problem(hcmlc, reviewed) -> None:
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record()))
    assert problems(hcmlc, reviewed) == []


def test_unknown_agency_item_and_cycle_are_located(hcmlc, reviewed) -> None:
    reviewed.write(
        "signoffs/reviews/2023.yaml",
        review_file(
            record(agency="so-gdt"),
            record(item="9.9.9.z"),
            record(agency="so-y-te"),
            cycle="2024",
        ),
    )
    assert problems(hcmlc, reviewed) == [
        "signoffs/reviews/2023.yaml:1:8: HCMLC-E100: `cycle: 2024` is not a cycle of this file's name",
        "signoffs/reviews/2023.yaml:3:13: HCMLC-E100: a sign-off for agency `so-gdt`, which does not exist",
        "signoffs/reviews/2023.yaml:11:11: HCMLC-E100: a sign-off for indicator `9.9.9.z`, which does not exist",
    ]


def test_an_item_the_agency_does_not_owe(hcmlc, reviewed) -> None:
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record(agency="so-y-te")))
    assert problems(hcmlc, reviewed) == [
        "signoffs/reviews/2023.yaml:4:11: HCMLC-E100: so-y-te does not owe `1.1.1.a` in cycle 2023",
    ]


def test_a_reopen_without_a_comment(hcmlc, reviewed) -> None:
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record(verdict="reopened")))
    assert problems(hcmlc, reviewed) == [
        "signoffs/reviews/2023.yaml:3:5: HCMLC-E012: a verdict `reopened` needs a `comment` saying why",
    ]


def test_a_signer_outside_the_role_names_the_role_and_the_codeowners_line(hcmlc, reviewed) -> None:
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record(by="@mallory")))
    line = next(
        n
        for n, text in enumerate((reviewed.root / CODEOWNERS_PATH).read_text().splitlines(), 1)
        if text.startswith("/signoffs/reviews/")
    )
    assert problems(hcmlc, reviewed) == [
        "signoffs/reviews/2023.yaml:8:9: HCMLC-E102: `@mallory` signed a review but is not a "
        "coordinator, the role that signs reviews "
        f"(.github/CODEOWNERS:{line}: `/signoffs/reviews/ {COORDINATORS}`)",
    ]


def test_a_malformed_digest(hcmlc, reviewed) -> None:
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record(digest="md5:abc")))
    [problem] = problems(hcmlc, reviewed)
    assert problem.startswith("signoffs/reviews/2023.yaml:6:13: HCMLC-E012: ")


def test_an_unknown_verifier(hcmlc, reviewed) -> None:
    path = reviewed.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('translation_verifier: "so-ngoai-vu"', 'translation_verifier: "so-ngoai"'),
        "utf-8",
    )
    [problem] = [p for p in problems(hcmlc, reviewed) if "verifier" in p]
    assert problem.endswith("HCMLC-E100: `translation_verifier: so-ngoai` names no agency")


def test_a_digest_that_matches_nothing_in_a_pull_request(hcmlc, reviewed, git) -> None:
    git.init(reviewed.root)
    git.commit(reviewed.root, "so-gddt")
    reviewed.write("signoffs/reviews/2023.yaml", review_file(record()))
    code, out, _ = hcmlc(
        "validate", "--root", str(reviewed.root), "--changed-since", "HEAD", "--format", "json"
    )
    assert code == 1
    [problem] = json.loads(out)["problems"]
    assert (problem["path"], problem["line"], problem["column"], problem["code"]) == (
        "signoffs/reviews/2023.yaml",
        6,
        13,
        "HCMLC-E101",
    )
    assert problem["message"] == (
        "this sign-off's digest matches no content of 1.1.1.a in submissions/2023/so-gddt.yaml: "
        "the content changed since it was signed, or the record was written by hand"
    )
    assert problem["hint"] == "sign it again: `hcmlc review approve --agency so-gddt 1.1.1.a`"
