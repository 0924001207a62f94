""" "Trước đây do …" only on the items an agency holds because it succeeded another (issue 26):
Sở Tài chính holds Sở KH&ĐT's 2.3.3.a since 1 March 2025, but owes 3.2.2.a in its own right
(every department owes it), so its reminder names Sở KH&ĐT on 2.3.3.a only."""

from __future__ import annotations

import json

AS_OF = "2025-12-20"


def line_of(text: str, indicator: str) -> str:
    return next(line for line in text.splitlines() if f" {indicator}:" in line)


def test_formerly_only_on_items_held_as_the_successor(hcmlc, bundled) -> None:
    out = bundled / "letters"
    for lang in ("vi", "en"):
        code, _, err = hcmlc(
            "remind", "--root", str(bundled), "--as-of", AS_OF, "--agency", "so-tai-chinh",
            "--format", "md", "--lang", lang, "--out", str(out / lang),
        )  # fmt: skip
        assert code == 0
        assert err.startswith("History cannot be read")  # a copy, not a clone
    vi = (out / "vi/so-tai-chinh.md").read_text(encoding="utf-8")
    assert line_of(vi, "2.3.3.a").endswith(
        "(trước đây do Sở KH&ĐT cung cấp) — Hạn nộp: 15/12/2025; Quá hạn 5 ngày"
    )
    assert "trước đây" not in line_of(vi, "3.2.2.a")
    en = (out / "en/so-tai-chinh.md").read_text(encoding="utf-8")
    assert "(formerly supplied by DPI)" in line_of(en, "2.3.3.a")
    assert "formerly" not in line_of(en, "3.2.2.a")
    # status says the same: the obligation, and the row of the agency that still holds some
    code, text, _ = hcmlc(
        "status", "--root", str(bundled), "--as-of", AS_OF, "--agency", "so-tai-chinh",
        "--format", "json",
    )  # fmt: skip
    formerly = {o["item"]: o["formerly"] for o in json.loads(text)["obligations"]}
    assert (formerly["2.3.3.a"], formerly["3.2.2.a"]) == (["so-khdt"], [])
    code, text, _ = hcmlc("status", "--root", str(bundled), "--as-of", AS_OF, "--format", "json")
    rows = {r["id"]: r["formerly"] for r in json.loads(text)["agencies"]}
    assert rows["so-tai-chinh"] == ["so-khdt"]
    # Sở GD&ĐT took over Sở LĐ-TB&XH's part of 2.3.2.a, which it owes itself: nothing it holds
    # in 2025 is Sở LĐ-TB&XH's alone
    assert rows["so-gddt"] == []
