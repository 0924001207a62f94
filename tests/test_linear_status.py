"""Warm status's computation grows with the data, not faster (issue 29): the collector is
paused while it runs, and the obligations read the entries and the agencies' successions once
rather than once per item; what they find is what the direct definitions give."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import inspect

import pytest

from hcmlc.core import obligations
from hcmlc.core.obligations import Obligation, obligations_of
from hcmlc.core.receiving import EntryDate
from hcmlc.core.status import Tally, build_status
from hcmlc.repository.load import load


def test_status_computes_with_the_collector_paused(hcmlc, bundled, monkeypatch) -> None:
    seen: list[bool] = []
    from hcmlc.commands import status

    take = status.take

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return take(*args, **kwargs)

    monkeypatch.setattr(status, "take", watched)
    assert gc.isenabled()
    for output in ("table", "json"):
        code, _, err = hcmlc("status", "--root", str(bundled), "--format", output)
        assert (code, err) == (0, "")
    assert seen == [False, False]
    assert gc.isenabled()  # as it was after the command


def test_every_obligation_is_supplied_exactly_when_its_entry_is(bundled) -> None:
    repo = load(bundled)
    catalog = repo.require_catalog()
    deliveries = repo.deliveries()
    for cycle in catalog.assignments.cycles:
        for o in obligations_of(catalog, repo.supplied, cycle, dt.date(2030, 1, 1), deliveries):
            arrived = (o.agency, cycle.id) in deliveries or not deliveries
            entry = (cycle.id, o.agency, o.kind, o.item) in repo.supplied
            assert o.supplied == (entry and (arrived or o.supplied)), o


def test_the_overdue_only_are_the_overdue_of_all_in_the_same_order(bundled) -> None:
    """An earlier cycle's overdue items (open_cycles.still_open) made without the others are
    every overdue obligation, in order, on days before, between and after the deadlines."""
    repo = load(bundled)
    catalog = repo.require_catalog()
    deliveries = repo.deliveries()
    days = [dt.date(2023, 1, 1), dt.date(2024, 6, 30), dt.date(2025, 12, 16), dt.date(2030, 1, 1)]
    found = 0
    for cycle in catalog.assignments.cycles:
        for day in days:
            every = obligations_of(catalog, repo.supplied, cycle, day, deliveries)
            overdue = [o for o in every if o.state == "overdue"]
            only = obligations_of(catalog, repo.supplied, cycle, day, deliveries, overdue_only=True)
            assert list(only) == overdue
            found += len(overdue)
    assert found > 100  # the bundled city has overdue items on those days


def test_a_holder_kept_for_the_day_is_the_holder_of_each_item(bundled) -> None:
    catalog = load(bundled).require_catalog()
    succession = catalog.succession
    assert succession.split  # the bundled registry splits so-ldtbxh per duty: both paths run
    items = [None, *catalog.indicators, *catalog.questions]
    for day in (dt.date(2023, 1, 1), dt.date(2025, 7, 1), dt.date(2025, 12, 20)):
        for order in (items, items[::-1]):
            for agency in catalog.agencies:
                for item in order:
                    walked, _ = succession.walk(agency, day, item)
                    assert succession.holder(agency, day, item) == walked, (agency, day, item)
    assert succession.kept  # the agencies that were never split are kept for the day
    assert all(not succession.walk(agency, day, None)[1] for agency, day in succession.kept)
    ended = catalog.agencies["so-ldtbxh"].ended
    assert ended is not None and ("so-ldtbxh", dt.date(2025, 12, 20)) not in succession.kept


def test_the_owners_of_a_list_are_those_of_every_day_of_its_era(bundled) -> None:
    """`holders` of a list of agencies is kept per era (the registry's changes passed), so that
    thirty cycles ask once: each day's answer is still the walk of each agency on that day."""
    catalog = load(bundled).require_catalog()
    succession = catalog.succession
    listed = [*catalog.agencies]
    days = [*succession.changes, *(dt.date(y, m, 1) for y in (2019, 2025, 2040) for m in (1, 7))]
    for day in sorted({d + dt.timedelta(days=k) for d in days for k in (-1, 0, 1)}):
        for item in (None, "1.1.4.b", "3.3.4.a"):
            walked = [succession.walk(a, day, item)[0] for a in listed]
            expected = list(dict.fromkeys(a for a in walked if a is not None))
            assert succession.holders(listed, day, item) == expected, (day, item)
    assert succession.era(dt.date(2019, 1, 1)) == succession.era(dt.date(2019, 7, 1))
    assert succession.era(dt.date(2019, 1, 1)) < succession.era(dt.date(2040, 1, 1))
    ended = catalog.agencies["so-ldtbxh"].ended
    assert ended is not None
    assert succession.era(ended - dt.timedelta(days=1)) < succession.era(ended)


def test_who_owes_an_item_is_its_owners_and_the_same_owners_share_one_set(bundled) -> None:
    """The catalog keeps one set per group of owners, not one per item and cycle (issue 29:
    a set of 2,000 wards for every item and cycle was a tenth of validate's memory)."""
    catalog = load(bundled).require_catalog()
    for cycle in (None, *catalog.assignments.cycles):
        for kind in ("indicator", "answer"):
            for item, owners in catalog.owners(kind, cycle).items():
                for agency in catalog.agencies:
                    assert catalog.owes(kind, item, agency, cycle) == (agency in owners)
    sets = [s for owed in catalog._owed.values() for s in owed.values()]
    assert len({id(s) for s in sets}) == len({tuple(sorted(s)) for s in sets}) < len(sets)


def _state(o: Obligation) -> str:
    """An obligation's state by its definition, from its `late_days`."""
    if o.supplied:
        return "late" if o.late_days else "supplied"
    return "overdue" if o.days_left < 0 else "due"


def _direct(obligations: list[Obligation]) -> Tally:
    """A tally by its definition: each obligation's state, counted."""
    states = [_state(o) for o in obligations]
    overdue = [-o.days_left for o in obligations if _state(o) == "overdue"]
    return Tally(
        len(states),
        sum(state in ("supplied", "late") for state in states),
        len(overdue),
        max(overdue, default=0),
        states.count("late"),
    )


def test_each_count_of_a_status_is_the_count_of_its_obligations(bundled) -> None:
    """Status counts each obligation once, in its criterion, and sums the criteria into their
    standards and areas, the kinds into their agency: each row is still the tally of its
    obligations, each obligation's state and `formerly` still what their definitions give."""
    repo = load(bundled)
    catalog = repo.require_catalog()
    deliveries = repo.deliveries()
    seen: set[str] = set()
    for cycle in catalog.assignments.cycles:
        formerly: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
        for day in (dt.date(2024, 6, 30), dt.date(2025, 12, 16), dt.date(2030, 1, 1)):
            status = build_status(catalog, repo.supplied, cycle, day, deliveries=deliveries)
            every = status.obligations
            assert [o.state for o in every] == [_state(o) for o in every]
            seen.update(o.state for o in every)
            mine: dict[str, list[Obligation]] = {}
            of: dict[str, list[Obligation]] = {c.id: [] for c in catalog.criteria()}
            for o in every:
                mine.setdefault(o.agency, []).append(o)
                if o.kind == "indicator":
                    of[catalog.criterion_of[o.item].id].append(o)
                if (o.kind, o.item) not in formerly:
                    listed = catalog.owners(o.kind)[o.item]
                    holders = [
                        (f, catalog.succession.holder(f, cycle.reference_date, o.item))
                        for f in listed
                    ]
                    formerly[o.kind, o.item] = {
                        a: tuple(f for f, h in holders if h == a and h != f and h not in listed)
                        for a in {h for _f, h in holders if h is not None}
                    }
                assert o.formerly == formerly[o.kind, o.item].get(o.agency, ())
            for row in status.agencies:
                urgent = sorted(
                    mine[row.id], key=lambda o: (o.supplied, o.days_left, o.kind, o.item)
                )
                assert status.todo(row.id) == urgent
                for kind in (None, "indicator", "answer"):
                    assert status.tally(kind, row.id) == Tally.of(mine[row.id], kind)
                assert row.tally == _direct(mine[row.id])
                assert row.indicators == _direct([o for o in mine[row.id] if o.kind == "indicator"])
                assert row.answers == _direct([o for o in mine[row.id] if o.kind == "answer"])
            assert [row.id for row in status.agencies] == [
                a.id for a in catalog.assignments.agencies if a.id in mine
            ]
            for rows, parts in (
                (status.criteria, {c.id: [c.id] for c in catalog.criteria()}),
                (status.standards, {s.id: [c.id for c in s.criteria] for s in catalog.standards()}),
                (
                    status.areas,
                    {
                        a.id: [c.id for s in a.standards for c in s.criteria]
                        for a in catalog.areas()
                    },
                ),
            ):
                for row in rows:
                    assert row.tally == _direct([o for c in parts[row.id] for o in of[c]]), row.id
    assert seen == {"supplied", "late", "due", "overdue"}
    assert status.todo("no-such-agency") == [] and status.tally(agency="no-such-agency").owed == 0


def test_an_obligation_made_by_its_slots_is_the_one_its_init_makes() -> None:
    """obligations_of makes each obligation by setting its slots (`_made`), not through the
    frozen `__init__`: the same fields in the same order, the same value, frozen all the same."""
    assert list(inspect.signature(obligations._made).parameters) == [
        f.name for f in dataclasses.fields(Obligation)
    ]
    day = dt.date(2025, 12, 15)
    dated = EntryDate(day, "received")
    for values in (
        ("so-gddt", "indicator", "1.1.1.a", day, True, -3, day, ("so-ldtbxh",), dated),
        ("phuong-sai-gon", "answer", "mayor", day, False, 12, None, (), None),
    ):
        made = obligations._made(*values)
        assert made == Obligation(*values) and repr(made) == repr(Obligation(*values))
        assert hash(made) == hash(Obligation(*values)) and made.state == Obligation(*values).state
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.supplied = not made.supplied  # type: ignore[misc]
