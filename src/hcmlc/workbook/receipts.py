"""Receipts: what each agency is told about the workbooks it returned, in its workbook's
language. What was accepted (each item, the value as read), what must be fixed (each problem
with its cell and the fix), and what the coordinator should look at twice (warnings). The
receipt is a computed object; render/receipt_text.py and render/receipt_eml.py write it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

from hcmlc.core.catalog import Catalog
from hcmlc.diagnostics import Diagnostic, Severity
from hcmlc.i18n import Lang, Wording
from hcmlc.models.registry import FocalPoint
from hcmlc.signoffs.states import Reviews, ReviewState
from hcmlc.text.dates import day_text
from hcmlc.text.number_format import format_number
from hcmlc.workbook.importer import Imported
from hcmlc.workbook.labels import HEADINGS, UNIT_NAMES

Outcome = Literal["imported", "refused", "nothing"]

WORDS: dict[str, dict[Lang, str]] = {
    "subject": {
        "vi": "Xác nhận tiếp nhận bảng tính kỳ {cycle} – {agency}",
        "en": "Receipt of your workbook, cycle {cycle} – {agency}",
    },
    "to": {"vi": "Kính gửi: {agency}", "en": "To: the {agency}"},
    "received": {
        "vi": "Ngày {day}, đơn vị điều phối đã nhận bảng tính của đơn vị: {files}.",
        "en": "On {day}, the coordinator received your workbook: {files}.",
    },
    "imported": {
        "vi": "Các nội dung dưới đây đã được tiếp nhận và ghi vào số liệu của kỳ {cycle}.",
        "en": "The items below were accepted into the data of cycle {cycle}.",
    },
    "refused": {
        "vi": "Bảng tính chưa được tiếp nhận: không nội dung nào được ghi, vì còn những chỗ "
        "cần sửa nêu dưới đây.",
        "en": "The workbook was not accepted: nothing was recorded, because of the problems below.",
    },
    "nothing": {
        "vi": "Bảng tính không có nội dung mới so với số liệu đã có; không có gì thay đổi.",
        "en": "The workbook holds nothing new beyond what we have; nothing changed.",
    },
    "accepted-title": {"vi": "Đã tiếp nhận:", "en": "Accepted:"},
    "unchanged": {
        "vi": "{n} nội dung khác giữ nguyên như đã có.",
        "en": "{n} other items are unchanged.",
    },
    "fix-title": {"vi": "Cần sửa:", "en": "To be fixed:"},
    "fix-line": {"vi": "Ô {place}: {message}", "en": "Cell {place}: {message}"},
    "fix-file": {"vi": "Tệp {place}: {message}", "en": "File {place}: {message}"},
    "fix-hint": {"vi": "Cách sửa: {hint}", "en": "How to fix it: {hint}"},
    "check-title": {"vi": "Đề nghị kiểm tra lại:", "en": "Please check:"},
    "fresh": {
        "vi": "Gửi kèm bảng tính mới {file}, đã điền sẵn mọi nội dung đọc được. Đề nghị đơn vị "
        "sửa các chỗ nêu trên trong bảng tính này, lưu lại và gửi trả lời thư này.",
        "en": "Attached is a fresh workbook, {file}, with everything we could read filled in. "
        "Please make the fixes above in it, save it and reply to this message with it attached.",
    },
    "thanks": {"vi": "Trân trọng cảm ơn./.", "en": "Thank you."},
    "review-title": {
        "vi": "Kết quả rà soát số liệu của đơn vị điều phối:",
        "en": "The coordinator's review of your figures:",
    },
    "review-counts": {
        "vi": "{approved} nội dung đã duyệt, {awaiting} chờ rà soát, {issues} có vấn đề, "
        "{stale} đã sửa sau khi duyệt.",
        "en": "{approved} approved, {awaiting} awaiting review, {issues} with issues, "
        "{stale} changed since approved.",
    },
    "review-issues": {
        "vi": "{item}: có vấn đề — {comment} ({by}, ngày {day})",
        "en": "{item}: has issues — {comment} ({by}, {day})",
    },
    "review-stale": {
        "vi": "{item}: đã sửa sau khi được duyệt ngày {day}; đơn vị điều phối sẽ rà soát lại",
        "en": "{item}: changed since it was approved on {day}; the coordinator will review it "
        "again",
    },
}
"""The receipt's own words, per language (document content, not interface messages)."""

word = Wording(WORDS)
FIELDS = ("value", "parts", "unit", "year", "source", "evidence", "note")
PARTS: dict[Lang, str] = {"vi": "Thành phần", "en": "Parts"}
SHOWN_CHARACTERS = 120


@dataclass(frozen=True)
class Accepted:
    """One item recorded: its id, its text, and the value as read."""

    item: str
    text: str
    value: str


@dataclass(frozen=True)
class Point:
    """One problem or warning, where it is in the workbook and what to do."""

    place: str
    message: str
    hint: str | None
    cell: bool = True
    """Whether `place` is a cell (`Chỉ số!E6`), else the file as a whole (its name)."""
    code: str = ""
    """The problem's code (`HCMLC-E022`): its page in the guides explains it."""


@dataclass(frozen=True)
class ReviewNote:
    """Where the agency's items stand in the coordinator's review (signoffs/states.py): the
    counts, and each item with issues (with the comment) or changed since approved."""

    counts: dict[ReviewState, int]
    lines: list[str]
    """Each item with issues or changed since approved, worded in the receipt's language."""


@dataclass
class Receipt:
    """The answer to one agency for what it returned in one run."""

    agency: str
    name: str
    lang: Lang
    focal_point: FocalPoint | None
    cycle: str
    received: dt.date
    workbooks: list[str]
    outcome: Outcome
    accepted: list[Accepted] = field(default_factory=list)
    unchanged: int = 0
    to_fix: list[Point] = field(default_factory=list)
    to_check: list[Point] = field(default_factory=list)
    fresh: str | None = None
    """The file name of the fresh pre-filled workbook attached, when something must be fixed."""
    review: ReviewNote | None = None
    """Set once the coordinator reviews the cycle (`with_reviews`)."""

    @property
    def subject(self) -> str:
        return word("subject", self.lang, cycle=self.cycle, agency=self.name)


def build_receipts(
    catalog: Catalog,
    results: list[Imported],
    langs: dict[str, Lang],
    received: dt.date,
    fresh_name: dict[str, str],
) -> list[Receipt]:
    """A receipt per known agency among `results` (workbooks of an unknown agency answer to
    nobody); `fresh_name` names the fresh workbook of each agency that must fix something."""
    by_agency: dict[str, list[Imported]] = {}
    for result in results:
        if result.agency in catalog.agencies:
            by_agency.setdefault(result.agency, []).append(result)
    return [
        _receipt(catalog, agency, mine, langs, received, fresh_name.get(agency))
        for agency, mine in by_agency.items()
    ]


def with_reviews(receipts: list[Receipt], reviews: Reviews) -> None:
    """Give each receipt its agency's review, as the content stands after the import."""
    for receipt in receipts:
        counts = reviews.counts(receipt.agency)
        lines = []
        for r in reviews.of(receipt.agency):
            if r.record is None or r.state not in ("issues", "stale"):
                continue
            day = day_text(dt.date.fromisoformat(r.record.day), receipt.lang)
            key = f"review-{r.state}"
            lines.append(
                word(key, receipt.lang, item=r.item, comment=r.comment, by=r.record.by, day=day)
            )
        receipt.review = ReviewNote(dict(counts), lines)


def _receipt(
    catalog: Catalog,
    agency_id: str,
    results: list[Imported],
    langs: dict[str, Lang],
    received: dt.date,
    fresh: str | None,
) -> Receipt:
    lang = langs.get(results[0].path, "vi")
    agency = catalog.agencies[agency_id]
    problems = [p for r in results for p in r.problems]
    errors = [p for p in problems if p.severity is Severity.ERROR]
    written = [r for r in results if not r.failed and r.merged is not None and r.merged.touched]
    outcome: Outcome = "refused" if errors else "imported" if written else "nothing"
    receipt = Receipt(
        agency_id,
        agency.name.get(lang),
        lang,
        agency.focal_point,
        results[0].cycle or "",
        received,
        [PurePosixPath(r.path.replace("\\", "/")).name for r in results],
        outcome,
        to_fix=[_point(p) for p in errors],
        to_check=[_point(p) for p in problems if p.severity is Severity.WARNING],
        fresh=fresh if errors else None,
    )
    for result in written:
        assert result.merged is not None
        for (kind, item), change in result.merged.changes.items():
            if change in ("added", "changed") and kind in ("indicator", "answer"):
                receipt.accepted.append(_accepted(catalog, kind, item, result.merged.data, lang))
            elif change == "unchanged" and kind != "top":
                receipt.unchanged += 1
    return receipt


def _point(problem: Diagnostic) -> Point:
    if problem.sheet:
        return Point(problem.place, problem.message, problem.hint, code=problem.code)
    name = PurePosixPath(problem.path.replace("\\", "/")).name
    return Point(name, problem.message, problem.hint, cell=False, code=problem.code)


def _accepted(catalog: Catalog, kind: str, item: str, data: dict[str, Any], lang: Lang) -> Accepted:
    if kind == "indicator":
        indicator = catalog.indicators.get(item)
        text = indicator.text.get(lang) if indicator else item
        entry = (data.get("indicators") or {}).get(item) or {}
        shown = [
            f"{PARTS[lang] if name == 'parts' else HEADINGS.get(name, {}).get(lang, name)}: "
            f"{_shown(entry[name], lang, name)}"
            for name in FIELDS
            if name in entry and name != "unit"
        ]
        if "unit" in entry:  # in the receipt's language, as the workbook names units
            unit = str(entry["unit"])
            named = next((n[lang] for u, n in UNIT_NAMES.items() if u.value == unit), unit)
            shown[0] += f" ({named})"
        return Accepted(item, text, " · ".join(shown))
    question = catalog.questions.get(item)
    text = question.text.get(lang) if question else item
    answer = (data.get("answers") or {}).get(item)
    return Accepted(item, text, _shown(answer, lang))


def _shown(value: object, lang: Lang, key: str = "") -> str:
    """A value as the agency would read it: numbers in its language's notation (not years or
    dates), texts cut."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_shown(v, lang, str(k))}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_shown(v, lang) for v in value)
    text = str(value)
    if key in ("year", "date", "postcode", "phone"):
        return text
    try:
        number = float(text)
    except ValueError:
        return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
    return format_number(number, lang) if text.strip() not in ("nan", "inf") else text
