"""Entries grouped per file: a set of (cycle, agency, kind, item) to every reader."""

from __future__ import annotations

from hcmlc.core.results import Entries, Supplied

A = ("2025", "so-gddt", "indicator", "1.1.1.a")
B = ("2025", "so-gddt", "indicator", "1.1.2.a")
C = ("2025", "so-gddt", "answer", "slogan")
D = ("2024", "so-gddt", "indicator", "1.1.1.a")


def test_entries_are_a_set_of_tuples() -> None:
    entries = Entries.of([A, B, C, A])
    assert len(entries) == 3
    assert A in entries and C in entries and D not in entries
    assert ("2025", "so-gddt", "indicator") not in entries  # not an entry at all
    assert set(entries) == {A, B, C} and entries == frozenset({A, B, C})
    assert entries.items_of("2025", "so-gddt", "indicator") == {"1.1.1.a", "1.1.2.a"}
    assert entries.items_of("2025", "so-y-te", "indicator") == frozenset()


def test_supplied_merges_files_and_a_shared_group() -> None:
    supplied = Supplied()
    supplied.merge(Entries.of([A, C]))
    supplied.merge(Entries.of([D]))
    supplied.merge(Entries.of([B]))  # a second file of the same agency and cycle
    assert set(supplied) == {A, B, C, D}
    assert supplied.items_of("2025", "so-gddt", "indicator") == {"1.1.1.a", "1.1.2.a"}
    assert Supplied() == set()


def test_readings_keep_every_figure_as_it_was_observed() -> None:
    """The figures kept compactly for the check across cycles (core/readings.py) give back each
    one's file, value, note, year and place, grouped by agency and indicator in the order of
    their cycles, the cycles not ranked left out."""
    from hcmlc.core.readings import Readings
    from hcmlc.core.results import Observed

    def seen(cycle: str, item: str, value: float, loc: tuple, year: object = 2024) -> Observed:
        path = f"submissions/{cycle}/so-gddt.yaml"
        return Observed(cycle, "so-gddt", item, year, value, cycle == "2023", path, loc)  # type: ignore[arg-type]

    readings = Readings()
    readings.add([seen("2025", "1.1.1.a", 1.5, ("indicators", "1.1.1.a", "value"))])
    readings.add(
        [
            seen("2023", "1.1.1.a", 2.5, ("indicators", "1.1.1.a", "parts")),
            seen("2023", "1.1.2.a", 0.1, ("indicators", "1.1.2.a", "parts", 0), 2**70),
            seen("1999", "1.1.1.a", 9.0, ("elsewhere",)),
        ]
    )
    assert len(readings) == 4
    rank = {"2023": 1, "2025": 3}
    series = {(agency, item): found for agency, item, found in readings.series(rank)}
    assert series == {("so-gddt", "1.1.1.a"): [1, 0], ("so-gddt", "1.1.2.a"): [2]}
    assert [readings.sources[readings.source[n]][0] for n in (0, 1, 2, 3)] == [
        "2025",
        "2023",
        "2023",
        "1999",
    ]
    assert list(readings.value) == [1.5, 2.5, 0.1, 9.0] and list(readings.noted) == [0, 1, 1, 0]
    assert [readings.year(n) for n in range(4)] == [2024, 2024, 2**70, 2024]
    assert readings.loc(1, "1.1.1.a") == ("indicators", "1.1.1.a", "parts")
    assert readings.loc(2, "1.1.2.a") == ("indicators", "1.1.2.a", "parts", 0)
    assert readings.loc(3, "1.1.1.a") == ("elsewhere",)


def test_files_that_supplied_the_same_items_share_one_set_of_them() -> None:
    """At city scale each of a million ids read from the files was held on its own."""
    supplied = Supplied()
    first = ("2024", "phuong-1", "indicator")
    second = ("2025", "phuong-2", "indicator")
    supplied.merge(Entries.of([(*first, "".join(["1.1.1", ".a"])), (*first, "1.1.2.a")]))
    supplied.merge(Entries.of([(*second, "".join(["1.1.1", ".a"])), (*second, "1.1.2.a")]))
    supplied.merge(Entries.of([("2025", "phuong-3", "indicator", "".join(["1.1.1", ".a"]))]))
    shared = supplied.items_of(*first)
    assert shared == {"1.1.1.a", "1.1.2.a"} and supplied.items_of(*second) is shared
    [alone] = supplied.items_of("2025", "phuong-3", "indicator")
    assert alone is next(item for item in shared if item == "1.1.1.a")  # one id, shared
    assert set(supplied) == {(*first, "1.1.1.a"), (*first, "1.1.2.a")} | {
        (*second, "1.1.1.a"),
        (*second, "1.1.2.a"),
        ("2025", "phuong-3", "indicator", "1.1.1.a"),
    }


def test_figures_from_the_cache_are_kept_as_those_of_a_check() -> None:
    """The cache's rows of a file's figures read as `Observed`, and are kept without them."""
    from hcmlc.core.readings import Readings, Rows
    from hcmlc.core.results import Observed

    path = "submissions/2025/so-gddt.yaml"
    rows = [["1.1.1.a", 2025, 98, True, "value"], ["1.1.2.a", 2024, 1.5, False, "parts"]]
    cached = Rows("2025", "so-gddt", path, rows)
    checked = tuple(
        Observed("2025", "so-gddt", item, year, float(value), noted, path, ("indicators", item, at))
        for item, year, value, noted, at in rows
    )
    assert len(cached) == 2 and cached == checked and tuple(cached) == checked
    assert cached[1] == checked[1] and cached[:1] == checked[:1] and hash(cached) == hash(checked)
    kept = Readings(), Readings()
    kept[0].add(cached)
    kept[1].add(checked)
    for readings in kept:
        assert list(readings.value) == [98.0, 1.5] and list(readings.noted) == [1, 0]
        assert [readings.year(0), readings.year(1)] == [2025, 2024]
        assert readings.loc(1, "1.1.2.a") == ("indicators", "1.1.2.a", "parts")
        assert list(readings.series({"2025": 1})) == [
            ("so-gddt", "1.1.1.a", [0]),
            ("so-gddt", "1.1.2.a", [1]),
        ]
