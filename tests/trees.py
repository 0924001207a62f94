"""Trees of scalars, lists and mappings for the property tests, drawn without `st.recursive`.

`st.recursive(base, extend, max_leaves=n)` nests `extend` in a `one_of` some log2(n) levels
deep, and throws a whole tree away and draws it again when it comes out with more than n
leaves (11-18% of the documents of tests/test_plain_reader.py, 16% of the values of
tests/test_fuzz.py). Drawing the trees was most of those tests' CPU. `trees` draws the same kinds
of trees (a scalar, or a list or a mapping of trees, nested, at most `max_leaves` scalars)
straight: each node is one draw of its shape, a list one of its length, a mapping one of its
distinct keys, and a tree stops growing when its leaves are spent instead of being drawn again.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

SHAPES = st.integers(0, 9)
"""A node's shape: a scalar below SCALARS[depth], else a list if even, a mapping if odd."""
SCALARS = (1, 5, 7, 8, 9, 10)
"""A scalar at the top one time in ten, then more and more often the deeper: the sizes and
depths of st.recursive's trees (a mean of 3 to 6 leaves, rarely 5 levels deep)."""


def trees(
    scalars: st.SearchStrategy[Any],
    keys: st.SearchStrategy[str],
    *,
    max_leaves: int,
    items: tuple[int, int],
    entries: tuple[int, int],
) -> st.SearchStrategy[Any]:
    """A scalar, or a list of `items` (min, max) trees, or a mapping of `entries` (min, max)
    distinct keys to trees, nested: at most `max_leaves` scalars in all. A container whose
    leaves run out keeps the children it has (at least one)."""
    lengths = st.integers(*items)
    key_lists = st.lists(keys, min_size=entries[0], max_size=entries[1], unique=True)

    @st.composite
    def tree(draw: st.DrawFn) -> Any:
        left = [max_leaves]

        def node(depth: int) -> Any:
            shape = draw(SHAPES) if left[0] > 1 and depth < len(SCALARS) else 0
            if shape < SCALARS[min(depth, len(SCALARS) - 1)]:
                left[0] -= 1
                return draw(scalars)
            if shape % 2 == 0:
                children: list[Any] = []
                for _ in range(draw(lengths)):
                    if left[0] <= 0:
                        break
                    children.append(node(depth + 1))
                return children
            mapping: dict[str, Any] = {}
            for key in draw(key_lists):
                if left[0] <= 0:
                    break
                mapping[key] = node(depth + 1)
            return mapping

        return node(0)

    return tree()
