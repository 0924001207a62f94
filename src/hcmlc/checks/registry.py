"""Rules of data/ beyond one file: frameworks side by side, the units of data/units.yaml, and
who holds the duties of an agency that ended (successors, split duties, loops)."""

from __future__ import annotations

from collections.abc import Iterator

from hcmlc.checks.data import duplicate_ids, framework_ids, framework_refs, unknown_id
from hcmlc.checks.framework_use import is_shipped, led_by_agency
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.models.framework import Framework
from hcmlc.models.registry import Agency
from hcmlc.models.units import Units
from hcmlc.yamlfiles.reader import Document, Loc
from hcmlc.yamlfiles.slips import LINE_BREAK, NOT_TEXT


def check_frameworks(catalog: Catalog, docs: list[Document]) -> list[Diagnostic]:
    """Each framework of data/frameworks/ has ids of its own, unique across every framework,
    and names known agencies; `docs` are the framework files, data/criteria.yaml first."""
    problems: list[Diagnostic] = []
    seen: dict[str, str] = {}  # id → the file that used it first
    framework_files: dict[str, str] = {}
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for index, (framework, doc) in enumerate(zip(catalog.frameworks, docs, strict=True)):
        if framework.id in framework_files:
            problems.append(_clash(doc, ("id",), framework.id, framework_files[framework.id]))
        framework_files.setdefault(framework.id, doc.path)
        ids = list(framework_ids(catalog, framework))
        if not is_shipped(doc):
            problems += _without_agencies(catalog, framework, doc)
        if index and not is_shipped(doc):  # the first's: checks.check_data; shipped: hcmlc's
            problems += duplicate_ids(doc, iter(ids))
            for loc, ref in framework_refs(catalog, framework):
                if ref not in owners:
                    problems.append(unknown_id(doc, loc, "agency", ref, owners))
        for loc, item_id in ids:
            first = seen.setdefault(item_id, doc.path)
            if first != doc.path:
                problems.append(_clash(doc, loc, item_id, first))
    problems += _aggregates(catalog, docs)
    return problems


def _without_agencies(catalog: Catalog, framework: Framework, doc: Document) -> list[Diagnostic]:
    """In a framework the city keeps as a file, every indicator names who supplies it."""
    return [
        doc.problem(
            loc[:-1],
            "HCMLC-E039",
            _("indicator {id} names no agency").format(id=item_id),
            _("list the agencies that supply it under `agencies:`"),
        )
        for loc, item_id in framework_ids(catalog, framework)
        if "indicators" in loc
        and not catalog.indicators[item_id].agencies
        and catalog.framework_of.get(item_id) is framework
    ]


def _clash(doc: Document, loc: Loc, item_id: str, where: str) -> Diagnostic:
    return doc.problem(
        loc,
        "HCMLC-E030",
        _("id `{id}` is already used in {file}").format(id=item_id, file=where),
        _("ids are unique across every framework: give this one an id of its own"),
    )


def _aggregates(catalog: Catalog, docs: list[Document]) -> Iterator[Diagnostic]:
    """An indicator whose city figure comes from its first agency declares no `aggregate`."""
    for framework, doc in zip(catalog.frameworks, docs, strict=True):
        for loc, item_id in framework_ids(catalog, framework):
            indicator = catalog.indicators.get(item_id)
            if "indicators" not in loc or indicator is None or indicator.aggregate is None:
                continue
            if is_shipped(doc):  # the city assigns its agencies: framework_use.check_uses
                continue
            problem = led_by_agency(catalog, doc, loc[:-1] + ("aggregate",), item_id)
            if problem is not None:
                yield problem


def check_registry(catalog: Catalog, doc: Document, hand_kept: int) -> list[Diagnostic]:
    """Cycles name known frameworks; split duties name known successors and items, each duty
    once; no chain of successors comes back to where it started."""
    problems: list[Diagnostic] = []
    frameworks = {fw.id for fw in catalog.frameworks}
    for c, cycle in enumerate(catalog.assignments.cycles):
        for k, ref in enumerate(cycle.frameworks or []):
            if ref not in frameworks:
                loc: Loc = ("cycles", c, "frameworks", k)
                problems.append(unknown_id(doc, loc, "framework", ref, frameworks))
    items = set(catalog.indicators) | set(catalog.questions)
    criteria = {c.id for c in catalog.criteria()}
    for a, agency in enumerate(catalog.assignments.agencies[:hand_kept]):
        problems += _focal_point_lines(doc, a, agency)
        claimed: dict[str, str] = {}
        for d, duty in enumerate(agency.duties):
            base: Loc = ("agencies", a, "duties", d)
            if duty.successor not in catalog.agencies:
                problems.append(
                    unknown_id(
                        doc, base + ("successor",), "agency", duty.successor, catalog.agencies
                    )
                )
            for field, pool, kind in (
                ("items", items, "item"),
                ("criteria", criteria, "criterion"),
            ):
                for k, ref in enumerate(getattr(duty, field)):
                    loc = base + (field, k)
                    if ref not in pool:
                        problems.append(unknown_id(doc, loc, kind, ref, pool))
                    elif ref in claimed and claimed[ref] != duty.successor:
                        problems.append(_claimed_twice(doc, loc, agency.id, ref, claimed[ref]))
                    claimed.setdefault(ref, duty.successor)
        loop = _loop(catalog, agency.id)
        if loop:
            field = "successor" if agency.successor else "duties"
            problems.append(
                doc.problem(
                    ("agencies", a, field),
                    "HCMLC-E062",
                    _("the successors of `{agency}` come back to it: {chain}").format(
                        agency=agency.id, chain=" → ".join(loop)
                    ),
                    _(
                        "an agency's duties pass forward in time: check `ended`, `successor` "
                        "and `duties` of the agencies of this chain"
                    ),
                )
            )
    return problems


def _focal_point_lines(doc: Document, a: int, agency: Agency) -> list[Diagnostic]:
    """A focal point's name or phone on one line: a line break would end an e-mail header."""
    focal = agency.focal_point
    if focal is None:
        return []
    return [
        doc.problem(
            ("agencies", a, "focal_point", field),
            "HCMLC-E008",
            _("the focal point's `{field}` of `{agency}` holds a line break").format(
                field=field, agency=agency.id
            ),
            _("write it on one line: a reminder's e-mail header holds it"),
        )
        for field in ("name", "phone")
        if LINE_BREAK.search(text := getattr(focal, field) or "") and not NOT_TEXT.search(text)
    ]  # a control character is said already (yamlio)


def _claimed_twice(doc: Document, loc: Loc, agency: str, ref: str, first: str) -> Diagnostic:
    return doc.problem(
        loc,
        "HCMLC-E063",
        _("`{ref}` of `{agency}` is claimed by two successors; `{first}` claims it first").format(
            ref=ref, agency=agency, first=first
        ),
        _("name each duty under one successor only"),
    )


def _loop(catalog: Catalog, start: str) -> list[str]:
    """The chain of successors from `start` back to it, over any duty; empty without a loop."""
    stack = [[start]]
    while stack:
        chain = stack.pop()
        agency = catalog.agencies.get(chain[-1])
        if agency is None:
            continue
        nexts = {d.successor for d in agency.duties}
        if agency.successor:
            nexts.add(agency.successor)
        for successor in sorted(nexts):
            if successor == start:
                return [*chain, start]
            if successor not in chain:
                stack.append([*chain, successor])
    return []


def check_units(catalog: Catalog, doc: Document, units: Units, hand_kept: int) -> list[Diagnostic]:
    """Unit ids and codes are unique and new to the registry; territories name known districts
    and units."""
    problems: list[Diagnostic] = []
    taken = {a.id for a in catalog.assignments.agencies[:hand_kept]}
    taken |= {g.id for g in catalog.assignments.groups}
    codes: dict[str, str] = {}
    ids: set[str] = set()
    for k, unit in enumerate(units.units):
        if unit.id in taken or unit.id in ids:
            problems.append(
                doc.problem(
                    ("units", k, "id"),
                    "HCMLC-E030",
                    _("id `{id}` is used twice in the registry").format(id=unit.id),
                    _("ids are unique and never reused: give this one a new id"),
                )
            )
        ids.add(unit.id)
        if unit.code is not None and unit.code in codes:
            problems.append(
                doc.problem(
                    ("units", k, "code"),
                    "HCMLC-E030",
                    _("code {code} is already the code of `{other}`").format(
                        code=unit.code, other=codes[unit.code]
                    ),
                    _("regenerate data/units.yaml with tools/units_from_vietnam_provinces.py"),
                )
            )
        elif unit.code is not None:
            codes[unit.code] = unit.id
    for district, taken_over in units.territories.items():
        if district not in catalog.agencies:
            problems.append(
                unknown_id(
                    doc, ("territories", district), "agency", district, catalog.agencies, key=True
                )
            )
        for k, ref in enumerate(taken_over):
            if ref not in ids:
                problems.append(unknown_id(doc, ("territories", district, k), "unit", ref, ids))
    return problems
