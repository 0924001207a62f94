"""What a rule is: its code, severity, stable name, what it means and an example of it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Words:
    """A text a user reads, in Vietnamese and in English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def same(text: str) -> Words:
    """A text that reads the same in both languages (a YAML snippet)."""
    return Words(text, text)


@dataclass(frozen=True, slots=True)
class Rule:
    """One diagnostic rule: `HCMLC-E022` (`value-unit`), with what it means, a wrong example and
    its fix. The code's letter is its severity: E an error, W a warning. Codes are never reused."""

    code: str
    name: str
    summary: Words
    wrong: Words
    right: Words
    file: str = "submissions/2025/so-gddt.yaml"
    """Where the example is: a file of the repository, or a workbook."""

    @property
    def severity(self) -> Severity:
        return severity_of(self.code)

    @property
    def page(self) -> str:
        """The path of the rule's page on the documentation site, from its root."""
        return f"codes/{self.code}/"


def severity_of(code: str) -> Severity:
    """`HCMLC-E022` → error, `HCMLC-W025` → warning."""
    return Severity.WARNING if code.startswith("HCMLC-W") else Severity.ERROR
