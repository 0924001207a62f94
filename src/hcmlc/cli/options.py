"""The command line's shared vocabulary: the choices (formats, languages, kinds of cycle) and
the options several commands take, with the parsing of their values (days, years)."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hcmlc.i18n import N_, _


class DiagnosticsFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class Language(StrEnum):
    vi = "vi"
    en = "en"


ApprovedOnlyOption = Annotated[
    bool,
    typer.Option(
        "--approved-only",
        help=N_("Use only content the coordinator approved as it stands; the rest is a gap."),
    ),
]

NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help=N_("Check every file afresh, without the results kept by earlier runs.")
    ),
]

NoReportCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help=N_(
            "Check every file and draw every chart afresh, without the results and charts kept "
            "by earlier runs."
        ),
    ),
]

IndentOption = Annotated[
    int | None,
    typer.Option(
        "--indent",
        metavar="N",
        min=0,
        max=16,
        help=N_("With --format json: indent by N spaces (default: compact, on one line)."),
        show_default=False,
    ),
]

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=N_(
            "Day to judge deadlines by, reading the repository as it stood at its end (from git "
            "history; default: today, from the files as they are)."
        ),
        show_default=False,
    ),
]

DocumentAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=N_(
            "Build it from what was known on this day, as the status page of that day shows it "
            "(default: everything delivered, as of today)."
        ),
        show_default=False,
    ),
]


def as_of_day(value: str | None) -> dt.date:
    """The day of `--as-of`, or today; a usage error, in the chosen language, when not a date."""
    from hcmlc.clock import today

    return parse_day(value, "--as-of") if value is not None else today()


def document_day(value: str | None) -> dt.date | None:
    """The day of a document's `--as-of`, None when not given (everything delivered)."""
    return None if value is None else parse_day(value, "--as-of")


def received_day(value: str | None) -> dt.date:
    """The day of `--received`, or today; a usage error when not a date or after today."""
    from hcmlc.clock import today
    from hcmlc.errors import HcmlcError

    if value is None:
        return today()
    day = parse_day(value, "--received")
    if day > today():
        raise HcmlcError(
            _("--received {day} is in the future (today is {today})").format(
                day=day, today=today()
            ),
            _("give the day the workbooks arrived in the mailbox"),
        )
    return day


def parse_day(value: str, option: str) -> dt.date:
    """A YYYY-MM-DD option value as a date."""
    from hcmlc.errors import HcmlcError

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise HcmlcError(
        _("{option} `{value}` is not a date").format(option=option, value=value),
        _("write it as YYYY-MM-DD, e.g. 2025-12-20"),
    )


ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help=N_("Replace a document even if it was changed since hcmlc wrote it.")
    ),
]

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help=N_("The city's repository (default: found from the current folder)."),
        file_okay=False,
        exists=True,
    ),
]


CycleOption = Annotated[
    str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
]

ApplicationCycleOption = Annotated[
    str | None,
    typer.Option("--cycle", help=N_("Cycle id (default: the latest application cycle).")),
]

_AGENCY_ID = typer.Option("--agency", help=N_("The agency's id."), show_default=False)
AgencyOption = Annotated[str, _AGENCY_ID]
AgencyOrAllOption = Annotated[str | None, _AGENCY_ID]
"""`--agency` where it may be left out for `--all`."""

DiagnosticsFormatOption = Annotated[
    DiagnosticsFormat | None,
    typer.Option(
        "--format",
        help=N_("Output format (default: github inside GitHub Actions, else text)."),
        show_default=False,
    ),
]


class ReportFormat(StrEnum):
    docx = "docx"
    md = "md"


class ReminderFormat(StrEnum):
    docx = "docx"
    eml = "eml"
    md = "md"


OutOption = Annotated[
    Path | None,
    typer.Option("--out", help=N_("File to write."), dir_okay=False, show_default=False),
]
CheckOption = Annotated[
    bool,
    typer.Option("--check", help=N_("Exit 1 if the file differs from what would be written.")),
]


class CycleKind(StrEnum):
    application = "application"
    progress = "progress"


def parse_years(value: str) -> tuple[int, int]:
    """`2026` or `2025-2026` as (first, last)."""
    from hcmlc.errors import HcmlcError

    first, _dash, last = value.partition("-")
    if first.isdigit() and (last.isdigit() or not last) and len(first) == 4:
        years = (int(first), int(last or first))
        if years[0] <= years[1] and len(last or first) == 4:
            return years
    raise HcmlcError(
        _("--years `{value}` is not a year or a span of years").format(value=value),
        _("write a year (2026) or a span (2025-2026)"),
    )
