"""One computed object, every view (issue 26): how a test reads the figures of the status page,
the report and the reminders, and checks each against `status --format json` of the same
cycle and day. Used by tests/commands/test_one_view.py (the bundled data on five days) and
tests/test_year_2026.py (a year played with dated commits, on four days)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

KEYS = (
    "data-agency",
    "data-unit-kind",
    "data-standard",
    "data-criterion",
    "data-area",
    "data-indicator",
)
VOID = {"meta", "br", "col", "rect", "circle", "line", "polyline", "path", "stop", "use"}
"""Elements without an end tag, or drawn in the SVG charts: no row's figure is inside them."""
NUMBER = re.compile(r"\d[\d.,]*")


class Page(HTMLParser):
    """The figures of a page: `(section, key, figure) → text`, where `key` is the row's
    `data-*` id and `figure` a cell's `data-figure` (or `status`, `latest`, `note`)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.section = ""
        self.keys: list[tuple[str, str | None]] = []
        self.figures: dict[tuple[str, str, str], str] = {}
        self.values: dict[str, str] = {}
        self.counts: dict[str, str] = {}
        self._into: list[tuple[str, str, str] | str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        found = dict(attrs)
        if tag == "section" and found.get("id") in ("agencies", "delivery", "targets"):
            self.section = found["id"] or ""
        key = next((f"{k[5:]}:{found[k]}" for k in KEYS if found.get(k)), None)
        if tag in ("tr", "tbody", "p"):
            self.keys.append((tag, key))
        current = next((k for _t, k in reversed(self.keys) if k), None)
        target: tuple[str, str, str] | str | None = None
        if found.get("data-value"):
            target = f"value:{found['data-value']}"
        elif tag == "li" and found.get("data-status"):
            target = f"count:{found['data-status']}"
        elif current and found.get("data-figure"):
            target = (self.section, current, found["data-figure"] or "")
        elif current and tag == "strong" and "tag" in (found.get("class") or ""):
            status = (found.get("class") or "").split("tag-")[-1]
            self.figures[(self.section, current, "status")] = status
        elif current and tag == "td" and found.get("data-label") in ("Latest value",):
            target = (self.section, current, "latest")
        elif current and tag == "p" and key and key.startswith("area:"):
            target = (self.section, current, "summary")
        self._into.append(target or "")
        if isinstance(target, tuple):
            self.figures[target] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self._into:
            self._into.pop()
        if tag in ("tr", "tbody", "p") and self.keys:
            self.keys.pop()

    def handle_data(self, data: str) -> None:
        for target in self._into:
            if isinstance(target, tuple):
                self.figures[target] += data
            elif target.startswith("value:"):
                self.values[target[6:]] = self.values.get(target[6:], "") + data
            elif target.startswith("count:"):
                self.counts[target[6:]] = self.counts.get(target[6:], "") + data


def numbers(text: str) -> list[float]:
    """The numbers of an English text: `1,925` → 1925, `64.74%` → 64.74."""
    return [float(n.rstrip(".,").replace(",", "")) for n in NUMBER.findall(text)]


def progress_of(row: dict) -> str:
    """The share the page shows, from the counts (the JSON's `progress` has one decimal)."""
    return f"{round(100 * row['supplied'] / row['owed'])}%" if row["owed"] else "—"


def check_tally(page: Page, section: str, key: str, row: dict) -> None:
    for figure in ("owed", "supplied", "missing", "overdue", "late"):
        assert numbers(page.figures[(section, key, figure)]) == [row[figure]], (key, figure)
    assert page.figures[(section, key, "progress")].strip() == progress_of(row), key


def check_page(status: dict, page: Page) -> None:
    for key in ("owed", "supplied", "overdue", "late"):
        assert numbers(page.values[f"total.{key}"]) == [status["total"][key]]
    for row in status["agencies"]:
        check_tally(page, "agencies", f"agency:{row['id']}", row)
    assert [g["kind"] for g in status["unit_groups"]] == ["ward", "commune", "special_zone"]
    for group in status["unit_groups"]:
        check_tally(page, "agencies", f"unit-kind:{group['kind']}", group)
    for row in status["standards"]:
        check_tally(page, "delivery", f"standard:{row['id']}", row)
    for row in status["criteria"]:
        check_tally(page, "delivery", f"criterion:{row['id']}", row)
    for row in status["areas"]:
        summary = numbers(page.figures[("delivery", f"area:{row['id']}", "summary")])
        progress = [int(progress_of(row)[:-1])] if row["owed"] else []
        assert summary == [row["supplied"], row["owed"], *progress, row["overdue"]], row["id"]


def check_targets(status: dict, page: Page) -> None:
    targets = status["targets"]
    assert targets["problem"] is None
    shown = {s: numbers(text) for s, text in page.counts.items()}
    assert shown == {s: [n] for s, n in targets["counts"].items() if s != "no-target"}
    on_page = 0
    for criterion in targets["criteria"]:
        for indicator in criterion["indicators"]:
            key = ("targets", f"indicator:{indicator['id']}", "status")
            if indicator["status"] == "no-target":
                assert key not in page.figures
                continue
            on_page += 1
            assert page.figures[key] == indicator["status"], indicator["id"]
            latest = page.figures[("targets", f"indicator:{indicator['id']}", "latest")]
            if indicator["latest"] is None:
                assert latest == "No data"
                continue
            assert f"({indicator['latest']['year']}" in latest, latest
            if "owed" in indicator["latest"]:  # a city figure formed from the units'
                coverage = f"{indicator['latest']['supplied']} of {indicator['latest']['owed']}"
                assert f"formed from {coverage} units" in latest, latest
    assert on_page > 20
    # the city figures of the cycle's year on the page are those of the JSON
    figures = {f["indicator"]: f for f in status["city_figures"] if f["year"] == targets["year"]}
    for criterion in targets["criteria"]:
        for indicator in criterion["indicators"]:
            city = figures.get(indicator["id"])
            latest = indicator["latest"]
            if city is None or latest is None or latest["year"] != targets["year"]:
                continue
            assert (latest["supplied"], latest["owed"]) == (city["supplied"], city["owed"])
            assert latest["value"] == city["value"]


def check_report(status: dict, report: str) -> None:
    targets = status["targets"]
    total = next(line for line in report.splitlines() if line.startswith("| **Total**"))
    cells = [numbers(c)[0] for c in total.split("|")[2:-1]]
    assert cells == list(targets["counts"].values())
    annex = {
        line.split("|")[1].strip(): line.split("|")[5].strip()
        for line in report.splitlines()
        if re.match(r"\| \d+\.\d+\.\d+\.\w+ \|", line) or re.match(r"\| mh\.", line)
    }
    words = {
        "met": "Met",
        "on-track": "On track",
        "behind": "Behind",
        "not-met": "Not met",
        "no-data": "No data",
        "no-target": "No target",
    }
    for criterion in targets["criteria"]:
        for indicator in criterion["indicators"]:
            assert annex[indicator["id"]] == words[indicator["status"]], indicator["id"]
    missing = {
        line.split()[1]
        for line in report.split("Annex")[-1].splitlines()
        if re.match(r"- (\d|mh\.)", line)
    }
    owed_missing = {
        o["item"] for o in status["obligations"] if o["kind"] == "indicator" and not o["supplied"]
    }
    unowned = {u["item"] for u in status["unowned"] if u["kind"] == "indicator"}
    assert missing == owed_missing | unowned and len(missing) > 10


def check_reminders(status: dict, letters: dict[str, str]) -> None:
    """A letter per agency with overdue items and per earlier cycle not closed
    (`<agency>-<cycle>`), each naming as many items as status counts. The letters of status's
    cycle are `<agency>` while it is the current one, else `<agency>-<cycle>` too."""
    letters = {name.removesuffix(f"-{status['cycle']}"): text for name, text in letters.items()}
    overdue = {row["id"]: row["overdue"] for row in status["agencies"] if row["overdue"]}
    for earlier in status.get("earlier_cycles", []):
        overdue |= {f"{a['agency']}-{earlier['cycle']}": a["overdue"] for a in earlier["agencies"]}
    assert set(letters) == set(overdue)
    for agency, text in letters.items():
        said = re.search(r"has not supplied (\d+) items?", text)
        assert said and int(said.group(1)) == overdue[agency], agency


def check_record(status: dict, html: str) -> None:
    """The page's dates worth noting and earlier cycles not closed are the JSON's: the same
    items (claims, confirmations, revisions) and the same overdue counts by agency."""
    dated = {
        f"{o['agency']}/{o['item']}": o
        for o in status["obligations"]
        if o["supplied"] and (o["claimed"] or o["confirmed_by"] or o["revised"])
    }
    rows = dict(re.findall(r'<tr data-dated="([^"]+)">(.*?)</tr>', html))
    assert set(rows) == set(dated)
    for key, row in rows.items():
        told = re.search(r'data-figure="told">(.*?)</td>', row)
        assert told is not None
        o = dated[key]
        assert ("claimed " in told[1]) == bool(o["claimed"]), key
        assert ("confirmed by " in told[1]) == bool(o["confirmed_by"]), key
        assert ("revised after the deadline" in told[1]) == bool(o["revised"]), key
    earlier = {c["cycle"]: c for c in status.get("earlier_cycles", [])}
    sections = dict(re.findall(r'data-earlier="([^"]+)">(.*?)</section>', html, re.S))
    assert set(sections) == set(earlier)
    for cycle, section in sections.items():
        shown = {
            a: int(n)
            for a, n in re.findall(
                r'data-earlier-agency="([^"]+)">.*?data-figure="overdue">(\d+)<', section
            )
        }
        assert shown == {a["agency"]: a["overdue"] for a in earlier[cycle]["agencies"]}
