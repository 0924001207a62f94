"""`hcmlc review`: the coordinator's sign-off of an agency's figures and answers, and of the
English of its answers."""

from collections.abc import Callable
from typing import Annotated

import typer

from hcmlc.cli.language import LocalizedGroup
from hcmlc.cli.options import CycleOption, RootOption
from hcmlc.cli.runner import run_command
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
AnswersArgument = Annotated[
    list[str] | None,
    typer.Argument(help=N_("Question ids (default: every answer with English).")),
]
CommentOption = Annotated[
    str | None, typer.Option("--comment", help=N_("Why: required for issues and reopen."))
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", help=N_("The coordinator signing (default: the only one listed).")),
]
TranslatorOption = Annotated[
    str | None,
    typer.Option("--by", help=N_("Who translated (default: the only coordinator).")),
]
VerifierOption = Annotated[
    str | None,
    typer.Option("--by", help=N_("The verifier's reviewer signing (default: the only one).")),
]


def _signoff_command(
    verdict: str,
    *,
    english: bool = False,
    items_argument: object = ItemsArgument,
    by_option: object = ByOption,
) -> Callable[..., None]:
    """The command recording `verdict` on an agency's items: the review of its items
    (approve, issues, reopen) or, `english`, of the English of its answers (translated,
    verify), with the items and the signer as `items_argument` and `by_option` describe them."""

    def command(
        agency: AgencyOption,
        items: ItemsArgument = None,
        comment: CommentOption = None,
        by: ByOption = None,
        cycle: CycleOption = None,
        root: RootOption = None,
    ) -> None:
        from hcmlc.commands import review

        run_command(
            review.record_translation if english else review.record_review,
            lambda: review.ReviewOptions(verdict, agency, tuple(items or ()), comment, by, cycle),
            root,
        )

    # Typer reads each parameter's help from its annotation: the items and signer of this verdict
    command.__annotations__.update(items=items_argument, by=by_option)
    return command


for _name, _help, _command in (
    (
        "approve",
        N_("Approve the agency's items as they stand now."),
        _signoff_command("approved"),
    ),
    (
        "issues",
        N_("Mark the agency's items as having issues, with a comment."),
        _signoff_command("issues"),
    ),
    (
        "reopen",
        N_("Reopen approved items so that they may change, with a comment."),
        _signoff_command("reopened"),
    ),
    (
        "translated",
        N_("Record that the agency's English answers translate their Vietnamese as it stands."),
        _signoff_command(
            "translated", english=True, items_argument=AnswersArgument, by_option=TranslatorOption
        ),
    ),
    (
        "verify",
        N_("The translation verifier's pass: verify the agency's English answers."),
        _signoff_command(
            "verified", english=True, items_argument=AnswersArgument, by_option=VerifierOption
        ),
    ),
):
    review_app.command(_name, help=_help)(_command)
