"""Today is the city's (src/hcmlc/clock.py): a machine on UTC after 17:00, as CI runners are,
is already in Ho Chi Minh City's next day, and every command takes that day — the day a view
shows, the day history is read for, the day a workbook is received on. Before, a view without
`--as-of` took the machine's day, found it earlier than the city's, and read it from history
("not as they stood on 2026-12-07")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hcmlc import clock

EVENING = dt.datetime(2026, 12, 7, 18, 0, tzinfo=dt.UTC)
"""18:00 on 7 December on UTC: 01:00 on 8 December in Ho Chi Minh City."""


@pytest.fixture
def evening_on_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock at EVENING, its own time zone UTC; no day replayed."""
    monkeypatch.delenv(clock.ENV_VAR, raising=False)

    def now(zone: dt.tzinfo | None) -> dt.datetime:
        return EVENING.astimezone(zone) if zone is not None else EVENING.replace(tzinfo=None)

    monkeypatch.setattr(clock, "_now", now)
    yield
    clock.in_city(None)


@pytest.mark.usefixtures("evening_on_utc")
def test_a_view_of_today_is_the_citys_day_and_reads_no_history(hcmlc, bundled: Path) -> None:
    code, out, err = hcmlc("status", "--root", str(bundled), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["as_of"] == "2026-12-08"
    code, out, err = hcmlc("report", "--root", str(bundled), "--out", str(bundled / "r.docx"))
    assert (code, err) == (0, "")


@pytest.mark.usefixtures("evening_on_utc")
def test_a_city_takes_its_day_in_the_time_zone_its_data_names(hcmlc, bundled: Path) -> None:
    """A city whose data/assignments.yaml names another zone takes its day there: in Lisbon
    (UTC+0 in December) it is still the 7th."""
    path = bundled / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    assert "time_zone:" not in text
    path.write_text(f"time_zone: Europe/Lisbon\n{text}", encoding="utf-8")
    code, out, err = hcmlc("status", "--root", str(bundled), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["as_of"] == "2026-12-07"


def test_before_a_repository_is_found_today_is_the_systems(evening_on_utc: None) -> None:
    assert clock.today() == dt.date(2026, 12, 7)
    clock.in_city(dt.timezone(dt.timedelta(hours=7)))
    assert clock.today() == dt.date(2026, 12, 8)
