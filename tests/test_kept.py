"""hcmlc/kept.py: values kept by key within a bound, the oldest (or least recently asked for)
forgotten first; a value None is kept like any other."""

from __future__ import annotations

from hcmlc.kept import Kept


def test_the_oldest_is_forgotten_past_the_bound() -> None:
    made: list[str] = []
    kept: Kept[str, str | None] = Kept(2)
    for key in ("a", "b", "a", "c", "a"):
        kept.made(key, lambda key=key: made.append(key) or (None if key == "b" else key.upper()))
    assert made == ["a", "b", "c", "a"]  # a asked for again did not keep it: b went, then a
    assert kept.get("b") is None and kept.get("c") == "C" and kept.newest() == "A"


def test_recent_keeps_what_is_asked_for() -> None:
    made: list[str] = []
    kept: Kept[str, None] = Kept(2, recent=True)
    for key in ("a", "b", "a", "c", "a", "b"):
        kept.made(key, lambda key=key: made.append(key))  # None, kept all the same
    assert made == ["a", "b", "c", "b"]


def test_put_replaces_and_counts_once() -> None:
    kept: Kept[str, int] = Kept(2)
    kept.put("a", 1)
    kept.put("a", 2)
    kept.put("b", 3)
    assert (kept.get("a"), kept.get("b"), kept.newest()) == (2, 3, 3)
