"""From framework files a city keeps to frameworks hcmlc ships: `hcmlc migrate`.

A framework file of the city whose content, agencies aside, is a framework hcmlc ships (at some
version) is replaced by a line of `uses:` in data/frameworks.yaml, and its agencies move to
`assign:`, with the comments written on their lines. Any other framework file stays the city's
own. The framework's own comments (on its texts) are in the shipped file already.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hcmlc.checks.framework_use import SHIPPED, USES, shipped_versions
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _
from hcmlc.models.framework import Framework
from hcmlc.yamlfiles.reader import Document, parse_bytes


@dataclass
class Migration:
    """What `hcmlc migrate` writes and removes."""

    uses: list[tuple[str, str, str]] = field(default_factory=list)
    """(file replaced, framework id, version)."""
    kept: list[str] = field(default_factory=list)
    """The city's own framework files, left as they are."""
    lines: list[str] = field(default_factory=list)
    """The `assign:` entries, with their comments."""
    assigned: int = 0

    def text(self) -> str:
        sources = ", ".join(path for path, _id, _version in self.uses)
        head = [
            "# The frameworks hcmlc ships that this city reports against (`uses:`, each at the",
            "# version it reports against), and who supplies each of their indicators (`assign:`:",
            "# indicator id → agency and group ids of data/assignments.yaml, or",
            "# {agencies: […], obtained_from: […]}). An indicator not listed has no one yet.",
            f"# Written by `hcmlc migrate` from {sources}.",
            "uses:",
        ]
        for _path, framework, version in self.uses:
            head += [f'  - framework: "{framework}"', f'    version: "{version}"']
        return "\n".join([*head, "assign:", *self.lines]) + "\n"


def plan(root: Path, own_files: list[str]) -> Migration:
    """What migrating `own_files` (data/criteria.yaml, data/frameworks/*.yaml) would do."""
    if (root / USES).exists():
        raise HcmlcError(
            _("{file} exists already: this repository uses the frameworks hcmlc ships").format(
                file=USES
            ),
            _("nothing to migrate; `hcmlc validate` checks it"),
        )
    migration = Migration()
    for path in own_files:
        doc = parse_bytes((root / path).read_bytes(), path)
        match = _shipped_match(doc)
        if match is None:
            migration.kept.append(path)
            continue
        framework, version = match
        migration.uses.append((path, framework.id, version))
        _assignments(migration, framework, doc)
    if not migration.uses:
        raise HcmlcError(
            _("no framework file of this repository is one hcmlc ships"),
            _("a framework of the city's own stays a file; nothing to migrate"),
        )
    return migration


def _shipped_match(doc: Document) -> tuple[Framework, str] | None:
    """The city's framework and the shipped version it equals, agencies aside."""
    if not isinstance(doc.data, dict) or doc.problems:
        return None
    try:
        framework = Framework.model_validate(doc.data)
    except ValueError:
        return None
    mine = _content(framework)
    for version in shipped_versions().get(framework.id, []):
        raw = (SHIPPED / framework.id / f"{version}.yaml").read_bytes()
        shipped = Framework.model_validate(parse_bytes(raw, version).data)
        if _content(shipped) == mine:
            return framework, version
    return None


def _content(framework: Framework) -> str:
    """The framework without who supplies it, and without its version: what a city shares."""
    data: dict[str, Any] = framework.model_dump(mode="json", exclude={"version"})
    for area in data["areas"]:
        for standard in area["standards"]:
            for criterion in standard["criteria"]:
                for indicator in criterion["indicators"]:
                    indicator.pop("agencies"), indicator.pop("obtained_from")
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _assignments(migration: Migration, framework: Framework, doc: Document) -> None:
    lines = (doc.text or "").splitlines()
    for a, area in enumerate(framework.areas):
        for s, standard in enumerate(area.standards):
            for c, criterion in enumerate(standard.criteria):
                for i, indicator in enumerate(criterion.indicators):
                    loc = ("areas", a, "standards", s, "criteria", c, "indicators", i)
                    comments = _comments(doc, lines, loc, indicator.obtained_from != [])
                    migration.lines += [f"  {line}" for line in comments["above"]]
                    agencies = _flow(indicator.agencies)
                    if indicator.obtained_from:
                        value = (
                            f"{{agencies: {agencies}, "
                            f"obtained_from: {_flow(indicator.obtained_from)}}}"
                        )
                    else:
                        value = agencies
                    migration.lines.append(f'  "{indicator.id}": {value}{comments["after"]}')
                    migration.assigned += 1


def _comments(
    doc: Document, lines: list[str], loc: tuple[str | int, ...], with_source: bool
) -> dict[str, Any]:
    """The comments written on the lines of an indicator's `agencies` (and `obtained_from`),
    and the comment lines right above them."""
    keys = ["agencies", "obtained_from"] if with_source else ["agencies"]
    above: list[str] = []
    after = ""
    for key in keys:
        number = doc.at((*loc, key), key=True)[0] - 1
        line = lines[number]
        if " #" in line.split("]", 1)[-1]:
            after += "  #" + line.split("]", 1)[-1].split(" #", 1)[1]
        k = number - 1
        found: list[str] = []
        while k >= 0 and lines[k].strip().startswith("#"):
            found.insert(0, lines[k].strip())
            k -= 1
        above += found
    return {"above": above, "after": after}


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in ids) + "]"
