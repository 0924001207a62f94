"""One entry of the results cache (repository/cache.py): a file's result as JSON, its shape
checked before anything of it is trusted, and the result rebuilt from it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hcmlc.core.figures import LocalFigure
from hcmlc.core.id_text import IdText
from hcmlc.core.readings import Rows
from hcmlc.core.results import Consulted, Entries, FileCheck, ItemKind
from hcmlc.diagnostics import CODES, Diagnostic

KINDS: tuple[ItemKind, ...] = ("indicator", "answer")
CONSULTED: tuple[Consulted, ...] = ("photo", "evidence")


def well_formed(entry: Any) -> bool:
    """Whether `entry` has exactly the shape `put` writes."""
    if not isinstance(entry, dict) or entry.keys() != {
        "sha",
        "consulted",
        "problems",
        *KINDS,
        "identity",
        "submitted",
        "figures",
        "readings",
    }:
        return False
    identity = entry["identity"]
    return (
        isinstance(entry["sha"], str)
        and isinstance(entry["consulted"], list)
        and all(_is_consulted(c) for c in entry["consulted"])
        and isinstance(entry["problems"], list)
        and all(_is_problem(p) for p in entry["problems"])
        and all(isinstance(entry[kind], str) for kind in KINDS)
        and (identity is None or (_is_list_of_text(identity) and len(identity) == 2))
        and (entry["submitted"] is None or _is_day(entry["submitted"]))
        and _are_figures(entry["figures"])
        and type(entry["readings"]) is str  # checked when read (`_readings`)
    )


def _is_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _are_figures(values: Any) -> bool:
    """A list of `[indicator, year, value, parts, illustrative]`, as `encode` writes it. JSON
    gives exact types, so comparing types is exact (and `True` is no year) and several times
    cheaper than `isinstance`; one loop, no call per figure (five a file, 30,000 at city scale
    with thirty years of history)."""
    if type(values) is not list:
        return False
    for value in values:
        if type(value) is not list or len(value) != 5:
            return False
        indicator, year, number, parts, illustrative = value
        if not (
            type(indicator) is str
            and type(year) is int
            and type(number) in _NUMBERS
            and type(parts) is list
            and type(illustrative) is bool
        ):
            return False
        for part in parts:
            if type(part) not in _NUMBERS:
                return False
    return True


_NUMBERS = (int, float)
_READ_FROM = ("value", "parts")


def _is_reading(value: Any) -> bool:
    """`[indicator, year, value, noted, "value" or "parts"]`, as `encode` writes it."""
    return (
        type(value) is list
        and len(value) == 5
        and type(value[0]) is str
        and type(value[1]) is int
        and type(value[2]) in _NUMBERS
        and type(value[3]) is bool
        and value[4] in _READ_FROM
    )


def _is_problem(problem: Any) -> bool:
    """`[line, column, code, message, hint]` as `encode` writes it."""
    if not (isinstance(problem, list) and len(problem) == 5):
        return False
    line, column, code, message, hint = problem
    return (
        all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in (line, column))
        and code in CODES
        and isinstance(message, str)
        and (hint is None or isinstance(hint, str))
    )


def _is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_consulted(value: Any) -> bool:
    """`[kind, path, fingerprint]`, as `put` writes it."""
    return _is_list_of_text(value) and len(value) == 3 and value[0] in CONSULTED


def encode(check: FileCheck) -> dict[str, Any] | None:
    """The JSON form of a result, or None when it does not fit (then it is not kept)."""
    kinds: dict[str, str] = dict.fromkeys(KINDS, "")
    for (cycle, agency, kind), items in check.accepted.groups():
        if (agency, cycle) != check.identity or any("\n" in item for item in items):
            return None
        kinds[kind] = "\n".join(sorted(items))
    if any(p.related for p in check.problems):
        return None
    if any(p.sheet is not None for p in check.problems):
        return None  # a workbook's problem: not a file of the repository's own
    problems = [[p.line, p.column, p.code, p.message, p.hint] for p in check.problems]
    submitted = check.submitted.isoformat() if check.submitted else None
    figures = [[f.indicator, f.year, f.value, list(f.parts), f.illustrative] for f in check.figures]
    readings = []
    for r in check.readings:
        where = ("indicators", r.indicator, r.loc[-1])
        if (r.agency, r.cycle) != check.identity or r.loc != where or r.loc[-1] not in _READ_FROM:
            return None  # not the shape `decode` rebuilds: not kept
        readings.append([r.indicator, r.year, r.value, r.noted, r.loc[-1]])
    return {
        "problems": problems,
        "identity": check.identity,
        "submitted": submitted,
        "figures": figures,
        "readings": json.dumps(
            readings, ensure_ascii=False, separators=(",", ":"), check_circular=False
        ),
        **kinds,
    }


def decode(relative: str, entry: dict[str, Any], readings: bool = True) -> FileCheck | None:
    """The result an entry of the right shape (see `well_formed`) holds, without its
    `readings` when not asked for; None when they are asked for and damaged."""
    problems = tuple(
        Diagnostic(relative, line, column, code, message, hint)
        for line, column, code, message, hint in entry["problems"]
    )
    identity = entry["identity"]
    if identity is None:
        return FileCheck(problems)
    agency, cycle = identity
    accepted = Entries(
        {(cycle, agency, kind): IdText(entry[kind]) for kind in KINDS if entry[kind]}
    )
    consulted = tuple((kind, path) for kind, path, _ in entry["consulted"])
    submitted = entry["submitted"]
    compared = _readings(relative, agency, cycle, entry["readings"]) if readings else ()
    if compared is None:
        return None
    figures = tuple(
        _figure(cycle, agency, item, year, float(value), tuple(map(float, parts)), ill)
        for item, year, value, parts, ill in entry["figures"]
    )
    return FileCheck(
        problems,
        accepted,
        (agency, cycle),
        consulted,
        dt.date.fromisoformat(submitted) if submitted is not None else None,
        figures,
        compared,
    )


def _figure(
    cycle: str,
    agency: str,
    indicator: str,
    year: int,
    value: float,
    parts: tuple[float, ...],
    illustrative: bool,
) -> LocalFigure:
    """`LocalFigure(…)` of values of the right types, its fields set at once rather than one
    `object.__setattr__` each as a frozen dataclass's `__init__` does (a third of the time, for
    every figure of every year of history)."""
    figure: LocalFigure = _new(LocalFigure)
    fields = figure.__dict__
    fields["cycle"], fields["agency"], fields["indicator"], fields["year"] = (
        cycle,
        agency,
        indicator,
        year,
    )
    fields["value"], fields["parts"], fields["illustrative"] = value, parts, illustrative
    return figure


_new = object.__new__


def _readings(relative: str, agency: str, cycle: str, stored: str) -> Rows | None:
    """The figures compared across cycles, from their JSON text, as it holds them (no
    `Observed` made for each: core/readings.py); None when it is not exactly what `encode`
    writes (then nothing of the entry is trusted)."""
    try:
        found = json.loads(stored)
    except (ValueError, RecursionError):
        return None
    if type(found) is not list or not all(_is_reading(r) for r in found):
        return None
    return Rows(cycle, agency, relative, found)
