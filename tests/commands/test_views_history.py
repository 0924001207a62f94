"""`status`, `report` and `dashboard` read the years before the one they show through the
results cache, comparing no figure across cycles (validate's warnings), never by re-reading
every old file (issue 29): what they say is what reading every file afresh says, and a changed
old file changes it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hcmlc.core.id_text import IdText
from hcmlc.core.open_cycles import still_open
from hcmlc.documents.report import build_report
from hcmlc.documents.snapshot import lead_files, take, targets_document
from hcmlc.repository.fingerprint import data_digest
from hcmlc.repository.load import load

DAY = "2025-12-20"
TODAY = "2026-01-10"
GDDT_2024 = "submissions/2024/so-gddt.yaml"
QUAN_1_2023 = "submissions/2023/quan-1.yaml"
SHARING = "    parts:\n      households-sharing: 1736\n      households: 14000\n"


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", TODAY)


def status(hcmlc, root: Path, *extra: str) -> dict:
    code, out, err = hcmlc(
        "status", "--root", str(root), "--as-of", DAY, "--format", "json", *extra
    )
    assert code == 0, err
    return json.loads(out)


def report(hcmlc, root: Path, *extra: str) -> str:
    out = root / "report.md"
    code, _out, err = hcmlc(
        "report", "--root", str(root), "--format", "md", "--out", str(out), "--force", *extra
    )
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def page(hcmlc, root: Path) -> str:
    code, _out, err = hcmlc("dashboard", "--root", str(root), "--as-of", DAY)
    assert code in (0, 1), err
    return (Path("site") / "index.html").read_text(encoding="utf-8")


def indicator(document: dict, item: str) -> dict:
    return next(
        found
        for criterion in document["targets"]["criteria"]
        for found in criterion["indicators"]
        if found["id"] == item
    )


def test_a_view_from_the_cache_says_what_reading_every_file_says(
    hcmlc, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(bundled)
    afresh = status(hcmlc, bundled, "--no-cache")
    written = report(hcmlc, bundled, "--no-cache")
    first = page(hcmlc, bundled)  # the results cache filled by these runs
    assert status(hcmlc, bundled) == afresh
    assert report(hcmlc, bundled) == written
    assert page(hcmlc, bundled) == first
    assert afresh["targets"]["counts"] == {
        "met": 8,
        "on-track": 0,
        "behind": 0,
        "not-met": 5,
        "no-data": 9,
        "no-target": 25,
    }


def test_the_assessment_from_the_cache_is_that_of_every_file_read_in_full(bundled: Path) -> None:
    whole = load(bundled)  # every file read with its model, its figures compared across cycles
    load(bundled, cache=True, keep=False)  # fills the results cache
    cached = load(bundled, cache=True, keep=False, compare=False)
    assert not cached.submissions
    assert cached.supplied == whole.supplied
    assert sorted(map(repr, cached.figures)) == sorted(map(repr, whole.figures))
    day = dt.date.fromisoformat(DAY)
    cycle = whole.cycle(None)
    full = take(whole, cycle, day)
    served = take(cached, cycle, day, submissions=lead_files(cached))
    assert targets_document(served) == targets_document(full)
    assert build_report(served.facts, 2025, "vi", as_of=day) == build_report(
        full.facts, 2025, "vi", as_of=day
    )
    # the data's fingerprint from the digests the load took is that of every file read again
    assert cached.digests.keys() == set(cached.paths) and not whole.digests
    assert data_digest(cached) == data_digest(whole)
    (bundled / GDDT_2024).write_text("agency: so-gddt\n", encoding="utf-8")
    assert data_digest(load(bundled, cache=True, keep=False)) != data_digest(cached)


def test_an_old_lead_figure_changed_changes_the_trend(hcmlc, bundled: Path) -> None:
    before = indicator(status(hcmlc, bundled), "1.1.1.a")
    assert (before["trend"], before["compared_years"]) == ("improving", [2022, 2024, 2025])
    path = bundled / GDDT_2024
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 98.95", "value: 99.5", 1), encoding="utf-8")
    after = status(hcmlc, bundled)  # every other file's results from the cache
    assert indicator(after, "1.1.1.a")["trend"] == "worsening"
    assert after == status(hcmlc, bundled, "--no-cache")


def test_an_old_units_figure_changed_changes_the_report_through_the_cache(
    hcmlc, bundled: Path
) -> None:
    compared = "không so sánh được: năm 2023 từ {n}/22 đơn vị, năm 2025 từ 12/168 đơn vị"
    assert compared.format(n=2) in report(hcmlc, bundled)
    path = bundled / QUAN_1_2023
    text = path.read_text(encoding="utf-8")
    assert SHARING in text
    path.write_text(text.replace(SHARING, "    value: 12.4\n", 1), encoding="utf-8")
    # the 2023 figure of 3.3.4.a is formed from the units' figures, read from the cache but
    # for the file changed: quan-1's is now a value without its parts, and no longer counts
    after = report(hcmlc, bundled)
    assert compared.format(n=1) in after
    assert compared.format(n=2) not in after
    assert after == report(hcmlc, bundled, "--no-cache")


def test_a_view_of_one_cycle_decodes_the_ids_of_its_cycles_only(bundled: Path) -> None:
    whole = load(bundled)
    load(bundled, cache=True, keep=False)  # fills the results cache
    cached = load(bundled, cache=True, keep=False, compare=False)
    groups = dict(cached.supplied.groups())
    assert groups and all(isinstance(ids, IdText) and not ids.built for ids in groups.values())
    day = dt.date.fromisoformat(DAY)
    cycle = cached.cycle(None)
    snapshot = take(cached, cycle, day)
    earlier = still_open(cached.require_catalog(), cached.supplied, cycle, day)
    built = {group[0] for group, ids in groups.items() if ids.built}
    others = {group[0] for group in groups} - {cycle.id}
    assert cycle.id in built and others and not built & others
    full = take(whole, whole.cycle(None), day)
    assert snapshot.status == full.status
    assert earlier == still_open(whole.require_catalog(), whole.supplied, cycle, day)
    assert cached.supplied == whole.supplied  # every id there, when asked


def test_ids_kept_as_text_are_a_set() -> None:
    ids = IdText("b\na")
    assert not ids.built and "a" in ids and ids.built and "ab" not in ids
    assert ids == frozenset({"a", "b"}) == ids and len(ids) == 2 and sorted(ids) == ["a", "b"]
    assert hash(ids) == hash(frozenset({"a", "b"})) and repr(ids) == "IdText(['a', 'b'])"
    union = ids | frozenset({"c"})
    assert type(union) is frozenset and union == {"a", "b", "c"}
