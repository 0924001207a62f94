"""Every code of the rules' registry has its page, generated from the rule, in both languages;
every page names a code that exists; JSON output names each problem's page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from docs_pages import code_page, codes_index, write_codes

from hcmlc.rules.registry import REGISTRY

CODE = re.compile(r"HCMLC-[EW]\d{3}")


def test_every_code_has_a_page_and_every_page_names_a_code(site: Path) -> None:
    for folder in (site / "codes", site / "en" / "codes"):
        pages = {p.name for p in folder.iterdir() if p.is_dir()}
        assert pages == set(REGISTRY)
        for code in pages:
            text = (folder / code / "index.html").read_text(encoding="utf-8")
            assert f'<h1 id="{code.lower()}">{code}' in text, code
            assert set(CODE.findall(text)) == {code}, code


def test_the_index_links_every_code(site: Path) -> None:
    for folder in (site / "codes", site / "en" / "codes"):
        text = (folder / "index.html").read_text(encoding="utf-8")
        assert set(re.findall(r'href="(HCMLC-[EW]\d{3})/"', text)) == set(REGISTRY)


def test_a_page_says_the_rule_in_both_languages_with_its_example() -> None:
    page = code_page(REGISTRY["HCMLC-E022"], "vi")
    assert page.splitlines()[:3] == [
        "# HCMLC-E022",
        "",
        "**Lỗi** · Tên quy tắc: `value-unit` · Nhóm quy tắc: Giá trị và năm",
    ]
    assert "Giá trị không hợp với đơn vị hoặc thang đo của chỉ số" in page
    assert "*In English:* A value does not fit its indicator's unit or scale" in page
    assert (
        "## Ví dụ sai\n\nTrong `submissions/2025/so-gddt.yaml`:\n\n```yaml\n  1.1.1.a:\n    value: 98,9%\n```"
        in page
    )
    assert "## Cách sửa\n\n```yaml\n  1.1.1.a:\n    value: 98.9\n```" in page
    english = code_page(REGISTRY["HCMLC-W076"], "en")
    assert (
        "**Warning** · Rule name: `workbook-unsigned` · Family of rules: Excel workbooks" in english
    )
    assert "## The fix\n\nFill in the workbook issued to your own agency\n" in english
    assert "*(tệp rỗng)*" in code_page(REGISTRY["HCMLC-E003"], "vi")


def test_the_pages_are_rewritten_whole(tmp_path: Path) -> None:
    stale = tmp_path / "codes" / "HCMLC-E999.md"
    stale.parent.mkdir()
    stale.write_text("# HCMLC-E999\n", encoding="utf-8")
    written = write_codes(tmp_path)
    assert not stale.exists()
    assert len(written) == 2 * (len(REGISTRY) + 1)
    assert (tmp_path / "codes/index.en.md").read_text(encoding="utf-8") == codes_index("en")


def test_json_output_names_each_problems_page(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a:\n    value: 80%\n    year: 2022\n',
    )
    _, out, _ = hcmlc("validate", "--format", "json", "--root", str(repo.root))
    [problem] = json.loads(out)["problems"]
    assert (problem["code"], problem["help"]) == ("HCMLC-E022", "codes/HCMLC-E022/")
