"""Issue 29's targets (fast where people wait, linear in the years), from the rows of one run
of bench/city.py, in processor time: on a machine others share, CPU time tells the work done
when the wall time cannot. Each is a ratio to the minimal Typer app's `--help` of the same run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

Target = tuple[str, float, float, str]

FLOOR = "minimal Typer app --help"
BESIDE_REPORT = f"{FLOOR}, in turn with the report's first run"
"""The floor measured again, in turn with the report's first run (bench/city.py), which is
held against this one."""
HISTORY_TODAY = "2033-01-01"
"""A replayed today after the city's history (bench/history.py ends on 2032-09-30)."""
WARM = {
    "status": ["status", "--as-of", HISTORY_TODAY],
    "status --format json": ["status", "--as-of", HISTORY_TODAY, "--format", "json"],
    "validate": ["validate"],
    "validate --format json": ["validate", "--format", "json"],
}
"""The warm commands measured in the city's clone with history (`warm_rows`)."""
WARM_ROW = "city: {name}, warm, in a clone with history"
WITHOUT_GIT = "city: status, warm, the same without git (reference)"
"""Warm status in a copy of the city that is no clone, run in turn with the clone's (issue 26)."""
REPORT_FIRST = "bundled: report, first run (no chart cache)"
AGAINST_HELP = [
    (REPORT_FIRST, 6.0),
    ("bundled: report again (charts cached)", 2.5),
    *((WARM_ROW.format(name=name), 1.0) for name in WARM),
]
"""Rows measured against the floor, with the largest ratio allowed."""
COMPUTATION = "status, warm: the computation alone (CPU)"
GROWTH = {"city": 200, "city×10": 2000}
"""The two cities whose computations issue 29 compares (label: wards; 10 years each)."""


def targets(rows: dict[str, Any]) -> list[Target]:
    """Every target of issue 29 whose rows this run measured."""
    found: list[Target] = []
    for name, limit in AGAINST_HELP:
        against = BESIDE_REPORT if name == REPORT_FIRST and BESIDE_REPORT in rows else FLOOR
        if name in rows and against in rows and rows[against].cpu > 0:
            ratio = rows[name].cpu / rows[against].cpu
            label = f"{name} ÷ {FLOOR}, in CPU time ≤ {limit}"
            found.append((label, ratio, limit, f"{ratio:.2f}×"))
    floor, cold = COLD_VALIDATE
    if floor in rows and cold in rows:
        ratio = rows[cold].cpu / rows[floor].cpu
        label = f"{cold} ÷ {floor}, in CPU time ≤ 0.9"
        found.append((label, ratio, 0.9, f"{ratio:.2f}×"))
    small, large = (f"{label}: {COMPUTATION}" for label in GROWTH)
    if small in rows and large in rows:  # growth_rows ran
        growth = rows[large].cpu / rows[small].cpu
        found.append((f"10× data: {COMPUTATION} ≤ 11× the time", growth, 11, f"{growth:.1f}×"))
    for name in MEMORY:
        row = rows.get(f"city×10: {name}")
        if row is not None:
            label = f"city×10: {name}, peak memory ≤ {PEAK_MB} MB"
            found.append((label, row.peak_mb, PEAK_MB, f"{row.peak_mb:.0f} MB"))
    return found + history_targets(rows)


PEAK_MB = 500
MEMORY = (
    "validate, cold",
    "validate --no-cache",
    "validate, warm",
    "status, cold",
    "status, warm",
    "status --format json, warm",
)
"""The commands bench/city.py measures at city×10 (`scale`), each of whose peak resident
memory must stay within PEAK_MB (issue 29: "peak memory of any command at city×10")."""


COLD_VALIDATE = ("city: PyYAML C load (floor)", "city: validate, cold")
"""The rows of the target on cold validate (bench/city.py measures both in `scale`)."""


def cold_validate_rows(folder: Path, hcmlc: str, floor: str, runs: int) -> list[Any]:
    """Only the floor (loading the city's files with PyYAML's C loader, `floor` the script)
    and validate, cold, at city scale (`city.py --cold-validate`): one run of each in turn, so
    that the machine's load weighs on both alike; each row the median of its runs."""
    import citygen  # type: ignore[import-not-found]
    from city import interleaved  # type: ignore[import-not-found]

    root = folder / "city"
    citygen.build(root, wards=200, years=10)
    script = folder / "floor.py"
    script.write_text(floor)
    cache = folder / "cache-cold"
    env = {"XDG_CACHE_HOME": str(cache)}
    commands = {
        COLD_VALIDATE[0]: [sys.executable, str(script), str(root)],
        COLD_VALIDATE[1]: [hcmlc, "validate", "--root", str(root)],
    }
    return interleaved(commands, runs, lambda: shutil.rmtree(cache, ignore_errors=True), **env)


def growth_rows(folder: Path, hcmlc: str, as_of: str, runs: int) -> list[Any]:
    """Warm status's computation at city scale and ten times it (bench/computation.py, a process
    a run), the two cities in turn, one run of each per round: built one after the other and
    measured minutes apart, their ratio took the machine's drift (8.6–11.6× in runs of the same
    code, against a limit of 11). Median of `runs` rounds each."""
    import citygen  # type: ignore[import-not-found]
    from city import in_turn  # type: ignore[import-not-found]

    script = Path(__file__).with_name("computation.py")
    cases = {}
    for label, wards in GROWTH.items():
        root = folder / f"growth-{label}"
        citygen.build(root, wards=wards, years=10)
        env = {"XDG_CACHE_HOME": str(folder / f"cache-growth-{label}")}
        warm = [hcmlc, "status", "--root", str(root), "--as-of", as_of]
        subprocess.run(warm, env={**os.environ, **env}, capture_output=True, check=False)
        command = [sys.executable, str(script), str(root), as_of]
        cases[f"{label}: {COMPUTATION}"] = (command, None, env)
    rows = in_turn(cases, runs, _computed)
    for label in GROWTH:
        shutil.rmtree(folder / f"growth-{label}")
    return rows


def _computed(name: str, command: list[str], environment: dict[str, str]) -> tuple[float, ...]:
    """One run of bench/computation.py: the seconds of CPU it prints, as the sample's time and
    CPU (no peak memory: the process holds more than the computation)."""
    done = subprocess.run(command, env=environment, capture_output=True, check=True, text=True)
    seconds = float(done.stdout)
    return seconds, float("nan"), seconds


def warm_rows(
    root: Path,
    hcmlc: str,
    runs: int,
    env: dict[str, str],
    without_git: Path | None = None,
) -> list[Any]:
    """Warm `status` and `validate`, text and JSON, in the city's clone with history
    (`root`, made by bench/history.py): each run twice first (the first run's `git status`
    may refresh git's index, an input), then measured. With `without_git`, a copy of the city
    that is no clone, status there too (WITHOUT_GIT), run in turn with the clone's."""
    from city import interleaved  # type: ignore[import-not-found]

    later = {**env, "HCMLC_TODAY": HISTORY_TODAY}
    rows = []
    for name, args in WARM.items():
        row = WARM_ROW.format(name=name)
        commands = {row: [hcmlc, *args, "--root", str(root)]}
        if without_git is not None and name == "status":
            commands[WITHOUT_GIT] = [hcmlc, *args, "--root", str(without_git)]
        for command in [*commands.values()] * 2:
            subprocess.run(command, env={**os.environ, **later}, capture_output=True, check=False)
        rows += interleaved(commands, runs, **later)  # one command alone: `measure`'s runs
    return rows


def history_rows(folder: Path, hcmlc: str, runs: int) -> list[Any]:
    """The city with its history of 2,001 commits, and `warm_rows` in it (`--issue29`)."""
    import citygen  # type: ignore[import-not-found]
    from history import commit_history  # type: ignore[import-not-found]

    root = folder / "city-with-history"
    citygen.build(root, wards=200, years=10)
    commits = commit_history(root)
    print(f"city: {commits} commits", flush=True)
    env = {"XDG_CACHE_HOME": str(folder / "cache-history")}
    return warm_rows(root, hcmlc, runs, env)


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as the run ends."""
    try:
        return ", ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


YEARS = (10, 30)
"""The city's years of history compared: a one-year view must not grow with them."""
YEARS_LIMIT = 1.5
HISTORY_ROW = "city, {years} years: {name}"
PEAK_ROW = "city×10: {name}, peak memory"
PEAK_LIMIT = 500


def history_commands(root: Path, out: Path, last: int) -> dict[str, list[str]]:
    """What a coordinator runs on the last year of the city at `root`, writing into `out`:
    computed, not served (`unsaved`), the results cache warm."""
    where = ["--root", str(root)]
    year = str(last)
    return {
        "report --format md of the last year": [
            *("report", "--year", year, "--format", "md", "--force"),
            *("--out", str(out / "report.md"), *where),
        ],
        "report (.docx, charts cached) of the last year": [
            *("report", "--year", year, "--force", "--out", str(out / "report.docx"), *where),
        ],
        "dashboard of the last cycle": [
            *("dashboard", "--cycle", year, "--out", str(out / "site"), *where),
        ],
        "status of the last cycle": ["status", "--cycle", year, *where],
        "status --format json of the last cycle": [
            *("status", "--cycle", year, "--format", "json", *where),
        ],
    }


def city_of(folder: Path, label: str, wards: int, years: int) -> tuple[Path, int]:
    """The synthetic city with `years` yearly cycles, every cycle but the last closed on the
    31 January after its year (as a coordinator closes them: an open cycle keeps its overdue
    items in status, which then lists every year), and the heading of its official documents
    (data/documents.yaml, which the report needs); its last year."""
    import citygen  # type: ignore[import-not-found]

    root = folder / label
    citygen.build(root, wards=wards, years=years)
    shutil.copy(citygen.PROJECT / "data/documents.yaml", root / "data/documents.yaml")
    last = citygen.FIRST_YEAR + years - 1
    registry = root / "data/assignments.yaml"
    text = registry.read_text(encoding="utf-8")
    for year in range(citygen.FIRST_YEAR, last):
        block = f'  - id: "{year}"\n'
        text = text.replace(block, f"{block}    closed: {year + 1}-01-31\n", 1)
    registry.write_text(text, encoding="utf-8")
    return root, last


def warmed(hcmlc: str, root: Path, last: int, env: dict[str, str]) -> dict[str, str]:
    """The environment of a run in `root` on the day after its last year, with the results
    cache warm (`validate`) and the charts drawn (one report)."""
    later = {**env, "HCMLC_TODAY": f"{last}-12-31"}
    environment = {**os.environ, **later}
    subprocess.run([hcmlc, "validate", "--root", str(root)], env=environment, capture_output=True)
    report = [hcmlc, "report", "--root", str(root), "--year", str(last), "--format", "md"]
    report += ["--force", "--out", str(root.parent / f"warm-{root.name}.md")]
    subprocess.run(report, env=environment, capture_output=True)
    return later


def years_rows(folder: Path, hcmlc: str, runs: int) -> list[Any]:
    """A one-year report, the page and status of the last cycle, in the city with 10 and with
    30 years of history (200 wards each), measured in turn so that the machine's load weighs on
    both alike, each computed (no saved output served) with the results cache warm."""
    from city import in_turn, unsaved  # type: ignore[import-not-found]

    cases = {}
    for years in YEARS:
        root, last = city_of(folder, f"city-{years}y", 200, years)
        env = warmed(hcmlc, root, last, {"XDG_CACHE_HOME": str(folder / f"cache-{years}y")})
        out = folder / f"out-{years}y"
        out.mkdir(exist_ok=True)
        for name, args in history_commands(root, out, last).items():
            row = HISTORY_ROW.format(years=years, name=name)
            cases[row] = ([hcmlc, *args], unsaved(env), env)
    rows = in_turn(cases, runs)
    for years in YEARS:
        shutil.rmtree(folder / f"city-{years}y")
    return rows


def peak_rows(root: Path, hcmlc: str, env: dict[str, str], measure: Any) -> list[Any]:
    """Peak memory of the report and the page of the last cycle at city×10 (`root`, 2,000 wards,
    10 years, its results cache in `env` warm or not: warmed here)."""
    import citygen  # type: ignore[import-not-found]
    from city import unsaved  # type: ignore[import-not-found]

    last = citygen.FIRST_YEAR + 9
    documents = root / "data/documents.yaml"
    if not documents.exists():
        shutil.copy(citygen.PROJECT / "data/documents.yaml", documents)
    later = warmed(hcmlc, root, last, env)
    out = root.parent / "out-city×10"
    out.mkdir(exist_ok=True)
    commands = history_commands(root, out, last)
    return [
        measure(PEAK_ROW.format(name=name), [hcmlc, *commands[name]], 1, unsaved(later), **later)
        for name in ("report --format md of the last year", "dashboard of the last cycle")
    ]


def city10_peak_rows(folder: Path, hcmlc: str, measure: Any) -> list[Any]:
    """`peak_rows` in a city×10 of their own (`city.py --issue29`)."""
    root, _last = city_of(folder, "city×10-peak", 2000, 10)
    rows = peak_rows(root, hcmlc, {"XDG_CACHE_HOME": str(folder / "cache-city×10-peak")}, measure)
    shutil.rmtree(root)
    return rows


def history_targets(rows: dict[str, Any]) -> list[Target]:
    """A one-year view with 30 years of history within 1.5× of the same with 10, in CPU time;
    the report's and the page's peak memory at city×10 within 500 MB."""
    found: list[Target] = []
    few, many = YEARS
    for name in history_commands(Path(), Path(), 0):
        shorter = rows.get(HISTORY_ROW.format(years=few, name=name))
        longer = rows.get(HISTORY_ROW.format(years=many, name=name))
        if shorter is not None and longer is not None and shorter.cpu > 0:
            ratio = longer.cpu / shorter.cpu
            label = f"{name}: {many} years ÷ {few} years, in CPU time ≤ {YEARS_LIMIT}"
            found.append((label, ratio, YEARS_LIMIT, f"{ratio:.2f}×"))
    for name in ("report --format md of the last year", "dashboard of the last cycle"):
        row = rows.get(PEAK_ROW.format(name=name))
        if row is not None:
            label = f"{row.name} ≤ {PEAK_LIMIT} MB"
            found.append((label, row.peak_mb, PEAK_LIMIT, f"{row.peak_mb:.0f} MB"))
    return found
