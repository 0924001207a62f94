"""When a file was delivered: its `submitted:` date, checked against today and the cycle's
opening, else the commit that added it (deliveries.py)."""

from __future__ import annotations

import json

import pytest

FILE = "submissions/2025/so-gddt.yaml"


def dated(day: str) -> str:
    return (
        f'agency: so-gddt\ncycle: "2025"\nsubmitted: {day}\n'
        "indicators:\n  1.1.1.a: {value: 99.1, year: 2025}\n"
    )


def problems(hcmlc, root) -> list[dict]:
    _, out, _ = hcmlc("validate", "--root", str(root), "--format", "json")
    return json.loads(out)["problems"]


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")


def test_a_date_in_the_future_is_an_error_at_its_line(hcmlc, repo, today) -> None:
    repo.write(FILE, dated("2026-02-01"))
    [p] = problems(hcmlc, repo.root)
    assert (p["path"], p["line"], p["column"], p["code"]) == (FILE, 3, 12, "HCMLC-E090")
    assert p["message"] == "`submitted: 2026-02-01` is in the future (today is 2026-01-10)"
    assert p["hint"] == "write the day the file was delivered, as YYYY-MM-DD"


def test_a_date_before_the_cycle_opened_is_an_error(hcmlc, repo, today) -> None:
    """Cycle 2025 opens the day after the 2024 deadline of 15 December 2024."""
    repo.write(FILE, dated("2024-12-15"))
    [p] = problems(hcmlc, repo.root)
    assert p["message"] == "`submitted: 2024-12-15` is before cycle 2025 opened on 2024-12-16"
    repo.write(FILE, dated("2024-12-16"))
    assert problems(hcmlc, repo.root) == []


def test_a_cycle_may_say_when_it_opens(hcmlc, repo, today) -> None:
    path = repo.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    first_year: 2025\n    last_year: 2025\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + "    opens: 2025-06-01\n"), "utf-8")
    repo.write(FILE, dated("2025-05-31"))
    [p] = problems(hcmlc, repo.root)
    assert p["message"] == "`submitted: 2025-05-31` is before cycle 2025 opened on 2025-06-01"


def test_a_bad_today_is_a_usage_error(hcmlc, repo, monkeypatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "yesterday")
    code, _, err = hcmlc("status", "--root", str(repo.root))
    assert code == 2 and "$HCMLC_TODAY is `yesterday`, which is not a date" in err


def test_the_dates_check_runs_with_or_without_the_cache(hcmlc, repo, monkeypatch) -> None:
    """The cache keeps a file's own result; whether its date lies ahead depends on today."""
    repo.write(FILE, dated("2026-01-05"))
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-10")
    assert problems(hcmlc, repo.root) == []
    monkeypatch.setenv("HCMLC_TODAY", "2026-01-01")
    assert [p["code"] for p in problems(hcmlc, repo.root)] == ["HCMLC-E090"]
