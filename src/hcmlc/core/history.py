"""The repository as it stood at the end of a day, as the views tell it: which first-parent
commit was read, or why history cannot tell (no clone, a shallow clone, a day before the first
commit). Reading git to find it is repository/past.py's.

A commit's day is its committer date in the city's time zone (a rebase keeps author dates, not
committer dates). A commit cannot have reached the branch after the commit that follows it on
the first-parent line, nor after now: a date later than either (a wrong clock) is taken as the
earlier one, so that the dates read back from the branch's tip never go up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hcmlc.i18n import Lang, current_language, translations

Kind = Literal["working-tree", "commit", "before-history", "no-history"]
Reason = Literal["", "no-git", "shallow", "no-commits"]
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Commit:
    """A first-parent commit: its id, when it reached the branch (clamped) and as dated."""

    id: str
    at: dt.datetime
    dated: dt.datetime

    @property
    def clamped(self) -> bool:
        return self.at != self.dated


@dataclass(frozen=True)
class Snapshot:
    """Which state of the repository a view as of `as_of` reads, and what it can tell."""

    as_of: dt.date
    kind: Kind
    commit: Commit | None = None
    reason: Reason = ""
    first: dt.date | None = None
    """The day of the first commit, when history begins after `as_of`."""
    changed: bool = False
    """Whether data/ or submissions/ hold uncommitted changes (today's view only)."""
    clamped: tuple[Commit, ...] = field(default=())
    """Commits up to the one read whose committer date was later than allowed."""
    zone: dt.tzinfo = field(default=dt.timezone(dt.timedelta(hours=7)), compare=False)
    today: dt.date | None = field(default=None, compare=False)
    """The city's today, when the snapshot was taken."""

    @property
    def now(self) -> dt.datetime:
        """The latest a commit can have reached the branch: now, or the end of a replayed
        today (`$HCMLC_TODAY`)."""
        now = dt.datetime.now(self.zone)
        if self.today is None:
            return now
        return max(now, end_of(self.today, self.zone) - dt.timedelta(microseconds=1))

    @property
    def worth_saying(self) -> bool:
        """Whether a view says what it read: always, unless today's files as committed."""
        return self.kind != "working-tree" or self.changed

    def note(self, lang: Lang | None = None) -> str:
        """One sentence saying what the view reads, in `lang` or the interface's language."""
        _ = translations(lang or current_language()).gettext
        day = self.as_of.isoformat()
        if self.kind == "commit" and self.commit is not None:
            return _(
                "Read from history: the repository as it stood at the end of {day}, "
                "commit {commit} of {committed}."
            ).format(day=day, commit=self.commit.id[:7], committed=self.commit.at.date())
        if self.kind == "working-tree":
            return (
                _("Read from the files as they are (today), with uncommitted changes.")
                if self.changed
                else _("Read from the files as they are (today).")
            )
        if self.kind == "before-history":
            return _(
                "History begins on {first}, after {day}: read from the files as they are; "
                "their `submitted:` dates are declared by the senders, not received dates."
            ).format(first=self.first, day=day)
        reason = {
            "no-git": _("this is not a git clone, or git is missing"),
            "shallow": _("this is a shallow clone, whose history starts late"),
            "no-commits": _("the repository has no commit yet"),
            "": "",
        }[self.reason]
        return _(
            "History cannot be read ({reason}): read from the files as they are, not as they "
            "stood on {day}; `submitted:` dates are declared by the senders, not received dates."
        ).format(reason=reason, day=day)

    def as_dict(self) -> dict[str, object]:
        """What JSON says of the snapshot: stable codes, and the note in the interface's words."""
        return {
            "kind": self.kind,
            "commit": self.commit.id if self.commit else None,
            "committed": self.commit.at.isoformat() if self.commit else None,
            "reason": self.reason or None,
            "history_begins": self.first.isoformat() if self.first else None,
            "uncommitted_changes": self.changed,
            "clamped_commits": [c.id for c in self.clamped],
            "note": self.note(),
        }


def zone_of(name: str | None) -> dt.tzinfo:
    """The city's time zone; Viet Nam's fixed UTC+7 when the system has no zone database."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone(dt.timedelta(hours=7))


def end_of(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The first instant after `day` in `zone`."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
