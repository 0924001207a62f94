"""Rules of the data files: unique ids and resolvable references in the framework and the
registry, a current cycle that exists, targets of the right kind (see registry_checks.py for
the units, frameworks and successions)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hcmlc.core.catalog import Catalog
from hcmlc.core.values import SCALE_STATES, UNIT_BOUNDS, ValueProblem, parse_state
from hcmlc.diagnostics import MAX_PER_FILE, Diagnostic, excerpt
from hcmlc.i18n import N_, _
from hcmlc.models.framework import Framework, Scale
from hcmlc.models.targets import Targets
from hcmlc.text.numerals import check_number
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.reader import Document, Loc

_UNKNOWN: dict[str, tuple[str, str]] = {
    "agency": (N_("unknown agency `{ref}`"), N_("see the agency ids in data/assignments.yaml")),
    "cycle": (N_("unknown cycle `{ref}`"), N_("see the cycle ids in data/assignments.yaml")),
    "indicator": (
        N_("unknown indicator `{ref}`"),
        N_("see the indicator ids under `assign:` in data/frameworks.yaml"),
    ),
    "question": (
        N_("unknown question `{ref}`"),
        N_("see the question ids in data/assignments.yaml"),
    ),
    "item": (
        N_("unknown indicator or question `{ref}`"),
        N_(
            "see the ids under `assign:` in data/frameworks.yaml (indicators) and in "
            "data/assignments.yaml (questions)"
        ),
    ),
    "criterion": (
        N_("unknown criterion `{ref}`"),
        N_("see the criterion ids of the frameworks data/frameworks.yaml uses"),
    ),
    "framework": (
        N_("unknown framework `{ref}`"),
        N_("see `uses:` in data/frameworks.yaml and the `id:` of each file in data/frameworks/"),
    ),
    "unit": (
        N_("unknown unit `{ref}`"),
        N_("see the unit ids in data/units.yaml"),
    ),
}
"""Message and fallback hint for an id that does not exist, by kind of id."""


def check_data(
    catalog: Catalog,
    framework_doc: Document,
    assignments_doc: Document,
    hand_kept: int | None = None,
) -> list[Diagnostic]:
    """Unique ids and resolvable references inside data/criteria.yaml and data/assignments.yaml;
    the agencies after the first `hand_kept` come from data/units.yaml (registry_checks.py)."""
    shipped = framework_doc.path.startswith("hcmlc:")  # its agencies: framework_use.py
    problems = [] if shipped else duplicate_ids(framework_doc, framework_ids(catalog))
    problems += duplicate_ids(assignments_doc, _registry_ids(catalog, hand_kept))
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for loc, ref in [] if shipped else framework_refs(catalog):
        if ref not in owners and len(problems) <= 2 * MAX_PER_FILE:  # both files list theirs
            problems.append(unknown_id(framework_doc, loc, "agency", ref, owners))
    pools = {"agency": owners, "indicator": set(catalog.indicators)}
    for loc, kind, ref in _question_refs(catalog):
        if ref not in pools[kind] and len(problems) <= 2 * MAX_PER_FILE:
            problems.append(unknown_id(assignments_doc, loc, kind, ref, pools[kind]))
    for k, agency in enumerate(catalog.assignments.agencies[:hand_kept]):
        if agency.successor is not None and agency.successor not in catalog.agencies:
            loc = ("agencies", k, "successor")
            problems.append(
                unknown_id(assignments_doc, loc, "agency", agency.successor, catalog.agencies)
            )
    if catalog.assignments.current_cycle not in catalog.cycles:
        problems.append(no_current_cycle(catalog, assignments_doc))
    return problems


def no_current_cycle(catalog: Catalog, assignments_doc: Document) -> Diagnostic:
    """`current_cycle` naming a cycle not yet opened, with the command that opens it."""
    ref = catalog.assignments.current_cycle
    return assignments_doc.problem(
        ("current_cycle",),
        "HCMLC-E091",
        _("`current_cycle: {ref}` names no cycle").format(ref=ref),
        _(
            "open it with `hcmlc new-cycle {ref} --deadline YYYY-MM-DD`, "
            "or set `current_cycle` to one of: {cycles}"
        ).format(ref=ref, cycles=", ".join(catalog.cycles)),
    )


def check_targets(catalog: Catalog, doc: Document, targets: Targets) -> list[Diagnostic]:
    """Each target names a known indicator and a goal of its kind: a figure or a state."""
    problems: list[Diagnostic] = []
    for indicator_id, target in targets.targets.items():
        loc: Loc = ("targets", indicator_id)
        indicator = catalog.indicators.get(indicator_id)
        if indicator is None:
            problems.append(
                unknown_id(doc, loc, "indicator", indicator_id, catalog.indicators, key=True)
            )
        elif indicator.scale is not None and target.required is None:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E061",
                    _("indicator {id} is qualitative: its goal is a state, not a figure").format(
                        id=indicator_id
                    ),
                    _("write `required:` with one of {states}").format(
                        states=_states(indicator.scale)
                    ),
                    key=True,
                )
            )
        elif indicator.scale is not None and target.required is not None:
            try:
                parse_state(target.required, indicator.scale)
            except ValueProblem as problem:
                problems.append(
                    doc.problem(loc + ("required",), "HCMLC-E022", str(problem), problem.hint)
                )
        elif indicator.unit is not None and target.target is None:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E061",
                    _(
                        "indicator {id} is quantitative ({unit}): its goal is a figure, not a state"
                    ).format(id=indicator_id, unit=indicator.unit),
                    _(
                        "write `target: {{value: …, year: …}}` and, if lower is better, "
                        "`direction: lower`"
                    ).format(),
                    key=True,
                )
            )
        elif indicator.unit is not None:
            for part in ("baseline", "target"):
                point = getattr(target, part)
                if point is None:
                    continue
                refusal = check_number(point.value, f"{point.value:g}", UNIT_BOUNDS[indicator.unit])
                if refusal is not None:
                    message = _("indicator {id}: {problem}").format(
                        id=indicator_id, problem=refusal.message
                    )
                    problems.append(
                        doc.problem(loc + (part, "value"), "HCMLC-E022", message, refusal.hint)
                    )
    return problems


def _states(scale: Scale) -> str:
    return ", ".join(f"`{word}`" for word in SCALE_STATES[scale].values())


def unknown_id(
    doc: Document, loc: Loc, kind: str, ref: str, known: Any, *, key: bool = False
) -> Diagnostic:
    message, fallback = _UNKNOWN[kind]
    hint = did_you_mean(ref, known) or _(fallback)
    return doc.problem(loc, "HCMLC-E020", _(message).format(ref=excerpt(ref)), hint, key=key)


def duplicate_ids(doc: Document, ids: Iterator[tuple[Loc, str]]) -> list[Diagnostic]:
    first: dict[str, Loc] = {}  # located only when an id repeats: the valid path pays nothing
    problems = []
    for loc, item_id in ids:
        if item_id in first:
            problems.append(
                doc.problem(
                    loc,
                    "HCMLC-E030",
                    _("id `{id}` is used twice (first on line {line})").format(
                        id=item_id, line=doc.at(first[item_id])[0]
                    ),
                    _("ids are unique and never reused: give this one a new id"),
                )
            )
        else:
            first[item_id] = loc
    return problems


def framework_ids(
    catalog: Catalog, framework: Framework | None = None
) -> Iterator[tuple[Loc, str]]:
    """Every id of `framework` (default: data/criteria.yaml's) with its location."""
    for a, area in enumerate((framework or catalog.framework).areas):
        yield ("areas", a, "id"), area.id
        for s, standard in enumerate(area.standards):
            s_loc: Loc = ("areas", a, "standards", s)
            yield s_loc + ("id",), standard.id
            for c, criterion in enumerate(standard.criteria):
                c_loc = s_loc + ("criteria", c)
                yield c_loc + ("id",), criterion.id
                for i, indicator in enumerate(criterion.indicators):
                    yield c_loc + ("indicators", i, "id"), indicator.id


def framework_refs(
    catalog: Catalog, framework: Framework | None = None
) -> Iterator[tuple[Loc, str]]:
    for loc, item_id in framework_ids(catalog, framework):
        if "indicators" in loc:
            indicator = catalog.indicators[item_id]
            for field in ("agencies", "obtained_from"):
                for k, ref in enumerate(getattr(indicator, field)):
                    yield loc[:-1] + (field, k), ref


def _registry_ids(catalog: Catalog, hand_kept: int | None = None) -> Iterator[tuple[Loc, str]]:
    reg = catalog.assignments
    for i, agency in enumerate(reg.agencies[:hand_kept]):
        yield ("agencies", i, "id"), agency.id
    for i, group in enumerate(reg.groups):
        yield ("groups", i, "id"), group.id
    for i, cycle in enumerate(reg.cycles):
        yield ("cycles", i, "id"), cycle.id
    for s, section in enumerate(reg.form):
        yield ("form", s, "id"), section.id
        for q, question in enumerate(section.questions):
            yield ("form", s, "questions", q, "id"), question.id


def _question_refs(catalog: Catalog) -> Iterator[tuple[Loc, str, str]]:
    """(location, "agency" or "indicator", id) of every reference a question makes."""
    for s, section in enumerate(catalog.assignments.form):
        for q, question in enumerate(section.questions):
            loc: Loc = ("form", s, "questions", q)
            for k, ref in enumerate(question.owners):
                yield loc + ("owners", k), "agency", ref
            if question.indicator:
                yield loc + ("indicator",), "indicator", question.indicator
