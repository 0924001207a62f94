"""What `hcmlc init` is told, checked, and asked for in a terminal when it is not given."""

from __future__ import annotations

import datetime as dt
import re
import sys

from hcmlc.core.provinces import find
from hcmlc.documents.city_init import NewCity, city_en, starter_agencies
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

PLAN = re.compile(r"^\d+/[A-ZĐ0-9-]+$")


def new_city(
    city: str | None,
    english: str | None,
    province: str | None,
    plan: str | None,
    plan_date: str | None,
    agency: str,
    cycle: str | None,
    deadline: str | None,
) -> NewCity:
    """The city as the options (or the answers to the prompts) describe it; a usage error for
    anything missing or malformed, naming the option."""
    city = _given(city, "--city", _("The city's name (Vietnamese)"))
    found = find(_given(province, "--province", _("The province's code (01 for Hà Nội)")))
    plan = _given(plan, "--plan", _("The plan's number and symbol (e.g. 123/KH-UBND)"))
    if not PLAN.match(plan):
        raise HcmlcError(
            _("`{plan}` is not a plan's number and symbol").format(plan=plan),
            _("write it as the plan prints it, e.g. --plan 123/KH-UBND"),
        )
    day = _day(_given(plan_date, "--plan-date", _("The plan's date (YYYY-MM-DD)")), "--plan-date")
    due = _day(_given(deadline, "--deadline", _("The first deadline (YYYY-MM-DD)")), "--deadline")
    known = starter_agencies()
    if agency not in known:
        raise HcmlcError(
            _("unknown coordinating agency `{agency}`").format(agency=agency),
            _("--agency takes one of: {ids}").format(ids=", ".join(known)),
        )
    cycle = cycle or str(due.year)
    if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", cycle):
        raise HcmlcError(
            _("`{cycle}` is not a cycle id").format(cycle=cycle),
            _("use lower-case letters, digits, dots and hyphens, e.g. --cycle 2026"),
        )
    return NewCity(city, english or city_en(city), found, plan, day, agency, cycle, due)


def _given(value: str | None, option: str, question: str) -> str:
    if value is not None and value.strip():
        return value.strip()
    if sys.stdin.isatty():
        import typer

        answer: str = typer.prompt(question)
        return answer.strip()
    raise HcmlcError(
        _("missing {option}").format(option=option),
        _("pass {option}, or run init in a terminal to be asked").format(option=option),
    )


def _day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HcmlcError(
            _("{option} `{value}` is not a date").format(option=option, value=text),
            _("write it as YYYY-MM-DD"),
        ) from None
