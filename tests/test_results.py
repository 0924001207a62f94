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
