"""Values made once per process and kept by key, at most a given number, the oldest forgotten
first (or, `recent`, the least recently used): a command that loads the repository again,
compiles the same template again or compresses the same part again finds them made."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """At most `size` values by key; with `recent`, a value asked for counts as new again."""

    def __init__(self, size: int, *, recent: bool = False) -> None:
        self.size = size
        self.recent = recent
        self._values: dict[K, V] = {}

    def made(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for `key`, else `make()`'s, kept (None is a value like any other)."""
        if key in self._values:
            return self._asked(key)
        return self.put(key, make())

    def get(self, key: K) -> V | None:
        """The value kept for `key`, or None."""
        return self._asked(key) if key in self._values else None

    def put(self, key: K, value: V) -> V:
        """Keep `value` for `key`, forgetting the oldest past the bound; returns `value`."""
        self._values.pop(key, None)
        if len(self._values) >= self.size:
            del self._values[next(iter(self._values))]
        self._values[key] = value
        return value

    def newest(self) -> V:
        """The value kept last (or, `recent`, asked for last)."""
        return self._values[next(reversed(self._values))]

    def _asked(self, key: K) -> V:
        value = self._values[key]
        if self.recent:
            del self._values[key]
            self._values[key] = value
        return value
