"""The repository files a workbook is made from and written back to.

An agency's submission for a cycle (`submissions/<cycle>/<agency>.yaml`, or the `.yml` it
already has), read with the one YAML reader and confined to the repository; the fingerprint of
data/ that a workbook records; the order in which new entries join a file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hcmlc.checks.framework_use import USES
from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic
from hcmlc.files.confine import is_inside
from hcmlc.i18n import _
from hcmlc.repository.load import ASSIGNMENTS, CRITERIA, SUBMISSIONS
from hcmlc.workbook.merged import ENTRY_ORDER
from hcmlc.yamlfiles.reader import Document, Loc, read_yaml

DATA_FILES = (CRITERIA, USES, ASSIGNMENTS)
"""What a workbook asks depends on these: the fingerprint of those the city has is kept in it."""
TOP_ORDER = ["agency", "cycle", "prepared_by", "submitted", "received", "indicators", "answers"]


@dataclass(frozen=True)
class SubmissionSource:
    """Where an agency's submission for a cycle is, and what it holds (None: no file yet)."""

    path: Path
    relative: str
    doc: Document | None
    bom: bool = False

    @property
    def data(self) -> dict[str, Any] | None:
        data = self.doc.data if self.doc is not None else None
        return data if isinstance(data, dict) else None

    def problems(self) -> list[Diagnostic]:
        """Why the file cannot be read into a submission or edited (none for no file)."""
        if self.doc is None:
            return []
        if self.doc.problems:
            return list(self.doc.problems)
        if not isinstance(self.doc.data, dict):
            return [
                self.doc.problem(
                    (), "HCMLC-E012", _("the file must be a mapping of `key: value` lines")
                )
            ]
        return []


def submission_source(root: Path, cycle: str, agency: str) -> SubmissionSource:
    """The agency's file for `cycle`: the `.yaml` or `.yml` that exists, else a new `.yaml`."""
    folder = root / SUBMISSIONS / cycle
    for suffix in (".yaml", ".yml"):
        path = folder / f"{agency}{suffix}"
        relative = path.relative_to(root).as_posix()
        if not (path.exists() or path.is_symlink()):
            continue
        if not is_inside(root, path):
            problem = Diagnostic(
                relative,
                1,
                1,
                "HCMLC-E051",
                _("the file is a link leading outside the repository; hcmlc does not read it"),
                _("replace the link with the file itself"),
            )
            return SubmissionSource(path, relative, Document(relative, None, None, [problem]))
        doc = read_yaml(path, relative)
        with path.open("rb") as stream:
            bom = stream.read(3) == b"\xef\xbb\xbf"
        return SubmissionSource(path, relative, doc, bom)
    path = folder / f"{agency}.yaml"
    return SubmissionSource(path, path.relative_to(root).as_posix(), None)


def fingerprint(root: Path) -> dict[str, str]:
    """SHA-256 of each data/ file a workbook depends on."""
    found = {}
    for name in DATA_FILES:
        if not (root / name).exists():  # data/criteria.yaml in a city using data/frameworks.yaml
            continue
        try:
            found[name] = hashlib.sha256((root / name).read_bytes()).hexdigest()
        except OSError:
            found[name] = ""
    return found


def entry_order(catalog: Catalog) -> Callable[[Loc], list[str]]:
    """Where a new key goes among its siblings: `new-submission`'s order (see yamledit)."""

    def order(loc: Loc) -> list[str]:
        if not loc:
            return TOP_ORDER
        if loc == ("indicators",):
            return list(catalog.indicators)
        if loc == ("answers",):
            return list(catalog.questions)
        if loc[0] == "indicators" and len(loc) == 3 and loc[2] == "parts":
            indicator = catalog.indicators.get(str(loc[1]))
            return [p.id for p in indicator.parts] if indicator else []
        if loc[0] == "answers" and len(loc) == 2 and str(loc[1]) in catalog.questions:
            question = catalog.questions[str(loc[1])]
            fields = {
                "text": ["vi", "en", "note"],
                "quote": ["vi", "en", "date"],
                "figure": ["value", "year", "source", "note"],
                "choice": ["choice"],
            }
            return fields.get(question.kind, [f.id for f in question.fields])
        return list(ENTRY_ORDER)

    return order
