"""The registry of data/assignments.yaml: agencies, groups, reporting cycles, form questions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from hcmlc.i18n import _
from hcmlc.models.common import Email, Id, NonEmpty, Strict, Text, text_of_plain_string
from hcmlc.models.framework import Unit


class AgencyKind(StrEnum):
    """What sort of body an agency is."""

    DEPARTMENT = "department"
    STATISTICS_OFFICE = "statistics_office"
    COURT = "court"
    OFFICE = "office"
    MASS_ORGANISATION = "mass_organisation"
    ASSOCIATION = "association"
    PARTY_BODY = "party_body"
    DISTRICT = "district"
    WARD = "ward"
    COMMUNE = "commune"
    SPECIAL_ZONE = "special_zone"
    """The commune-level units of the city from 1 July 2025 (data/units.yaml)."""


_GITHUB_HANDLE = re.compile(r"@[A-Za-z0-9][A-Za-z0-9-]{0,38}(/[A-Za-z0-9][A-Za-z0-9._-]*)?")


def _github_handle(value: str) -> str:
    if not _GITHUB_HANDLE.fullmatch(value):
        raise ValueError(
            _(
                "`{value}` is not a GitHub user or team: write `@user` or `@organisation/team`"
            ).format(value=value)
        )
    return value


Reviewer = Annotated[str, AfterValidator(_github_handle)]
"""A GitHub user (`@name`) or team (`@organisation/team`) that reviews pull requests."""


def _time_zone(value: str) -> str:
    if value != "Asia/Ho_Chi_Minh" and not _known_zone(value):
        raise ValueError(
            _(
                "`{value}` is not a time zone this system knows: write a zone of the IANA "
                "database, e.g. Asia/Ho_Chi_Minh"
            ).format(value=value)
        )
    return value


def _known_zone(name: str) -> bool:
    """Whether `name` is a time zone this system knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


TimeZone = Annotated[str, AfterValidator(_time_zone)]
"""A zone of the IANA database, e.g. Asia/Ho_Chi_Minh."""


def _month_day(value: str) -> str:
    try:
        dt.date.fromisoformat(f"2000-{value}")  # a leap year: 02-29 is a day
    except ValueError:
        raise ValueError(
            _("`{value}` is not a day of the year: write MM-DD, e.g. 01-01").format(value=value)
        ) from None
    if len(value) != 5:
        raise ValueError(
            _("`{value}` is not a day of the year: write MM-DD, e.g. 01-01").format(value=value)
        )
    return value


MonthDay = Annotated[str, AfterValidator(_month_day)]
"""A day of the year as MM-DD."""


class FocalPoint(Strict):
    """The person at an agency whom reminders are addressed to (`hcmlc remind`)."""

    name: NonEmpty
    email: Email
    phone: NonEmpty | None = None


class Duty(Strict):
    """Part of a split agency's duties and the agency that holds it from the split on."""

    successor: Id
    items: list[Id] = []
    """Indicator or question ids."""
    criteria: list[Id] = []
    """Criterion ids: every indicator of the criterion not named in `items` of another duty."""

    @model_validator(mode="after")
    def _names_something(self) -> Self:
        if not self.items and not self.criteria:
            raise ValueError(_("a duty names its `items` or `criteria`"))
        return self


UNIT_CODE = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
"""The statistics office's five-digit code of an administrative unit."""


class Agency(Strict):
    """A body that owes data or answers; its id never changes."""

    id: Id
    code: UNIT_CODE | None = None
    """The official code of an administrative unit (data/units.yaml)."""
    name: Text
    short: Annotated[
        Text | None, BeforeValidator(text_of_plain_string, json_schema_input_type=str | Text | None)
    ] = None
    """The abbreviation documents use, per language (e.g. `{vi: "Sở GD&ĐT", en: "DOET"}`)."""
    kind: AgencyKind
    reviewers: list[Reviewer] = []
    """Who reviews the agency's submission files (CODEOWNERS), besides the coordinators."""
    started: dt.date | None = None
    """The first day the agency holds duties in the programme (None: from the start)."""
    ended: dt.date | None = None
    """The day the agency ceased to exist: merged, split or abolished."""
    successor: Id | None = None
    """The agency that holds this one's duties from `ended` on (those `duties` does not name);
    None when nobody does yet."""
    duties: list[Duty] = []
    """Where the duties of a split agency went, per item or criterion; the rest go to
    `successor`."""
    focal_point: FocalPoint | None = None
    """Whom reminders go to by e-mail; without one, the agency gets a letter but no e-mail."""

    @model_validator(mode="after")
    def _succession_in_order(self) -> Self:
        if self.successor is not None and self.ended is None:
            raise ValueError(_("an agency with a `successor` needs the date it `ended`"))
        if self.duties and self.ended is None:
            raise ValueError(_("an agency with `duties` split off needs the date it `ended`"))
        if self.started and self.ended and self.started >= self.ended:
            raise ValueError(_("`started` must be before `ended`"))
        return self

    def short_name(self, lang: str) -> str:
        """The abbreviation in `lang`; the full name where there is none in that language."""
        if self.short is not None and (lang == "vi" or self.short.en):
            return self.short.get(lang)
        return self.name.get(lang)

    def active_on(self, day: dt.date) -> bool:
        """Whether the agency exists and holds its duties on `day`."""
        return (self.started is None or self.started <= day) and (
            self.ended is None or day < self.ended
        )


class Group(Strict):
    """A set of agencies the plan names at once, e.g. every district."""

    id: Id
    name: Text
    kinds: list[AgencyKind] = Field(min_length=1)
    note: str | None = None


class Deadlines(Strict):
    """When each part of a cycle is due; a part without a date is not asked for."""

    indicators: dt.date | None = None
    answers: dt.date | None = None

    def of(self, kind: Literal["indicator", "answer"]) -> dt.date | None:
        """The deadline of one kind of item."""
        return self.indicators if kind == "indicator" else self.answers


class Cycle(Strict):
    """A reporting round: the application of 2023, then one progress report a year."""

    id: Id
    kind: Literal["application", "progress"]
    title: Text
    first_year: int = Field(ge=1990, le=2100)
    last_year: int = Field(ge=1990, le=2100)
    opens: dt.date | None = None
    """The first day files of the cycle may be delivered (default: the day after the previous
    cycle's last deadline)."""
    deadlines: Deadlines
    closed: dt.date | None = None
    """The day the coordinator closed the cycle (`hcmlc close-cycle`): until then, once a later
    cycle is open, status and remind still list its overdue items."""
    frameworks: list[Id] | None = Field(default=None, min_length=1)
    """The frameworks whose indicators the cycle asks for (ids of data/criteria.yaml and
    data/frameworks/*.yaml); without it, those of data/criteria.yaml only."""

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        if self.first_year > self.last_year:
            raise ValueError(_("`first_year` must not be after `last_year`"))
        return self

    @property
    def last_deadline(self) -> dt.date | None:
        return max(
            (d for d in (self.deadlines.indicators, self.deadlines.answers) if d), default=None
        )

    @property
    def reference_date(self) -> dt.date:
        """The day that decides which agencies owe the cycle's work: its first deadline."""
        days = [d for d in (self.deadlines.indicators, self.deadlines.answers) if d is not None]
        return min(days, default=dt.date(self.last_year, 12, 31))


class WordLimit(Strict):
    """Bounds on the number of words of an answer (or of photos)."""

    min: int | None = Field(default=None, ge=1)
    max: int | None = Field(default=None, ge=1)

    def breach(self, n: int) -> Literal["over", "under"] | None:
        """Whether `n` is over the maximum, under the minimum, or (None) within bounds."""
        if self.max is not None and n > self.max:
            return "over"
        if self.min is not None and n < self.min:
            return "under"
        return None

    def describe(self, noun: str) -> str:
        """`20 to 30 words`, `at most 8 words`, `at least 3 photos`."""
        if self.min and self.max:
            return f"{self.min} to {self.max} {noun}s"
        return f"at most {self.max} {noun}s" if self.max else f"at least {self.min} {noun}s"


class Option(Strict):
    """One field of a contact block or one choice of a choice question."""

    id: Id
    label: Text
    translate: bool = False
    """A contact field the form prints in words (a title, an address): the English form needs
    its English, given as `{vi: …, en: …}`; names, numbers and links need none."""


class Question(Strict):
    """One item of the membership form and the agencies that answer it."""

    id: Id
    kind: Literal["text", "figure", "contact", "choice", "photos", "quote"]
    text: Text
    guidance: Text | None = None
    words: WordLimit | None = None
    owners: list[Id] = []
    """Who answers it; none yet in a new city's repository (`status` lists it as unassigned)."""
    unit: Unit | None = None
    indicator: Id | None = None
    fields: list[Option] = []
    options: list[Option] = []
    photos: WordLimit | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _parts_match_kind(self) -> Self:
        if self.kind == "contact" and not self.fields:
            raise ValueError(_("a contact question lists its `fields`"))
        if self.kind == "choice" and not self.options:
            raise ValueError(_("a choice question lists its `options`"))
        if self.kind != "contact" and self.fields:
            raise ValueError(_("only a contact question has `fields`"))
        if self.kind != "choice" and self.options:
            raise ValueError(_("only a choice question has `options`"))
        return self


class Section(Strict):
    """A titled part of the form."""

    id: Id
    title: Text
    guidance: Text | None = None
    questions: list[Question] = Field(min_length=1)


class FormText(Strict):
    """The form's fixed wording around its questions, as annex II prints it."""

    title: Text
    figure_column: Text
    year_column: Text
    quote_column: Text
    quote_date_column: Text
    statement_title: Text
    statement: Text
    date_line: Text
    signature_line: Text
    part2_title: Text
    endorsement: Text
    representative_line: Text
    signature_date_line: Text


class Assignments(Strict):
    """The whole of data/assignments.yaml."""

    city: Text
    current_cycle: Id
    time_zone: TimeZone = "Asia/Ho_Chi_Minh"
    """The city's time zone: `--as-of D` reads the repository as it stood at the end of D there."""
    next_cycle_from: MonthDay = "01-01"
    """The day of the year (MM-DD) after a cycle's last year from which status advises opening
    the next cycle: by default the start of the next reporting year."""
    contact: Text | None = None
    """Whom agencies ask about what they owe (office, e-mail, telephone): each workbook says it."""
    coordinators: list[Reviewer] = []
    """Who reviews data/, templates/, schema/, .github/ and, with each agency, its submissions;
    the coordinators also sign the reviews of figures (signoffs/reviews/)."""
    translation_verifier: Id | None = None
    """The agency that verifies (thẩm định) the form's English translation: its `reviewers`
    sign signoffs/translations/."""
    agencies: list[Agency] = Field(min_length=1)
    groups: list[Group] = []
    cycles: list[Cycle] = Field(min_length=1)
    form_text: FormText
    form: list[Section] = Field(min_length=1)

    def questions(self) -> Iterator[Question]:
        for section in self.form:
            yield from section.questions

    def expand(self, ids: list[str]) -> list[str]:
        """Agency ids named by `ids`, groups replaced by their members, in registry order."""
        named = set(ids)
        kinds = {kind for group in self.groups if group.id in named for kind in group.kinds}
        return [a.id for a in self.agencies if a.id in named or a.kind in kinds]
