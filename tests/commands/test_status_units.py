"""`hcmlc status` at 168 wards and communes (issue 26): the departments and city organisations
first, the units summed by kind (one line each), every unit on demand with `--units`; the
default table fits a screen or two, and JSON gives the same sums (`unit_groups`)."""

from __future__ import annotations

import json

AS_OF = "2025-12-20"


def test_the_units_are_summed_by_kind_and_listed_on_demand(hcmlc, bundled) -> None:
    code, out, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    groups = {g["kind"]: g for g in doc["unit_groups"]}
    wards = [a for a in doc["agencies"] if a["id"].startswith("phuong-")]
    assert groups["ward"]["units"] == len(wards) == 113
    for key in ("owed", "supplied", "overdue", "late", "missing"):
        assert groups["ward"][key] == sum(a[key] for a in wards), key
    assert (groups["commune"]["units"], groups["special_zone"]["units"]) == (54, 1)
    assert groups["special_zone"]["with_overdue"] == 1 and groups["ward"]["complete"] == 0

    _, table, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF)
    lines = table.splitlines()
    assert len(lines) < 71  # was 273: 195 agencies and 47 criteria
    assert not [line for line in lines if line.startswith(("phuong-", "xa-", "dac-khu-"))]
    assert "so-gddt" in table and "Local units by kind" in lines
    ward = next(line for line in lines if line.startswith("113 "))
    assert ward.split()[:8] == [
        "113",
        "Wards:",
        "0",
        "complete,",
        "113",
        "with",
        "items",
        "overdue",
    ]
    assert ward.split()[8:] == ["1243", "66", "1177", "1177", "5", "5%"]
    assert lines[-1] == (
        "More: each unit: `hcmlc status --units`; each criterion: `hcmlc status --criteria`."
    )

    _, listed, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--units")
    shown = {line.split()[0] for line in listed.splitlines() if line.strip()}
    assert {a["id"] for a in doc["agencies"]} <= shown
    assert "Wards (113)" in listed and "Communes (54)" in listed and "Special zones (1)" in listed
    assert "each unit" not in listed.splitlines()[-1]


def test_vietnamese(hcmlc, bundled) -> None:
    _, table, _ = hcmlc("--lang", "vi", "status", "--root", str(bundled), "--as-of", AS_OF)
    assert "Đơn vị hành chính theo loại" in table
    ward = next(line for line in table.splitlines() if line.startswith("113 "))
    assert ward.split(None, 1)[1].startswith(
        "Phường: 0 đơn vị đã nộp đủ, 113 đơn vị có mục quá hạn"
    )
    assert "từng đơn vị: `hcmlc status --units`" in table
