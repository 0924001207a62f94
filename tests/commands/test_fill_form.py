"""`hcmlc fill-form`: the generated .docx is read back and checked box by box."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx2python import docx2python

from hcmlc.models.submission import TextAnswer
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[2]
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MISSING = {
    "vi": "[Chưa có câu trả lời (đơn vị thực hiện: ",
    "en": "[No answer yet (to be supplied by ",
}


def fill(hcmlc, root: Path, *args: str) -> tuple[int, str, str, Path]:
    out = root / "out" / "form.docx"
    code, stdout, stderr = hcmlc("fill-form", "--root", str(root), "--out", str(out), *args)
    return code, stdout, stderr, out


def document_text(path: Path) -> str:
    with docx2python(path) as content:
        return content.text


def body_xml(path: Path) -> str:
    return docx.Document(str(path)).element.xml


def highlighted_runs(path: Path) -> list[str]:
    """Texts of the runs shaded yellow: the gaps' notes (in the template's style "Gap",
    whose shading is yellow)."""
    document = docx.Document(str(path))
    gap = document.styles["Gap"].element
    assert gap.find(f"{W_T}rPr/{W_T}shd[@{W_T}fill='FFFF00']") is not None
    return [
        "".join(t.text or "" for t in run.iter(f"{W_T}t"))
        for run in document.element.iter(f"{W_T}r")
        if run.find(f"{W_T}rPr/{W_T}rStyle[@{W_T}val='Gap']") is not None
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bundled_form_has_every_question_answer_and_gap(hcmlc, bundled, lang: str) -> None:
    code, stdout, stderr, out = fill(hcmlc, bundled, "--lang", lang)
    assert (code, stderr) == (0, "")
    text = document_text(out)
    xml = body_xml(out)
    catalog = load(bundled).require_catalog()

    assert not re.search(r"\{[{%#]|[}%#]\}", xml), "a template tag was left in the document"
    assert text.startswith(catalog.assignments.form_text.title.get(lang))
    for section in catalog.assignments.form:
        assert section.title.get(lang) in text
        for question in section.questions:
            assert question.text.get(lang) in text, question.id

    # every question in the order of annex II, each followed by its box
    questions = [q for section in catalog.assignments.form for q in section.questions]
    starts, position = [], 0
    for question in questions:
        position = text.index(question.text.get(lang), position)
        starts.append(position)
    ends = [*starts[1:], text.index(catalog.assignments.form_text.statement_title.get(lang))]
    boxes = {q.id: text[a:b] for q, a, b in zip(questions, starts, ends, strict=True)}

    answered = set()
    for file in load(bundled).submissions:  # each supplied text answer, in its own box
        assert file.model is not None
        for question_id, raw in file.model.answers.items():
            answered.add(question_id)
            if catalog.questions[question_id].kind == "text":
                answer = TextAnswer.model_validate(raw)
                shown = answer.en if lang == "en" and answer.en else answer.vi
                for paragraph in shown.split("\n\n"):
                    assert paragraph in boxes[question_id], question_id
    field_marker = "[Chưa có (" if lang == "vi" else "[Not supplied ("
    for question in questions:  # and each unanswered one's marker in its box
        if question.id not in answered:
            assert MISSING[lang] in boxes[question.id] or field_marker in boxes[question.id]

    marked = highlighted_runs(out)
    unanswered = [q for q in catalog.questions.values() if q.id not in answered]
    assert unanswered, "the demonstration leaves questions unanswered"
    for question in unanswered:
        if question.kind != "contact":
            limit = "" if question.words is None else f"{question.words.max}"
            expected = [m for m in marked if m.startswith(MISSING[lang]) and limit in m]
            assert expected, question.id
        assert question.id in stdout  # listed on the terminal too
    assert "Wrote" in stdout


def test_vietnamese_form_details(hcmlc, bundled) -> None:
    _, stdout, _, out = fill(hcmlc, bundled)
    text = document_text(out)
    marked = highlighted_runs(out)
    # figures: Vietnamese separators, the year, and the indicator they come from
    assert "9.389.700" in text and "2.095,4" in text
    assert "10,9 (theo chỉ số 2.1.2.a)" in text
    # the choice of language is ticked
    assert "☒ Tiếng Anh" in text and "☐ Tiếng Pháp" in text
    # a contact field not supplied is marked in its own cell: the contact person's ten
    assert marked.count("[Chưa có (đơn vị thực hiện: Sở Giáo dục và Đào tạo)]") == 10
    assert "Phan" in text and "Văn Mãi" in text
    # the application statement and Part 2 follow the questions, left for signature
    assert text.index("Tuyên bố ứng dụng") < text.index("Phần 2 (do Phái đoàn")
    assert "Tên đại diện Ủy ban Quốc gia UNESCO:" in text
    # three photos, embedded, with caption and copyright
    assert len(docx.Document(str(out)).inline_shapes) == 3
    assert "Thư viện Khoa học Tổng hợp Thành phố Hồ Chí Minh (ảnh minh họa) — © hcmlc" in text
    assert unicodedata.is_normalized("NFC", text)
    assert "15 of 31 boxes ready" in stdout
    # a shared question waits for the owner that has not answered, as status says
    assert "[Chưa có phần trả lời của: Sở Thông tin và Truyền thông]" in marked


def test_english_form_marks_untranslated_answers(hcmlc, bundled) -> None:
    _, _, _, out = fill(hcmlc, bundled, "--lang", "en")
    text = document_text(out)
    marked = highlighted_runs(out)
    assert (
        "[No English text yet; the Vietnamese text follows (Department of Culture and Sports)]"
        in marked
    )
    assert (
        "Thông tin về cơ hội học tập được giới thiệu" in text
    )  # the Vietnamese, for the translator
    assert "[No English caption yet: photos/2023/le-hoi-hoc-tap.jpg]" in marked
    assert "9,389,700" in text and "10.9 (from indicator 2.1.2.a)" in text
    assert "☒ English" in text
    # fields printed in words, and the photos' copyright, in English where the file gives it
    for english in ("Viet Nam", "Mr", "Chairman of the Ho Chi Minh City People's Committee"):
        assert english in text
    assert "— © hcmlc, sample data (CC0)" in text
    for vietnamese in ("Việt Nam", "Ông", "dữ liệu mẫu"):
        assert vietnamese not in text


def test_english_form_flags_fields_and_copyright_without_english(hcmlc, repo) -> None:
    repo.photo("photos/2023/a.jpg")
    repo.write(
        "submissions/2023/so-gddt.yaml",
        """
        agency: so-gddt
        cycle: "2023"
        answers:
          city-info:
            name: Thành phố Hồ Chí Minh
            country: {vi: Việt Nam, en: Viet Nam}
            website: https://hochiminhcity.gov.vn
            facebook: https://facebook.com/x
            twitter: {vi: không có, en: none}
        """,
    )
    repo.write(
        "submissions/2023/so-tttt.yaml",
        """
        agency: so-tttt
        cycle: "2023"
        answers:
          photos:
            - path: photos/2023/a.jpg
              caption: {vi: Thư viện, en: Library}
              copyright: Sở Thông tin và Truyền thông
        """,
    )
    _, stdout, _, out = fill(hcmlc, repo.root, "--lang", "en")
    marked = highlighted_runs(out)
    assert "[No English yet: Name of city]" in marked
    assert "[No English copyright line yet: photos/2023/a.jpg]" in marked
    assert "untranslated" in stdout and "city-info" in stdout


SO_GDDT = """
agency: so-gddt
cycle: "2023"
answers:
  context:
    vi: "Dòng 1 <b>&amp; {{ city }} {% if x %}\\tcó tab\\nDòng 2 ngắt dòng\\n\\nĐoạn thứ hai\\f có ký tự lạ"
"""


def test_answers_render_literally_and_keep_their_layout(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    code, _, stderr, out = fill(hcmlc, repo.root)
    assert (code, stderr) == (0, "")
    document = docx.Document(str(out))  # the file opens
    paragraphs = [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs
    ]
    assert "Dòng 1 <b>&amp; {{ city }} {% if x %}\tcó tab\nDòng 2 ngắt dòng" in paragraphs
    assert "Đoạn thứ hai\\x0c có ký tự lạ" in paragraphs  # its own paragraph; the form feed shown
    assert "<w:tab/>" in body_xml(out) and "<w:br/>" in body_xml(out)


def test_after_a_merger_the_successor_answers_and_is_named(hcmlc, repo) -> None:
    """An application after 1 March 2025: Sở LĐ-TB&XH's questions went with its duties, those on
    disadvantaged groups to Sở Y tế, access to lifelong learning to Sở GD&ĐT."""
    assignments = repo.root / "data/assignments.yaml"
    text = assignments.read_text(encoding="utf-8")
    anchor = '    frameworks: ["unesco", "learning-models"]\n'
    assert anchor in text
    cycle = (
        '  - id: "2026"\n    kind: "application"\n'
        '    title: {vi: "Đăng ký năm 2026", en: "Application 2026"}\n'
        "    first_year: 2025\n    last_year: 2026\n    deadlines:\n      answers: 2026-09-30\n"
    )
    assignments.write_text(text.replace(anchor, anchor + cycle), encoding="utf-8")
    repo.write(
        "submissions/2026/so-y-te.yaml",
        'agency: so-y-te\ncycle: "2026"\nanswers:\n  equity-inclusion:\n'
        "    vi: Thành phố hỗ trợ người khuyết tật học tập suốt đời.\n",
    )
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0
    code, _, stderr, out = fill(hcmlc, repo.root, "--cycle", "2026")
    assert (code, stderr) == (0, "")
    text = document_text(out)
    assert "Thành phố hỗ trợ người khuyết tật học tập suốt đời." in text
    # access-initiatives (disadvantaged groups) and access-policies, still unanswered
    assert "(đơn vị thực hiện: Sở Y tế, tối đa 200 từ)]" in text
    assert "(đơn vị thực hiện: Sở Giáo dục và Đào tạo, tối đa 200 từ)]" in text
    assert "Sở Lao động" not in text


def test_nfd_answers_come_out_nfc(hcmlc, repo) -> None:
    slogan = unicodedata.normalize("NFD", "Học tập suốt đời")
    repo.write(
        "submissions/2023/so-gddt.yaml",
        f'agency: so-gddt\ncycle: "2023"\nanswers:\n  slogan:\n    vi: {slogan}\n',
    )
    _, _, _, out = fill(hcmlc, repo.root)
    assert "Học tập suốt đời" in document_text(out)


def test_several_owners_answers_are_all_shown_with_a_note_to_merge(hcmlc, bundled) -> None:
    (bundled / "submissions/2023/so-tttt.yaml").write_text(
        (bundled / "submissions/2023/so-tttt.yaml").read_text(encoding="utf-8")
        + "  learning-information:\n    vi: Cổng thông tin học tập của Thành phố.\n",
        encoding="utf-8",
    )
    _, _, _, out = fill(hcmlc, bundled)
    text = document_text(out)
    assert "Sở Thông tin và Truyền thông\n\nCổng thông tin học tập của Thành phố." in text
    assert "Sở Văn hóa và Thể thao\n\nThông tin về cơ hội học tập" in text
    assert "[2 đơn vị đã trả lời; điều phối viên hợp nhất thành một câu trả lời]" in text


def test_unusable_photos_are_marked_not_embedded(hcmlc, repo) -> None:
    repo.photo("photos/2023/ok.jpg")
    repo.write("photos/2023/notes.jpg", "không phải ảnh\n")
    photo = "    - path: {}\n      caption: {{vi: Ảnh}}\n      copyright: Sở TT&TT\n"
    repo.write(
        "submissions/2023/so-tttt.yaml",
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'
        + "".join(
            photo.format(p) for p in ("photos/2023/ok.jpg", "photos/2023/notes.jpg", "../x.jpg")
        ),
    )
    code, _, stderr, out = fill(hcmlc, repo.root)
    assert (code, stderr) == (0, "")
    assert len(docx.Document(str(out)).inline_shapes) == 1
    assert [m for m in highlighted_runs(out) if "ảnh" in m] == [
        "[Không dùng được ảnh `photos/2023/notes.jpg`; chạy `hcmlc validate` để xem]",
        "[Không dùng được ảnh `../x.jpg`; chạy `hcmlc validate` để xem]",
        "[1 ảnh; mẫu đơn yêu cầu 3 đến 4 ảnh (đơn vị thực hiện: Sở Thông tin và Truyền thông)]",
    ]


def test_over_the_word_limit_is_marked_and_fails_only_when_strict(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nanswers:\n  slogan:\n    vi: một hai ba bốn năm sáu bảy tám chín\n',
    )
    code, stdout, _, out = fill(hcmlc, repo.root)
    assert code == 0
    assert "[9 từ, vượt giới hạn tối đa 8 từ]" in highlighted_runs(out)
    assert "một hai ba bốn năm sáu bảy tám chín" in document_text(out)
    assert "slogan" in stdout and "words" in stdout
    assert fill(hcmlc, repo.root, "--strict")[0] == 1


def test_a_complete_form_passes_strict(hcmlc, repo) -> None:
    assignments = repo.root / "data/assignments.yaml"
    registry = assignments.read_text(encoding="utf-8")
    one_question = """form:
  - id: "vision"
    title: {vi: "Tầm nhìn", en: "Vision"}
    questions:
      - id: "slogan"
        kind: "text"
        text: {vi: "Khẩu hiệu", en: "Slogan"}
        words: {max: 8}
        owners: ["so-gddt"]
"""
    registry = registry.replace(', "equity-inclusion", "access-initiatives"]', "]")
    registry = registry.replace('items: ["2.3.2.a", "access-policies"]', 'items: ["2.3.2.a"]')
    press = registry.index("    duties:\n      # the form's questions on informing citizens")
    split = 'items: ["learning-information", "events", "events-impact", "photos"]\n'
    registry = registry[:press] + registry[registry.index(split, press) + len(split) :]
    assignments.write_text(registry[: registry.index("\nform:\n") + 1] + one_question, "utf-8")
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nanswers:\n  slogan: {vi: Học tập suốt đời, en: Lifelong learning}\n',
    )
    code, stdout, _, out = fill(hcmlc, repo.root, "--strict", "--lang", "en")
    assert code == 0
    assert "1 of 1 boxes ready" in stdout and "Lifelong learning" in document_text(out)
    assert highlighted_runs(out) == []


def test_a_cycle_without_form_answers_is_refused(hcmlc, bundled) -> None:
    code, _, stderr, out = fill(hcmlc, bundled, "--cycle", "2024")
    assert code == 2
    assert "error: cycle 2024 asks for no form answers" in stderr
    assert not out.exists()


def test_without_a_template_of_its_own_the_city_gets_the_shipped_one(hcmlc, repo) -> None:
    assert not (repo.root / "templates/gnlc-form.docx").exists()
    code, _, stderr, out = fill(hcmlc, repo.root)
    assert (code, stderr) == (0, "")
    assert document_text(out).startswith("Đơn đăng ký")


def _template(path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_broken_template_leaves_the_previous_output_intact(hcmlc, repo, tmp_path) -> None:
    broken = _template(tmp_path / "broken.docx", "{{ t.title ")
    out = repo.root / "out" / "form.docx"
    out.parent.mkdir()
    out.write_bytes(b"previous form")
    code, _, stderr, _ = fill(hcmlc, repo.root, "--template", str(broken))
    assert code == 2
    assert "is broken" in stderr and "Traceback" not in stderr
    assert out.read_bytes() == b"previous form"


def test_a_template_cannot_reach_into_python(hcmlc, repo, tmp_path) -> None:
    hostile = _template(
        tmp_path / "hostile.docx", "{{ city.__class__.__mro__[1].__subclasses__() }}"
    )
    code, _, stderr, _ = fill(hcmlc, repo.root, "--template", str(hostile))
    assert code == 2
    assert "is broken" in stderr and "unsafe" in stderr


def test_a_restyled_template_is_used(hcmlc, repo, tmp_path) -> None:
    mine = _template(tmp_path / "mine.docx", "Đơn của {{ city }}: {{ t.title }}")
    code, _, _, out = fill(hcmlc, repo.root, "--template", str(mine), "--lang", "en")
    assert code == 0
    assert document_text(out).strip() == (
        "Đơn của Ho Chi Minh City: Application for membership of the UNESCO Global Network of Learning Cities"
    )


def test_committed_template_matches_its_source() -> None:
    spec = importlib.util.spec_from_file_location("build", PROJECT / "templates/build_templates.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = PROJECT / "src/hcmlc/templates"
    for name, make in build.TEMPLATES.items():
        assert (shipped / name).read_bytes() == make(), (
            f"src/hcmlc/templates/{name} differs from its source: run make templates"
        )
    assert make() == make()  # the build itself is reproducible
