"""Letters from a template parsed once (render/docx_prepared.py) and zipped once
(files/docx_pack.py) are, byte for byte, the letters docxtpl rendered and saved for each agency
and `docx_parts.rewrite` zipped again (hcmlc before the change, `before` below): the bundled
city's letters (a sample of every shape; all 195 with HCMLC_FUZZ_SCALE > 1, which they passed),
a template with what the bundled one lacks (headers and footers, two sections, footnotes, a table
row loop, no properties), the one rendered the old way, and each hostile template refused with
the same located error. The zip entries are dated by the clock, so the clock is stopped while
both are made."""

from __future__ import annotations

import io
import os
import re
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import docxtpl.template
import pytest

from hcmlc.errors import BrokenTemplate
from hcmlc.files.docx_pack import pack
from hcmlc.files.docx_parts import rewrite
from hcmlc.files.outputs import stamp
from hcmlc.kept import Kept
from hcmlc.render import docx_prepared, reminder_docx
from hcmlc.render.docx_language import language
from hcmlc.render.docx_template import render_docx

PROJECT = Path(__file__).resolve().parents[1]
STOPPED = time.mktime((2025, 12, 20, 9, 30, 0, 0, 0, -1))
EVERY_LETTER = int(os.environ.get("HCMLC_FUZZ_SCALE", "1")) > 1
"""Compare every letter of the city (the long run); else every twelfth and the varied ones."""


def before(template: Path, reminder: Any, lang: str) -> bytes:
    """A letter as hcmlc wrote it before: docxtpl renders and saves, then one rewrite."""
    data = render_docx(template, lambda _document: reminder_docx.context(reminder))
    return rewrite(data, language(lang), stamp)


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`remind` on the bundled city with the clock stopped, each letter kept with what it was
    made from, and how many times a template was parsed (the workbooks are left out: a letter
    names its workbook whether or not it is built)."""
    from typer.testing import CliRunner

    from hcmlc.cli.app import app
    from hcmlc.workbook.issue import Issued

    root = tmp_path_factory.mktemp("city")
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / name, root / name)
    made: list[tuple[Any, Path, str, bytes]] = []
    parsed: list[object] = []
    written: dict[str, bytes] = {}
    render_letter, parse = reminder_docx.render_letter, docxtpl.template.Document

    def kept(reminder: Any, template: Path, lang: str, *finish: Any) -> bytes:
        data = render_letter(reminder, template, lang, *finish)
        made.append((reminder, template, lang, data))
        return data

    def counted(*args: Any) -> Any:
        parsed.append(args)
        return parse(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: STOPPED)
        patch.setattr(reminder_docx, "render_letter", kept)
        patch.setattr(docxtpl.template, "Document", counted)  # python-docx's parse
        patch.setattr("hcmlc.commands.remind.build_workbooks", lambda *_a: Issued())
        patch.setattr(docx_prepared, "_PREPARED", Kept(4, recent=True))
        # kept in memory: the schema check of every letter is test_remind's (the same bytes)
        patch.setattr(
            "hcmlc.commands.remind.write_atomic", lambda p, d: written.update({p.name: d})
        )
        out = root / "letters"
        result = CliRunner().invoke(
            app, ["remind", "--root", str(root), "--as-of", "2025-12-20", "--out", str(out)]
        )
    assert result.exit_code == 0, result.output
    return {"made": made, "parsed": len(parsed), "written": written}


def sample(made: list[tuple[Any, Path, str, bytes]]) -> list[tuple[Any, Path, str, bytes]]:
    """Every letter (the long run), or every twelfth and the first of each number of items,
    with and without a workbook, with and without a focal point."""
    if EVERY_LETTER:
        return made
    chosen: dict[object, int] = {}
    for at, (reminder, *_rest) in enumerate(made):
        chosen.setdefault(("items", len(reminder.items)), at)
        chosen.setdefault(("workbook", reminder.workbook is None), at)
        chosen.setdefault(("focal point", reminder.focal_point is None), at)
    return [made[at] for at in sorted({*chosen.values(), *range(0, len(made), 12)})]


def test_every_letter_is_byte_for_byte_the_letter_docxtpl_saved(letters, monkeypatch) -> None:
    made = letters["made"]
    assert len(made) == len(letters["written"]) == 195
    assert set(letters["written"].values()) == {data for *_, data in made}
    monkeypatch.setattr(time, "time", lambda: STOPPED)
    for reminder, template, lang, data in sample(made):
        assert data == before(template, reminder, lang), reminder.agency
    english = before(made[0][1], made[0][0], "en")
    assert reminder_docx.render_letter(made[0][0], made[0][1], "en", stamp) == english


def test_a_run_parses_the_template_once(letters) -> None:
    assert letters["parsed"] == 1  # for 195 letters; docxtpl parsed it for each


def word(path: Path, *paragraphs: str, **parts: str) -> Path:
    """A template of `paragraphs`, with a header, a footer, a title as `parts` say."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    section = document.sections[0]
    if "header" in parts:
        section.header.paragraphs[0].text = parts["header"]
    if "footer" in parts:
        section.footer.paragraphs[0].text = parts["footer"]
    if "title" in parts:
        document.core_properties.title = parts["title"]
    document.save(str(path))
    return path


def edited(path: Path, changes: dict[str, Any]) -> Path:
    """The .docx at `path` with parts replaced (bytes), edited (a function of the bytes) or
    removed (None)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, change in changes.items():
        if change is None:
            del parts[name]
        else:
            parts[name] = change(parts.get(name, b"")) if callable(change) else change
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>{{ name }} — {{ items|length }}</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
).encode()
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def with_footnotes(path: Path) -> Path:
    """`path` with a footnotes part that prints from the data."""
    note = (
        f'<Relationship Id="rId99" Type="{REL}footnotes" Target="footnotes.xml"/></Relationships>'
    ).encode()
    kind = (
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    return edited(
        path,
        {
            "word/footnotes.xml": FOOTNOTES,
            "word/_rels/document.xml.rels": lambda xml: xml.replace(b"</Relationships>", note),
            "[Content_Types].xml": lambda xml: xml.replace(b"</Types>", kind),
        },
    )


ROWS = "{%tr for i in items %}"


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    """A template with a header and a footer from the data, two sections, a table whose rows
    loop over the items, footnotes and a title from the data."""
    document = docx.Document()
    document.add_paragraph("Kính gửi: {{ name }} ({{ agency }})")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = ROWS, "{{ i.item }}"
    table.cell(1, 1).text, table.cell(2, 0).text = "{{ i.deadline }}", "{%tr endfor %}"
    document.add_section()
    document.add_paragraph("{% for i in items %}{{ loop.index }}. {{ i.text }} {% endfor %}")
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ agency }}"
    section.footer.paragraphs[0].text = "{{ items|length }}"
    document.core_properties.title = "Nhắc {{ agency }}"
    document.save(str(tmp_path / "rich.docx"))
    return with_footnotes(tmp_path / "rich.docx")


def same(
    template: Path, letter: Any, monkeypatch: pytest.MonkeyPatch, dated: bool = False
) -> bytes:
    """The letter of `letter` through `template` both ways, asserted equal (`dated`: but for
    the date python-docx gives the properties it makes for a template without them)."""
    monkeypatch.setattr(time, "time", lambda: STOPPED)
    old = before(template, letter, "vi")
    new = reminder_docx.render_letter(letter, template, "vi", stamp)
    assert dated or new == old
    if dated:
        modified = re.compile(rb"<dcterms:modified[^<]*</dcterms:modified>")
        assert parts(old).keys() == parts(new).keys()
        for name, content in parts(old).items():
            assert modified.sub(b"", content) == modified.sub(b"", parts(new)[name]), name
    return new


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_headers_footers_sections_rows_footnotes_and_properties(letters, rich, monkeypatch):
    letter = letters["made"][0][0]
    new = parts(same(rich, letter, monkeypatch))
    assert docx_prepared._PREPARED.newest() is not None
    name = letter.name.encode()
    assert new["word/footnotes.xml"].count(name) == 1  # rendered once per section, as before
    assert name in new["word/document.xml"] and letter.agency.encode() in new["docProps/core.xml"]
    assert new["word/document.xml"].count(b"<w:tr>") + new["word/document.xml"].count(
        b"<w:tr "
    ) == len(letter.items)


def test_a_template_without_properties(letters, tmp_path, monkeypatch) -> None:
    template = word(tmp_path / "bare.docx", "{{ name }}")
    rels = re.compile(rb'<Relationship [^>]*core-properties"[^>]*/>')
    edited(template, {"docProps/core.xml": None, "_rels/.rels": lambda xml: rels.sub(b"", xml)})
    new = parts(same(template, letters["made"][0][0], monkeypatch, dated=True))
    assert b"<dc:title>Word Document</dc:title>" in new["docProps/core.xml"]


def test_a_header_met_twice_is_rendered_the_old_way(letters, tmp_path, monkeypatch) -> None:
    template = word(tmp_path / "twice.docx", "{{ name }}", header="{{ agency }}")
    twice = f'<Relationship Id="rId98" Type="{REL}header" Target="header1.xml"/></Relationships>'
    rels = "word/_rels/document.xml.rels"
    edited(template, {rels: lambda xml: xml.replace(b"</Relationships>", twice.encode())})
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile, saving for docxtpl
        same(template, letters["made"][0][0], monkeypatch)
    assert docx_prepared._PREPARED.newest() is None


HOSTILE = {
    "a text's class": ("{{ name.__class__.__mro__ }}",),
    "a list's method": ("{{ items.append(1) }}",),
    "another file": ("Kính gửi", "{% include 'x.xml' %}"),
    "a huge range": ("{{ range(10 ** 12)|list }}",),
    "writing without bound": (
        "{% set s = 'x' * 9000000 %}{% for i in range(10) %}{{ s }}{% endfor %}",
    ),
    "division by zero": ("{{ 1 / 0 }}",),
    "a tag never closed": ("{{ name ",),
    "a tag inside a tag": ("{{ {{ name }} }}",),
    "a syntax error": ("{% if name %}",),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_template_is_refused_as_before(letters, tmp_path, case: str) -> None:
    letter = letters["made"][0][0]
    template = word(tmp_path / "hostile.docx", *HOSTILE[case])
    with pytest.raises(BrokenTemplate) as old:
        before(template, letter, "vi")
    for _again in range(2):  # and again, from the template prepared
        with pytest.raises(BrokenTemplate) as new:
            reminder_docx.render_letter(letter, template, "vi", stamp)
        assert (str(new.value), new.value.hint) == (str(old.value), old.value.hint)
    assert f"the template {template} is broken" in str(new.value)


@pytest.mark.parametrize(
    "where", [{"header": "{{ name.__class__ }}"}, {"footer": "{{ 1 / 0 }}"}, {"title": "{{ 1/0 }}"}]
)
def test_a_hostile_header_footer_or_title_is_located_as_before(letters, tmp_path, where) -> None:
    letter = letters["made"][0][0]
    template = word(tmp_path / "hostile.docx", "{{ name }}", **where)
    with pytest.raises(BrokenTemplate) as old:
        before(template, letter, "vi")
    with pytest.raises(BrokenTemplate) as new:
        reminder_docx.render_letter(letter, template, "vi", stamp)
    assert str(new.value) == str(old.value)
    assert ("document properties" in str(new.value)) == ("title" in where)


def test_a_damaged_template_is_refused_as_before(letters, tmp_path) -> None:
    template = tmp_path / "reminder.docx"
    template.write_bytes(b"not a zip")
    letter = letters["made"][0][0]
    with pytest.raises(BrokenTemplate) as new:
        reminder_docx.render_letter(letter, template, "vi", stamp)
    assert str(new.value).endswith("it is not a Word document (.docx)")
    edited(word(template, "x"), {"word/document.xml": b"<not a document"})
    with pytest.raises(BrokenTemplate) as old:
        before(template, letter, "vi")
    with pytest.raises(BrokenTemplate) as new:
        reminder_docx.render_letter(letter, template, "vi", stamp)
    assert str(new.value) == str(old.value)


def test_a_changed_template_is_parsed_again(letters, tmp_path, monkeypatch) -> None:
    letter = letters["made"][0][0]
    template = word(tmp_path / "t.docx", "Một {{ name }}")
    assert b"M\xe1\xbb\x99t" in parts(same(template, letter, monkeypatch))["word/document.xml"]
    word(template, "Hai {{ name }}")
    assert b"Hai " in parts(same(template, letter, monkeypatch))["word/document.xml"]


def test_a_package_zipped_once_is_the_package_rewrite_zips(monkeypatch) -> None:
    """Twice, so that the second takes every part's deflate stream from the first."""
    monkeypatch.setattr(time, "time", lambda: STOPPED)
    parts_ = {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": "<w:t>Kính gửi</w:t>".encode() * 500,
        "word/media/ảnh.png": b"\x89PNG" + bytes(range(256)) * 40,
        "docProps/core.xml": b"<cp:coreProperties/>",
    }
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts_.items():
            package.writestr(name, content)  # dated now, as python-docx dates its entries
    for _again in range(2):
        assert pack(dict(parts_)) == rewrite(saved.getvalue())
