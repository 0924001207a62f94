"""`hcmlc new-submission`: an agency's file with every item it owes, as stubs that just work."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

from hcmlc.documents.scaffold import owed
from hcmlc.repository.load import load
from hcmlc.yamlfiles.reader import parse_yaml

PROJECT = Path(__file__).resolve().parents[2]
FILE = "submissions/2023/so-gddt.yaml"


def new(hcmlc, repo, *args: str) -> tuple[int, str, str]:
    return hcmlc("new-submission", "--root", str(repo.root), *args)


def uncomment(text: str, item: str) -> str:
    """What VS Code's Ctrl+/ does to `item`'s two notes and its stub: drop one `#` and a space."""
    lines = text.splitlines()
    start = lines.index(f"  # {item}:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  #   "):
        end += 1
    for i in range(start - 2, end):
        lines[i] = re.sub(r"^(\s*)# ?", r"\1", lines[i], count=1)
    return "\n".join(lines) + "\n"


def test_writes_every_item_owed_as_commented_stubs(hcmlc, repo) -> None:
    code, out, _ = new(hcmlc, repo, "--agency", "so-gddt")
    assert code == 0
    assert out.splitlines() == [
        f"Wrote {FILE}: 27 indicators due 2023-08-31, 16 answers due 2023-09-30.",
        "note: schema/submission.schema.json is missing, so editors cannot check the file; "
        "create it with `hcmlc schema --out schema/submission.schema.json`",
    ]
    text = (repo.root / FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/submission.schema.json"
    start = lines.index("agency: so-gddt")
    assert lines[3 : start + 4] == [
        "# Written by `hcmlc new-submission`: 27 indicators due 2023-08-31, 16 answers due",
        "# 2023-09-30.",
        "# For each item you supply, remove the `# ` before its lines (in VS Code: select them, then",
        "# Ctrl+/), write each value after its colon and delete the lines you leave empty.",
        "# Then check the file with `hcmlc validate`.",
        "agency: so-gddt",
        'cycle: "2023"',
        "## The office and person who prepared the file:",
        "# prepared_by:",
    ]
    catalog = load(repo.root).require_catalog()
    stubs = re.findall(r"^  # (\S+):$", text, flags=re.MULTILINE)
    cycle = catalog.cycles["2023"]
    assert stubs == owed(catalog, "so-gddt", cycle, "indicator") + owed(
        catalog, "so-gddt", cycle, "answer"
    )
    assert stubs[:3] == ["1.1.1.a", "1.1.3.b", "1.3.3.a"]  # framework order, then form order
    assert stubs[27:30] == ["city-info", "mayor", "contact-person"]


def test_each_item_says_what_it_is_and_when_it_is_due(hcmlc, repo) -> None:
    new(hcmlc, repo, "--agency", "so-gddt")
    text = (repo.root / FILE).read_text(encoding="utf-8")
    for block in (
        "  ## 1.1.1.a — Literacy rate of the population aged 15 and over\n"
        "  ## a number in percent, from 0 to 100 · due 2023-08-31\n"
        "  # 1.1.1.a:\n  #   value:\n  #   unit: percent\n  #   year:\n  #   source:\n",
        "  ## 2.2.3.a — Number of learning programmes based on community history, culture and "
        "indigenous knowledge\n"
        "  ## a whole number (count), 0 or more · due 2023-08-31\n",
        "  ## 1.3.3.a — ",
        "  ## cao / trung bình / thấp / không có · due 2023-08-31\n",
        "  ## slogan — ",
        "  ## text, at most 8 words · due 2023-09-30\n  # slogan:\n  #   vi:\n  #   en:\n",
        "  ## language — ",
        "  ## choice, one of english / french / spanish · due 2023-09-30\n",
        "  # mayor:\n  #   salutation:      # ",
        "  ## mayor-quote — ",
    ):
        assert block in text
    assert unicodedata.is_normalized("NFC", text)


def test_the_file_speaks_the_chosen_language(hcmlc, repo) -> None:
    """Every note of the file in Vietnamese (the default), the keys the same in both."""
    assert (
        hcmlc("--lang", "vi", "new-submission", "--root", str(repo.root), "--agency", "so-gddt")[0]
        == 0
    )
    text = (repo.root / FILE).read_text(encoding="utf-8")
    for block in (
        "# Sở Giáo dục và Đào tạo — ",
        "# Tệp do lệnh `hcmlc new-submission` tạo: 27 chỉ số, hạn nộp 2023-08-31, 16 câu trả lời,",
        "## Phòng và người lập tệp:\n# prepared_by:\n",
        "  ## `year:` là năm mà số liệu phản ánh: 2019 đến 2023.\n",
        "  ## 1.1.1.a — Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên\n"
        "  ## số, đơn vị percent, từ 0 đến 100 · hạn nộp 2023-08-31\n"
        "  # 1.1.1.a:\n  #   value:\n  #   unit: percent\n",
        "  ## số nguyên (count), từ 0 trở lên · hạn nộp 2023-08-31\n",
        "  ## văn bản, tối đa 8 từ · hạn nộp 2023-09-30\n  # slogan:\n  #   vi:\n  #   en:\n",
        "  ## lựa chọn, một trong các giá trị english / french / spanish · hạn nộp 2023-09-30\n",
        "  # mayor:\n  #   salutation:      # Bà/Ông\n  #   first-name:      # Tên\n",
    ):
        assert block in text, block
    assert all(
        not line or line.startswith(("#", " ", "agency:", "cycle:", "indicators:", "answers:"))
        for line in text.splitlines()
    )


def test_the_file_as_written_is_valid_and_supplies_nothing(hcmlc, repo) -> None:
    new(hcmlc, repo, "--agency", "so-gddt")
    assert hcmlc("validate", "--root", str(repo.root))[:2] == (0, "No problems found in 6 files.\n")
    _, out, _ = hcmlc("status", "--root", str(repo.root), "--agency", "so-gddt", "--format", "json")
    assert json.loads(out)["total"]["supplied"] == 0


def test_every_stub_uncomments_to_valid_yaml(hcmlc, repo) -> None:
    new(hcmlc, repo, "--agency", "so-gddt")
    text = (repo.root / FILE).read_text(encoding="utf-8")
    for item in re.findall(r"^  # (\S+):$", text, flags=re.MULTILINE):
        document = parse_yaml(uncomment(text, item), FILE)
        assert document.problems == [], item
        section = "indicators" if item[0].isdigit() else "answers"
        assert item in document.data[section]


def test_uncommented_and_filled_stubs_validate_and_count(hcmlc, repo, as_editor_sees) -> None:
    shutil.copytree(PROJECT / "schema", repo.root / "schema")
    code, out, _ = new(hcmlc, repo, "--agency", "so-gddt")
    assert (code, len(out.splitlines())) == (0, 1)  # no note: the schema is there
    text = (repo.root / FILE).read_text(encoding="utf-8")
    for item in ("1.1.1.a", "1.3.3.a", "slogan", "language", "mayor"):
        text = uncomment(text, item)
    text = text.replace("# First name", "# Tên").replace("# Last name", "# Họ")
    filled = (
        text.replace("    value:\n    unit: percent", "    value: 98.9\n    unit: percent", 1)
        .replace("    value:\n    year:", "    value: trung bình\n    year:", 1)
        .replace("    year:\n", "    year: 2022\n", 2)
        .replace("    vi:\n    en:", "    vi: Học tập suốt đời\n    en: Lifelong learning", 1)
        .replace("    choice:", "    choice: english", 1)
        .replace("    first-name:      # Tên", "    first-name: Mãi      # Tên", 1)
        .replace("    last-name:       # Họ", "    last-name: Văn Mãi   # Họ", 1)
    )
    filled = "\n".join(
        line for line in filled.splitlines() if not re.fullmatch(r"    [\w-]+: *(# .*)?", line)
    )  # delete the lines left empty, as the header says
    (repo.root / FILE).write_text(filled + "\n", encoding="utf-8")
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    # a contact block with two of its seven fields is not supplied yet: validate says so
    assert code == 0 and out.endswith("0 errors, 1 warning in 6 files checked\n")
    assert "answer `mayor` lacks `salutation`, `official-title`, `postal-address`" in out
    _, out, _ = hcmlc("status", "--root", str(repo.root), "--agency", "so-gddt", "--format", "json")
    supplied = {o["item"] for o in json.loads(out)["obligations"] if o["supplied"]}
    assert supplied == {"1.1.1.a", "1.3.3.a", "slogan", "language"}
    schema = json.loads((repo.root / "schema/submission.schema.json").read_text(encoding="utf-8"))
    from jsonschema import Draft7Validator  # here, not when every worker collects the module

    assert list(Draft7Validator(schema).iter_errors(as_editor_sees(filled))) == []


def test_never_overwrites(hcmlc, repo) -> None:
    repo.write(FILE, "agency: so-gddt\n")
    code, _, err = new(hcmlc, repo, "--agency", "so-gddt")
    assert code == 2
    assert err.splitlines() == [
        f"error: {FILE} already exists",  # as the user knows it, from the repository's top
        "hint: edit the existing file, or delete it first",
    ]
    assert (repo.root / FILE).read_text(encoding="utf-8") == "agency: so-gddt\n"


def test_a_yml_file_counts_as_existing(hcmlc, repo) -> None:
    repo.write("submissions/2023/so-gddt.yml", "agency: so-gddt\n")
    code, _, err = new(hcmlc, repo, "--agency", "so-gddt")
    assert code == 2
    assert err.startswith("error: submissions/2023/so-gddt.yml already exists")
    assert not (repo.root / FILE).exists()


def test_unknown_agency_suggests_the_nearest(hcmlc, repo) -> None:
    assert new(hcmlc, repo, "--agency", "so-gdtd")[::2] == (
        2,
        "error: unknown agency `so-gdtd`\nhint: did you mean `so-gddt`?\n",
    )


def test_an_agency_that_owes_nothing(hcmlc, repo) -> None:
    code, _, err = new(hcmlc, repo, "--agency", "ban-to-chuc-thanh-uy")
    assert code == 2
    assert err.splitlines()[0] == "error: `ban-to-chuc-thanh-uy` owes nothing in cycle 2023"


def test_a_progress_cycle_asks_for_indicators_only(hcmlc, repo) -> None:
    code, out, _ = new(hcmlc, repo, "--agency", "quan-1", "--cycle", "2024")
    assert code == 0
    assert out.splitlines()[0] == "Wrote submissions/2024/quan-1.yaml: 6 indicators due 2024-12-15."
    text = (repo.root / "submissions/2024/quan-1.yaml").read_text(encoding="utf-8")
    assert "\nindicators:\n  ## `year:` is the year a figure describes: 2024.\n" in text
    assert "answers:" not in text
    assert hcmlc("validate", "--root", str(repo.root))[0] == 0


def test_unknown_cycle(hcmlc, repo) -> None:
    code, _, err = new(hcmlc, repo, "--agency", "quan-1", "--cycle", "2031")
    assert code == 2 and err.startswith("error: unknown cycle `2031`")
