"""`hcmlc review`: the coordinator's sign-off of an agency's figures and answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.language import LocalizedGroup
from hcmlc.cli.options import RootOption
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
    root: Path | None,
) -> None:
    from hcmlc.cli.app import _run
    from hcmlc.commands import review as command
    from hcmlc.signoffs.names import Verdict
    from hcmlc.signoffs.signing import Request

    request = Request(agency, tuple(items or ()), Verdict(verdict), by, comment)
    _run(lambda console, repo_root: command.run(console, repo_root, cycle, request), root)


def _review_command(verdict: str) -> Callable[..., None]:
    """The command recording `verdict` on an agency's items (approve, issues, reopen alike)."""

    def command(
        agency: AgencyOption,
        items: ItemsArgument = None,
        comment: CommentOption = None,
        by: ByOption = None,
        cycle: CycleOption = None,
        root: RootOption = None,
    ) -> None:
        _review(verdict, agency, items, comment, by, cycle, root)

    return command


for _name, _verdict, _help in (
    ("approve", "approved", N_("Approve the agency's items as they stand now.")),
    ("issues", "issues", N_("Mark the agency's items as having issues, with a comment.")),
    ("reopen", "reopened", N_("Reopen approved items so that they may change, with a comment.")),
):
    review_app.command(_name, help=_help)(_review_command(_verdict))


def _translation(
    verdict: str,
    agency: str,
    items: list[str] | None,
    comment: str | None,
    by: str | None,
    cycle: str | None,
    root: Path | None,
) -> None:
    from hcmlc.cli.app import _run
    from hcmlc.commands import review as command
    from hcmlc.signoffs.translating import TranslationRequest
    from hcmlc.signoffs.translations import Rendering

    request = TranslationRequest(agency, tuple(items or ()), Rendering(verdict), by, comment)
    _run(
        lambda console, repo_root: command.run_translation(console, repo_root, cycle, request),
        root,
    )


TextItemsArgument = Annotated[
    list[str] | None,
    typer.Argument(help=N_("Question ids (default: every answer with English).")),
]


@review_app.command(
    help=N_("Record that the agency's English answers translate their Vietnamese as it stands.")
)
def translated(
    agency: AgencyOption,
    items: TextItemsArgument = None,
    comment: CommentOption = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help=N_("Who translated (default: the only coordinator).")),
    ] = None,
    cycle: CycleOption = None,
    root: RootOption = None,
) -> None:
    _translation("translated", agency, items, comment, by, cycle, root)


@review_app.command(
    help=N_("The translation verifier's pass: verify the agency's English answers.")
)
def verify(
    agency: AgencyOption,
    items: TextItemsArgument = None,
    comment: CommentOption = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help=N_("The verifier's reviewer signing (default: the only one).")),
    ] = None,
    cycle: CycleOption = None,
    root: RootOption = None,
) -> None:
    _translation("verified", agency, items, comment, by, cycle, root)
