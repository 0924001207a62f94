"""The coordinator's words in the progress report (reports/<year>.yaml): checked like the rest of
the repository, and cut into the paragraphs the report prints."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.i18n import _
from hcmlc.models.narrative import Narrative
from hcmlc.text.suggest import did_you_mean
from hcmlc.yamlfiles.reader import Document

FOLDER = "reports"
_YEAR = re.compile(r"(19|20|21)[0-9]{2}")


def year_of(path: str) -> int | None:
    """The year a narrative file is named after (`reports/2025.yaml` → 2025), else None."""
    name = PurePosixPath(path)
    return int(name.stem) if _YEAR.fullmatch(name.stem) else None


def check_name(doc: Document, first: str | None = None) -> list[Diagnostic]:
    """A file of reports/ is named after the year it reports on, one file a year (`first`:
    the file already read for the same year)."""
    if first is not None:
        message = _("a second file for the year of {first}").format(first=first)
        hint = _("keep one file a year: merge the two and delete this one")
    elif year_of(doc.path) is None:
        message = _("a file of reports/ is named after the year of its report, not `{name}`")
        message = message.format(name=PurePosixPath(doc.path).name)
        hint = _("rename it to reports/<year>.yaml, e.g. reports/2025.yaml")
    else:
        return []
    return [Diagnostic(doc.path, 1, 1, "HCMLC-E093", message, hint)]


def check_narrative(catalog: Catalog, doc: Document, narrative: Narrative) -> list[Diagnostic]:
    """Every analysis names a criterion of a framework (data/criteria.yaml, data/frameworks/)."""
    criteria = [c.id for c in catalog.criteria()]
    known = set(criteria)
    problems = []
    for criterion in narrative.analysis:
        if criterion in known:
            continue
        hint = did_you_mean(_criterion_part(criterion), criteria) or _(
            "see the criterion ids of the frameworks data/frameworks.yaml uses (e.g. `1.2.2`)"
        )
        problems.append(
            doc.problem(
                ("analysis", criterion),
                "HCMLC-E020",
                _("unknown criterion `{ref}`").format(ref=criterion),
                hint,
                key=True,
            )
        )
    return problems


def _criterion_part(ref: str) -> str:
    """`1.2.2.a` (an indicator) → `1.2.2`: the criterion it belongs to is the likely meaning."""
    parts = ref.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else ref
