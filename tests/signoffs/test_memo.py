"""What status keeps of the sign-offs between runs: served warm, never stale."""

from __future__ import annotations

import pytest

from hcmlc.repository.load import load
from hcmlc.signoffs import records
from hcmlc.signoffs.states import build_reviews

SO_GDDT = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
"""


def states(root) -> dict[str, str]:
    repo = load(root, keep=False)
    catalog = repo.require_catalog()
    reviews = build_reviews(root, catalog, repo.supplied, catalog.cycles["2023"])
    return {r.item: r.state for r in reviews.items}


def test_a_warm_run_reads_no_record_and_a_change_is_seen(hcmlc, repo, monkeypatch) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    assert hcmlc("review", "approve", "--agency", "so-gddt", "--root", str(repo.root))[0] == 0
    assert states(repo.root) == {"1.1.1.a": "approved"}

    def unread(*args: object) -> None:
        raise AssertionError("the review file was read again")

    monkeypatch.setattr(records, "read_reviews", unread)
    assert states(repo.root) == {"1.1.1.a": "approved"}
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT.replace("99.1", "98.1"))
    assert states(repo.root) == {"1.1.1.a": "stale"}  # the records kept, the digest not


def test_a_changed_review_file_is_read_again(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    hcmlc("review", "approve", "--agency", "so-gddt", "--root", str(repo.root))
    assert states(repo.root) == {"1.1.1.a": "approved"}
    reopen = ("review", "reopen", "--agency", "so-gddt", "--comment", "why", "--root")
    assert hcmlc(*reopen, str(repo.root))[0] == 0
    assert states(repo.root) == {"1.1.1.a": "awaiting"}


@pytest.mark.parametrize("damage", ["[", "cycle: 2023\nreviews: 7\n"])
def test_a_broken_review_file_is_a_data_error_in_status(hcmlc, repo, damage) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    repo.write("signoffs/reviews/2023.yaml", damage)
    code, _, err = hcmlc("status", "--root", str(repo.root))
    assert code == 1
    assert err.startswith("error: signoffs/reviews/2023.yaml:")
