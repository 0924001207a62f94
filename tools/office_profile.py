"""A LibreOffice user profile for headless conversions (`soffice --headless --convert-to`) that
does not make LibreOffice test its graphics at every start.

LibreOffice runs its graphics self-tests (GraphicsRenderTests: a hundred drawings, written to
GraphicsRenderTests.log in the profile) at a start where the profile has not yet recorded the
running version as its last (`ooSetupLastVersion`), and only a start with a window records it.
So every headless start paid for them: some 0.6 s of CPU of the 0.8 s a start costs, before it
opens the first file. A profile that says it was last run by this LibreOffice skips them; what
LibreOffice opens, prints and saves is the same. Used by tools/screenshots.py and by the tests
that put Calc in the loop (tests/commands/calc_files.py)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

SETTINGS = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" \
oor:op="fuse"><value>{version}</value></prop></item>
</oor:items>
"""
"""The profile's settings (user/registrymodifications.xcu) before its first start."""


def office_version(soffice: str, env: Mapping[str, str] | None = None) -> str | None:
    """LibreOffice's version as its settings keep it (`7.4`), or None if it does not say;
    `soffice --version` run in `env` (its HOME: it makes a folder or two there)."""
    result = subprocess.run(
        [soffice, "--version"], capture_output=True, text=True, timeout=60, check=False, env=env
    )
    found = re.search(r"\b(\d+)\.(\d+)\.", result.stdout)
    return f"{found[1]}.{found[2]}" if found else None


def profile(folder: Path, soffice: str, env: Mapping[str, str] | None = None) -> str:
    """The `-env:UserInstallation=…` argument of a profile in `folder`; made, if new, as one
    that the installed LibreOffice (`soffice`, run in `env`) last ran, so that no start tests
    the graphics. A profile already there is left as it is."""
    settings = folder / "user" / "registrymodifications.xcu"
    if not folder.exists() and (version := office_version(soffice, env)) is not None:
        settings.parent.mkdir(parents=True)
        settings.write_text(SETTINGS.format(version=version), encoding="utf-8")
    return f"-env:UserInstallation={folder.resolve().as_uri()}"
