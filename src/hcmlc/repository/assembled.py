"""The catalog of a repository's data/ models, each agency with its focal point, assembled once
per process for the same models: each model is itself kept once per process for the same
file's bytes and language (reading.py's `data_model`), so the same objects mean the same files,
and a command that loads the repository again, or as of several days, assembles nothing anew.
The catalog and the models are frozen and only ever read."""

from __future__ import annotations

from collections.abc import Sequence

from hcmlc.core.catalog import Catalog, assemble
from hcmlc.kept import Kept
from hcmlc.models.contacts import FocalPoints
from hcmlc.models.framework import Framework
from hcmlc.models.registry import Assignments
from hcmlc.models.units import Units
from hcmlc.repository.contacts import with_focal_points

Inputs = tuple[tuple[Framework, ...], Assignments, Units | None, FocalPoints | None]

_KEPT: Kept[tuple[int, ...], tuple[Inputs, Catalog]] = Kept(8)


def assembled(
    frameworks: Sequence[Framework],
    assignments: Assignments,
    units: Units | None,
    focal: FocalPoints,
) -> Catalog:
    """The catalog of `frameworks`, `assignments` and `units`, each agency and unit with its
    focal point of `focal` where it has one there."""
    inputs: Inputs = (tuple(frameworks), assignments, units, focal if focal.focal_points else None)
    key = tuple(id(model) for model in (*inputs[0], *inputs[1:]))
    kept = _KEPT.get(key)
    if kept is not None and all(a is b for a, b in zip(_flat(kept[0]), _flat(inputs), strict=True)):
        return kept[1]
    with_points = assignments.model_copy(
        update={"agencies": with_focal_points(assignments.agencies, focal)}
    )
    catalog = (
        assemble(
            list(frameworks), with_points, with_focal_points(units.units, focal), units.territories
        )
        if units is not None
        else assemble(list(frameworks), with_points)
    )
    _KEPT.put(key, (inputs, catalog))  # the inputs kept alive: no other object takes their ids
    return catalog


def _flat(inputs: Inputs) -> tuple[object, ...]:
    return (*inputs[0], *inputs[1:])
