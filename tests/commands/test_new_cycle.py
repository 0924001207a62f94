"""`hcmlc new-cycle`: the next cycle opened in data/assignments.yaml, every other line kept, and
every command working on it; a `current_cycle` without its cycle is a located error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

ASSIGNMENTS = "data/assignments.yaml"
NEW_2026 = """\
  - id: "2026"
    kind: "progress"
    title:
      vi: "Báo cáo tiến độ năm 2026"
      en: "Progress report 2026"
    first_year: 2026
    last_year: 2026
    deadlines:
      indicators: 2026-12-15
    frameworks: ["unesco", "learning-models"]
"""


def lines(root: Path) -> list[str]:
    return (root / ASSIGNMENTS).read_text(encoding="utf-8").splitlines(keepends=True)


def test_opens_the_next_cycle_keeping_every_other_line(hcmlc, bundled) -> None:
    shutil.copytree(PROJECT / "schema", bundled / "schema")
    before = lines(bundled)
    code, out, err = hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(bundled))
    assert (code, err) == (0, "")
    after = lines(bundled)
    first = before.index('    frameworks: ["unesco", "learning-models"]\n') + 1
    assert "".join(after[first : first + 10]) == NEW_2026
    assert after[:first] + after[first + 10 :] == [
        line.replace('current_cycle: "2025"', 'current_cycle: "2026"') for line in before
    ]
    assert out.splitlines() == [
        f"Opened cycle 2026 in {ASSIGNMENTS} (lines {first + 1}–{first + 10}), copied from cycle "
        "2025: progress, years 2026, indicators due 2026-12-15.",
        "`current_cycle` is now 2026 (was 2025).",
        "Updated schema/submission.schema.json with the new cycle id.",
        f"Next: check the title in {ASSIGNMENTS} and commit; each agency starts its file with "
        "`hcmlc new-submission --agency ID`.",
    ]
    assert hcmlc("schema", "--check", "--root", str(bundled))[0] == 0


def test_every_command_works_on_the_new_cycle(hcmlc, bundled) -> None:
    assert hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(bundled))[0] == 0
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert (code, out) == (0, "No problems found in 48 files.\n")
    code, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", "2026-12-01")
    assert code == 0 and out.startswith("Cycle 2026 — Progress report 2026\n")
    assert "indicators due 2026-12-15 (14 days left)" in out
    assert "new-cycle" not in out  # a later cycle exists now
    code, out, _ = hcmlc("new-submission", "--agency", "so-gddt", "--root", str(bundled))
    assert code == 0 and out.startswith("Wrote submissions/2026/so-gddt.yaml: 27 indicators due")
    assert hcmlc("validate", "--root", str(bundled))[0] == 0
    target = bundled / "out" / "report-2026.md"
    code, out, err = hcmlc(
        "report", "--year", "2026", "--format", "md", "--out", str(target), "--root", str(bundled)
    )
    assert (code, err) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert "**Tiến độ xây dựng Thành phố học tập năm 2026 (bản tạm thời)**" in text
    assert "chưa có số liệu năm 2026" in text  # every value is older than the year judged
    assert "(0 met," in out


def test_a_second_run_refuses_and_writes_nothing(hcmlc, bundled) -> None:
    hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(bundled))
    before = lines(bundled)
    code, _, err = hcmlc("new-cycle", "2026", "--deadline", "2026-12-20", "--root", str(bundled))
    assert code == 2 and "cycle `2026` already exists in data/assignments.yaml" in err
    assert lines(bundled) == before


def test_an_application_cycle_with_its_two_deadlines_and_years(hcmlc, bundled) -> None:
    code, out, _ = hcmlc(
        "new-cycle",
        "2027-application",
        "--kind",
        "application",
        "--deadline",
        "2027-08-31",
        "--answers-deadline",
        "2027-09-30",
        "--years",
        "2025-2027",
        "--root",
        str(bundled),
    )
    assert code == 0, out
    assert "copied from cycle 2023: application, years 2025–2027" in out
    assert "indicators due 2027-08-31, answers due 2027-09-30" in out
    text = (bundled / ASSIGNMENTS).read_text(encoding="utf-8")
    assert 'vi: "Đăng ký tham gia Mạng lưới Thành phố học tập toàn cầu của UNESCO (2027)"' in text
    assert hcmlc("validate", "--root", str(bundled))[0] == 0
    _, doc, _ = hcmlc("status", "--root", str(bundled), "--format", "json")
    assert json.loads(doc)["cycle"] == "2027-application"


def test_crlf_and_a_byte_order_mark_are_kept(hcmlc, repo) -> None:
    path = repo.root / ASSIGNMENTS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(repo.root))[0] == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert b'  - id: "2026"\r\n    kind: "progress"\r\n' in raw


def test_bad_options_are_usage_errors_and_write_nothing(hcmlc, repo) -> None:
    before = lines(repo.root)
    for args, message in [
        (("--deadline", "15/12/2026"), "--deadline `15/12/2026` is not a date"),
        (("--deadline", "2026-12-15", "--years", "2027-2026"), "--years `2027-2026` is not"),
        (("--deadline", "2026-12-15", "--years", "26"), "--years `26` is not a year"),
    ]:
        code, _, err = hcmlc("new-cycle", "2026", *args, "--root", str(repo.root))
        assert code == 2 and message in err, err
    assert lines(repo.root) == before


def test_broken_data_is_not_edited(hcmlc, repo) -> None:
    text = (repo.root / ASSIGNMENTS).read_text(encoding="utf-8")
    broken = text.replace('successor: "so-noi-vu"', 'successor: "so-noi-vuu"')
    (repo.root / ASSIGNMENTS).write_text(broken, encoding="utf-8")
    code, out, err = hcmlc(
        "new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(repo.root)
    )
    assert code == 1 and "data/ has errors, so no cycle was added" in err
    assert "unknown agency `so-noi-vuu`" in out
    assert (repo.root / ASSIGNMENTS).read_text(encoding="utf-8") == broken


def test_a_current_cycle_without_its_cycle_is_located_in_every_command(hcmlc, bundled) -> None:
    path = bundled / ASSIGNMENTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('current_cycle: "2025"', 'current_cycle: "2026"'), "utf-8")
    line = next(n for n, t in enumerate(lines(bundled), 1) if t.startswith("current_cycle"))
    located = f"{ASSIGNMENTS}:{line}:16: `current_cycle: 2026` names no cycle"
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1 and f"{ASSIGNMENTS}:{line}:16: error: `current_cycle: 2026`" in out
    for command in (
        ["status"],
        ["report", "--out", str(bundled / "r.docx")],
        ["new-submission", "--agency", "so-gddt"],
    ):
        code, _, err = hcmlc(*command, "--root", str(bundled))
        assert code == 1, (command, err)
        assert located in err and "hcmlc new-cycle 2026 --deadline YYYY-MM-DD" in err
        assert "internal error" not in err
    code, _, _ = hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(bundled))
    assert code == 0  # the fix for exactly this
    assert hcmlc("validate", "--root", str(bundled))[0] == 0
