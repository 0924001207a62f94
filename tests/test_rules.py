"""The rules' registry: every code the source uses is declared once by a family, with its
severity (the code's letter), stable name, meaning and example in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from hcmlc.diagnostics import CODES, Diagnostic, Severity
from hcmlc.rules.registry import FAMILIES, REGISTRY, family_of
from hcmlc.rules.rule import Rule, Words, same

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hcmlc"
CODE = re.compile(r"HCMLC-[EW]\d{3}")


def codes_used_by_the_source() -> dict[str, list[str]]:
    """Every code written in a module outside `hcmlc/rules/`, with the modules writing it."""
    used: dict[str, list[str]] = {}
    for module in sorted(PACKAGE.rglob("*.py")):
        if module.parent.name == "rules":
            continue
        for code in set(CODE.findall(module.read_text(encoding="utf-8"))):
            used.setdefault(code, []).append(str(module.relative_to(PACKAGE)))
    return used


def test_every_code_the_source_uses_is_registered() -> None:
    unregistered = {c: m for c, m in codes_used_by_the_source().items() if c not in REGISTRY}
    assert unregistered == {}


def test_every_registered_code_is_used_by_the_source() -> None:
    assert set(REGISTRY) - set(codes_used_by_the_source()) == set()


def test_the_diagnostics_take_their_rules_from_the_registry() -> None:
    assert CODES is REGISTRY
    problem = Diagnostic("submissions/2025/so-gddt.yaml", 5, 12, "HCMLC-E022", "m", "h")
    assert (problem.severity, problem.rule) == (Severity.ERROR, "value-unit")
    assert problem.as_dict()["rule"] == "value-unit"
    warning = Diagnostic("submissions/2023/so-gddt.yaml", 1, 1, "HCMLC-W025", "m")
    assert (warning.severity, warning.rule) == (Severity.WARNING, "too-few-words")


def test_each_rule_is_declared_once_with_its_meaning_and_an_example() -> None:
    declared = [rule for family in FAMILIES for rule in family.rules]
    assert len(declared) == len(REGISTRY) == len({r.name for r in declared})
    assert list(REGISTRY) == sorted(REGISTRY, key=lambda code: code[7:])
    for rule in declared:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule
        assert rule.severity is (Severity.ERROR if rule.code[6] == "E" else Severity.WARNING)
        assert all(text.strip() for text in (rule.summary.vi, rule.summary.en)), rule
        assert rule.summary.vi != rule.summary.en, rule
        assert rule.wrong != rule.right, rule
        assert rule.page == f"codes/{rule.code}/"
    assert family_of("HCMLC-E001").name == "syntax"
    assert family_of("HCMLC-W076").title == Words("Bảng tính Excel", "Excel workbooks")


def test_a_text_in_two_languages() -> None:
    words = Words("Tệp rỗng.", "The file is empty.")
    assert (words.get("vi"), words.get("en")) == ("Tệp rỗng.", "The file is empty.")
    assert same("value: 1\n") == Words("value: 1\n", "value: 1\n")
    assert Rule("HCMLC-W099", "x", words, words, words).severity is Severity.WARNING
