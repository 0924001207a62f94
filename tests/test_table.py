"""Tables as data (render/table.py): the same cells on a terminal and in a pipe; on a terminal
of 100 to 120 columns, names wrap and ids stay whole."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from hcmlc.core.status import build_status
from hcmlc.i18n import use_language
from hcmlc.render.status import render_table
from hcmlc.render.table import Column, Table, plain, print_table
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def status_2023(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    repo = load(root)
    catalog = repo.require_catalog()
    cycle = catalog.cycles["2023"]
    return catalog, repo, cycle


def shown(catalog, repo, cycle, console: Console, lang: str) -> str:
    use_language(lang)
    status = build_status(
        catalog, repo.supplied, cycle, dt.date(2023, 9, 5), lang=lang, deliveries=repo.deliveries()
    )
    render_table(console, status, catalog, units=True)  # the 22 districts' rows too
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_plain_columns_are_padded_to_the_widest_cell() -> None:
    table = Table([Column("Id"), Column("Name", wrap=True), Column("Owed", justify="right")])
    table.add("so-gddt", "Sở Giáo dục và Đào tạo", "43")
    table.add("ldld", "Liên đoàn Lao động", "2")
    assert plain(table).splitlines() == [
        "Id       Name                    Owed",
        "so-gddt  Sở Giáo dục và Đào tạo    43",
        "ldld     Liên đoàn Lao động         2",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_terminal_and_the_pipe_hold_the_same_rows(status_2023, lang) -> None:
    piped = shown(
        *status_2023,
        Console(file=io.StringIO(), width=200, soft_wrap=False, color_system=None),  # make_console
        lang,
    )
    wide = shown(
        *status_2023,
        Console(file=io.StringIO(), width=600, force_terminal=True, color_system=None),
        lang,
    )

    def rows(text: str) -> list[list[str]]:
        return [
            line.split()
            for line in text.splitlines()
            if line.strip() and not set(line.strip()) <= {"─", " "}
        ]

    assert rows(piped) == rows(wide)
    assert "\x1b[" not in piped


@pytest.mark.parametrize(("width", "lang"), [(100, "vi"), (100, "en"), (120, "vi"), (120, "en")])
def test_ids_are_never_cut_on_a_narrow_terminal(status_2023, width, lang) -> None:
    catalog, repo, cycle = status_2023
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    out = shown(catalog, repo, cycle, console, lang)
    assert max(map(len, out.splitlines())) <= width
    owing = {
        o.agency
        for o in build_status(catalog, repo.supplied, cycle, dt.date(2023, 9, 5)).obligations
    }
    assert len(owing) > 30
    for agency in owing:  # each id whole at the start of its row, the figures on the same line
        assert re.search(rf"^ ?{re.escape(agency)} .*\d+% *$", out, re.MULTILINE), agency
    assert "…" not in out


def test_a_closed_pipe_ends_quietly_with_exit_0() -> None:
    hcmlc = Path(sys.executable).with_name("hcmlc")
    for command in (f"{hcmlc} status --as-of 2025-12-20", f"{hcmlc} status --agency so-gddt"):
        result = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {command} | head -1"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, ""), command
        assert len(result.stdout.splitlines()) == 1


def test_print_table_is_rich_only_on_a_terminal() -> None:
    table = Table([Column("Id")], title="T")
    table.add("x")
    piped = Console(file=io.StringIO())
    print_table(piped, table)
    assert piped.file.getvalue() == "T\nId\nx\n"  # type: ignore[attr-defined]
