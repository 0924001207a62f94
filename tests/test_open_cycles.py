"""Cycles end when the coordinator ends them (`hcmlc close-cycle`): until then an earlier
cycle's overdue items stay in status and in the reminders, and its year's report is interim
(open_cycles.py, cycle_close.py)."""

from __future__ import annotations

import json

ASSIGNMENTS = "data/assignments.yaml"


def status(hcmlc, root, *args: str) -> dict:
    code, out, err = hcmlc("status", "--root", str(root), "--format", "json", *args)
    assert code == 0, out + err
    return json.loads(out)


def open_2026(hcmlc, root) -> None:
    code, out, err = hcmlc("new-cycle", "2026", "--deadline", "2026-12-15", "--root", str(root))
    assert code == 0, out + err


def test_the_previous_cycles_overdue_items_stay_until_it_is_closed(hcmlc, bundled) -> None:
    before = status(hcmlc, bundled, "--as-of", "2026-01-10")
    assert "earlier_cycles" not in before
    open_2026(hcmlc, bundled)
    after = status(hcmlc, bundled, "--as-of", "2026-01-10")
    assert after["cycle"] == "2026"
    [earlier] = after["earlier_cycles"]
    assert earlier["cycle"] == "2025"
    assert earlier["overdue"] == before["total"]["overdue"] > 0
    assert sum(a["overdue"] for a in earlier["agencies"]) == earlier["overdue"]
    assert all(o["state"] == "overdue" for o in earlier["obligations"])
    _, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", "2026-01-10")
    title = f"Cycle 2025, not closed: {earlier['overdue']} items still overdue"
    assert title in out
    assert "close the cycle with `hcmlc close-cycle 2025`" in out
    code, out, _ = hcmlc("close-cycle", "2025", "--on", "2026-01-31", "--root", str(bundled))
    assert code == 0
    lines = (bundled / ASSIGNMENTS).read_text(encoding="utf-8").splitlines()
    line = lines.index("    closed: 2026-01-31") + 1
    assert out == (
        f"Closed cycle 2025 on 2026-01-31 in data/assignments.yaml (line {line}): status and "
        "remind no longer list its overdue items, and its report is no longer interim.\n"
    )
    assert "earlier_cycles" in status(hcmlc, bundled, "--as-of", "2026-01-30")
    assert "earlier_cycles" not in status(hcmlc, bundled, "--as-of", "2026-01-31")


def test_closing_writes_one_line_and_keeps_the_file(hcmlc, bundled) -> None:
    path = bundled / ASSIGNMENTS
    text = path.read_text(encoding="utf-8")
    open_2026(hcmlc, bundled)
    opened = path.read_text(encoding="utf-8")
    hcmlc("close-cycle", "2025", "--on", "2026-01-31", "--root", str(bundled))
    closed = path.read_text(encoding="utf-8")
    anchor = '    frameworks: ["unesco", "learning-models"]\n'
    assert closed == opened.replace(anchor, anchor + "    closed: 2026-01-31\n", 1)
    assert closed.count("closed:") == text.count("closed:") + 1  # the new cycle is not closed


def test_refusals_of_close_cycle(hcmlc, bundled) -> None:
    root = str(bundled)
    code, _, err = hcmlc("close-cycle", "2052", "--root", root)
    assert code == 2
    assert "error: no cycle `2052` in data/assignments.yaml" in err
    assert "did you mean `2025`?" in err
    code, _, err = hcmlc("close-cycle", "2025", "--root", root)
    assert code == 2
    assert "error: cycle 2025 is the current cycle" in err
    assert "open the next one first with `hcmlc new-cycle`" in err
    code, _, err = hcmlc("close-cycle", "2024", "--root", root)
    assert code == 2
    assert "error: cycle 2024 was closed on 2025-01-31" in err


def test_reminders_go_out_for_an_earlier_cycle_not_closed(hcmlc, bundled, tmp_path) -> None:
    open_2026(hcmlc, bundled)
    out = tmp_path / "letters"
    args = ("remind", "--root", str(bundled), "--as-of", "2026-01-10", "--format", "md")
    code, _stdout, err = hcmlc(*args, "--out", str(out))
    assert code == 0, err
    earlier = status(hcmlc, bundled, "--as-of", "2026-01-10")["earlier_cycles"][0]
    written = sorted(p.name for p in out.iterdir())
    assert [f"{a['agency']}-2025.md" for a in earlier["agencies"]] == sorted(
        (n for n in written if n.endswith("-2025.md")),
        key=lambda n: [a["agency"] for a in earlier["agencies"]].index(n[: -len("-2025.md")]),
    )
    text = (out / f"{earlier['agencies'][0]['agency']}-2025.md").read_text(encoding="utf-8")
    assert "2025" in text
    hcmlc("close-cycle", "2025", "--on", "2026-01-09", "--root", str(bundled))
    code, _stdout, _ = hcmlc(*args, "--out", str(tmp_path / "after"))
    assert not [p for p in (tmp_path / "after").glob("*-2025.md")]


def test_a_rule_in_data_says_when_the_next_cycle_is_due(hcmlc, bundled) -> None:
    path = bundled / ASSIGNMENTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("current_cycle:", 'next_cycle_from: "03-01"\ncurrent_cycle:'))
    assert "next_cycle" not in status(hcmlc, bundled, "--as-of", "2026-02-28")
    assert status(hcmlc, bundled, "--as-of", "2026-03-01")["next_cycle"]["due"] == "2026-03-01"
    path.write_text(text.replace("current_cycle:", 'next_cycle_from: "13-01"\ncurrent_cycle:'))
    _code, out, _ = hcmlc("validate", "--root", str(bundled), "--format", "json")
    [problem] = json.loads(out)["problems"]
    assert problem["message"].startswith("`13-01` is not a day of the year: write MM-DD")


def test_a_report_of_a_cycle_not_closed_is_interim(hcmlc, bundled, tmp_path) -> None:
    target = tmp_path / "report.md"
    args = ("report", "--root", str(bundled), "--year", "2025", "--format", "md", "--lang", "en")
    code, out, err = hcmlc(*args, "--out", str(target), "--as-of", "2026-01-20")
    assert code == 0, err
    assert (
        "Cycle 2025 is not closed, so the report is interim and its title says so; close the "
        "cycle with `hcmlc close-cycle 2025` when its figures are final."
    ) in out
    assert "(interim)**" in target.read_text(encoding="utf-8")  # the title, in bold
    open_2026(hcmlc, bundled)
    hcmlc("close-cycle", "2025", "--on", "2026-01-31", "--root", str(bundled))
    code, out, _ = hcmlc(*args, "--out", str(target), "--as-of", "2026-02-01", "--force")
    assert "interim" not in out
    assert "(interim)" not in target.read_text(encoding="utf-8")
