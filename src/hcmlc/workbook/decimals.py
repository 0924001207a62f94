"""A decimal typed as text in a workbook, the way the computer shows it: `98,5` or `98.5`.

A spreadsheet stores a typed number as a number when it reads it under its regional settings;
typed the other way (`98,5` under English settings, or into a text cell), it stays text. In a
YAML file hcmlc asks for its own form (`98.5`) and says what to write; in a workbook the agency
was told to type the decimal as its computer shows it, so a text holding one number with one
decimal comma or point (and, in a percentage's cell, a % sign) is read as that number when the
field's rule leaves only one reading (`numerals.read_number`): `98,5` as 98.5 in percent,
`12,000` as 12 in percent (12,000 percent cannot be). A text that could be two numbers under the
rule, or holds words or more separators, goes to the value rules as typed, which say why.
"""

from __future__ import annotations

import re

from hcmlc.core.catalog import Catalog
from hcmlc.core.values import UNIT_BOUNDS
from hcmlc.text.numerals import AT_LEAST_ZERO, Refusal, Rule, read_number
from hcmlc.yamlfiles.reader import Loc

_ONE_SEPARATOR = re.compile(r"[+-]?[0-9]+[.,][0-9]+")


def read_decimal(text: str, rule: Rule | None, percent: bool) -> str | None:
    """hcmlc's form of `text` when it is a decimal typed with a comma or a point that `rule`
    reads one way only; None otherwise."""
    if rule is None:
        return None
    core = text.strip()
    if percent and core.endswith("%"):
        core = core[:-1].rstrip()
    if not _ONE_SEPARATOR.fullmatch(core):
        return None
    number = read_number(core, rule)
    if isinstance(number, Refusal):
        return number.replacement
    return core if core != text.strip() else None  # `98.5%` in a percentage's cell: 98.5


def number_rule(catalog: Catalog, loc: Loc) -> Rule | None:
    """The rule of the number at `loc`: an indicator's value or part, a figure answer's value."""
    if len(loc) >= 3 and loc[0] == "indicators":
        indicator = catalog.indicators.get(str(loc[1]))
        if indicator is None or indicator.unit is None:
            return None
        if loc[2] == "parts":
            return UNIT_BOUNDS[indicator.part_unit()]
        return UNIT_BOUNDS[indicator.unit] if loc[2] == "value" else None
    if len(loc) == 3 and loc[0] == "answers" and loc[2] == "value":
        question = catalog.questions.get(str(loc[1]))
        if question is None or question.kind != "figure":
            return None
        return UNIT_BOUNDS[question.unit] if question.unit else AT_LEAST_ZERO
    return None
