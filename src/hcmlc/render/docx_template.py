"""Rendering a docxtpl template of templates/ into .docx bytes, in the sandbox.

The template is Jinja inside .docx (see templates/build_templates.py for the sources). The file
is read as a regular file of bounded size, unpacked within bounds, and rendered in the sandbox
of render/sandbox.py with autoescaping: texts from the data are never template code, and the
template sees plain data and opaque images only. A failing template is a BrokenTemplate that
names the part, the paragraph and its text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcmlc.errors import BrokenTemplate, HcmlcError
from hcmlc.files.filesystem import TooLarge, read_regular
from hcmlc.i18n import _, grouped
from hcmlc.render.budget import bounded, memory_message
from hcmlc.render.escape import visible
from hcmlc.render.sandbox import Sandbox, located, plain

if TYPE_CHECKING:
    from docxtpl import DocxTemplate, RichText

MAX_TEMPLATE_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 200_000_000
"""What the parts of a .docx may add up to once unpacked: a zip bomb is refused unopened."""
MAX_PARTS = 10_000
MAX_TAG = 2_000
"""Characters of one `{{ … }}` or `{% … %}` in a Word template: the bundled ones are under 100."""
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_MARKUP = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<w:p[ >/]")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_CELL_TAG = re.compile(r"\{%\s*(?:colspan|cellbg)\b")
_RENDERED_PARTS = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.header+xml",
    "wordprocessingml.footer+xml",
    "wordprocessingml.footnotes+xml",
)
"""The parts docxtpl renders (the core properties aside, which are short texts)."""


def document_text(text: str) -> str:
    """A text from the data as a Word document can hold it: control characters (which XML
    refuses, and which docxtpl would read as paragraph or page breaks) shown as `\\x07`."""
    return visible(text, keep="\t\n")


def add_text(rich: RichText, text: str, **style: Any) -> RichText:
    """Add a text from the data to a run of formatted text, as a document can hold it
    (`document_text`): only hcmlc's own `\\a` breaks a paragraph. Returns `rich`."""
    rich.add(document_text(text), **style)
    return rich


def rich_text(text: str = "", **style: Any) -> RichText:
    """A run of formatted text holding `text` from the data (see `add_text`)."""
    from docxtpl import RichText

    return add_text(RichText(), text, **style) if text else RichText()


def _drop_styles_with_effects(document: DocxTemplate) -> None:
    """Drop Word 2010's copy of the styles (stylesWithEffects), which a template made with an
    older Word or python-docx carries: once the template's own styles differ from it, Word may
    call the document unreadable; Word 2013 and later neither need nor write it."""
    part = document.docx.part
    for rel in list(part.rels.values()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel.rId)


def render_docx(template: Path, context_of: Callable[[DocxTemplate], dict[str, Any]]) -> bytes:
    """The .docx bytes of `template` rendered with the context `context_of` builds for it (the
    document is needed to embed images); the context must be plain data (sandbox.plain)."""
    document = opened(template, read_template(template))
    context = plain(context_of(document), document_text)
    sandbox = RecordingSandbox(autoescape=True)
    try:
        with bounded():
            document.render(context, sandbox)
    except Exception as exc:
        raise broken(template, exc, sandbox, document) from None
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def opened(template: Path, data: bytes) -> DocxTemplate:
    """The template of `data` (read from `template`, `read_template`) parsed by python-docx, its
    stylesWithEffects dropped and the tags of every part docxtpl renders checked."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(data))
    try:
        document.init_docx()
    except Exception:  # a damaged or foreign file can fail anywhere in python-docx's reader
        raise BrokenTemplate(template, _("it is not a Word document (.docx)")) from None
    _drop_styles_with_effects(document)
    for part in document.docx.part.package.iter_parts():
        if part.content_type.endswith(_RENDERED_PARTS):
            _check_tags(template, str(part.partname).lstrip("/"), part.blob.decode("utf-8"))
    return document


class RecordingSandbox(Sandbox):
    """Keeps the source last compiled: docxtpl compiles each part just before rendering it,
    so a failure's line is a line of that source."""

    source = ""

    def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str):
            self.source = source
        return super().compile(source, *args, **kwargs)


def read_template(template: Path) -> bytes:
    """The template's bytes: a regular file, a zip whose parts stay within bounds."""
    try:
        data = read_regular(template, MAX_TEMPLATE_BYTES)
    except TooLarge as exc:
        raise BrokenTemplate(
            template,
            _("it is {size} bytes, over the limit of {limit}").format(
                size=grouped(exc.size), limit=grouped(MAX_TEMPLATE_BYTES)
            ),
        ) from None
    except OSError as exc:
        raise HcmlcError(
            _("cannot read the template {path}: {reason}").format(path=template, reason=exc),
            _("pass a Word document (.docx) with --template"),
        ) from None
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise BrokenTemplate(template, _("it is not a Word document (.docx)")) from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise BrokenTemplate(
            template,
            _("it would unpack to more than {limit} bytes").format(
                limit=grouped(MAX_UNPACKED_BYTES)
            ),
        )
    return data


def _check_tags(template: Path, part: str, xml: str) -> None:
    """Refuse, before docxtpl's regular expressions see them, tags that would take those
    expressions quadratic time: a tag opened inside another or never closed, a tag longer than
    MAX_TAG, a `%` inside `{% colspan %}` or `{% cellbg %}`. Checked in one pass on the text
    the tags are written in: markup removed, a line per paragraph."""
    flat = xml.replace("\r", " ").replace("\n", " ")
    text = _MARKUP.sub(lambda tag: "\n" if _PARAGRAPH.match(tag.group()) else "", flat)
    opened, start = "", 0
    for found in _DELIMITER.finditer(text):
        mark = found.group()
        if not opened:
            if mark in _CLOSER:
                opened, start = mark, found.start()
            continue  # a lone `}}` is text
        if mark in _CLOSER:
            problem = _("`{mark}` inside another tag").format(mark=mark)
        elif mark != _CLOSER[opened]:
            continue
        elif found.end() - start > MAX_TAG:
            problem = _("a tag of {size} characters, over the limit of {limit}").format(
                size=grouped(found.end() - start), limit=grouped(MAX_TAG)
            )
        elif _CELL_TAG.match(text, start) and "%" in text[start + 2 : found.start()]:
            problem = _("`%` inside `{% colspan %}` or `{% cellbg %}`")
        else:
            opened = ""
            continue
        raise _tag_error(template, part, text, found.start(), problem)
    if opened:
        problem = _("`{mark}` is never closed").format(mark=opened)
        raise _tag_error(template, part, text, start, problem)


def _tag_error(template: Path, part: str, text: str, at: int, problem: str) -> BrokenTemplate:
    """The error at `at` in a part's text (a line per paragraph, the first before any)."""
    paragraph = text.count("\n", 0, at)
    line = text[text.rfind("\n", 0, at) + 1 :].split("\n", 1)[0]
    excerpt = _excerpt(_SPACE.sub(" ", html.unescape(line)).strip(), text[at : at + 2])
    where = _("{part}, paragraph {n}").format(part=part, n=max(paragraph, 1))
    return BrokenTemplate(template, problem, where=f"{where} (“{visible(excerpt)}”)")


def broken(
    template: Path, exc: Exception, sandbox: RecordingSandbox, document: DocxTemplate
) -> Exception:
    """The BrokenTemplate a failure while rendering means, located; a failure that is not the
    template's (no template code in its traceback) is passed on as the bug it is."""
    from jinja2 import TemplateError
    from lxml.etree import XMLSyntaxError

    line = located(exc)
    if isinstance(exc, XMLSyntaxError):
        detail = _("it writes XML that Word cannot read ({error})").format(error=exc)
    elif isinstance(exc, TemplateError):
        detail = str(exc)
    elif isinstance(exc, MemoryError):  # past budget.MAX_MEMORY, wherever it was noticed
        detail = memory_message()
    elif line is not None:
        detail = template_fault(exc)
    else:
        return exc
    focus = getattr(exc, "focus", None)
    return BrokenTemplate(template, detail, where=_where(sandbox.source, line, document, focus))


def template_fault(exc: BaseException) -> str:
    """What a Python error raised by template code means (`1/0`, a call that recurses)."""
    if isinstance(exc, RecursionError):
        return _("the template calls itself too deeply")
    if isinstance(exc, MemoryError):
        return memory_message()
    return f"{type(exc).__name__}: {exc}"


def _where(
    source: str, line: int | None, document: DocxTemplate, focus: str | None = None
) -> str | None:
    """`word/document.xml, paragraph 12 ("{{ photo.image.tpl }}")`, or as much as is known;
    a long paragraph is quoted around `focus` (the name the template reached for).

    docxtpl starts each paragraph on a line of its own before compiling, so a line is a
    paragraph (the first line holds what comes before the first)."""
    if "<w:" not in source:
        return _("the document properties")
    part = getattr(getattr(document, "current_rendering_part", None), "partname", "")
    part = str(part).lstrip("/") or "word/document.xml"
    lines = source.split("\n")
    if line is None or not 0 < line <= len(lines):
        return part
    text = _excerpt(_SPACE.sub(" ", html.unescape(_TAG.sub("", lines[line - 1]))).strip(), focus)
    where = _("{part}, paragraph {n}").format(part=part, n=max(line - 1, 1))
    return f"{where} (“{visible(text)}”)" if text else where


def _excerpt(text: str, focus: str | None, width: int = 80) -> str:
    """At most `width` characters of `text`, around the first `focus` in it if any."""
    if len(text) <= width:
        return text
    at = text.find(focus) if focus else -1
    start = max(0, min(at - width // 2, len(text) - width)) if at >= 0 else 0
    cut = text[start : start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")
