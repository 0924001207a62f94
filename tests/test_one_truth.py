"""One truth per fact: status, the form and the report agree, on the bundled data, on what each
agency has supplied (issue 12)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hcmlc.core.progress import Status
from hcmlc.core.status import build_status
from hcmlc.documents.form import fill_form
from hcmlc.documents.report import build_report
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[1]
LATER = dt.date(2027, 1, 1)
"""A day after every bundled delivery: what status says then is what the documents say."""


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    return load(root)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_and_the_form_agree_on_every_answer(repo, lang) -> None:
    catalog = repo.require_catalog()
    cycle = catalog.cycles["2023"]
    status = build_status(catalog, repo.supplied, cycle, LATER, deliveries=repo.deliveries())
    form = fill_form(repo.facts(), "2023", lang)
    waiting = {
        (gap.question, agency)
        for gap in form.gaps
        if gap.kind != "untranslated"  # the English form's own need, not a delivery
        for agency in gap.agencies
    }
    answers = [o for o in status.obligations if o.kind == "answer"]
    assert answers
    for o in answers:
        assert o.supplied is ((o.item, o.agency) not in waiting), (o.item, o.agency)
    # the cases that used to disagree: contacts with missing fields, a shared question
    by_item = {(o.item, o.agency): o.supplied for o in answers}
    assert by_item[("contact-person", "so-gddt")] is False
    assert by_item[("monitoring-indicators", "hoi-khuyen-hoc")] is True
    assert by_item[("monitoring-indicators", "so-gddt")] is False
    assert ("monitoring-indicators", "so-gddt") in waiting


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_report_and_status_agree_on_missing_data(repo, year) -> None:
    catalog = repo.require_catalog()
    cycle = catalog.cycles[str(year)]
    status = build_status(catalog, repo.supplied, cycle, LATER, deliveries=repo.deliveries())
    report = build_report(repo.facts(), year, "en")
    missing = {
        item.split()[0]: group.agency for group in report.missing for item in group.indicators
    }
    owed_missing = {o.item for o in status.obligations if o.kind == "indicator" and not o.supplied}
    unowned = {u.item for u in status.unowned if u.kind == "indicator"}
    assert set(missing) == owed_missing | unowned
    # a criterion is never met while the annex lists the data of its city figure missing
    for standard in report.standards:
        for criterion in standard.criteria:
            if criterion.status is Status.MET:
                for row in criterion.rows:
                    if row.status is not Status.NO_TARGET:
                        assert row.id not in missing, (year, criterion.id, row.id)


def test_each_agency_s_to_do_list_is_its_obligations_most_urgent_first(repo) -> None:
    """`Status.todo` reads the obligations of each agency from one index made once: each
    list is the agency's obligations, in the order of urgency, as a scan of them all gives."""
    catalog = repo.require_catalog()
    status = build_status(
        catalog, repo.supplied, catalog.cycles["2025"], LATER, deliveries=repo.deliveries()
    )
    urgency = lambda o: (o.supplied, o.days_left, o.kind, o.item)  # noqa: E731
    agencies = {o.agency for o in status.obligations}
    assert len(agencies) > 150
    for agency in sorted(agencies):
        mine = [o for o in status.obligations if o.agency == agency]
        assert status.todo(agency) == sorted(mine, key=urgency), agency
    assert status.todo("no-such-agency") == []
    listed = status.todo("so-gddt")
    listed.clear()  # a list of the caller's own
    assert status.todo("so-gddt")
