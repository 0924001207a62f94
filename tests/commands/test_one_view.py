"""One computed object, every view (issue 26): for the same cycle and as-of day, every figure
of the status page (headline, agencies, areas, standards, criteria, city figures, targets), of
the report and of the reminders is the figure of `status --format json`, on days when the
bundled wards had delivered nothing, some, and all they ever would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from one_view import (
    Page,
    check_page,
    check_record,
    check_reminders,
    check_report,
    check_targets,
)

DAYS = ("2025-11-30", "2025-12-04", "2025-12-07", "2025-12-20", "2026-01-05")
"""Before any 2025 file; after 4 of the 11 wards; after 8; the demonstration's day (all 11,
Sở Tài chính still to come); after the last (late) file."""


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """For each day: the JSON of status, the page, the report and the reminders."""
    import shutil

    from typer.testing import CliRunner

    from hcmlc.cli.app import app
    from hcmlc.i18n import ENV_VAR, use_language

    root = tmp_path_factory.mktemp("bundled")
    project = Path(__file__).resolve().parents[2]
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(project / name, root / name)
    runner = CliRunner(env={ENV_VAR: "en"})
    use_language(None)
    found: dict[str, dict] = {}

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--root", str(root)])
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    for day in DAYS:
        out = root / f"out-{day}"
        status = json.loads(run("status", "--as-of", day, "--format", "json"))
        run("dashboard", "--as-of", day, "--lang", "en", "--out", str(out / "site"))
        report = out / "report.md"
        run("report", "--as-of", day, "--format", "md", "--lang", "en", "--out", str(report))
        run("remind", "--as-of", day, "--format", "md", "--lang", "en", "--out", str(out / "r"))
        html = (out / "site/index.html").read_text(encoding="utf-8")
        letters = {p.stem: p.read_text("utf-8") for p in (out / "r").glob("*.md")}
        found[day] = {
            "status": status,
            "page": Page(html),
            "html": html,
            "report": report.read_text(encoding="utf-8"),
            "letters": letters,
        }
    use_language(None)
    return found


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
