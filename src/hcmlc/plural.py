"""English counts for English content (the file `new-submission` writes): "1 word", "2 words".

The interface counts with `hcmlc.i18n.count`, which follows the chosen language.
"""


def count(n: int, noun: str) -> str:
    """`n` and `noun`, with an `s` unless `n` is one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
