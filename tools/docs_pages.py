"""Write the generated pages of the documentation site into docs/ (never edit them by hand):

- docs/codes/: a page per diagnostic code, from the rules' registry (hcmlc.rules), and their
  index, in Vietnamese (`X.md`) and English (`X.en.md`);
- docs/reference/: the command reference, from the Typer app (tools/command_reference.py).

    python tools/docs_pages.py docs

Each run rewrites both folders whole, so a code or command removed leaves no page behind."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hcmlc.rules.registry import FAMILIES, REGISTRY, family_of
from hcmlc.rules.rule import Rule, Severity, Words

LANGS = ("vi", "en")
WORDS = {
    "severity": {
        Severity.ERROR: Words("Lỗi", "Error"),
        Severity.WARNING: Words("Cảnh báo", "Warning"),
    },
    "family": Words("Nhóm quy tắc", "Family of rules"),
    "rule": Words("Tên quy tắc", "Rule name"),
    "other": Words("*In English:*", "*Tiếng Việt:*"),
    "wrong": Words("Ví dụ sai", "A wrong example"),
    "right": Words("Cách sửa", "The fix"),
    "in": Words("Trong `{file}`:", "In `{file}`:"),
    "empty": Words("*(tệp rỗng)*", "*(an empty file)*"),
    "back": Words("Mọi mã lỗi", "Every code"),
    "index-title": Words("Mã lỗi", "Error codes"),
    "index-intro": Words(
        "Mỗi lỗi (E) hoặc cảnh báo (W) mà hcmlc báo có một mã, ghi trong ngoặc vuông ở cuối "
        "thông báo, ví dụ `[HCMLC-E022]`, và trong trường `code` của kết quả JSON (trường `help` "
        "là đường dẫn đến trang của mã, tính từ gốc của trang tài liệu). Lỗi làm lệnh thất bại; "
        "cảnh báo thì không, trừ khi chạy với `--strict`. Trang này được tạo tự động từ các quy "
        "tắc của hcmlc.",
        "Every error (E) or warning (W) hcmlc reports has a code, in brackets at the end of the "
        "message, such as `[HCMLC-E022]`, and in the `code` field of JSON output (the `help` "
        "field is the path of the code's page from the documentation site's root). An error "
        "fails the command; a warning does not, unless `--strict`. This page is generated from "
        "hcmlc's rules.",
    ),
    "col-code": Words("Mã", "Code"),
    "col-severity": Words("Mức", "Severity"),
    "col-rule": Words("Tên quy tắc", "Rule"),
    "col-meaning": Words("Ý nghĩa", "Meaning"),
}


def _word(key: str, lang: str) -> str:
    words = WORDS[key]
    assert isinstance(words, Words)
    return words.get(lang)


def _severity(rule: Rule, lang: str) -> str:
    return WORDS["severity"][rule.severity].get(lang)  # type: ignore[index]


def _example(text: Words, lang: str) -> list[str]:
    """A YAML example (the same in both languages) as a code block; a description as text."""
    shown = text.get(lang)
    if not shown.strip():
        return [_word("empty", lang)]
    if text.vi == text.en:
        return ["```yaml", shown.rstrip("\n"), "```"]
    return [shown]


def code_page(rule: Rule, lang: str) -> str:
    """The Markdown of one code's page."""
    other = "en" if lang == "vi" else "vi"
    family = family_of(rule.code)
    lines = [
        f"# {rule.code}",
        "",
        f"**{_severity(rule, lang)}** · {_word('rule', lang)}: `{rule.name}` · "
        f"{_word('family', lang)}: {family.title.get(lang)}",
        "",
        rule.summary.get(lang),
        "",
        f"{_word('other', lang)} {rule.summary.get(other)}",
        "",
        f"## {_word('wrong', lang)}",
        "",
        _word("in", lang).format(file=rule.file),
        "",
        *_example(rule.wrong, lang),
        "",
        f"## {_word('right', lang)}",
        "",
        *_example(rule.right, lang),
        "",
        f"[{_word('back', lang)}](index.md)",
        "",
    ]
    return "\n".join(lines)


def codes_index(lang: str) -> str:
    """The Markdown of the codes' index: a table per family."""
    lines = [f"# {_word('index-title', lang)}", "", _word("index-intro", lang), ""]
    for family in FAMILIES:
        lines += [f"## {family.title.get(lang)}", ""]
        heads = ("col-code", "col-severity", "col-rule", "col-meaning")
        lines.append("| " + " | ".join(_word(h, lang) for h in heads) + " |")
        lines.append("|---|---|---|---|")
        for rule in sorted(family.rules, key=lambda r: r.code[7:]):
            lines.append(
                f"| [{rule.code}]({rule.code}.md) | {_severity(rule, lang)} | `{rule.name}` | "
                f"{rule.summary.get(lang)} |"
            )
        lines.append("")
    return "\n".join(lines)


def _name(stem: str, lang: str) -> str:
    return f"{stem}.md" if lang == "vi" else f"{stem}.{lang}.md"


def write_codes(docs: Path) -> list[Path]:
    """Rewrite docs/codes/ from the registry; return the pages written."""
    folder = docs / "codes"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    for lang in LANGS:
        pages = {"index": codes_index(lang)} | {
            code: code_page(rule, lang) for code, rule in REGISTRY.items()
        }
        for stem, text in pages.items():
            path = folder / _name(stem, lang)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def write_reference(docs: Path) -> list[Path]:
    """Rewrite docs/reference/ from the Typer app; return the pages written."""
    from command_reference import reference

    folder = docs / "reference"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    for lang in LANGS:
        path = folder / _name("commands", lang)
        path.write_text(reference(lang), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    docs = Path(argv[0] if argv else "docs")
    write_codes(docs)
    write_reference(docs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
