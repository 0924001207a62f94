"""English counts that read right: "1 word", "2 words"."""


def count(n: int, noun: str) -> str:
    """`n` and `noun`, with an `s` unless `n` is one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
