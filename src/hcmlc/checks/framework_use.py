"""The frameworks hcmlc ships, and a city's use of them (data/frameworks.yaml).

A shipped framework (src/hcmlc/frameworks/<id>/<version>.yaml) holds UNESCO's or the nation's
ids, texts, units, parts and aggregation, and no agencies: the city names it, at a version, in
`uses:` and assigns its agencies in `assign:`. The result is the same Framework model a city's
own framework file gives, so every view reads both alike.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hcmlc import __version__
from hcmlc.checks.data import unknown_id
from hcmlc.checks.schema_errors import validate
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _, counted, current_language
from hcmlc.kept import Kept
from hcmlc.models.framework import Framework
from hcmlc.models.framework_use import FrameworkUses
from hcmlc.yamlfiles.reader import Document, Loc, parse_bytes

USES = "data/frameworks.yaml"
SHIPPED = Path(__file__).resolve().parents[1] / "frameworks"
PREFIX = "hcmlc:"
"""How a shipped framework file is named in a problem: it is not in the city's repository."""
UNKNOWN_VERSION = "HCMLC-E040"
UNASSIGNED = "HCMLC-W041"
SHOWN = 8
"""Unassigned indicators a warning names before it stops."""


def shipped_versions() -> dict[str, list[str]]:
    """Framework id → the versions this installation ships, oldest first."""
    if not SHIPPED.is_dir():
        return {}
    return {
        folder.name: sorted(path.stem for path in folder.glob("*.yaml"))
        for folder in sorted(SHIPPED.iterdir())
        if folder.is_dir()
    }


def shipped_display(framework: str, version: str) -> str:
    return f"{PREFIX}frameworks/{framework}/{version}.yaml"


def is_shipped(doc: Document) -> bool:
    """Whether `doc` is a framework hcmlc ships (its problems are hcmlc's, not the city's)."""
    return doc.path.startswith(PREFIX)


@dataclass(frozen=True)
class Shipped:
    """A shipped framework read for a city: with the city's agencies, its file and its bytes."""

    framework: Framework
    doc: Document
    raw: bytes


def compose(uses: FrameworkUses, uses_doc: Document) -> tuple[list[Shipped], list[Diagnostic]]:
    """The frameworks `uses` names, each with the city's agencies; a problem for each that this
    installation does not ship, located in data/frameworks.yaml."""
    available = shipped_versions()
    found: list[Shipped] = []
    problems: list[Diagnostic] = []
    for k, use in enumerate(uses.uses):
        versions = available.get(use.framework)
        if versions is None:
            problems.append(_unknown_framework(uses_doc, k, use.framework, available))
            continue
        if use.version not in versions:
            problems.append(_unknown_version(uses_doc, k, use.framework, use.version, versions))
            continue
        path = SHIPPED / use.framework / f"{use.version}.yaml"
        raw = path.read_bytes()
        doc, framework, errors = _owned(raw, shipped_display(use.framework, use.version), uses)
        problems += doc.problems + errors
        if framework is not None:
            found.append(Shipped(framework, doc, raw))
    return found, problems


def _owned(
    raw: bytes, display: str, uses: FrameworkUses
) -> tuple[Document, Framework | None, list[Diagnostic]]:
    """The shipped framework of `raw` with the agencies of `uses`, built once per process for
    the same bytes, the same `uses` (a model kept once per process for the same file's bytes:
    repository/reading.py's `data_model`) and language."""
    key = (raw, display, id(uses), current_language())
    kept = _OWNED.get(key)
    if kept is None or kept[0] is not uses:
        doc = _parsed(raw, display)
        framework, errors = validate(Framework, _with_owners(doc.data, uses), doc)
        kept = _OWNED.put(key, (uses, doc, framework, errors))
    return kept[1], kept[2], list(kept[3])


_OWNED: Kept[tuple[bytes, str, int, str], tuple[FrameworkUses, Document, Any, list[Diagnostic]]] = (
    Kept(8)
)
"""What `_owned` built, by its key, with the `uses` whose identity the key holds (kept alive, so
that no other object takes its id)."""


@functools.lru_cache(maxsize=8)
def _parsed(raw: bytes, display: str) -> Document:
    """A shipped framework's file parsed, once per process for the same bytes (a process that
    loads the repository again, as of several days, reads the same few files): its data is
    only ever read, each city's owners going into a copy (`_with_owners`)."""
    return parse_bytes(raw, display)


def _with_owners(data: Any, uses: FrameworkUses) -> Any:
    """The shipped framework's data with each indicator's agencies from `uses`."""
    data = copy.deepcopy(data)
    for area in data.get("areas", []) if isinstance(data, dict) else []:
        for standard in area.get("standards", []):
            for criterion in standard.get("criteria", []):
                for indicator in criterion.get("indicators", []):
                    owners = uses.owners(str(indicator.get("id")))
                    indicator["agencies"] = list(owners.agencies)
                    indicator["obtained_from"] = list(owners.obtained_from)
    return data


def check_uses(catalog: Catalog, uses: FrameworkUses, doc: Document) -> list[Diagnostic]:
    """Every assigned indicator exists in a framework, every agency it names exists; an
    indicator of a shipped framework that no agency supplies yet is a warning."""
    problems: list[Diagnostic] = []
    owners = set(catalog.agencies) | {g.id for g in catalog.assignments.groups}
    for indicator_id, given in uses.assign.items():
        if indicator_id not in catalog.indicators:
            loc: Loc = ("assign", indicator_id)
            problems.append(
                unknown_id(doc, loc, "indicator", indicator_id, catalog.indicators, key=True)
            )
            continue
        for loc, ref in _refs(indicator_id, given):
            if ref not in owners:
                problems.append(unknown_id(doc, loc, "agency", ref, owners))
        problem = led_by_agency(catalog, doc, ("assign", indicator_id), indicator_id)
        problems += [problem] if problem else []
    unassigned = _unassigned(catalog, uses)
    if unassigned:  # one warning: a new city's file has every indicator unassigned
        shown = ", ".join(unassigned[:SHOWN]) + ("…" if len(unassigned) > SHOWN else "")
        problems.append(
            doc.problem(
                ("assign",),
                UNASSIGNED,
                _("{n} assigned to no agency yet: {ids}").format(
                    n=counted(len(unassigned), "{n} indicator is", "{n} indicators are"),
                    ids=shown,
                ),
                _("name the agencies that supply them under `assign:` in {file}").format(file=USES),
                key=True,
            )
        )
    return problems


def led_by_agency(catalog: Catalog, doc: Document, loc: Loc, item_id: str) -> Diagnostic | None:
    """HCMLC-E065 when an indicator with `aggregate` names an agency (not a group) first."""
    indicator = catalog.indicators[item_id]
    lead = indicator.agencies[0] if indicator.agencies else None
    if indicator.aggregate is None or lead not in catalog.agencies:
        return None
    return doc.problem(
        loc,
        "HCMLC-E065",
        _(
            "indicator {id} takes its city figure from `{lead}`, its first agency, "
            "so it cannot also be formed from the units' figures"
        ).format(id=item_id, lead=lead),
        _(
            "list the group of units first in `agencies` (the city figure is then "
            "their {how}), or delete `aggregate`"
        ).format(how=indicator.aggregate),
    )


def _refs(indicator_id: str, given: object) -> Iterator[tuple[Loc, str]]:
    if isinstance(given, list):
        for k, ref in enumerate(given):
            yield ("assign", indicator_id, k), ref
        return
    for field in ("agencies", "obtained_from"):
        for k, ref in enumerate(getattr(given, field)):
            yield ("assign", indicator_id, field, k), ref


def _unassigned(catalog: Catalog, uses: FrameworkUses) -> list[str]:
    """The indicators of the shipped frameworks in use that name no agency."""
    used = {use.framework for use in uses.uses}
    return [
        indicator.id
        for framework in catalog.frameworks
        if framework.id in used and framework.version is not None
        for indicator in framework.indicators()
        if not indicator.agencies
    ]


def _unknown_framework(
    doc: Document, k: int, framework: str, available: dict[str, list[str]]
) -> Diagnostic:
    return doc.problem(
        ("uses", k, "framework"),
        UNKNOWN_VERSION,
        _("hcmlc {version} ships no framework `{id}`").format(version=__version__, id=framework),
        _(
            "it ships {frameworks}; a framework of the city's own is a file of data/frameworks/"
        ).format(frameworks=_listed(available)),
    )


def _unknown_version(
    doc: Document, k: int, framework: str, version: str, versions: list[str]
) -> Diagnostic:
    return doc.problem(
        ("uses", k, "version"),
        UNKNOWN_VERSION,
        _("hcmlc {tool} ships framework `{id}` in version {versions}, not {version}").format(
            tool=__version__, id=framework, versions=", ".join(versions), version=version
        ),
        _(
            "name one of those versions, or upgrade hcmlc to a release that ships version "
            "{version} (`pip install --upgrade hcmlc`, or `pipx upgrade hcmlc`)"
        ).format(version=version),
    )


def _listed(available: dict[str, list[str]]) -> str:
    return ", ".join(f"{name} ({', '.join(versions)})" for name, versions in available.items())
