"""Every command a guide tells its reader to type exists, with every option it names."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from command_reference import commands, options

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted((DOCS / "guides").glob("*.md")) + sorted(DOCS.glob("index*.md"))
SPAN = re.compile(r"`(hcmlc [^`]+)`")
FENCE = re.compile(r"^( *)```(?:sh)?\n(.*?)^\1```", re.MULTILINE | re.DOTALL)


def known() -> dict[str, set[str]]:
    """Each command path (`hcmlc review approve`) with its options."""
    return {
        path: {opt for p in options(cmd, ctx) if p.param_type_name == "option" for opt in p.opts}
        for path, cmd, ctx in commands()
    }


def typed(page: Path) -> list[str]:
    """Each `hcmlc …` of the page: the lines of its code blocks and its code spans, without
    comments."""
    text = page.read_text(encoding="utf-8")
    found = [span for span in SPAN.findall(text)]
    for _indent, block in FENCE.findall(text):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if line.startswith("hcmlc "):
                found.append(line.split(" #")[0].split("&&")[0])
    return [line.strip() for line in found]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_command_a_guide_names_exists(page: Path) -> None:
    app = known()
    for line in typed(page):
        words = shlex.split(line)
        path = "hcmlc"
        for word in words[1:]:
            if f"{path} {word}" not in app:
                break
            path = f"{path} {word}"
        assert path != "hcmlc" or words[1].startswith("-"), (page.name, line)
        unknown = {w.split("=")[0] for w in words if w.startswith("--")} - app[path] - app["hcmlc"]
        assert not unknown, (page.name, line, unknown)


def test_the_guides_name_commands() -> None:
    assert sum(len(typed(page)) for page in PAGES) > 40
