"""`hcmlc migrate`: framework files the city keeps become references to the frameworks hcmlc
ships (data/frameworks.yaml), with the city's agencies and their comments."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.checks.framework_use import USES
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import create_new
from hcmlc.i18n import _, counted
from hcmlc.models.framework_use import FrameworkUses
from hcmlc.repository.load import framework_paths
from hcmlc.repository.migration import plan
from hcmlc.yamlfiles.reader import parse_yaml


def migrate_frameworks(console: Console, root: Path) -> int:
    """Write data/frameworks.yaml, then remove the framework files it replaces."""
    migration = plan(root, framework_paths(root))
    text = migration.text()
    doc = parse_yaml(text, USES)
    if doc.problems or not isinstance(doc.data, dict):  # hcmlc's own output: never expected
        raise HcmlcError(_("the migration would write a broken {file}").format(file=USES))
    FrameworkUses.model_validate(doc.data)
    try:
        create_new(root / USES, text.encode("utf-8"))
    except FileExistsError:
        raise HcmlcError(_("{file} exists already").format(file=USES)) from None
    say = console.print
    say(
        _("Wrote {file}: {frameworks}; {n}.").format(
            file=USES,
            frameworks=", ".join(f"{fw} {version}" for _p, fw, version in migration.uses),
            n=counted(migration.assigned, "{n} indicator assigned", "{n} indicators assigned"),
        ),
        markup=False,
        highlight=False,
    )
    for path, framework, version in migration.uses:
        (root / path).unlink()
        say(
            _("Removed {file}: hcmlc ships it as {framework} {version}.").format(
                file=path, framework=framework, version=version
            ),
            markup=False,
            highlight=False,
        )
    folder = root / "data/frameworks"
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    for path in migration.kept:
        say(
            _("Kept {file}: a framework of the city's own.").format(file=path),
            markup=False,
            highlight=False,
        )
    say(_("Check with `hcmlc validate`, then commit."), markup=False, highlight=False)
    return 0
