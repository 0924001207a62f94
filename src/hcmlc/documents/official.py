"""The parts of an administrative document as Decree 30/2020/NĐ-CP lays them out, worded in the
document's language from data/documents.yaml: the heading blocks, the number and date lines,
the addressees, the recipients and the signature.

Source: Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I "Thể thức, kỹ thuật trình bày
văn bản hành chính", Phần I, mục II (the parts and how each is written) and mục V (the sample
sizes); the page layout is in render/decree30.py. The English documents keep the same parts in
English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hcmlc.diagnostics import Diagnostic
from hcmlc.errors import DataError
from hcmlc.i18n import Lang, Wording, _
from hcmlc.models.documents import Documents, Official
from hcmlc.text.dates import date_parts

LABELS: dict[str, dict[Lang, str]] = {
    # II.1: the national name and the motto, exactly as the decree prints them.
    "national-name": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    # II.3.c: "Số" and a colon, the number (two digits at least), a slash, the symbol.
    "number": {"vi": "Số: {number}/{symbol}", "en": "No.: {number}/{symbol}"},
    # II.4: the place, a comma, the full date; days below 10 and months 1 and 2 with a 0.
    "date": {
        "vi": "{place}, ngày {day} tháng {month} năm {year}",
        "en": "{place}, {day} {month} {year}",
    },
    "undated": {
        "vi": "{place}, ngày {blank} tháng {blank} năm {year}",
        "en": "{place}, {blank} {year}",
    },
    # II.9: "Kính gửi" for a report to a higher body and for a letter; "Nơi nhận" at the end,
    # starting with "Như trên" after a "Kính gửi", ending with "Lưu: VT, <unit>".
    "to": {"vi": "Kính gửi:", "en": "To:"},
    "recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "as-above": {"vi": "Như trên", "en": "As above"},
    "archive": {"vi": "Lưu: {archive}", "en": "Archived: {archive}"},
    # III.1: an annex names the document it is attached to.
    "annex": {"vi": "Phụ lục {number}", "en": "Annex {number}"},
    "attached": {
        "vi": "(Kèm theo Báo cáo số {number}/{symbol} ngày {day} tháng {month} năm {year} "
        "của {issuer})",
        "en": "(Attached to Report No. {number}/{symbol} of {date}, {issuer})",
    },
    "attached-undated": {
        "vi": "(Kèm theo Báo cáo số {number}/{symbol} ngày {blank} tháng {blank} năm {year} "
        "của {issuer})",
        "en": "(Attached to Report No. {number}/{symbol} of {blank} {year}, {issuer})",
    },
}
"""The fixed words of an administrative document, per language."""

BLANK = "…"
"""Where the archive (văn thư) writes the number or the day when it registers the document."""
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


label = Wording(LABELS)


@dataclass(frozen=True)
class Heading:
    """The top of the first page: both heading blocks, the number and date, the title."""

    governing_body: str
    issuer: str
    national_name: str
    motto: str
    number: str
    place_date: str
    kind: str | None
    """The kind of document in capitals (`BÁO CÁO`); a letter (công văn) has none."""
    subject: str
    """What the document is about: under its kind, or after `V/v` in a letter."""
    to_label: str
    to: list[str]
    """`Kính gửi`: one addressee on the label's line, several one a line (II.9.d)."""


@dataclass(frozen=True)
class Signature:
    """The foot of the document: `Nơi nhận` on the left, the signer on the right."""

    recipients_label: str
    recipients: list[str]
    authority: str | None
    position: str
    name: str


def heading(
    documents: Documents,
    official: Official,
    lang: Lang,
    *,
    kind: str | None,
    subject: str,
    to: list[str],
    number: str | None,
    day: dt.date | None,
    year: int,
) -> Heading:
    """The heading of a document of `official`'s kind, dated `day` (or left for the archive to
    date, in `year`), numbered `number` (or left blank)."""
    issuer = documents.issuer
    return Heading(
        governing_body=issuer.governing_body.get(lang).upper(),
        issuer=issuer.name.get(lang).upper(),
        national_name=label("national-name", lang),
        motto=label("motto", lang),
        number=label("number", lang, number=shown_number(number), symbol=official.symbol),
        place_date=date_line(issuer.place.get(lang), day, year, lang),
        kind=kind.upper() if kind else None,
        subject=subject,
        to_label=label("to", lang),
        to=listed(to) if len(to) > 1 else to,
    )


def signature(documents: Documents, official: Official, lang: Lang, addressed: bool) -> Signature:
    """The recipients (after `Như trên` when the document has addressees) and the signer."""
    signer = documents.signer_of(official)
    recipients = [label("as-above", lang)] if addressed else []
    recipients += [c.get(lang) for c in official.copies]
    recipients.append(label("archive", lang, archive=official.archive))
    return Signature(
        recipients_label=label("recipients", lang),
        recipients=[f"- {line}" for line in listed(recipients)],
        authority=signer.authority.get(lang).upper() if signer.authority else None,
        position=signer.position.get(lang).upper(),
        name=signer.name,
    )


def listed(lines: list[str]) -> list[str]:
    """Each line but the last ended by `;`, the last by `.` (II.9.d)."""
    ended = [line.rstrip(" ;.") for line in lines]
    return [f"{line};" for line in ended[:-1]] + [f"{line}." for line in ended[-1:]]


def shown_number(number: str | None) -> str:
    """The number with a leading 0 below 10 (II.3.c), or the blank the archive fills."""
    return number.zfill(2) if number else BLANK


def date_line(place: str, day: dt.date | None, year: int, lang: Lang) -> str:
    """`Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2020`; without a day, blanks to fill."""
    if day is None:
        return label("undated", lang, place=place, blank=BLANK, year=year)
    return label("date", lang, place=place, **date_parts(day, lang))


def annex_heading(number: int, lang: Lang) -> str:
    return label("annex", lang, number=ROMAN[number - 1])


def attached_to(
    documents: Documents, number: str | None, day: dt.date | None, year: int, lang: Lang
) -> str:
    """The line under an annex's title naming the report it is attached to (III.1.c)."""
    values: dict[str, str] = {
        "number": shown_number(number),
        "symbol": documents.report.symbol,
        "issuer": documents.issuer.name.get(lang),
        "blank": BLANK,
        "year": str(year),
    }
    if day is None:
        return label("attached-undated", lang, **values)
    parts = date_parts(day, lang)
    values |= parts
    values["date"] = f"{parts['day']} {parts['month']} {parts['year']}"
    return label("attached", lang, **values)


def require_documents(documents: Documents | None, problem: Diagnostic | None) -> Documents:
    """data/documents.yaml, or a data error saying what to add: its first error (`problem`),
    located, or the keys of a file to create."""
    if documents is not None:
        return documents
    if problem is not None:
        raise DataError(
            f"{problem.path}:{problem.line}:{problem.column}: {problem.message}",
            problem.hint
            or _("fix data/documents.yaml: official documents take their letterhead from it"),
        )
    raise DataError(
        _("data/documents.yaml is missing: official documents take their letterhead from it"),
        _(
            "create it with `issuer:` (governing_body, name, place), `signer:` (position, name), "
            "`report:` and `reminder:` (symbol); see docs/manual/commands.md, “Official documents”"
        ),
    )
