"""The Rich consoles every command writes to: colour and boxes only on a terminal, and what
comes from input shown as text, never as markup or terminal control."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.segment import Segment

from hcmlc.render.escape import visible


class _Console(Console):
    """Rich's console, but a reader that went away (`| head`) is not an error: Rich would exit
    with status 1, which means "problems found in the data"; the CLI ends with 0 instead."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(stderr: bool = False) -> Console:
    """A console that is plain (no colour, wide lines) when its stream is not a terminal.

    Markup and emoji codes are off: `[link=…]` or `:warning:` in an agency's name is text.
    Control characters in anything printed are escaped (`\\x1b`): see `_Visible`."""
    stream = sys.stderr if stderr else sys.stdout
    plain = not stream.isatty()
    console = _Console(
        file=stream,
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if plain else "auto",
        width=200 if plain else None,
        soft_wrap=False,
    )
    console.push_render_hook(_VisibleHook())
    return console


class _VisibleHook(RenderHook):
    """Wraps whatever is printed so that its text is escaped once laid out."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Visible(renderable) for renderable in renderables]


class _Visible:
    """A renderable whose text segments have their control characters escaped (line breaks,
    which the layout itself writes, are kept). Rich's own styles and cursor controls are not
    text, so they are untouched."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return _escaped(console.render(self.inner, options))


def _escaped(segments: Iterable[Segment]) -> Iterator[Segment]:
    for segment in segments:
        if segment.control or not segment.text:
            yield segment
        else:
            yield Segment(visible(segment.text, keep="\n"), segment.style)
