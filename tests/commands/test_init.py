"""`hcmlc init` and `hcmlc assign`: a new city's repository that validates at once, its bad
input, and assignments from a spreadsheet (issue 27). The whole path from the installed wheel,
for two provinces, is tests/test_wheel.py."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from hcmlc.core import provinces as province_units
from hcmlc.models.registry import Assignments

PROJECT = Path(__file__).resolve().parents[2]
OPTIONS = [
    "--city", "Thành phố Hà Nội", "--city-en", "Hanoi", "--province", "01",
    "--plan", "45/KH-UBND", "--plan-date", "2025-03-10", "--deadline", "2026-06-30",
]  # fmt: skip


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{name}_NAME", "Điều phối")
        monkeypatch.setenv(f"{name}_EMAIL", "dieuphoi@example.org")


@pytest.fixture
def hanoi(hcmlc, tmp_path: Path) -> Path:
    code, stdout, stderr = hcmlc("init", str(tmp_path / "hanoi"), *OPTIONS)
    assert (code, stderr) == (0, ""), stdout
    return tmp_path / "hanoi"


def test_a_new_city_validates_at_once_and_is_committed(hcmlc, hanoi: Path, git) -> None:
    assert sorted(
        p.relative_to(hanoi).as_posix()
        for p in hanoi.rglob("*")
        if ".git/" not in p.as_posix() and p.is_file()
    ) == [
        ".github/CODEOWNERS",
        ".github/workflows/publish-dashboard.yml",
        ".github/workflows/validate-submissions.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "data/assignments.yaml",
        "data/documents.yaml",
        "data/frameworks.yaml",
        "data/units.yaml",
        "schema/submission.schema.json",
        "submissions/.gitkeep",
    ]
    assert git(hanoi, "status", "--porcelain") == ""
    code, stdout, _ = hcmlc("validate", "--root", str(hanoi))
    assert code == 0
    assert stdout.splitlines()[-1] == "0 errors, 1 warning in 4 files checked"
    code, stdout, _ = hcmlc("schema", "--check", "--root", str(hanoi))
    assert code == 0
    code, stdout, _ = hcmlc("codeowners", "--check", "--root", str(hanoi))
    assert code == 0


def test_status_says_what_is_unassigned(hcmlc, hanoi: Path) -> None:
    code, stdout, _ = hcmlc("status", "--root", str(hanoi))
    assert code == 0
    assert (
        "Not assigned to any agency yet in cycle 2026: 68 indicators, 31 questions. Assign them "
        "under `assign:` in data/frameworks.yaml and `owners:` in data/assignments.yaml, or from "
        "a spreadsheet with `hcmlc assign`."
    ) in " ".join(stdout.split())


def test_the_units_of_the_province_with_their_source(hanoi: Path) -> None:
    units = yaml.safe_load((hanoi / "data/units.yaml").read_text(encoding="utf-8"))
    assert len(units["units"]) == 126
    assert units["source"].startswith("vietnam-provinces 2026.9.0")
    assert units["units"][0] == {
        "id": "phuong-ba-dinh",
        "code": "00004",
        "name": {"vi": "Ủy ban nhân dân phường Ba Đình", "en": "Ba Dinh Ward People's Committee"},
        "short": {"vi": "Phường Ba Đình", "en": "Ba Dinh Ward"},
        "kind": "ward",
        "started": __import__("datetime").date(2025, 7, 1),
    }


def test_the_city_s_words_come_from_its_data(hanoi: Path) -> None:
    documents = (hanoi / "data/documents.yaml").read_text(encoding="utf-8")
    assert "(Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2025)" in documents
    assert "Plan No. 45/KH-UBND of 10 March 2025" in documents
    everything = "\n".join(
        p.read_text(encoding="utf-8")
        for p in hanoi.rglob("*")
        if p.is_file() and ".git/" not in p.as_posix()
    )
    assert re.findall(r"Ho Chi Minh City|Thành phố Hồ Chí Minh|1256/KH-UBND", everything) == []


def test_a_folder_that_is_not_empty_is_refused(hcmlc, tmp_path: Path) -> None:
    (tmp_path / "city").mkdir()
    (tmp_path / "city/notes.txt").write_text("x", encoding="utf-8")
    code, _, stderr = hcmlc("init", str(tmp_path / "city"), *OPTIONS)
    assert code == 2
    assert stderr.splitlines() == [
        f"error: {tmp_path / 'city'} is not empty: it holds notes.txt",
        "hint: name a new or empty folder; init never writes over what is there",
    ]
    assert sorted(p.name for p in (tmp_path / "city").iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(
    ("given", "guess"),
    [("ha noi", "01 (Thành phố Hà Nội)"), ("Sơn La", "14 (Tỉnh Sơn La)"), ("99", None)],
)
def test_an_unknown_province(hcmlc, tmp_path: Path, given: str, guess: str | None) -> None:
    options = OPTIONS.copy()
    options[options.index("01")] = given
    code, _, stderr = hcmlc("init", str(tmp_path / "city"), *options)
    assert code == 2
    error, hint = stderr.splitlines()
    assert error == f"error: unknown province code `{given}`"
    assert hint.startswith(
        f"hint: did you mean {guess}? the codes are: 01 Thành phố Hà Nội, 04 Tỉnh Cao Bằng"
        if guess
        else "hint: the codes are: 01 Thành phố Hà Nội,"
    )
    assert hint.endswith("96 Tỉnh Cà Mau")
    assert not (tmp_path / "city").exists()


def test_a_province_without_units(hcmlc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = province_units.shipped()
    empty = province_units.Province("01", "Thành phố Hà Nội", ())
    monkeypatch.setattr(
        province_units,
        "shipped",
        lambda: province_units.Provinces(
            data.source, data.started, {**data.provinces, "01": empty}
        ),
    )
    code, _, stderr = hcmlc("init", str(tmp_path / "city"), *OPTIONS)
    assert code == 2
    assert stderr.splitlines() == [
        "error: hcmlc 0.1.0 has no units for province 01 (Thành phố Hà Nội)",
        f"hint: its data ({data.source}) lists none; a later hcmlc may have them (`pip install --upgrade hcmlc`)",
    ]


def test_a_missing_option_without_a_terminal(hcmlc, tmp_path: Path) -> None:
    code, _, stderr = hcmlc("init", str(tmp_path / "city"), "--province", "01")
    assert code == 2
    assert stderr.splitlines() == [
        "error: missing --city",
        "hint: pass --city, or run init in a terminal to be asked",
    ]


def _sheet(path: Path, *rows: tuple[object, ...]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Phân công"
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_assign_from_a_spreadsheet_keeps_the_comments(hcmlc, hanoi: Path, tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path / "phan-cong.xlsx",
        ("STT", "Chỉ số", "Cơ quan phụ trách"),
        (1, "1.1.1.a", "Sở Giáo dục và Đào tạo"),
        (2, "mh.1.1.a", "all-communes"),
        (3, "population", "Chi cục Thống kê Thành phố Hà Nội; so-gddt"),
    )
    code, stdout, _ = hcmlc("assign", str(sheet), "--root", str(hanoi))
    assert code == 0
    assert (
        stdout == "Assigned 2 indicators and 1 question; 96 items of cycle 2026 still unassigned.\n"
    )
    frameworks = (hanoi / "data/frameworks.yaml").read_text(encoding="utf-8")
    assert '  # unesco 2015\n  "1.1.1.a": ["so-gddt"]\n' in frameworks
    assert '  "mh.1.1.a": ["all-communes"]\n' in frameworks
    assignments = (hanoi / "data/assignments.yaml").read_text(encoding="utf-8")
    assert 'owners: ["chi-cuc-thong-ke", "so-gddt"]' in assignments
    assert assignments.startswith("# data/assignments.yaml — who answers what")
    code, stdout, _ = hcmlc("validate", "--root", str(hanoi))
    assert code == 0


def test_assign_refuses_a_sheet_with_unknown_ids_and_writes_nothing(
    hcmlc, hanoi: Path, tmp_path: Path
) -> None:
    before = (hanoi / "data/frameworks.yaml").read_bytes()
    sheet = _sheet(
        tmp_path / "bad.xlsx", ("id", "agencies"), ("1.1.1.z", "so-gddt"), ("1.1.1.a", "so-gdt")
    )
    code, stdout, _ = hcmlc("assign", str(sheet), "--root", str(hanoi))
    assert code == 1
    assert stdout.splitlines() == [
        f"{sheet}:Phân công!A2: error: unknown item `1.1.1.z` [HCMLC-E020]",
        "    hint: did you mean `1.1.1.a`?",
        f"{sheet}:Phân công!B3: error: unknown agency `so-gdt` [HCMLC-E020]",
        "    hint: did you mean `so-gddt`?",
        "2 errors, 0 warnings in 1 file checked",
    ]
    assert (hanoi / "data/frameworks.yaml").read_bytes() == before


def test_the_starter_form_is_hcmc_s_form_without_its_owners() -> None:
    bundled = Assignments.model_validate(
        yaml.safe_load((PROJECT / "data/assignments.yaml").read_text(encoding="utf-8"))
    )
    text = (PROJECT / "src/hcmlc/starter/form.yaml").read_text(encoding="utf-8")
    text = text.replace("<city-en>", "Ho Chi Minh City").replace("<city>", "Thành phố Hồ Chí Minh")
    starter = yaml.safe_load(text)
    expected = [s.model_dump(mode="json") for s in bundled.form]
    for section in expected:
        for question in section["questions"]:
            question["owners"] = []
    assert [
        s.model_dump(mode="json")
        for s in Assignments.model_validate(
            {**bundled.model_dump(mode="json"), "form": starter["form"]}
        ).form
    ] == expected
    assert starter["form_text"] == bundled.form_text.model_dump(mode="json", exclude_none=True)


def test_the_starter_workflows_are_the_repository_s_but_for_the_install() -> None:
    for name in ("validate-submissions.yml", "publish-dashboard.yml"):
        ours = (PROJECT / ".github/workflows" / name).read_text(encoding="utf-8")
        theirs = (PROJECT / "src/hcmlc/starter/workflows" / name).read_text(encoding="utf-8")
        cut = re.compile(r"      - name: Install hcmlc\n(?:        .*\n)+")
        # hcmlc's own repository also publishes its documentation site (make docs), which a
        # city's repository does not hold
        guides = re.compile(
            r"      - name: Build the guides\n(?:        .*\n|\n(?=        ))+\n|"
            r"; and the\n# documentation site \(make docs: .*\n"
        )
        ours = guides.sub(lambda m: ".\n" if m.group(0).startswith(";") else "", ours)
        assert cut.sub("", ours).replace(
            "08:00 in Ho Chi Minh City", "08:00 in Vietnam"
        ) == cut.sub("", theirs), name
