"""The 2026 cycle played through in a git repository, as a coordinator lives it: the cycle
opened in January, agencies committing on their days (one by a merged pull request), a ward
whose file had an error fixing it after the deadline, a ward's workbook received after the
deadline and imported, one agency backdating its `submitted:`, another whose claim the
coordinator confirms, the 2027 cycle opened. For four days, status, the page, the report and
the reminders as computed today from history equal those computed on that day from the files
of that day, and every figure of the page, the report and the reminders is status's.

The year is played once in a run, and each view of it computed once, by whichever pytest-xdist
worker asks first (tests/shared_work.py); hcmlc runs in this process (what a new process of
hcmlc sees is tests/test_saved_output.py's and tests/test_warm_path.py's subject).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner
from workbook_files import Filled

from built_workbooks import letters_only
from hcmlc.cli.app import app
from hcmlc.i18n import use_language
from one_view import (
    Page,
    check_page,
    check_record,
    check_reminders,
    check_report,
    check_targets,
)
from shared_work import Make, Shared, cache_home

PROJECT = Path(__file__).resolve().parents[2]

TODAY = "2027-01-20"
DAYS = ("2026-12-11", "2026-12-20", "2027-01-06", "2027-01-15")
CONFIRMER = "Trần Thị Bình, Văn phòng Sở Tài chính"
LATE_WARD = "phuong-sai-gon"


def of_2026(agency: str, submitted: str | None = None, broken: bool = False) -> str:
    """The agency's file of 2025 as its file of 2026."""
    text = (PROJECT / f"submissions/2025/{agency}.yaml").read_text(encoding="utf-8")
    text = text.replace('cycle: "2025"', 'cycle: "2026"').replace("year: 2025", "year: 2026")
    lines = [line for line in text.splitlines() if not line.startswith("submitted:")]
    if submitted:
        lines.insert(lines.index('cycle: "2026"') + 1, f"submitted: {submitted}")
    text = "\n".join(lines) + "\n"
    if broken:  # a figure typed with a comma and a percent sign
        text = text.replace(
            "      households-sharing: ", "      households-sharing: 7,3%", 1
        ).replace("7,3%73", "7,3%")
    return text


@pytest.fixture(scope="session")
def year(tmp_path_factory: pytest.TempPathFactory) -> Year:
    """The year played, and its views: each made once for every worker of the run."""
    shared = Shared(tmp_path_factory, "year-2026")
    made = shared.get("played", play)
    return Year(shared, Played(Path(made["root"]), made["ends"], Path(made["key"])))


class Played(NamedTuple):
    root: Path
    ends: dict[str, str]
    key: Path
    """The key that signed the year's workbooks, outside the repository."""


def play(folder: Path) -> dict:
    """Play the year in `folder`/city, as a coordinator runs hcmlc and git: hcmlc in this
    process with the coordinator's environment (`env`; the test's own variables of hcmlc, git
    and GitHub unset), git in a process of its own with only `env`."""
    root = folder / "city"
    root.mkdir()
    env = {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HCMLC_TODAY": TODAY,
        "HCMLC_LANG": "en",
        "PATH": os.environ["PATH"],
        "HOME": str(root),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "HCMLC_KEY_FILE": str(folder / "key/workbook.key"),
    }
    theirs = [k for k in os.environ if k.startswith(("HCMLC_", "GIT_", "GITHUB_"))]
    own_env: dict[str, str | None] = {**dict.fromkeys(theirs), **env}
    for name in ("data", "templates", "submissions", "reports", "photos"):
        shutil.copytree(PROJECT / name, root / name)

    def git(*args: str, when: str | None = None) -> str:
        stamp = {"GIT_COMMITTER_DATE": f"{when}T10:00:00+07:00"} if when else {}
        stamp |= {"GIT_AUTHOR_DATE": f"{when}T10:00:00+07:00"} if when else {}
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            env={**env, **stamp},
            check=True,
        )
        return done.stdout

    def hcmlc(*args: str) -> None:
        use_language(None)
        try:
            done = CliRunner().invoke(app, [*args, "--root", str(root)], env=own_env)
        finally:
            use_language(None)
        assert done.exit_code == 0, (args, done.stderr, done.exception)

    def write(relative: str, text: str) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(when: str, message: str) -> None:
        git("add", "--all")
        git("commit", "--quiet", "--message", message, when=when)

    git("init", "--quiet", "--initial-branch=main")
    git("config", "user.email", "coordinator@example.org")
    git("config", "user.name", "Coordinator")
    commit("2025-12-31", "The 2025 cycle as it stood")
    hcmlc("new-cycle", "2026", "--deadline", "2026-12-15")
    commit("2026-01-05", "Open cycle 2026")
    write("submissions/2026/so-gddt.yaml", of_2026("so-gddt"))
    commit("2026-12-01", "so-gddt: figures of 2026")
    git("checkout", "--quiet", "-b", "so-noi-vu")
    write("submissions/2026/so-noi-vu.yaml", of_2026("so-noi-vu"))
    commit("2026-12-03", "so-noi-vu: figures of 2026")
    git("checkout", "--quiet", "main")
    git(
        "merge",
        "--quiet",
        "--no-ff",
        "-m",
        "Merge pull request #12",
        "so-noi-vu",
        when="2026-12-10",
    )
    write("submissions/2026/phuong-ban-co.yaml", of_2026("phuong-ban-co", broken=True))
    commit("2026-12-12", "phuong-ban-co: figures of 2026")
    # a ward's workbook, sent on 16 December, imported by the coordinator on the 18th
    made = folder / "workbook.xlsx"
    hcmlc("workbook", "--agency", LATE_WARD, "--cycle", "2026", "--out", str(made))
    book = Filled(made)
    book.set("indicators", "3.2.2.a", "value", "có")
    book.set("indicators", "3.2.2.a", "year", 2026)
    returned = book.save(folder / "returned.xlsx")
    hcmlc("import", str(returned), "--cycle", "2026", "--received", "2026-12-16")
    commit("2026-12-18", f"Import {LATE_WARD}'s workbook received on 16 December")
    hcmlc("new-cycle", "2027", "--deadline", "2027-12-15")
    commit("2027-01-02", "Open cycle 2027")
    write("submissions/2026/phuong-ban-co.yaml", of_2026("phuong-ban-co"))
    commit("2027-01-05", "phuong-ban-co: fix the figure")
    write("submissions/2026/so-tai-chinh.yaml", of_2026("so-tai-chinh", "2026-12-13"))
    commit("2027-01-08", "so-tai-chinh: figures sent by letter on 13 December")
    write("submissions/2026/so-vhtt.yaml", of_2026("so-vhtt", "2026-12-14"))
    commit("2027-01-10", "so-vhtt: figures of 2026")
    write(
        "data/confirmations.yaml",
        'confirmations:\n  - agency: so-tai-chinh\n    cycle: "2026"\n'
        f'    submitted: 2026-12-13\n    by: "{CONFIRMER}"\n'
        '    note: "Công văn 45/STC nhận ngày 13/12/2026"\n',
    )
    commit("2027-01-12", "Confirm so-tai-chinh's letter of 13 December")
    ends = {}
    for day in DAYS:
        ends[day] = git(
            "rev-list", "-1", "--first-parent", f"--before={day}T23:59:59+07:00", "main"
        ).strip()
    return {"root": str(root), "ends": ends, "key": env["HCMLC_KEY_FILE"]}


def run(played: Played, root: Path, today: str, folder: Path, *args: str) -> str:
    """hcmlc run in this process on `root` on the day `today` (in English, with a cache in
    `folder`, its charts the run's, as every test's: conftest's `shared_charts`; the wards'
    workbooks `remind` would write beside the letters, which no test here reads, not built,
    the letters naming them all the same: built_workbooks.py's `letters_only`): what it
    printed, once checked that it ended with 0 or 1."""
    env = {
        "HCMLC_TODAY": today,
        "HCMLC_LANG": "en",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_CACHE_HOME": str(cache_home(folder)),
        "HCMLC_KEY_FILE": str(played.key),
        "HCMLC_DEBUG": "1",
    }
    use_language(None)
    try:
        with letters_only():
            result = CliRunner().invoke(app, [*args, "--root", str(root)], env=env)
    finally:
        use_language(None)
    assert result.exit_code in (0, 1), (args, result.stderr, result.exception)
    return result.stdout


class Year:
    """The year played (`play`) and what commands tell of it: each status and each day's
    documents computed once in the run, by whichever worker asks first (shared_work.py)."""

    def __init__(self, shared: Shared, played: Played) -> None:
        self.shared, self.played = shared, played

    def place(self, day: str, then: bool) -> tuple[Path, str]:
        """The repository a view of `day` reads, and the day it is computed on: today, the
        one played, read from history; on the day itself (`then`), a clone of main as it
        stood, its files as they were."""
        if not then:
            return self.played.root, TODAY

        def clone(folder: Path) -> str:
            made = folder / "clone"
            subprocess.run(
                ["git", "clone", "--quiet", str(self.played.root), str(made)], check=True
            )
            subprocess.run(
                ["git", "-C", str(made), "reset", "--quiet", "--hard", self.played.ends[day]],
                check=True,
            )
            return str(made)

        return Path(self.shared.get(f"clone-{day}", clone)), day

    def status(self, day: str, then: bool = False) -> dict:
        """`status --format json` of cycle 2026 as of `day`, computed today or on the day."""
        return self.shared.get(*self._status(day, then))

    def views(self, day: str) -> tuple[dict, dict]:
        """Status (JSON), the page, the report and the reminders of cycle 2026 as of `day`,
        computed today from history, and on the day itself."""
        work = dict([self._status(day, False), self._status(day, True)])
        work |= dict([self._documents(day, False), self._documents(day, True)])
        made = self.shared.all(work)
        return tuple(
            {"status": made[f"status-{day}-{side}"], **made[f"documents-{day}-{side}"]}
            for side in ("today", "then")
        )

    def _status(self, day: str, then: bool) -> tuple[str, Make]:
        def make(folder: Path) -> dict:
            root, today = self.place(day, then)
            args = ("status", "--cycle", "2026", "--as-of", day, "--format", "json")
            return json.loads(run(self.played, root, today, folder, *args))

        return f"status-{day}-{'then' if then else 'today'}", make

    def _documents(self, day: str, then: bool) -> tuple[str, Make]:
        def make(folder: Path) -> dict:
            root, today = self.place(day, then)

            def run_as_of(*args: str) -> None:
                run(self.played, root, today, folder, *args, "--as-of", day)

            site, report, letters = folder / "site", folder / "report.md", folder / "r"
            run_as_of("dashboard", "--cycle", "2026", "--lang", "en", "--out", str(site))
            run_as_of(
                "report", "--year", "2026", "--format", "md", "--lang", "en", "--out", str(report)
            )
            run_as_of("remind", "--format", "md", "--lang", "en", "--out", str(letters))
            return {
                "html": (site / "index.html").read_text(encoding="utf-8"),
                "report": report.read_text(encoding="utf-8"),
                "letters": {p.stem: p.read_text("utf-8") for p in letters.glob("*.md")},
            }

        return f"documents-{day}-{'then' if then else 'today'}", make


def obligation(document: dict, agency: str, item: str) -> dict:
    [found] = [o for o in document["obligations"] if (o["agency"], o["item"]) == (agency, item)]
    return found


@pytest.mark.parametrize("day", DAYS)
def test_today_tells_each_day_as_it_was_told_that_day(year: Year, day: str) -> None:
    today, then = year.status(day), year.status(day, then=True)
    assert today["source"]["kind"] == "commit" and then["source"]["kind"] == "working-tree"
    assert today["source"]["commit"] == year.played.ends[day]
    # all but the source, compared without copying the documents the other tests read
    assert without_source(today) == without_source(then)


def without_source(document: dict) -> dict:
    """The document's fields but `source` (a shallow copy: the document is shared)."""
    return {key: value for key, value in document.items() if key != "source"}


def test_a_backdated_claim_never_makes_the_late_file_on_time(year: Year) -> None:
    for day in ("2027-01-15", TODAY):
        found = obligation(year.status(day), "so-vhtt", "1.2.4.a")
        assert (found["state"], found["delivered"], found["late_days"]) == (
            "late",
            "2027-01-10",
            26,
        )
        assert (found["claimed"], found["received"]) == ("2026-12-14", "2027-01-10")
        assert found["confirmed_by"] is None


def test_the_confirmed_claim_counts_and_says_who(year: Year) -> None:
    before = obligation(year.status("2027-01-10"), "so-tai-chinh", "2.3.3.a")
    assert (before["state"], before["delivered"], before["late_days"]) == ("late", "2027-01-08", 24)
    after = obligation(year.status("2027-01-15"), "so-tai-chinh", "2.3.3.a")
    assert (after["state"], after["delivered"], after["date_source"]) == (
        "supplied",
        "2026-12-13",
        "confirmed",
    )
    assert after["confirmed_by"] == CONFIRMER


def test_the_ward_that_fixed_its_file_late_is_late(year: Year) -> None:
    assert obligation(year.status("2026-12-20"), "phuong-ban-co", "3.3.4.a")["state"] == ("overdue")
    fixed = obligation(year.status("2027-01-06"), "phuong-ban-co", "3.3.4.a")
    assert (fixed["state"], fixed["delivered"], fixed["revised"]) == ("late", "2027-01-05", None)
    kept = obligation(year.status("2027-01-06"), "phuong-ban-co", "mh.1.1.a")
    assert (kept["state"], kept["delivered"]) == ("supplied", "2026-12-12")


def test_the_pull_request_counts_from_its_merge(year: Year) -> None:
    document = year.status(TODAY)
    merged = obligation(document, "so-noi-vu", "1.2.2.a")
    assert (merged["state"], merged["received"]) == ("supplied", "2026-12-10")


def test_the_previous_cycle_stays_until_closed(year: Year) -> None:
    document = year.status(TODAY)
    assert [c["cycle"] for c in document["earlier_cycles"]] == ["2025"]


@pytest.mark.parametrize("day", DAYS)
def test_every_view_of_a_day_is_the_same_today_as_on_the_day(year: Year, day: str) -> None:
    today, then = year.views(day)
    assert today["html"] == then["html"]
    assert issued_any_day(today["report"]) == issued_any_day(then["report"])
    assert today["letters"] == then["letters"]


def issued_any_day(report: str) -> str:
    """The report without what differs by the day it is made: the year of its date of issue
    (the signer writes the day) and the stamp of its own content."""
    kept = [line for line in report.splitlines() if not line.startswith("<!-- hcmlc:sha256:")]
    return re.sub(r"… \d{4}", "… YYYY", "\n".join(kept))


@pytest.mark.parametrize("day", DAYS)
def test_every_figure_of_every_view_of_a_day_is_the_json_figure(year: Year, day: str) -> None:
    for view in year.views(day):
        page = Page(view["html"])
        check_page(view["status"], page)
        check_targets(view["status"], page)
        check_record(view["status"], view["html"])
        check_report(view["status"], view["report"])
        check_reminders(view["status"], view["letters"])


def test_the_page_tells_the_claims_the_confirmation_and_the_late_import(year: Year) -> None:
    html = year.views("2027-01-15")[0]["html"]
    rows = {
        key: [
            re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for key, row in re.findall(r'<tr data-dated="([^"]+)">(.*?)</tr>', html)
    }
    assert rows["so-vhtt/1.2.4.a"][2:] == [
        "10 January 2027",
        "claimed 14 December 2026, received 10 January 2027",
    ]
    assert rows["so-tai-chinh/2.3.3.a"][2:] == [
        "13 December 2026",
        f"claimed 13 December 2026, received 8 January 2027; confirmed by {CONFIRMER}",
    ]
    # the import's commit is the fact; the day the e-mail came (`--received`) is told beside it
    imported = obligation(year.views("2027-01-15")[0]["status"], LATE_WARD, "3.2.2.a")
    fields = ("state", "delivered", "late_days", "received", "claimed", "date_source")
    assert [imported[f] for f in fields] == [
        "late",
        "2026-12-18",
        3,
        "2026-12-18",
        "2026-12-16",
        "received",
    ]
    assert rows[f"{LATE_WARD}/3.2.2.a"][2:] == [
        "18 December 2026",
        "claimed 16 December 2026, received 18 December 2026",
    ]
