"""A receipt speaks the agency's language: the unit of a value as read is named in it."""

from __future__ import annotations

from pathlib import Path

from hcmlc.repository.load import load
from hcmlc.workbook.receipts import _accepted

PROJECT = Path(__file__).resolve().parents[2]


def test_the_unit_of_an_accepted_value_is_named_in_the_receipt_s_language() -> None:
    catalog = load(PROJECT, submissions=False).require_catalog()
    data = {"indicators": {"1.1.1.a": {"value": 87.5, "unit": "percent", "year": 2024}}}
    vi = _accepted(catalog, "indicator", "1.1.1.a", data, "vi").value
    en = _accepted(catalog, "indicator", "1.1.1.a", data, "en").value
    assert "87,5 (phần trăm)" in vi and "percent" not in vi
    assert "87.5 (percent)" in en
