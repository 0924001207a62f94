"""Every rule of hcmlc, by code: the families declare them, this gathers them once."""

from __future__ import annotations

from hcmlc.rules import answers, data, files, identity, photos, structure, syntax, values, workbook
from hcmlc.rules.rule import Rule

FAMILIES = {
    "syntax": syntax,
    "structure": structure,
    "identity": identity,
    "values": values,
    "answers": answers,
    "photos": photos,
    "files": files,
    "data": data,
    "workbook": workbook,
}
"""Each family module by name, in the order the guides present them."""


def _gather() -> dict[str, Rule]:
    rules = sorted(
        (r for family in FAMILIES.values() for r in family.RULES), key=lambda r: r.code[7:]
    )
    registry: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in registry:
            raise ValueError(f"{rule.code} declared twice")
        registry[rule.code] = rule
    return registry


REGISTRY: dict[str, Rule] = _gather()
"""Every rule by code, in the codes' numeric order; codes are never reused."""


def family_of(code: str) -> str:
    """The name of the family that declares `code`."""
    return next(
        name for name, module in FAMILIES.items() if any(r.code == code for r in module.RULES)
    )
