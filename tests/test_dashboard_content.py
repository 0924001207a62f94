"""The status page's content (hcmlc/dashboard/): every figure is the status's or the report's,
worded in the page's language; what arrived after the as-of day is not on it (issue 16)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from hcmlc.core.progress import Status
from hcmlc.core.status import build_status
from hcmlc.dashboard.documents import wanted_documents
from hcmlc.dashboard.page import build_dashboard
from hcmlc.dashboard.words import LABELS
from hcmlc.repository.load import load
from hcmlc.repository.revision import Revision

PROJECT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2025, 12, 20)
"""Five days after the 2025 deadline, nine before Sở Tài chính delivers (29 December)."""


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    for name in ("data", "submissions", "photos", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    return load(root)


def page_of(repo, lang="vi", as_of=AS_OF, cycle="2025", **options):
    return build_dashboard(repo, repo.cycle(cycle), as_of, lang, **options)


def test_the_figures_are_the_status_figures(repo) -> None:
    catalog = repo.require_catalog()
    status = build_status(
        catalog, repo.supplied, catalog.cycles["2025"], AS_OF, deliveries=repo.deliveries()
    )
    page = page_of(repo)
    assert page.headline.total == status.tally()
    # 92 items of the departments (Sở GD&ĐT took over Sở LĐ-TB&XH's part of 2.3.2.a, which it
    # owed already; 3.2.2.a of the 11 bodies the registry names from 2025; 2.1.4.a and 3.3.3.a of
    # Sở NN&MT and Sở DT&TG) and 168 wards and communes × 11 (the districts' six, the national
    # learning models' five): 94 of 1,940 supplied
    assert page.headline.progress == "5%" and page.headline.total.owed == 92 + 168 * 11
    # the 27 departments and city organisations first, then the units by kind
    units = [line for group in page.unit_groups for line in group.units]
    assert len(page.agencies) == 27 and len(units) == 168
    assert {line.id: line.tally for line in [*page.agencies, *units]} == {
        row.id: row.tally for row in status.agencies
    }
    for lines in (page.agencies, *(group.units for group in page.unit_groups)):
        overdue = [line.tally.overdue for line in lines]
        assert overdue == sorted(overdue, reverse=True)  # the most overdue first
    assert [(g.line.id, g.line.tally.owed) for g in page.unit_groups] == [
        ("ward", 113 * 11),
        ("commune", 54 * 11),
        ("special_zone", 11),
    ]
    assert [a.line.tally for a in page.areas] == [r.tally for r in status.areas]
    assert sum(a.line.tally.owed for a in page.areas) == status.tally("indicator").owed
    criteria = [c for a in page.areas for s in a.standards for c in s.criteria]
    assert [(c.id, c.tally) for c in criteria] == [(r.id, r.tally) for r in status.criteria]
    owed_by_the_wards = next(c for c in criteria if c.id == "3.3.4")  # the districts' in 2024
    assert owed_by_the_wards.tally.owed == 168


def test_the_headline_gives_the_deadline_and_the_days_past_it(repo) -> None:
    vi, en = page_of(repo).headline, page_of(repo, "en").headline
    assert [(d.label, d.day, d.when, d.overdue) for d in vi.deadlines] == [
        ("Số liệu chỉ số", "15/12/2025", "quá hạn 5 ngày", True)
    ]
    assert [(d.day, d.when) for d in en.deadlines] == [("15 December 2025", "5 days overdue")]
    assert vi.kinds == []  # a progress cycle owes indicators only: the total says it
    application = page_of(repo, "en", dt.date(2023, 9, 29), "2023").headline
    assert [(d.kind, d.when) for d in application.deadlines] == [
        ("indicator", "29 days overdue"),
        ("answer", "1 day left"),
    ]
    assert [k.split(":")[0] for k in application.kinds] == ["Indicators", "Form answers"]


def test_successors_predecessors_and_items_nobody_owes(repo) -> None:
    page = page_of(repo)
    finance = next(line for line in page.agencies if line.id == "so-tai-chinh")
    assert finance.note == "kiêm phần của Sở KH&ĐT"
    assert (
        "Sở Kế hoạch và Đầu tư chấm dứt hoạt động từ ngày 01/03/2025; nhiệm vụ trong kỳ 2025 "
        "do Sở Tài chính đảm nhận." in page.reorganised
    )
    assert page.unowned == []  # from 1 July 2025 the wards and communes hold the districts' items
    assert page.reorganised[-1] == (
        "22 đơn vị cấp huyện chấm dứt hoạt động từ ngày 01/07/2025; địa bàn chuyển cho 102 "
        "phường, xã, đặc khu, mỗi đơn vị tự báo cáo trong kỳ 2025."
    )
    labour = next(line for line in page.reorganised if line.startswith("Sở Lao động"))
    assert "được chia cho: Sở NV (phần còn lại); Sở YT (1.1.4.b," in labour  # as status says
    english = page_of(repo, "en")
    assert next(line for line in english.agencies if line.id == "so-tai-chinh").note == (
        "also for DPI"
    )


def test_the_targets_are_the_reports_assessment(repo) -> None:
    targets = page_of(repo, as_of=dt.date(2026, 1, 10)).targets
    assert targets.problem is None
    counts = {c.status: c.count for c in targets.counts}
    # as the report of 2025 counts them (tests/commands/test_report.py)
    assert counts == {
        Status.MET: 8,
        Status.ON_TRACK: 0,
        Status.BEHIND: 0,
        Status.NOT_MET: 7,
        Status.NO_DATA: 7,  # 3 of UNESCO's, and the 4 national learning models: the wards'
    }  # figures are partial, so not judged
    shown = {c.id: c for s in targets.standards for c in s.criteria}
    assert "1.1.3" not in shown and "1.1.3" in targets.untargeted  # no target
    literacy = shown["1.1.1"].indicators[0]
    assert (literacy.latest, literacy.target, literacy.status_text) == (
        "99,1% (năm 2025)",
        "99% (năm 2025)",
        "Đạt",
    )
    assert literacy.series == [(2022, 98.9), (2024, 98.95), (2025, 99.1)]
    assert literacy.goal == 99.0 and literacy.notes == ["số liệu của Sở GD&ĐT, kỳ 2025"]
    crime = shown["1.1.4"].indicators[0]
    assert crime.lower_is_better and crime.status is Status.NOT_MET
    assert targets.illustrative


def test_a_value_delivered_after_the_as_of_day_is_not_on_the_page(repo) -> None:
    def finance(as_of):
        targets = page_of(repo, as_of=as_of).targets
        shown = {i.id: i for s in targets.standards for c in s.criteria for i in c.indicators}
        return shown["3.3.1.a"]

    before, after = finance(AS_OF), finance(dt.date(2025, 12, 29))
    assert (before.status, before.series) == (Status.NO_DATA, [(2024, 19.1)])
    assert after.status is Status.NOT_MET and after.series[-1] == (2025, 18.4)


def test_broken_targets_leave_the_rest_of_the_page(repo, tmp_path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(repo.root, root)
    targets = root / "data/targets.yaml"
    targets.write_text(
        targets.read_text("utf-8").replace("    direction: lower", "    direction: down", 1),
        "utf-8",
    )
    broken = load(root)
    page = page_of(broken, "en")
    assert page.targets.problem == (
        "data/targets.yaml has errors, so nothing can be assessed against the targets; "
        "run `hcmlc validate` to see them."
    )
    assert page.targets.standards == [] and page.headline.total.owed == 92 + 168 * 11
    assert page.banner.errors == broken.error_count == 1
    assert page.banner.text.startswith("The repository has 1 error.")


def test_broken_data_gives_a_page_without_figures(tmp_path) -> None:
    for name in ("data", "submissions"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    (tmp_path / "data/frameworks.yaml").write_text("uses: [\n", "utf-8")
    broken = load(tmp_path)
    page = build_dashboard(broken, None, AS_OF, "vi")
    assert broken.catalog is None and page.banner is not None
    assert page.banner.text.startswith(
        "Các tệp dữ liệu trong data/ (bộ tiêu chí, phân công) có lỗi"
    )
    assert (page.headline, page.agencies, page.areas, page.targets) == (None, [], [], None)
    assert page.title == "hcmlc: tình hình xây dựng Thành phố học tập"


def test_the_commit_the_data_is_read_at(repo) -> None:
    commit = "b2f7ba2" + "0" * 33
    page = page_of(repo, revision=Revision(commit, dt.date(2025, 12, 18), changed=False))
    assert page.revision == "theo commit b2f7ba2 ngày 18/12/2025"
    changed = page_of(repo, "en", revision=Revision(commit, dt.date(2025, 12, 18), changed=True))
    assert changed.revision == (
        "from commit b2f7ba2 of 18 December 2025, with changes to data/ or submissions/ "
        "not yet committed"
    )


def test_the_documents_it_links_to(repo) -> None:
    catalog = repo.require_catalog()
    names = [w.name for w in wanted_documents(catalog, catalog.cycles["2025"], "en")]
    assert names == [
        "gnlc-form-2023-en.docx",
        "gnlc-form-2023-vi.docx",
        "progress-report-2025-en.docx",
        "progress-report-2025-vi.docx",
    ]
    wanted = wanted_documents(catalog, catalog.cycles["2025"], "vi")
    found = [(wanted[0], 45_300), (wanted[1], 45_100), (wanted[3], 1_234_567)]
    page = page_of(repo, documents=found)
    assert [
        (g.text, [(d.href, d.language, d.details) for d in g.links]) for g in page.documents
    ] == [
        (
            "Mẫu đơn đăng ký GNLC đã điền, kỳ 2023",
            [
                ("gnlc-form-2023-vi.docx", "tiếng Việt", "Word, 45 KB"),
                ("gnlc-form-2023-en.docx", "tiếng Anh", "Word, 45 KB"),
            ],
        ),
        (  # the 2025 cycle is not closed: the report is interim, as its title says
            "Báo cáo tiến độ năm 2025 (bản tạm thời)",
            [("progress-report-2025-en.docx", "tiếng Anh", "Word, 1,2 MB")],
        ),
    ]
    assert page.interim == "Kỳ 2025 chưa kết thúc: báo cáo năm 2025 là bản tạm thời."


def test_every_word_in_both_languages_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", text))

    for key, words in LABELS.items():
        assert set(words) == {"vi", "en"}, key
        vi, en = (words[lang] for lang in ("vi", "en"))
        joined_vi = " ".join(vi) if isinstance(vi, tuple) else vi
        joined_en = " ".join(en) if isinstance(en, tuple) else en
        assert fields(joined_vi) == fields(joined_en), key
        assert joined_vi and joined_en, key
