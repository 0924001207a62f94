"""A file's accepted item ids as the results cache keeps them (one text, an id a line), made a
set only when first asked: a view of one year asks only its own cycle's (issue 29)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set


class IdText(Set[str]):
    """The ids of `text`, one a line (none empty), as a set built on first use."""

    __slots__ = ("_ids", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ids: frozenset[str] | None = None

    @classmethod
    def _from_iterable(cls, items: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        """What set operations (`|`, `&`, `-`) give: a plain frozenset."""
        return frozenset(items)

    @property
    def built(self) -> bool:
        """Whether the set was asked for (what a test of a view of one cycle looks at)."""
        return self._ids is not None

    def _set(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = frozenset(self._text.split("\n"))
        return self._ids

    def __contains__(self, item: object) -> bool:
        return item in self._set()

    def __iter__(self) -> Iterator[str]:
        return iter(self._set())

    def __len__(self) -> int:
        return len(self._set())

    def __repr__(self) -> str:
        return f"IdText({sorted(self._set())!r})"

    def __hash__(self) -> int:
        return hash(self._set())  # that of the equal frozenset
