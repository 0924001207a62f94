"""What a test sees of the calls a command makes: each call to a function passed through as it
was, and what a test wants of it (the path read, the entry parsed) noted, in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def noted_calls(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, note: Callable[..., str | None]
) -> list[str]:
    """What `note` makes of the arguments of each call to `owner.name` from now on (a call it
    makes None of is left out); the calls themselves go through to the function."""
    found: list[str] = []
    original = getattr(owner, name)

    def noting(*args: Any, **kwargs: Any) -> Any:
        noted = note(*args, **kwargs)
        if noted is not None:
            found.append(noted)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, noting)
    return found
