"""Control characters and Markdown from the data in the documents: the form stays a Word
document that opens, shows them as `\\x1b`, and makes no break of its own from them; the
Markdown report shows Markdown and HTML as written."""

from __future__ import annotations

import re

import docx
from hostile_cases import GOOD, SUBMISSION

MAYOR = """\
agency: so-gddt
cycle: "2023"
answers:
  mayor:
    salutation: "Ông\\a"
    first-name: "Văn\\e[2J"
    last-name: "Mai\\f\\0"
    official-title: "Chủ tịch\\u202e"
"""


def test_control_characters_in_the_form(hcmlc, repo, tmp_path) -> None:
    repo.write(SUBMISSION, MAYOR)
    out = tmp_path / "form.docx"
    code, _, err = hcmlc("fill-form", "--root", str(repo.root), "--out", str(out))
    assert (code, err) == (0, "")
    document = docx.Document(str(out))  # still XML a reader accepts
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Ông\\x07" in cells and "Văn\\x1b[2J" in cells and "Mai\\x0c\\x00" in cells
    assert "Chủ tịch\\u202e" in cells
    text = "".join(cells)
    assert not any(c in text for c in "\a\f\x00\x1b\u202e")


def test_markdown_and_html_from_the_data_in_the_report(hcmlc, repo, tmp_path) -> None:
    """An indicator's text (a framework of the city's own) reaches the report's tables as inert
    text."""
    framework = repo.own_frameworks() / "data/criteria.yaml"
    text = framework.read_text(encoding="utf-8")
    old = 'vi: "Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên"'
    assert old in text
    hostile = "<!-- [x](https://e.example) ![i](https://e.example/p.png) <b>\\n# TP"
    framework.write_text(text.replace(old, f'vi: "{hostile}"', 1), encoding="utf-8")
    repo.write(SUBMISSION, GOOD)
    out = tmp_path / "report.md"
    code, _, err = hcmlc("report", "--root", str(repo.root), "--format", "md", "--out", str(out))
    assert (code, err) == (0, "")
    report = out.read_text(encoding="utf-8")
    # hcmlc's own last line says what it wrote (outputs.py): the one comment it may hold
    report, mark = report.rsplit("\n<!-- hcmlc:sha256:", 1)
    assert re.fullmatch(r"[0-9a-f]{64} -->\n", mark)
    assert not re.search(r"(?<!\\)<", report)  # every `<` escaped: no comment, no HTML
    assert "\n# TP" not in report  # the line break is a space: no heading
    assert (
        r"| 1.1.1.a | \<!-- \[x\](https://e.example) !\[i\](https://e.example/p.png) \<b\> \# TP |"
        in report
    )
