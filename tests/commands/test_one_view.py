"""One computed object, every view (issue 26): for the same cycle and as-of day, every figure
of the status page (headline, agencies, areas, standards, criteria, city figures, targets), of
the report and of the reminders is the figure of `status --format json`, on days when the
bundled wards had delivered nothing, some, and all they ever would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from built_workbooks import letters_only
from hcmlc.cli.app import app
from hcmlc.i18n import ENV_VAR, use_language
from one_view import (
    Page,
    check_page,
    check_record,
    check_reminders,
    check_report,
    check_targets,
)
from shared_work import Shared, cache_home

DAYS = ("2025-11-30", "2025-12-04", "2025-12-07", "2025-12-20", "2026-01-05")
"""Before any 2025 file; after 4 of the 11 wards; after 8; the demonstration's day (all 11,
Sở Tài chính still to come); after the last (late) file."""


@pytest.fixture(scope="session")
def views(tmp_path_factory: pytest.TempPathFactory, session_key: Path) -> Views:
    """For each day: the JSON of status, the page, the report and the reminders, each day's
    computed once in the run, by whichever pytest-xdist worker asks first."""
    return Views(Shared(tmp_path_factory, "one-view"), session_key)


class Views:
    """The views of the bundled repository on each day, computed when first asked for. The
    wards' workbooks `remind` would write beside the letters, which no test here reads, are
    not built (tests/built_workbooks.py's `letters_only`): the letters name them all the
    same."""

    def __init__(self, shared: Shared, key: Path) -> None:
        self.shared, self.key = shared, key
        self.root = Path(shared.get("bundled", bundled))
        self.pages: dict[str, Page] = {}

    def __getitem__(self, day: str) -> dict:
        found = dict(self.shared.get(f"views-{day}", lambda folder: self._views(day, folder)))
        if day not in self.pages:
            self.pages[day] = Page(found["html"])
        return found | {"page": self.pages[day]}

    def _views(self, day: str, out: Path) -> dict:
        env = {
            ENV_VAR: "en",
            "XDG_CACHE_HOME": str(cache_home(out)),
            "HCMLC_KEY_FILE": str(self.key),
            "HCMLC_DEBUG": "1",
        }
        runner = CliRunner(env=env)

        def run(*args: str) -> str:
            use_language(None)
            try:
                with letters_only():
                    result = runner.invoke(app, [*args, "--root", str(self.root)])
            finally:
                use_language(None)
            assert result.exit_code == 0, (args, result.stdout, result.stderr)
            return result.stdout

        status = json.loads(run("status", "--as-of", day, "--format", "json"))
        run("dashboard", "--as-of", day, "--lang", "en", "--out", str(out / "site"))
        report = out / "report.md"
        run("report", "--as-of", day, "--format", "md", "--lang", "en", "--out", str(report))
        run("remind", "--as-of", day, "--format", "md", "--lang", "en", "--out", str(out / "r"))
        return {
            "status": status,
            "html": (out / "site/index.html").read_text(encoding="utf-8"),
            "report": report.read_text(encoding="utf-8"),
            "letters": {p.stem: p.read_text("utf-8") for p in (out / "r").glob("*.md")},
        }


def bundled(folder: Path) -> str:
    """A copy of the whole bundled repository, which the views read and never write."""
    project = Path(__file__).resolve().parents[2]
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(project / name, folder / name)
    return str(folder)


@pytest.mark.parametrize("day", DAYS)
def test_every_figure_of_the_page_is_the_json_figure(views, day) -> None:
    check_page(views[day]["status"], views[day]["page"])


@pytest.mark.parametrize("day", DAYS)
def test_the_targets_and_city_figures_of_the_page_are_the_json_ones(views, day) -> None:
    check_targets(views[day]["status"], views[day]["page"])


@pytest.mark.parametrize("day", DAYS)
def test_the_dates_and_earlier_cycles_of_the_page_are_the_json_ones(views, day) -> None:
    check_record(views[day]["status"], views[day]["html"])


def test_no_ward_figure_shows_before_any_ward_delivered(views) -> None:
    status = views["2025-11-30"]["status"]
    assert all(f["supplied"] == 0 for f in status["city_figures"])
    latest = [
        i["latest"]
        for c in status["targets"]["criteria"]
        for i in c["indicators"]
        if i["latest"] and i["latest"]["cycle"] == "2025"
    ]
    assert latest == []
    assert "formed from 12 of 168" not in str(views["2025-11-30"]["page"].figures)
    assert "formed from 4 of 168 units, cycle 2025" in str(views["2025-12-04"]["page"].figures)


@pytest.mark.parametrize("day", DAYS)
def test_the_report_of_the_day_says_what_the_json_says(views, day) -> None:
    check_report(views[day]["status"], views[day]["report"])


@pytest.mark.parametrize("day", DAYS)
def test_the_reminders_of_the_day_are_the_json_overdue_items(views, day) -> None:
    check_reminders(views[day]["status"], views[day]["letters"])
