"""A hostile Word template: whatever it reaches for in what it is given (docxtpl's image
object led to the whole document, and from there to reading and writing any file), whatever it
tries to include or however long it loops, it is refused with a located template error (exit 2),
and nothing outside the output is read or written: the trees around are watched."""

from __future__ import annotations

import pytest
from hostile_cases import snapshot, word_template

EACH_PHOTO = "{% for s in sections %}{% for b in s.boxes %}{% for p in b.photos %}"
END = "{% endfor %}{% endfor %}{% endfor %}"
EACH_BOX = "{% for s in sections %}{% for b in s.boxes %}"
END_BOX = "{% endfor %}{% endfor %}"

REACHES = {
    # what the template is given …                          … and how it is named
    "image's template": (EACH_PHOTO + "{{ p.image.tpl.save(OUT) }}" + END, "tpl", "image"),
    "image by key": (EACH_PHOTO + "{{ p.image['tpl'] }}" + END, "tpl", "image"),
    "image by filter": (EACH_PHOTO + "{{ p.image|attr('tpl') }}" + END, "tpl", "image"),
    "image by map": (
        EACH_BOX + "{{ b.photos|map(attribute='image.tpl')|list }}" + END_BOX,
        "tpl",
        "image",
    ),
    "image's file": (
        EACH_PHOTO + "{{ p.image.image_descriptor }}" + END,
        "image_descriptor",
        "image",
    ),
    "image's private part": (EACH_PHOTO + "{{ p.image._markup() }}" + END, "_markup", "image"),
    "formatted text": (EACH_BOX + "{{ b.answer.add('<w:p/>') }}" + END_BOX, "add", "image"),
    "formatted text's xml": (EACH_BOX + "{{ b.answer.xml }}" + END_BOX, "xml", "image"),
    "a text's class": ("{{ city.__class__.__mro__[1].__subclasses__() }}", "__class__", "a text"),
    "a text's method": ("{{ city.format(1) }}", "format", "a text"),
    "a list's method": ("{{ sections.append(1) }}", "append", "a list"),
    "a mapping's method": ("{{ t.pop('title') }}", "pop", "a mapping"),
    "a number's": ("{{ sections|length|attr('real') }}", "real", "a number"),
    "the loop": (
        "{% for s in sections %}{{ loop.__class__ }}{% endfor %}",
        "__class__",
        "`LoopContext`",
    ),
    "the template itself": (
        "{{ self._TemplateReference__context }}",
        "_TemplateReference__context",
        "`TemplateReference`",
    ),
    "a global": ("{{ namespace.__init__.__globals__ }}", "__init__", "`type`"),
    "a macro": ("{% macro m() %}{% endmacro %}{{ m.__globals__ }}", "__globals__", "`Macro`"),
}


@pytest.fixture
def bundled(repo):
    """A repository whose form has photos (so images to reach for) and text boxes."""
    for name in ("thu-vien", "trung-tam", "le-hoi"):
        repo.photo(f"photos/2023/{name}.jpg")
    photos = "".join(
        f"  - path: photos/2023/{name}.jpg\n    caption: {{vi: Ảnh}}\n    copyright: Sở\n"
        for name in ("thu-vien", "trung-tam", "le-hoi")
    )
    repo.write("submissions/2023/so-tttt.yaml", PHOTOS + photos)
    return repo.root


PHOTOS = 'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'


def run(hcmlc, bundled, tmp_path_factory, monkeypatch, *paragraphs: str):
    """fill-form with a template of `paragraphs` (`OUT` names a file a template would write),
    watching the user's home, the repository and the output folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("the secret of another project", encoding="utf-8")
    folder = tmp_path_factory.mktemp("out")
    written = [p.replace("OUT", repr(str(outside / "pwned.docx"))) for p in paragraphs]
    template = word_template(tmp_path_factory.mktemp("pr") / "hostile.docx", *written)
    before = snapshot(home, bundled, outside)
    out = folder / "form.docx"
    code, stdout, stderr = hcmlc(
        "fill-form",
        "--root",
        str(bundled),
        "--cycle",
        "2023",
        "--template",
        str(template),
        "--out",
        str(out),
    )
    assert snapshot(home, bundled, outside) == before  # nothing new, nothing changed
    assert [p.name for p in folder.iterdir()] == (["form.docx"] if code == 0 else [])
    assert "secret" not in stdout + stderr
    return code, stdout, stderr, template


@pytest.mark.parametrize("case", sorted(REACHES))
def test_reaching_into_what_the_template_is_given(
    hcmlc, bundled, tmp_path_factory, monkeypatch, case: str
) -> None:
    source, name, what = REACHES[case]
    what = "an image or formatted text" if what == "image" else what
    code, stdout, stderr, template = run(hcmlc, bundled, tmp_path_factory, monkeypatch, source)
    assert (code, stdout) == (2, "")
    assert stderr.startswith(
        f"error: the template {template} is broken at word/document.xml, paragraph 1 (“"
    )
    assert (
        f"”): the template reaches for `{name}` of {what}, which is unsafe: a template may "
        "print the values it is given, not reach into them\n" in stderr
    )


@pytest.mark.parametrize(
    "tag", ["include 'x.xml'", "import 'x.xml' as x", "from 'x.xml' import y", "extends 'x.xml'"]
)
def test_including_another_file(hcmlc, bundled, tmp_path_factory, monkeypatch, tag: str) -> None:
    code, stdout, stderr, template = run(
        hcmlc, bundled, tmp_path_factory, monkeypatch, "Đơn đăng ký", "{% " + tag + " %}"
    )
    word = tag.split()[0]
    assert (code, stdout) == (2, "")
    assert stderr.startswith(
        f"error: the template {template} is broken at word/document.xml, paragraph 2 "
        f"(“{{% {tag} %}}”): `{{% {word} %}}` is not allowed: a template cannot read other files\n"
    )


LOOPS = {
    "nested loops": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "the template does more than 1,000,000 steps of work (loops, calls, filters): "
        "it would not finish",
    ),
    "a recursive loop": (
        "{% for x in [1] recursive %}{{ loop([1, 2]) }}{% endfor %}",
        "the template calls itself too deeply",
    ),
    "a macro calling itself twice": (
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(60) }}",
        "the template does more than 1,000,000 steps of work (loops, calls, filters): "
        "it would not finish",
    ),
    "huge string repetition": (
        "{{ city * 10 ** 9 }}",
        "the template builds a text or list of 21,000,000,000 items, over the limit of 10,000,000",
    ),
    "doubling a text": (
        "{% set ns = namespace(s=city) %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}",
        "the template builds a text or list of 11,010,048 items, over the limit of 10,000,000",
    ),
    "a tower of powers": (
        "{{ 9 ** 9 ** 9 }}",
        "the template computes a number of more than 256 bits",
    ),
    "printf widths": (
        "{{ '%0999999999d' % 1 }}",
        "the template formats text with `%`, which is unsafe: join texts with `~`",
    ),
    "a wide centre": (
        "{{ city|center(10 ** 9) }}",
        "the template builds a text or list of 1,000,000,000 items, over the limit of 10,000,000",
    ),
    "a huge range": (
        "{{ range(10 ** 12)|list }}",
        "the template asks for a range of 1,000,000,000,000 numbers, over the limit of 100,000",
    ),
    "division by zero": ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
}


@pytest.mark.parametrize("case", sorted(LOOPS))
def test_work_without_bound(hcmlc, bundled, tmp_path_factory, monkeypatch, case: str) -> None:
    source, detail = LOOPS[case]
    code, stdout, stderr, template = run(hcmlc, bundled, tmp_path_factory, monkeypatch, source)
    assert (code, stdout) == (2, "")
    assert stderr.startswith(
        f"error: the template {template} is broken at word/document.xml, paragraph 1 (“"
    )
    assert f"”): {detail}\n" in stderr


def test_writing_without_bound(hcmlc, bundled, tmp_path_factory, monkeypatch) -> None:
    source = "{% set s = 'x' * 9000000 %}{% for i in range(10) %}{{ s }}{% endfor %}"
    code, stdout, stderr, template = run(hcmlc, bundled, tmp_path_factory, monkeypatch, source)
    assert (code, stdout) == (2, "")
    assert stderr.startswith(
        f"error: the template {template} is broken at word/document.xml: the template writes "
        "more than 20,000,000 characters\n"
    )


def test_what_a_template_may_do(hcmlc, bundled, tmp_path_factory, monkeypatch) -> None:
    """The sandbox leaves a template everything it needs: keys, loops, filters, macros."""
    source = (
        "{% macro upper(x) %}{{ x|upper }}{% endmacro %}{{ upper(t.title) }} · "
        "{% for s in sections %}{% if loop.first %}{{ s.title|truncate(20) }}{% endif %}"
        "{% endfor %} · {{ sections|length }} · {{ city.split()|join('-') }} · "
        "{% for key, value in {'a': 1}.items() %}{{ key }}={{ value * 2 }}{% endfor %}"
    )
    code, _, stderr, _ = run(hcmlc, bundled, tmp_path_factory, monkeypatch, source)
    assert (code, stderr) == (0, "")
