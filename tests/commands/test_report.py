"""`hcmlc report` on the bundled 2023–2025 demonstration: the .docx and the Markdown are read
back and checked against what the demonstration data and targets were written to show."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from PIL import Image
from rich.console import Console

from hcmlc.commands.report import draw_charts
from hcmlc.core.progress import Status
from hcmlc.documents.report import build_report
from hcmlc.render.chart_png import missing_glyphs, texts
from hcmlc.render.charts import render_chart
from hcmlc.repository.load import load

UNMET_2025 = ["1.1.4", "1.2.2", "1.2.5", "2.1.3", "2.2.1", "2.3.3", "3.3.1"]
"""Criteria the demonstration leaves unmet in 2025 (see data/targets.yaml and submissions/);
2.2.2 has only a 2024 value, so in 2025 it has no data, not "not met"."""
TOTAL_2025 = {"vi": ["Tổng cộng", "8 (+4)", "0 (-4)", "0 (-7)", "7 (+6)", "7 (+1)", "25"]}
"""Met, on track, behind, not met, no data, no target; in 2024 the targets due in 2025 were
on track (4) or behind (7), never "not met". The four learning models with a target have no
data: their city figures come from 12 of the 168 wards and communes only, so they are shown,
not judged."""
TOTAL_2025["en"] = ["Total", *TOTAL_2025["vi"][1:]]
CHARTED = 20
"""Quantitative indicators with a city figure for two years or more, up to 2025, whose years
compare: 3.3.4.a from 2 of 22 districts in 2023 and 12 of 168 wards in 2025 is not drawn."""


def report(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("report", "--root", str(root), *args)


def section(lines: list[str], start: str, end: str) -> list[str]:
    """The lines after the heading `start`, up to the heading `end`."""
    first = lines.index(start)
    return lines[first + 1 : lines.index(end, first)]


SECTIONS = {
    "vi": ["I. TÓM TẮT", "II. TIÊU CHÍ CHƯA ĐẠT", "III. KIẾN NGHỊ, ĐỀ XUẤT"],
    "en": ["I. SUMMARY", "II. CRITERIA NOT YET MET", "III. PROPOSALS AND RECOMMENDATIONS"],
}
"""The body's sections (Heading 1); the annexes follow the signature."""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_summary_unmet_section_and_charts(hcmlc, bundled, lang: str) -> None:
    out = bundled / "out" / "report.docx"
    code, stdout, stderr = report(hcmlc, bundled, "--lang", lang, "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"Wrote {out}: progress report 2025, 47 criteria (")
    document = docx.Document(str(out))

    summary = next(t for t in document.tables if len(t.columns) == 7)
    assert [c.text for c in summary.rows[-1].cells] == TOTAL_2025[lang]
    assert len(summary.rows) == 1 + 3 + 1 + 1  # heading, UNESCO's three areas, the models', total

    headings = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for style, text in headings if style == "Heading 1"] == SECTIONS[lang]
    first, closing = (headings.index(("Heading 1", t)) for t in SECTIONS[lang][1:])
    unmet = [text for style, text in headings[first:closing] if style == "Heading 2"]
    assert [t.split()[0] for t in unmet] == [f"{c}." for c in UNMET_2025]

    assert len(document.inline_shapes) == CHARTED
    xml = document.element.xml
    assert not re.search(r"\{[{%#]|[}%#]\}", xml), "a template tag was left in the document"
    assert unicodedata.is_normalized("NFC", xml)


def test_docx_unmet_criterion_gives_gap_trend_responsibility_and_delivery(hcmlc, bundled) -> None:
    out = bundled / "report.docx"
    assert report(hcmlc, bundled, "--out", str(out))[0] == 0
    tables = docx.Document(str(out)).tables
    [table] = [t for t in tables if t.rows[0].cells[0].text.startswith("1.2.2.a ")]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["1.2.2.a Tỷ lệ thất nghiệp trong độ tuổi lao động (theo quy định hiện hành)"] * 2,
        ["Tình trạng", "Chưa đạt"],
        ["Giá trị mới nhất", "3,1% (năm 2025)"],
        ["Mục tiêu", "≤ 3% (năm 2025)"],
        ["Khoảng cách đến mục tiêu", "cần giảm thêm 0,1 điểm phần trăm"],
        ["Xu hướng", "▲ tiến bộ"],
        ["Đơn vị phụ trách", "Sở NV (trước đây: Sở LĐ-TB&XH): đúng hạn (10/12/2025)"],
    ]


def test_markdown_has_the_same_content_and_chart_files(hcmlc, bundled) -> None:
    out = bundled / "out" / "report.md"
    code, _, stderr = report(hcmlc, bundled, "--format", "md", "--out", str(out))
    assert (code, stderr) == (0, "")
    lines = out.read_text(encoding="utf-8").splitlines()

    total = next(line for line in lines if line.startswith("| **Tổng cộng** |"))
    assert [c.strip(" *") for c in total.strip("| ").split("|")] == TOTAL_2025["vi"]

    unmet = section(lines, "## II. TIÊU CHÍ CHƯA ĐẠT", "## III. KIẾN NGHỊ, ĐỀ XUẤT")
    assert [h.split()[1] for h in unmet if h.startswith("### ")] == [f"{c}." for c in UNMET_2025]

    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", "\n".join(lines))
    assert len(images) == CHARTED
    assert images[0] == "report-charts/1.1.1.a.png"
    for image in images:
        with Image.open(out.parent / image) as png:
            assert png.format == "PNG" and png.size[0] > png.size[1]
    assert sorted(p.name for p in (out.parent / "report-charts").iterdir()) == sorted(
        Path(i).name for i in images
    )


def test_markdown_rerun_replaces_the_chart_folder(hcmlc, bundled) -> None:
    out = bundled / "report.md"
    stale = bundled / "report-charts" / "9.9.9.z.png"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    assert report(hcmlc, bundled, "--format", "md", "--out", str(out))[0] == 0
    assert not stale.exists()
    assert len(list(stale.parent.iterdir())) == CHARTED
    assert [p.name for p in bundled.iterdir() if p.name.startswith(".")] == []


def test_markdown_escapes_text_from_the_data(hcmlc, before_migration) -> None:
    bundled = before_migration  # UNESCO's framework as a file of the city's own
    criteria = bundled / "data/criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    old = 'vi: "Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên"'
    criteria.write_text(text.replace(old, 'vi: "Tỷ lệ | *biết chữ* <b>"'), encoding="utf-8")
    out = bundled / "report.md"
    assert report(hcmlc, bundled, "--format", "md", "--out", str(out))[0] == 0
    row = next(line for line in out.read_text("utf-8").splitlines() if line.startswith("| 1.1.1.a"))
    assert row.startswith(r"| 1.1.1.a | Tỷ lệ \| \*biết chữ\* \<b\> | 99,1% (năm 2025) |")


def test_an_earlier_year_compares_with_its_own_previous_year(hcmlc, bundled) -> None:
    out = bundled / "report.md"
    code, stdout, _ = report(hcmlc, bundled, "--year", "2024", "--format", "md", "--out", str(out))
    assert code == 0 and "progress report 2024" in stdout
    text = out.read_text(encoding="utf-8")
    assert "2024 (so với năm 2023)" in text
    assert "Kỳ 2024, hạn nộp 15/12/2024: chỉ số chưa có số liệu." in text


def test_a_hostile_template_is_refused(hcmlc, bundled) -> None:
    template = bundled / "evil.md.j2"
    template.write_text("{{ title.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    code, _, stderr = report(hcmlc, bundled, "--format", "md", "--template", str(template))
    assert code == 2
    assert stderr.startswith(
        f"error: the template {template} is broken at line 1: the template reaches for "
        "`__class__` of a text, which is unsafe"
    )
    assert "Traceback" not in stderr


def test_progress_bar_counts_the_charts_on_a_terminal(bundled) -> None:
    content = build_report(load(bundled).facts(), 2025, "vi")
    stream = io.StringIO()
    charts = draw_charts(content, Console(file=stream, force_terminal=True, width=100))
    assert len(charts) == CHARTED
    assert "Drawing charts" in stream.getvalue() and f"{CHARTED}/{CHARTED}" in stream.getvalue()


def test_charts_draw_every_vietnamese_letter_and_are_reproducible(bundled) -> None:
    content = build_report(load(bundled).facts(), 2025, "vi")
    chart = next(c for c in content.charts if c.indicator == "1.2.5.a")
    assert chart.caption.startswith(
        "Biểu đồ 8. 1.2.5.a Tỷ lệ dân cư tham gia vào các hoạt động thể dục thể thao"
    )
    assert (chart.target_label, chart.baseline_label) == ("Mục tiêu 2025", "Cơ sở 2022")
    assert missing_glyphs("".join(texts(chart, "vi"))) == set()  # no letter drawn as a box
    first = render_chart(chart, "vi")
    assert first == render_chart(chart, "vi")
    with Image.open(io.BytesIO(first)) as png:
        assert png.size == (944, 442)  # 16 × 7.5 cm at 150 dpi


def test_broken_targets_stop_the_report_rather_than_hide_every_target(hcmlc, bundled) -> None:
    targets = bundled / "data/targets.yaml"
    targets.write_text(
        targets.read_text("utf-8").replace("    direction: lower", "    direction: down", 1),
        "utf-8",
    )
    code, stdout, stderr = report(hcmlc, bundled)
    assert (code, stdout) == (1, "")
    assert stderr == (
        "error: data/targets.yaml has errors, so no target could be read\n"
        "hint: run `hcmlc validate` and fix data/targets.yaml first\n"
    )


def test_a_year_without_a_cycle_is_a_usage_error(hcmlc, bundled) -> None:
    code, out, err = report(hcmlc, bundled, "--year", "2026", "--out", str(bundled / "r.docx"))
    assert (code, out) == (2, "")
    assert "no reporting cycle covers 2026" in err
    assert "2023 (2019–2023), 2024 (2024), 2025 (2025)" in err
    assert not (bundled / "r.docx").exists()


def test_targets_due_later_are_on_track_or_behind_never_not_met(bundled) -> None:
    report_2024 = build_report(load(bundled).facts(), 2024, "vi")
    counts = report_2024.total.counts
    assert (counts[Status.ON_TRACK], counts[Status.BEHIND], counts[Status.NOT_MET]) == (4, 7, 1)
    repo = load(bundled)
    targets = repo.targets.targets
    for block in report_2024.standards:
        for criterion in block.criteria:
            for row in criterion.rows:
                target = targets.get(row.id)
                if row.status is Status.NOT_MET and target.target is not None:
                    assert target.target.year <= 2024, row.id


def test_an_old_value_is_shown_with_its_year_and_not_judged(bundled) -> None:
    """2.2.2.a was last supplied for 2024: the 2025 report shows it, as no data for 2025."""
    report_2025 = build_report(load(bundled).facts(), 2025, "vi")
    [row] = [
        r for s in report_2025.standards for c in s.criteria for r in c.rows if r.id == "2.2.2.a"
    ]
    assert (row.latest, row.status_text) == (
        "21% (năm 2024; chưa có số liệu năm 2025)",
        "Chưa có số liệu",
    )


def test_every_word_in_the_chosen_language(hcmlc, bundled) -> None:
    out = bundled / "en.md"
    code, stdout, _ = hcmlc(
        "--lang",
        "en",
        "report",
        "--lang",
        "en",
        "--format",
        "md",
        "--out",
        str(out),
        "--root",
        str(bundled),
    )
    assert code == 0
    assert "(8 met, 0 on track, 0 behind, 7 not met, 7 no data, 25 no target)" in stdout
    text = out.read_text(encoding="utf-8")
    assert "DOHA (formerly DOLISA): on time (10 December 2025)" in text
    for vietnamese in ("Sở NV", "TAND TP", "Sở VH&TT", "trễ", "đúng hạn"):
        assert vietnamese not in text, vietnamese
    code, stdout, _ = hcmlc(
        "--lang", "vi", "report", "--format", "md", "--out", str(out), "--root", str(bundled)
    )
    assert "(8 đạt, 0 đúng tiến độ, 0 chậm tiến độ, 7 chưa đạt, 7 chưa có số liệu" in stdout
