"""`hcmlc review`: the coordinator's sign-off of an agency's figures and answers."""

from __future__ import annotations

from typing import Annotated

import typer

from hcmlc.cli_i18n import LocalizedGroup
from hcmlc.cli_options import RootOption
from hcmlc.i18n import N_

review_app = typer.Typer(
    name="review",
    cls=LocalizedGroup,
    no_args_is_help=True,
    help=N_("The coordinator's review of an agency's items: approve, has issues, reopen."),
)

AgencyOption = Annotated[
    str, typer.Option("--agency", help=N_("The agency whose items are reviewed."))
]
ItemsArgument = Annotated[
    list[str] | None,
    typer.Argument(help=N_("Indicator or question ids (default: every item it supplied).")),
]
CommentOption = Annotated[
    str | None, typer.Option("--comment", help=N_("Why: required for issues and reopen."))
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", help=N_("The coordinator signing (default: the only one listed).")),
]
CycleOption = Annotated[
    str | None, typer.Option("--cycle", help=N_("Cycle id (default: the current cycle)."))
]


def _review(
    verdict: str,
    agency: str,
    items: list[str] | None,
    comment: str | None,
    by: str | None,
    cycle: str | None,
    root: object,
) -> None:
    from hcmlc.cli import _run
    from hcmlc.commands import review as command
    from hcmlc.signoffs.records import Verdict
    from hcmlc.signoffs.signing import Request

    request = Request(agency, tuple(items or ()), Verdict(verdict), by, comment)
    _run(lambda console, repo_root: command.run(console, repo_root, cycle, request), root)  # type: ignore[arg-type]


@review_app.command(help=N_("Approve the agency's items as they stand now."))
def approve(
    agency: AgencyOption,
    items: ItemsArgument = None,
    comment: CommentOption = None,
    by: ByOption = None,
    cycle: CycleOption = None,
    root: RootOption = None,
) -> None:
    _review("approved", agency, items, comment, by, cycle, root)


@review_app.command(help=N_("Mark the agency's items as having issues, with a comment."))
def issues(
    agency: AgencyOption,
    items: ItemsArgument = None,
    comment: CommentOption = None,
    by: ByOption = None,
    cycle: CycleOption = None,
    root: RootOption = None,
) -> None:
    _review("issues", agency, items, comment, by, cycle, root)


@review_app.command(help=N_("Reopen approved items so that they may change, with a comment."))
def reopen(
    agency: AgencyOption,
    items: ItemsArgument = None,
    comment: CommentOption = None,
    by: ByOption = None,
    cycle: CycleOption = None,
    root: RootOption = None,
) -> None:
    _review("reopened", agency, items, comment, by, cycle, root)
