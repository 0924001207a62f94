"""Reminders to the agencies that owe items: what each letter says, worded in its language.

The items are the agency's obligations as `status` computes them (status.py): its overdue
items, and with `within`, those due within that many days; nothing is counted again here. Each
reminder is a letter (công văn đôn đốc) from the issuer of data/documents.yaml, in the parts of
an administrative document (official.py), addressed to the agency and, for the e-mail draft,
to its focal point in data/assignments.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from hcmlc.core.catalog import Catalog
from hcmlc.core.obligations import Obligation
from hcmlc.core.status import Status
from hcmlc.documents.official import Heading, Signature, heading, signature
from hcmlc.i18n import Lang, Wording
from hcmlc.models.documents import Documents
from hcmlc.models.registry import FocalPoint

WORDS: dict[str, dict[Lang, str]] = {
    "subject": {
        "vi": "V/v đôn đốc cung cấp số liệu xây dựng Thành phố học tập kỳ {cycle}",
        "en": "Re: supplying the learning city data of cycle {cycle}",
    },
    "e-mail-subject": {
        "vi": "Đôn đốc cung cấp số liệu Thành phố học tập kỳ {cycle} – {agency}",
        "en": "Reminder: learning city data of cycle {cycle} – {agency}",
    },
    "owed-one": {
        "vi": "Đến ngày {day}, {agency} còn {n} nội dung chưa cung cấp thuộc kỳ {cycle} "
        "({title}), cụ thể như sau:",
        "en": "As of {day}, the {agency} has not supplied {n} item of cycle {cycle} ({title}):",
    },
    "owed-many": {
        "vi": "Đến ngày {day}, {agency} còn {n} nội dung chưa cung cấp thuộc kỳ {cycle} "
        "({title}), cụ thể như sau:",
        "en": "As of {day}, the {agency} has not supplied {n} items of cycle {cycle} ({title}):",
    },
    "number": {"vi": "STT", "en": "No."},
    "item": {"vi": "Nội dung", "en": "Item"},
    "deadline": {"vi": "Hạn nộp", "en": "Deadline"},
    "state": {"vi": "Tình trạng", "en": "Status"},
    "indicator": {"vi": "Chỉ số {id}: {text}", "en": "Indicator {id}: {text}"},
    "answer": {"vi": "Câu hỏi {id}: {text}", "en": "Question {id}: {text}"},
    "formerly": {"vi": " (trước đây do {names} cung cấp)", "en": " (formerly supplied by {names})"},
    "overdue-one": {"vi": "Quá hạn {n} ngày", "en": "{n} day overdue"},
    "overdue-many": {"vi": "Quá hạn {n} ngày", "en": "{n} days overdue"},
    "left-one": {"vi": "Còn {n} ngày", "en": "{n} day left"},
    "left-many": {"vi": "Còn {n} ngày", "en": "{n} days left"},
    "today": {"vi": "Đến hạn hôm nay", "en": "Due today"},
    "issues": {"vi": "Cần chỉnh sửa: {comment}", "en": "Has issues: {comment}"},
    "ask-issues": {
        "vi": "Đề nghị {agency} chỉnh sửa các nội dung có vấn đề nêu trên theo nhận xét của cơ "
        "quan điều phối, cập nhật vào tệp {file} của kho dữ liệu Thành phố học tập.",
        "en": "The {agency} is requested to correct the items above that have issues, as the "
        "coordinator's comments say, in the file {file} of the learning city's repository.",
    },
    "ask-issues-workbook": {
        "vi": "Đề nghị {agency} chỉnh sửa các nội dung có vấn đề nêu trên theo nhận xét của cơ "
        "quan điều phối trong bảng tính {file} gửi kèm, lưu lại và gửi trả lời thư này kèm "
        "bảng tính đã sửa.",
        "en": "The {agency} is requested to correct the items above that have issues, as the "
        "coordinator's comments say, in the attached workbook {file}, save it and reply to this "
        "message with it attached.",
    },
    "ask-overdue": {
        "vi": "Đề nghị {agency} khẩn trương cung cấp các nội dung nêu trên, cập nhật vào tệp "
        "{file} của kho dữ liệu Thành phố học tập.",
        "en": "The {agency} is requested to supply the items above without delay, in the file "
        "{file} of the learning city's repository.",
    },
    "ask-due": {
        "vi": "Đề nghị {agency} cung cấp các nội dung nêu trên đúng hạn, cập nhật vào tệp "
        "{file} của kho dữ liệu Thành phố học tập.",
        "en": "The {agency} is requested to supply the items above by their deadline, in the "
        "file {file} of the learning city's repository.",
    },
    "ask-overdue-workbook": {
        "vi": "Đề nghị {agency} khẩn trương cung cấp các nội dung nêu trên: điền vào bảng tính "
        "{file} gửi kèm (đã điền sẵn những gì đơn vị đã cung cấp), lưu lại và gửi trả lời "
        "thư này kèm bảng tính đã điền.",
        "en": "The {agency} is requested to supply the items above without delay: fill in the "
        "attached workbook {file} (what it supplied is already filled in), save it and reply "
        "to this message with the filled workbook attached.",
    },
    "ask-due-workbook": {
        "vi": "Đề nghị {agency} cung cấp các nội dung nêu trên đúng hạn: điền vào bảng tính "
        "{file} gửi kèm (đã điền sẵn những gì đơn vị đã cung cấp), lưu lại và gửi trả lời "
        "thư này kèm bảng tính đã điền.",
        "en": "The {agency} is requested to supply the items above by their deadline: fill in "
        "the attached workbook {file} (what it supplied is already filled in), save it and "
        "reply to this message with the filled workbook attached.",
    },
    "contact": {
        "vi": "Thông tin chi tiết, đề nghị liên hệ: {contact}.",
        "en": "For details, please contact: {contact}.",
    },
    "regards": {"vi": "Trân trọng./.", "en": "Yours faithfully."},
}
"""The reminder's own words, per language."""


word = Wording(WORDS)


@dataclass(frozen=True)
class Item:
    """One item of the letter's table, from one obligation."""

    obligation: Obligation
    text: str
    deadline: str
    when: str


@dataclass(frozen=True)
class Reminder:
    """The letter to one agency."""

    agency: str
    name: str
    focal_point: FocalPoint | None
    heading: Heading
    signature: Signature
    subject: str
    """The e-mail's subject."""
    basis: str
    owed: str
    items: list[Item]
    request: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    """The table's column headings."""
    workbook: str | None = None
    """The file name of the workbook sent with the reminder, for an agency that delivers by
    workbook (its channel); None for one that edits its YAML file."""


def pending(status: Status, agency: str, within: int | None) -> list[Obligation]:
    """The agency's items to remind of, most urgent first: overdue, and with `within`, due
    within that many days (its to-do list of `status`, less what it supplied)."""
    return [
        o
        for o in status.todo(agency)
        if o.state == "overdue"
        or (within is not None and o.state == "due" and o.days_left <= within)
    ]


def build_reminders(
    catalog: Catalog,
    status: Status,
    documents: Documents,
    lang: Lang,
    *,
    within: int | None = None,
    agency: str | None = None,
    issues: Mapping[tuple[str, str, str], str] | None = None,
    workbooks: Callable[[str], str | None] = lambda agency: None,
) -> list[Reminder]:
    """A reminder for every agency (or `agency`) with items to remind of; none for the rest.
    `issues`, (agency, kind, item) → the coordinator's comment, adds the supplied items that
    have issues in review (signoffs/), each with its comment. `workbooks` names the workbook
    file sent to an agency that delivers by workbook (None for one that edits its YAML file)."""
    wanted = [row.id for row in status.agencies if agency in (None, row.id)]
    issues = issues or {}
    found = []
    writer = _Writer(catalog, status, documents, lang, issues)
    for agency_id in wanted:
        items = pending(status, agency_id, within)
        items += [
            o for o in status.todo(agency_id) if o.supplied and (o.agency, o.kind, o.item) in issues
        ]
        if items:
            found.append(writer.reminder(agency_id, items, workbooks(agency_id)))
    return found


class _Writer:
    def __init__(
        self,
        catalog: Catalog,
        status: Status,
        documents: Documents,
        lang: Lang,
        issues: Mapping[tuple[str, str, str], str],
    ):
        self.catalog, self.status, self.documents, self.lang = catalog, status, documents, lang
        self.issues = issues

    def reminder(
        self, agency_id: str, obligations: list[Obligation], workbook: str | None
    ) -> Reminder:
        catalog, lang, cycle = self.catalog, self.lang, self.status.cycle
        agency = catalog.agencies[agency_id]
        name = agency.name.get(lang)
        official = self.documents.reminder
        file = workbook or f"submissions/{cycle.id}/{agency_id}.yaml"
        ask = "ask-overdue" if any(o.state == "overdue" for o in obligations) else "ask-due"
        ask += "-workbook" if workbook else ""
        request = [word(ask, lang, agency=name, file=file)]
        if any(o.supplied for o in obligations):
            owed = [o for o in obligations if not o.supplied]
            issues_key = "ask-issues-workbook" if workbook else "ask-issues"
            request[0:1] = [word(issues_key, lang, agency=name, file=file)]
            if owed:
                request.insert(0, word(ask, lang, agency=name, file=file))
        if official.contact is not None:
            request.append(word("contact", lang, contact=official.contact.get(lang).rstrip(".")))
        request.append(word("regards", lang))
        return Reminder(
            agency=agency_id,
            name=name,
            focal_point=agency.focal_point,
            heading=heading(
                self.documents,
                official,
                lang,
                kind=None,
                subject=word("subject", lang, cycle=cycle.id),
                to=[name],
                number=None,
                day=self.status.as_of,
                year=self.status.as_of.year,
            ),
            signature=signature(self.documents, official, lang, addressed=True),
            subject=word("e-mail-subject", lang, cycle=cycle.id, agency=name),
            basis=official.basis.get(lang),
            owed=word.counted(
                "owed",
                len(obligations),
                lang,
                day=self.day(self.status.as_of),
                agency=name,
                cycle=cycle.id,
                title=cycle.title.get(lang),
            ),
            items=[self.item(o) for o in obligations],
            request=request,
            labels={key: word(key, lang) for key in ("number", "item", "deadline", "state")},
            workbook=workbook,
        )

    def item(self, o: Obligation) -> Item:
        catalog, lang = self.catalog, self.lang
        if o.kind == "indicator":
            text = word(
                "indicator", lang, id=o.item, text=catalog.indicators[o.item].text.get(lang)
            )
        else:
            text = word("answer", lang, id=o.item, text=catalog.questions[o.item].text.get(lang))
        if o.formerly:
            names = ", ".join(catalog.agencies[a].short_name(lang) for a in o.formerly)
            text = text.rstrip(" .") + word("formerly", lang, names=names)
        comment = self.issues.get((o.agency, o.kind, o.item))
        if o.supplied and comment is not None:
            when = word("issues", lang, comment=comment)
        elif o.days_left < 0:
            when = word.counted("overdue", -o.days_left, lang)
        elif o.days_left == 0:
            when = word("today", lang)
        else:
            when = word.counted("left", o.days_left, lang)
        return Item(o, text, self.day(o.deadline), when)

    def day(self, day: dt.date) -> str:
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if self.lang == "vi" else day.isoformat()
