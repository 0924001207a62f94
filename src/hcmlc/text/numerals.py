"""Reading a number as it is written: a text becomes a number, or the reason it is not one.

The one reader of figures, whatever the file (YAML today, spreadsheet cells next): pure, no
YAML, no location. hcmlc's form is digits with a dot for decimals and nothing else (`12000`,
`98.5`). Vietnamese writes `12.000` and `98,5`, English `12,000` and `98.5`; a text written one
of those ways is recognised and refused with the exact text to write instead, and a text that
could mean two numbers (`1.500`: 1500 or 1.5) is refused with both, never guessed. The rule a
number must keep (bounds, whole) settles which readings are possible: `98.500` can only be a
percentage of 98.5, `1.500` only a count of 1500.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from hcmlc.diagnostics import excerpt
from hcmlc.i18n import N_, _

_CANONICAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
"""hcmlc's own form: ASCII digits, a dot for decimals, an optional exponent."""

_SIGN = r"(?P<sign>[+-]?)"
_DOT_GROUP = re.compile(_SIGN + r"(?P<body>[1-9][0-9]{0,2}\.[0-9]{3})")
_PLAIN = re.compile(r"(?![+-]?[1-9][0-9]{0,2}\.[0-9]{3}\Z)" + _CANONICAL.pattern)
"""`_CANONICAL` and not `_DOT_GROUP` (`1.500`, which may be 1500), in one expression."""
_DOT_GROUPS = re.compile(_SIGN + r"(?P<body>[1-9][0-9]{0,2}(\.[0-9]{3})+)(,(?P<fraction>[0-9]+))?")
_COMMA_GROUP = re.compile(_SIGN + r"(?P<body>[1-9][0-9]{0,2},[0-9]{3})")
_COMMA_GROUPS = re.compile(
    _SIGN + r"(?P<body>[1-9][0-9]{0,2}(,[0-9]{3})+)(\.(?P<fraction>[0-9]+))?"
)
_DECIMAL_COMMA = re.compile(_SIGN + r"(?P<body>[0-9]*),(?P<fraction>[0-9]+)")
_SPACES = " \u00a0\u202f\u2009"
"""Spaces that separate thousands: plain, no-break (Excel, Word), narrow no-break, thin."""
_SPACE_GROUPS = re.compile(
    _SIGN + rf"(?P<body>[1-9][0-9]{{0,2}}([{_SPACES}][0-9]{{3}})+)([.,](?P<fraction>[0-9]+))?"
)
_UNDERSCORES = re.compile(_SIGN + r"(?P<body>[0-9]+(_[0-9]+)+)(\.(?P<fraction>[0-9]+))?")
_NOT_FINITE = frozenset(
    sign + word for sign in ("", "+", "-") for word in ("inf", ".inf", "infinity", "nan", ".nan")
)
_QUOTES = "“”‘’„«»"
_NUMBER_RUN = re.compile(rf"[+-]?[0-9]([0-9.,_{_SPACES}]*[0-9])?")
_YEAR = re.compile(r"[0-9]{4}")
_YEAR_DECIMALS = re.compile(r"(?P<year>[0-9]{4})\.0*")
_YEAR_SPAN = re.compile(r"(?P<first>[0-9]{4})\s*[-–—/]\s*(?P<last>[0-9]{2}|[0-9]{4})")
_SHORT_YEAR = re.compile(r"[0-9]{2}")

# What was wrong with how a number was written, each with the hint that gives the replacement.
_PERCENT = "percent"
_WORDS = "words"
_QUOTED = "quoted"
_THOUSANDS = "thousands"
_DOT_THOUSANDS = "dot-thousands"
_DECIMAL = "decimal-comma"
_VIETNAMESE = "vietnamese"
_UNDERSCORE = "underscore"
_DIGITS = "digits"
_NEGATIVE_ZERO = "negative-zero"
_INVISIBLE = "invisible"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
"""Characters that take no room, pasted from Word or a web page with a figure."""

_HINTS = {
    _PERCENT: N_("write the number without the % sign: {number}"),
    _WORDS: N_("write the figure alone: {number}; put the words in `note`"),
    _QUOTED: N_("write the number without the curly quotes: {number}"),
    _THOUSANDS: N_("write the number without thousands separators: {number}"),
    _DOT_THOUSANDS: N_("write the number without thousands separators: {number}"),
    _DECIMAL: N_("use a dot as the decimal separator: {number}"),
    _VIETNAMESE: N_(
        "write the number with a dot for decimals and no thousands separators: {number}"
    ),
    _UNDERSCORE: N_("write the number without `_` between the digits: {number}"),
    _DIGITS: N_("write the digits as plain digits 0–9: {number}"),
    _NEGATIVE_ZERO: N_("write {number}"),
    _INVISIBLE: N_("delete the invisible character (a zero-width space) in the figure: {number}"),
}
_SEVERAL = N_("write {number}: digits, with a dot for decimals, and nothing else")


@dataclass(frozen=True)
class Rule:
    """What a number must be: from `low` to `high`, whole or not; `unit` names it in messages."""

    low: float = -math.inf
    high: float = math.inf
    whole: bool = False
    unit: str | None = None

    def fits(self, number: float) -> bool:
        return self.low <= number <= self.high and (not self.whole or number.is_integer())


ANY = Rule()
AT_LEAST_ZERO = Rule(low=0)


@dataclass(frozen=True)
class Refusal:
    """Why a text is not a number the rule accepts, and what to write instead when that is known.

    Worded in the interface's language; the caller says where (a YAML line, a cell).
    """

    message: str
    hint: str | None = None
    replacement: str | None = None
    """The exact text to write instead, when only one reading fits and nothing written is lost:
    what `validate --fix` writes."""


def read_number(text: str, rule: Rule = ANY) -> float | Refusal:
    """The number `text` means under `rule`, or why it is refused."""
    shown = text.strip()
    if _PLAIN.fullmatch(shown):  # the common case
        number = float(shown)
        if math.isfinite(number) and rule.fits(number) and not (number == 0 and "-" in shown):
            return number
    core, causes = _unwrap(unicodedata.normalize("NFC", shown))
    if core is None:
        return _not_a_number(shown)
    readings, cause = _readings(core, rule)
    if not readings:
        return _not_a_number(shown)
    if cause:
        causes.append(cause)
    fitting = [r for r in readings if rule.fits(float(r))]
    if len(fitting) > 1:
        return _ambiguous(shown, core, fitting, rule)
    value = fitting[0] if fitting else readings[-1]
    number = float(value)
    if not math.isfinite(number):
        return Refusal(
            _("`{raw}` is not a finite number").format(raw=excerpt(shown)),
            _("write the figure itself, e.g. 98.5"),
        )
    if value.is_zero() and value.is_signed() and rule.low >= 0:
        causes.append(_NEGATIVE_ZERO)
        value = Decimal(0)
    if not fitting:
        return _out_of_bounds(shown, number, rule)
    if causes:
        return _rewrite(shown, write_number(value, rule), causes)
    return number


def check_number(number: float, shown: str, rule: Rule) -> Refusal | None:
    """Why an already-read `number` (written `shown`) breaks `rule`, or None when it keeps it."""
    if not math.isfinite(number):
        return Refusal(
            _("`{raw}` is not a finite number").format(raw=excerpt(shown)),
            _("write the figure itself, e.g. 98.5"),
        )
    return None if rule.fits(number) else _out_of_bounds(shown, number, rule)


def read_year(text: str) -> int | Refusal:
    """The year `text` names: four digits, nothing else."""
    if len(text) == 4 and text.isascii() and text.isdigit():  # as years are written
        return int(text)
    shown = unicodedata.normalize("NFC", text.strip())
    if _YEAR.fullmatch(shown):
        return int(shown)
    if match := _YEAR_DECIMALS.fullmatch(shown):
        year = match["year"]
        return Refusal(
            _("`{raw}` is not a year: a year has no decimals").format(raw=excerpt(shown)),
            _("write {year}").format(year=year),
            year,
        )
    if match := _YEAR_SPAN.fullmatch(shown):
        last = match["last"] if len(match["last"]) == 4 else match["first"][:2] + match["last"]
        return Refusal(
            _("`{raw}` is a span of years; a figure describes one year").format(raw=excerpt(shown)),
            _(
                "write the year the figure describes, e.g. {year} for {raw}, and give the "
                "period in `note`"
            ).format(year=last, raw=excerpt(shown)),
        )
    runs = _YEAR.findall(shown) if not shown.isdigit() else []
    if len(runs) == 1 and re.fullmatch(r"[^0-9]*[0-9]{4}[^0-9]*", shown):
        return Refusal(
            _("`{raw}` is not a year").format(raw=excerpt(shown)),
            _("write the year alone: {year}; put the words in `note`").format(year=runs[0]),
        )
    if _SHORT_YEAR.fullmatch(shown):
        year = f"20{shown}"
        return Refusal(
            _("`{raw}` is not a year").format(raw=excerpt(shown)),
            _("write the year with four digits: {year}").format(year=year),
            year,
        )
    return Refusal(
        _("`{raw}` is not a year").format(raw=excerpt(shown)),
        _("write the year with four digits, e.g. 2023"),
    )


def write_number(value: Decimal | float, rule: Rule = ANY) -> str:
    """`value` in hcmlc's form, shortest, and never a text `read_number` would find ambiguous."""
    decimal = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    text = format(decimal, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "+0"):
        text = "0"
    if _DOT_GROUP.fullmatch(text) and rule.fits(float(text.replace(".", ""))):
        text += "0"  # 1.125 → 1.1250: a fourth decimal makes the dot a decimal point
    return text


def _unwrap(text: str) -> tuple[str | None, list[str]]:
    """The part of `text` that should be the number, and what surrounded it."""
    causes: list[str] = []
    if any(c in _ZERO_WIDTH for c in text):
        text = "".join(c for c in text if c not in _ZERO_WIDTH).strip()
        causes.append(_INVISIBLE)
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
        causes.append(_QUOTED)
    if text.endswith("%") or text.startswith("%"):
        text = text.strip("%").strip()
        causes.append(_PERCENT)
    if any(c.isdigit() and not c.isascii() for c in text):
        text = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
        causes.append(_DIGITS)
    if any(c.isalpha() or c in "$€£¥₫~≈<>≥≤()" for c in text.replace("e", "").replace("E", "")):
        runs = [m.group() for m in _NUMBER_RUN.finditer(text)]
        if len(runs) != 1 or text.casefold().strip("+-.") in ("inf", "infinity", "nan"):
            return (text if text.casefold() in _NOT_FINITE else None), causes
        text = runs[0]
        causes.append(_WORDS)
    return (text or None), causes


def _readings(core: str, rule: Rule) -> tuple[list[Decimal], str | None]:
    """Every number `core` can mean (most likely last), and how it departs from hcmlc's form."""
    if core.casefold() in _NOT_FINITE:
        return [Decimal("nan" if "nan" in core.casefold() else "inf")], None
    if _CANONICAL.fullmatch(core):
        number = _decimal(core)
        if _DOT_GROUP.fullmatch(core):
            thousands = _decimal(core.replace(".", ""))
            return [thousands, number], (_DOT_THOUSANDS if not rule.fits(float(number)) else None)
        return [number], None
    if match := _DOT_GROUPS.fullmatch(core):
        cause = _VIETNAMESE if match["fraction"] else _DOT_THOUSANDS
        return [_grouped(match, ".")], cause
    if _COMMA_GROUP.fullmatch(core):
        thousands, decimal = _decimal(core.replace(",", "")), _decimal(core.replace(",", "."))
        cause = _THOUSANDS if rule.fits(float(thousands)) else _DECIMAL
        return [thousands, decimal] if cause == _THOUSANDS else [decimal], cause
    if match := _COMMA_GROUPS.fullmatch(core):
        return [_grouped(match, ",")], _THOUSANDS
    if match := _DECIMAL_COMMA.fullmatch(core):
        return [_decimal(f"{match['sign']}{match['body'] or '0'}.{match['fraction']}")], _DECIMAL
    if match := _SPACE_GROUPS.fullmatch(core):
        return [_grouped(match, None)], _THOUSANDS
    if match := _UNDERSCORES.fullmatch(core):
        return [_grouped(match, "_")], _UNDERSCORE
    return [], None


def _grouped(match: re.Match[str], separator: str | None) -> Decimal:
    body = match["body"]
    digits = body.replace(separator, "") if separator else re.sub(f"[{_SPACES}]", "", body)
    fraction = f".{match['fraction']}" if match["fraction"] else ""
    return _decimal(match["sign"] + digits + fraction)


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:  # the patterns only pass digits; kept for safety's sake
        return Decimal("nan")


def _ambiguous(shown: str, core: str, readings: list[Decimal], rule: Rule) -> Refusal:
    thousands, decimal = (write_number(r, rule) for r in readings[:2])
    message = (
        _(
            "`{raw}` can be read two ways: {thousands}, with a dot between thousands as "
            "Vietnamese writes, or {decimal}, with a decimal point"
        )
        if "." in core
        else _(
            "`{raw}` can be read two ways: {thousands}, with a comma between thousands as "
            "English writes, or {decimal}, with a decimal comma as Vietnamese writes"
        )
    )
    return Refusal(
        message.format(raw=excerpt(shown), thousands=thousands, decimal=decimal),
        _("write {thousands} or {decimal}, whichever you mean").format(
            thousands=thousands, decimal=decimal
        ),
    )


def _rewrite(shown: str, replacement: str, causes: list[str]) -> Refusal:
    if causes == [_NEGATIVE_ZERO]:
        message = _("`{raw}` is zero with a minus sign").format(raw=excerpt(shown))
    elif causes == [_DOT_THOUSANDS]:
        message = _(
            "`{raw}` has dots between thousands, as Vietnamese writes; hcmlc reads a dot as the "
            "decimal point"
        ).format(raw=excerpt(shown))
    else:
        message = _("`{raw}` is not a number").format(raw=excerpt(shown))
    template = _HINTS[causes[0]] if len(causes) == 1 else _SEVERAL
    # Words dropped from beside a figure (`khoảng 145`) may carry meaning: shown, never applied.
    certain = None if _WORDS in causes else replacement
    return Refusal(message, _(template).format(number=replacement), certain)


def _not_a_number(shown: str) -> Refusal:
    if not shown or shown.strip("-–—/?.xX ") == "" or shown.casefold() in ("n/a", "#n/a", "na"):
        hint = _("write the figure; if there is none yet, leave this entry out")
    else:
        hint = _("write the figure alone, e.g. 98.5, with a dot for decimals; put words in `note`")
    return Refusal(_("`{raw}` is not a number").format(raw=excerpt(shown)), hint)


def _out_of_bounds(shown: str, number: float, rule: Rule) -> Refusal:
    if rule.low <= number <= rule.high:  # in bounds, so not whole
        message = (
            _("{number} does not fit the unit `{unit}`: it must be a whole number")
            if rule.unit
            else _("{number} must be a whole number")
        )
        return Refusal(
            message.format(number=excerpt(shown), unit=rule.unit),
            _("round it to a whole number, or check the unit"),
        )
    if math.isinf(rule.high):
        message = (
            _("{number} does not fit the unit `{unit}`: it must be at least {low:g}")
            if rule.unit
            else _("{number} must be at least {low:g}")
        )
    else:
        message = (
            _(
                "{number} does not fit the unit `{unit}`: it must be at least {low:g} "
                "and at most {high:g}"
            )
            if rule.unit
            else _("{number} must be at least {low:g} and at most {high:g}")
        )
    return Refusal(
        message.format(number=excerpt(shown), unit=rule.unit, low=rule.low, high=rule.high),
        _("check the figure and its unit"),
    )
