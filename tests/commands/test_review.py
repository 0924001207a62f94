"""`hcmlc review` and what it changes in status, its JSON, the form, the report, reminders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fill_form import document_text, fill

from hcmlc.signoffs.digest import digest_of

COORDINATORS = "@hcmc-learning-city/so-gddt-dieu-phoi"
SO_GDDT = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
    en: Lifelong learning for all
"""


@pytest.fixture(autouse=True)
def replayed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2023-07-01")


@pytest.fixture
def supplied(repo):
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    return repo


def review(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("review", *args, "--root", str(root))


def status_json(hcmlc, root: Path, *args: str) -> dict:
    _code, out, _ = hcmlc("status", "--root", str(root), "--format", "json", *args)
    return json.loads(out)


def states(hcmlc, root: Path) -> dict[str, str]:
    return {i["item"]: i["state"] for i in status_json(hcmlc, root)["reviews"]["items"]}


def test_approve_writes_one_record_per_item_bound_to_its_digest(hcmlc, supplied) -> None:
    code, out, err = review(hcmlc, supplied.root, "approve", "--agency", "so-gddt")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"approved 2 items of so-gddt in signoffs/reviews/2023.yaml, signed by {COORDINATORS}: "
        "1.1.1.a, slogan",
        "commit signoffs/reviews/2023.yaml: the record is the sign-off",
    ]
    text = (supplied.root / "signoffs/reviews/2023.yaml").read_text(encoding="utf-8")
    figure = digest_of({"value": "99.1", "unit": "percent", "year": "2022"})
    assert (
        '  - agency: "so-gddt"\n'
        '    item: "1.1.1.a"\n'
        '    kind: "indicator"\n'
        f'    digest: "{figure}"\n'
        '    verdict: "approved"\n'
        f'    by: "{COORDINATORS}"\n'
        '    at: "2023-07-01T00:00:00+00:00"\n'
    ) in text
    assert f'digest: "{digest_of({"vi": "Học tập suốt đời cho mọi người"})}"' in text
    assert hcmlc("validate", "--root", str(supplied.root))[0] == 0


def test_issues_and_reopen_need_a_comment(hcmlc, supplied) -> None:
    code, _, err = review(hcmlc, supplied.root, "reopen", "--agency", "so-gddt")
    assert code == 2
    assert err.splitlines() == [
        "error: `hcmlc review reopen` needs a comment saying why",
        'hint: add --comment "…": the agency reads it in its reminder',
    ]
    assert not (supplied.root / "signoffs").exists()


def test_unknown_or_unsupplied_items_are_refused(hcmlc, supplied) -> None:
    code, _, err = review(hcmlc, supplied.root, "approve", "--agency", "so-gddt", "2.1.1.b")
    assert code == 2
    assert err.splitlines()[0] == (
        "error: so-gddt has not supplied `2.1.1.b` in cycle 2023, or it has errors"
    )
    code, _, err = review(hcmlc, supplied.root, "approve", "--agency", "so-gddt", "slgan")
    assert err.splitlines() == ["error: unknown item `slgan`", "hint: did you mean `slogan`?"]
    code, _, err = review(hcmlc, supplied.root, "approve", "--agency", "so-gdt")
    assert err.splitlines()[0] == "error: unknown agency `so-gdt`"


def test_only_a_coordinator_signs(hcmlc, supplied) -> None:
    code, _, err = review(
        hcmlc, supplied.root, "approve", "--agency", "so-gddt", "--by", "@mallory"
    )
    assert code == 2
    assert err.splitlines()[0] == (
        "error: `@mallory` is not a coordinator, the role that signs reviews (.github/CODEOWNERS)"
    )


def test_status_shows_each_state_and_the_comment(hcmlc, supplied) -> None:
    assert "reviews" not in status_json(hcmlc, supplied.root)
    review(hcmlc, supplied.root, "approve", "--agency", "so-gddt")
    assert states(hcmlc, supplied.root) == {"1.1.1.a": "approved", "slogan": "approved"}
    comment = "the denominator is last year's"
    review(hcmlc, supplied.root, "issues", "--agency", "so-gddt", "1.1.1.a", "--comment", comment)
    path = supplied.root / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("mọi người", "mọi người dân"), "utf-8")
    document = status_json(hcmlc, supplied.root)["reviews"]
    assert document["counts"] == {"awaiting": 0, "issues": 1, "approved": 0, "stale": 1}
    [figure, slogan] = document["items"]
    assert figure == {
        "agency": "so-gddt",
        "kind": "indicator",
        "item": "1.1.1.a",
        "state": "issues",
        "verdict": "issues",
        "by": COORDINATORS,
        "at": "2023-07-01T00:00:00+00:00",
        "comment": comment,
    }
    assert slogan["state"] == "stale"
    _code, out, _ = hcmlc("status", "--root", str(supplied.root))
    assert "Review of cycle 2023\n" in out
    assert [line.split() for line in out.splitlines() if line.startswith("so-gddt ")][-1] == [
        "so-gddt",
        "0",
        "1",
        "0",
        "1",
    ]
    assert (
        "has issues              1.1.1.a  Department of Education and Training  "
        f"{comment} ({COORDINATORS}, 2023-07-01)"
    ) in out
    _code, out, _ = hcmlc("status", "--root", str(supplied.root), "--agency", "so-gddt")
    assert "changed since approved  slogan   @hcmc" in out


def test_an_issue_fixed_awaits_review_again(hcmlc, supplied) -> None:
    review(hcmlc, supplied.root, "issues", "--agency", "so-gddt", "1.1.1.a", "--comment", "year?")
    path = supplied.root / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2022", "2023"), "utf-8")
    assert states(hcmlc, supplied.root) == {"1.1.1.a": "awaiting", "slogan": "awaiting"}


def test_the_form_with_approved_content_only(hcmlc, supplied) -> None:
    review(hcmlc, supplied.root, "approve", "--agency", "so-gddt", "1.1.1.a")
    code, out, _, path = fill(hcmlc, supplied.root, "--approved-only")
    assert code == 0
    assert out.startswith(
        "--approved-only: 1 entry not approved as they stand are left out, as gaps\n"
    )
    assert "Học tập suốt đời cho mọi người" not in document_text(path)
    review(hcmlc, supplied.root, "approve", "--agency", "so-gddt", "slogan")
    code, out, _, path = fill(hcmlc, supplied.root, "--approved-only")
    assert "Học tập suốt đời cho mọi người" in document_text(path)
    assert not out.startswith("--approved-only")


def test_the_report_with_approved_content_only(hcmlc, bundled, monkeypatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    out = bundled / "report.md"
    args = ("report", "--root", str(bundled), "--format", "md", "--out", str(out), "--force")
    review(hcmlc, bundled, "approve", "--agency", "so-gddt", "1.1.1.a", "--cycle", "2025")
    assert hcmlc(*args, "--approved-only")[0] == 0
    text = out.read_text(encoding="utf-8")
    assert (
        "| 1.1.1.a | Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên | 99,1% (năm 2025) |" in text
    )
    assert "| 2.1.1.b | " in text and "99,7%" not in text
    assert hcmlc(*args)[0] == 0
    assert "99,7%" in out.read_text(encoding="utf-8")


def test_the_reminder_names_the_items_with_issues_and_the_comment(
    hcmlc, bundled, monkeypatch
) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    comment = "the denominator is last year's"
    review(
        hcmlc,
        bundled,
        "issues",
        "--agency",
        "so-gddt",
        "2.1.1.b",
        "--cycle",
        "2025",
        "--comment",
        comment,
    )
    folder = bundled / "reminders"
    code, _, _ = hcmlc(
        "remind",
        "--root",
        str(bundled),
        "--agency",
        "so-gddt",
        "--format",
        "md",
        "--out",
        str(folder),
        "--lang",
        "en",
    )
    assert code == 0
    text = (folder / "so-gddt.md").read_text(encoding="utf-8")
    assert "Indicator 2.1.1.b: " in text
    assert f"Has issues: {comment}" in text
    assert "is requested to correct the items above that have issues" in text
