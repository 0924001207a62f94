"""Workbooks opened and saved again by a real LibreOffice Calc, several in one start of it.

Each start of `soffice` costs CPU (and more of waiting) before it opens the first file: a
quarter of a second in the profile tools/office_profile.py makes, which spares LibreOffice its
graphics self-tests, a second without; `--convert-to` takes many files. So the tests that put
Calc in the loop (test_import_libreoffice.py, test_import_ods.py) have their workbooks made,
filled and saved by Calc once for the whole run (`Shared`: whichever pytest-xdist worker asks
first), in one start per module: the filled workbooks, and the copies issued again after their
import. Those are issued from a repository into which the filled workbooks were imported as
openpyxl saved them (a formula typed as the number Calc computes), which holds what each test's
import of Calc's copy holds: the preparation asserts it, and so does each test. Each test then
imports the files into its own repository and asserts as before. The workbooks are sealed with
the key of the shared work (`Prepared.key`), which each test uses in turn.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from hcmlc.cli.app import app
from hcmlc.i18n import ENV_VAR, use_language

SOFFICE = shutil.which("soffice")
PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT / "tools"))
from office_profile import profile  # noqa: E402  (tools/, as tests/docs/conftest.py reads it)


def saved_by_calc(paths: list[Path], target: str, out: Path, home: Path) -> list[Path]:
    """Each of `paths` opened in LibreOffice Calc and saved as `target` (a `--convert-to`
    filter: `ods`, or `xlsx:Calc MS Excel 2007 XML` for Excel 2007-365) into `out`, all in one
    start of Calc; `home`: LibreOffice's home and profile (calc_home), a profile that skips
    LibreOffice's graphics self-tests at each start (tools/office_profile.py)."""
    assert SOFFICE is not None
    env = {**os.environ, "HOME": str(home)}
    result = subprocess.run(
        [
            SOFFICE,
            profile(home / "profile", SOFFICE, env),
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=env,
    )
    extension = "." + target.split(":")[0]
    saved = [out / (path.stem + extension) for path in paths]
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(path.is_file() for path in saved), result.stdout + result.stderr
    return saved


Hcmlc = Callable[..., tuple[int, str, str]]


def in_process(folder: Path) -> tuple[Hcmlc, Path]:
    """The CLI run in-process as tests/conftest.py's `hcmlc` fixture runs it, in the
    environment its autouse fixtures give a test (English, a private cache, a signing key),
    with the cache and the key in `folder`: (run, the key's path)."""
    key = folder / "key/workbook.key"
    environ: dict[str, str | None] = {
        ENV_VAR: "en",
        "XDG_CACHE_HOME": str(folder / "cache"),
        "HCMLC_KEY_FILE": str(key),
        "HCMLC_DEBUG": "1",
        "GITHUB_ACTIONS": None,
        "GITHUB_STEP_SUMMARY": None,
    }
    runner = CliRunner(env=environ)

    def run(*args: str) -> tuple[int, str, str]:
        use_language(None)
        try:
            result = runner.invoke(app, list(args))
        finally:
            use_language(None)
        assert result.exception is None or isinstance(result.exception, SystemExit), result
        return result.exit_code, result.stdout, result.stderr

    return run, key


@dataclass(frozen=True)
class Prepared:
    """Workbooks saved by Calc for one module's tests, by name, and the key that sealed them."""

    files: dict[str, Path]
    key: Path

    @classmethod
    def of(cls, found: dict[str, Any]) -> Prepared:
        files = {name: Path(path) for name, path in found["files"].items()}
        return cls(files, Path(found["key"]))

    def copy(self, name: str, folder: Path, as_name: str | None = None) -> Path:
        """The workbook `name`, copied into `folder` (a test's own), as `as_name` if given."""
        source = self.files[name]
        return Path(shutil.copy(source, folder / (as_name or source.name)))
