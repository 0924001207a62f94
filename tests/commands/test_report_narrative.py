"""The coordinator's words (reports/<year>.yaml) in the progress report: checked like the rest of
the repository, placed where they belong in the .docx and the Markdown, unchanged at every
regeneration; a report changed by hand is never replaced without saying so."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from hcmlc.text.paragraphs import joined_paragraphs as paragraphs
from hcmlc.yamlfiles.reader import read_yaml

NARRATIVE = "reports/2025.yaml"


@pytest.fixture(autouse=True)
def plain_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The words are the subject here: a blank image stands for each chart (drawing twenty
    charts per run would make these tests slow; tests/test_charts.py checks the drawing)."""
    import io

    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (32, 15), "white").save(image, "PNG")
    monkeypatch.setattr("hcmlc.render.charts.render_chart", lambda chart, lang: image.getvalue())


def report(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("report", "--root", str(root), *args)


def words(root: Path) -> dict:
    """The bundled file's words as the report prints them, paragraph by paragraph."""
    data = read_yaml(root / NARRATIVE, NARRATIVE).data
    return {
        "opening": paragraphs(data["opening"]["vi"]),
        "closing": paragraphs(data["closing"]["vi"]),
        "analysis": {k: paragraphs(v["vi"]) for k, v in data["analysis"].items()},
    }


def docx_body(path: Path) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the document's body, tables aside."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def between(items: list[tuple[str, str]], start: int, style: str) -> list[str]:
    """The body texts after item `start`, up to the next item in `style` (or Heading 1)."""
    found = []
    for kind, text in items[start + 1 :]:
        if kind in (style, "Heading 1", "Annex Number"):
            break
        if kind == "Body Text":
            found.append(text)
    return found


def test_the_words_stay_in_place_across_two_regenerations(hcmlc, bundled) -> None:
    out = bundled / "report.docx"
    expected = words(bundled)
    first = report(hcmlc, bundled, "--out", str(out))
    assert first[0] == 0 and first[1].startswith(f"Wrote {out}")
    body_once = docx_body(out)
    second = report(hcmlc, bundled, "--out", str(out))
    assert second[0] == 0 and second[1].startswith(f"Replaced {out}")
    body = docx_body(out)
    assert body == body_once  # nothing moved, nothing doubled

    texts = [text for _, text in body]
    to = next(k for k, (_, t) in enumerate(body) if t.startswith("Kính gửi:"))
    summary = texts.index("I. TÓM TẮT")
    opening = [t for kind, t in body[to + 1 : summary] if kind == "Body Text"]
    assert opening[1:-1] == expected["opening"]  # after the basis, before the illustrative note

    for criterion, analysis in expected["analysis"].items():
        start = next(
            k
            for k, (kind, t) in enumerate(body)
            if kind == "Heading 2" and t.startswith(f"{criterion}. ")
        )
        assert between(body, start, "Heading 2") == analysis, criterion
    closing = texts.index("III. KIẾN NGHỊ, ĐỀ XUẤT")
    assert between(body, closing, "Heading 1") == expected["closing"]
    assert texts.index("II. TIÊU CHÍ CHƯA ĐẠT") < closing < texts.index("Phụ lục I")


def test_the_markdown_places_the_same_words(hcmlc, bundled) -> None:
    out = bundled / "report.md"
    expected = words(bundled)
    for _ in range(2):
        assert report(hcmlc, bundled, "--format", "md", "--out", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    for criterion, analysis in expected["analysis"].items():
        start = next(k for k, line in enumerate(lines) if line.startswith(f"### {criterion}. "))
        end = next(k for k, line in enumerate(lines) if k > start and line.startswith("#"))
        section = "\n".join(lines[start:end])
        for paragraph in analysis:
            assert paragraph.replace("- ", "", 1) in section.replace("\\", "")
    closing = text.index("## III. KIẾN NGHỊ, ĐỀ XUẤT")
    assert text.index(expected["closing"][0]) > closing
    assert text.index(expected["opening"][0]) < text.index("## I. TÓM TẮT")
    assert text.count(expected["opening"][0]) == 1


def test_criteria_without_analysis_are_listed_on_the_terminal(hcmlc, bundled) -> None:
    code, out, err = report(hcmlc, bundled, "--out", str(bundled / "r.docx"))
    assert (code, err) == (0, "")
    assert (
        "No analysis in reports/2025.yaml yet for 1.1.4, 2.3.3: write it under `analysis:`, "
        "criterion by criterion." in out
    )
    (bundled / NARRATIVE).unlink()
    out = report(hcmlc, bundled, "--out", str(bundled / "r2.docx"))[1]
    assert (
        "No analysis in reports/2025.yaml yet for 1.1.4, 1.2.2, 1.2.5, 2.1.3, 2.2.1, 2.3.3, 3.3.1"
        in out
    )


def test_an_unknown_criterion_is_a_located_error_with_did_you_mean(hcmlc, bundled) -> None:
    path = bundled / NARRATIVE
    text = (
        path.read_text("utf-8")
        .replace('  "1.2.5":', '  "1.2.55":')
        .replace('"3.3.1":', '"3.3.1.a":')
    )
    path.write_text(text, "utf-8")
    line = next(k for k, row in enumerate(text.splitlines(), 1) if row.startswith('  "1.2.55":'))
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert (
        f"reports/2025.yaml:{line}:3: error: unknown criterion `1.2.55` [HCMLC-E020]\n    hint: did you mean `1.2.5`?"
        in out
    )
    assert "unknown criterion `3.3.1.a` [HCMLC-E020]\n    hint: did you mean `3.3.1`?" in out
    code, out, err = report(hcmlc, bundled, "--out", str(bundled / "r.docx"))
    assert (code, out) == (1, "")
    assert err == (
        f"error: reports/2025.yaml:{line}:3: unknown criterion `1.2.55`\n"
        "hint: did you mean `1.2.5`?\n"
    )
    assert not (bundled / "r.docx").exists()


def test_a_file_of_reports_is_named_after_its_year(hcmlc, bundled) -> None:
    (bundled / "reports/ghi-chu.yaml").write_text("opening: {vi: x}\n", "utf-8")
    (bundled / "reports/2025.yml").write_text("opening: {vi: x}\n", "utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1
    assert (
        "reports/ghi-chu.yaml:1:1: error: a file of reports/ is named after the year of its "
        "report, not `ghi-chu.yaml` [HCMLC-E093]" in out
    )
    assert "reports/2025.yml:1:1: error: a second file for the year of reports/2025.yaml" in out


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ('date: "22/12/2025"\n', "`date` must be a date, not `22/12/2025`"),
        ('number: "số 7"\n', "`số 7` is not a document number"),
        ("closing: hết\n", "`closing` must be a mapping"),
        ("conclusion: {vi: x}\n", "unknown key `conclusion`"),
    ],
)
def test_the_file_is_checked_like_the_rest(hcmlc, bundled, broken: str, message: str) -> None:
    (bundled / NARRATIVE).write_text(broken, "utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1 and message in out and out.startswith("reports/2025.yaml:1:")


def test_an_analysis_the_report_does_not_take_up_is_named(hcmlc, bundled) -> None:
    path = bundled / NARRATIVE
    path.write_text(path.read_text("utf-8").replace('  "1.2.5":', '  "1.1.1":'), "utf-8")
    out = report(hcmlc, bundled, "--out", str(bundled / "r.docx"))[1]
    assert (
        "reports/2025.yaml analyses 1.1.1, which the report does not take up (not unmet in "
        "2025): left out." in out
    )
    assert "1.2.5" in out.split("No analysis in reports/2025.yaml yet for ")[1].split(":")[0]


def test_english_words_missing_are_printed_in_vietnamese_and_named(hcmlc, bundled) -> None:
    (bundled / NARRATIVE).write_text(
        'opening: {vi: "Mở đầu.", en: "Opening."}\nclosing: {vi: "Kết luận."}\n'
        'analysis:\n  "1.2.2": {vi: "Phân tích."}\n',
        "utf-8",
    )
    out_file = bundled / "r.docx"
    out = report(hcmlc, bundled, "--lang", "en", "--out", str(out_file))[1]
    assert (
        "No English in reports/2025.yaml for `closing`, `analysis: 1.2.2`: printed in Vietnamese."
        in out
    )
    texts = [text for _, text in docx_body(out_file)]
    assert "Opening." in texts and "Kết luận." in texts and "Phân tích." in texts


def test_words_are_printed_as_written(hcmlc, bundled) -> None:
    (bundled / NARRATIVE).write_text(
        'analysis:\n  "1.2.2":\n    vi: "Tỷ lệ <b>{{ 7 * 7 }}</b> & {% if 1 %}x{% endif %} *đậm*"\n',
        "utf-8",
    )
    out = bundled / "r.docx"
    assert report(hcmlc, bundled, "--out", str(out))[0] == 0
    assert "Tỷ lệ <b>{{ 7 * 7 }}</b> & {% if 1 %}x{% endif %} *đậm*" in [
        t for _, t in docx_body(out)
    ]
    md = bundled / "r.md"
    assert report(hcmlc, bundled, "--format", "md", "--out", str(md))[0] == 0
    assert r"Tỷ lệ \<b\>{{ 7 \* 7 }}\</b\> & {% if 1 %}x{% endif %} \*đậm\*" in md.read_text(
        "utf-8"
    )


@pytest.mark.parametrize("kind", ["docx", "md"])
def test_a_report_changed_by_hand_is_kept_unless_forced(hcmlc, bundled, kind: str) -> None:
    out = bundled / f"report.{kind}"
    assert report(hcmlc, bundled, "--format", kind, "--out", str(out))[0] == 0
    if kind == "docx":  # the coordinator adds a paragraph in Word and saves
        document = docx.Document(str(out))
        document.add_paragraph("Ý kiến bổ sung của lãnh đạo Sở.")
        document.save(str(out))
    else:
        out.write_text(out.read_text("utf-8").replace("BÁO CÁO", "BÁO CÁO (bản sửa)"), "utf-8")
    edited = out.read_bytes()
    code, stdout, stderr = report(hcmlc, bundled, "--format", kind, "--out", str(out))
    assert (code, stdout) == (2, "")
    assert stderr.startswith(
        f"error: 1 file changed since hcmlc wrote it, or not written by hcmlc: {out}\n"
    )
    assert "keep your words in reports/2025.yaml" in stderr and "--force" in stderr
    assert out.read_bytes() == edited
    code, stdout, _ = report(hcmlc, bundled, "--format", kind, "--out", str(out), "--force")
    assert code == 0 and stdout.startswith(f"Replaced {out}")
    assert out.read_bytes() != edited


def test_the_coordinator_fixes_the_reports_words_in_a_pull_request() -> None:
    from hcmlc.render.github import responsible

    assert responsible(NARRATIVE, None) == "the coordinator"
