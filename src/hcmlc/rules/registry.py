"""Every rule of hcmlc, by code: the families declare them, this gathers them once."""

from __future__ import annotations

from dataclasses import dataclass

from hcmlc.rules import (
    answers,
    data,
    files,
    identity,
    photos,
    signoffs,
    structure,
    syntax,
    values,
    workbook,
)
from hcmlc.rules.rule import Rule, Words


@dataclass(frozen=True, slots=True)
class Family:
    """A family of rules: its module's name, its title and its rules."""

    name: str
    title: Words
    rules: tuple[Rule, ...]


FAMILIES = tuple(
    Family(module.__name__.rsplit(".", 1)[1], module.TITLE, module.RULES)
    for module in (
        syntax,
        structure,
        identity,
        values,
        answers,
        photos,
        files,
        data,
        workbook,
        signoffs,
    )
)
"""Each family, in the order the documentation presents them."""


def _gather() -> dict[str, Rule]:
    rules = sorted((r for f in FAMILIES for r in f.rules), key=lambda r: r.code[7:])
    registry: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in registry:
            raise ValueError(f"{rule.code} declared twice")
        registry[rule.code] = rule
    return registry


REGISTRY: dict[str, Rule] = _gather()
"""Every rule by code, in the codes' numeric order; codes are never reused."""


def family_of(code: str) -> Family:
    """The family that declares `code`."""
    return next(f for f in FAMILIES if any(r.code == code for r in f.rules))
