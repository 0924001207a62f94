"""How the sandbox (render/sandbox.py) compiles a template: no tag that reads another file, a
bounded source, the counters of render/sandbox_bounds.py inserted around loops and `~`, and the
compiled code remembered by source for the templates rendered again and again."""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from hcmlc.i18n import _, grouped
from hcmlc.kept import Kept
from hcmlc.render.sandbox_bounds import ITERATE, OPERAND, TEXT
from hcmlc.render.sandbox_limits import MAX_SOURCE

_FORBIDDEN_TAGS = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from",
    nodes.Extends: "extends",
}


class CachedCompiler(SandboxedEnvironment):
    """A sandboxed environment whose templates read no other file and count their work, each
    source compiled once."""

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Jinja's compile, remembered by source: docxtpl compiles every part of a template for
        each document, and `remind` renders the same letter for every agency. The code depends
        only on the source and on this environment's settings (the key), never on its budget,
        which the compiled code reaches through the environment it is rendered in."""
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        key = (*self._settings(), source, name, filename, defer_init)
        return _COMPILED.made(
            key,
            lambda: super(CachedCompiler, self).compile(source, name, filename, False, defer_init),
        )

    def _settings(self) -> tuple[Any, ...]:
        """What the generated code depends on besides the source."""
        return (
            type(self),
            self.autoescape,
            self.keep_trailing_newline,
            self.trim_blocks,
            self.lstrip_blocks,
            self.optimized,
            tuple(sorted(self.filters)),
            tuple(sorted(self.tests)),
        )

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_SOURCE:
            raise TemplateSyntaxError(
                _("the template is {size} characters long, over the limit of {limit}").format(
                    size=grouped(len(source)), limit=grouped(MAX_SOURCE)
                ),
                1,
                name,
                filename,
            )
        tree = super()._parse(source, name, filename)
        for tag, word in _FORBIDDEN_TAGS.items():
            for node in tree.find_all(tag):
                raise TemplateSyntaxError(
                    _("`{{% {tag} %}}` is not allowed: a template cannot read other files").format(
                        tag=word
                    ),
                    node.lineno,
                    name,
                    filename,
                )
        bounded: nodes.Template = _Bounds().visit(tree)
        bounded.set_environment(self)
        return bounded


_COMPILED: Kept[tuple[Any, ...], Any] = Kept(64)
"""A document's parts (8 for a .docx), for a few templates."""


class _Bounds(NodeTransformer):
    """Wraps each loop's items in the step counter and each `~` in the size check."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, ITERATE, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [
            nodes.Filter(part, OPERAND, [], [], None, None, lineno=node.lineno)
            for part in node.nodes
        ]
        return nodes.Filter(node, TEXT, [], [], None, None, lineno=node.lineno)
