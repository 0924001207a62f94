"""The commands that write the city's repository: a new one, its generated files and templates,
its framework and assignments, its cycles and an agency's new submission file."""

from pathlib import Path
from typing import Annotated

import typer

from hcmlc.cli.options import (
    AgencyOption,
    CheckOption,
    CycleKind,
    CycleOption,
    OutOption,
    RootOption,
    as_of_day,
    parse_day,
    parse_years,
)
from hcmlc.cli.runner import in_repository, run_command
from hcmlc.i18n import N_

commands = typer.Typer()


@commands.command(
    help=N_(
        "Print the JSON Schema of submission files, which editors use to complete ids.\n\n"
        "--out writes it to a file; --check compares with schema/submission.schema.json "
        "(or --out)."
    )
)
def schema(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    from hcmlc.commands import schema as command
    from hcmlc.commands.generated import GeneratedOptions

    run_command(command.write_schema, lambda: GeneratedOptions(out, check), root)


@commands.command(
    help=N_("Write .github/CODEOWNERS (or --out) from the reviewers in data/assignments.yaml.")
)
def codeowners(out: OutOption = None, check: CheckOption = False, root: RootOption = None) -> None:
    from hcmlc.commands import codeowners as command
    from hcmlc.commands.generated import GeneratedOptions

    run_command(command.write_codeowners, lambda: GeneratedOptions(out, check), root)


@commands.command(
    help=N_(
        "Copy the templates hcmlc ships (form, report, reminder) into templates/, where the city "
        "may restyle them; a template there replaces the shipped one of the same name."
    )
)
def templates(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help=N_("Folder to write to (default: templates/)."), file_okay=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace templates that differ from hcmlc's."))
    ] = False,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import templates as command

    run_command(command.copy_templates, lambda: command.TemplatesOptions(out, force), root)


@commands.command(
    help=N_(
        "Start a new city's repository in DIR (new or empty): frameworks, registry, the "
        "province's wards and communes, documents, workflows; committed. Asks for what is not "
        "given when run in a terminal."
    )
)
def init(
    folder: Annotated[Path, typer.Argument(help=N_("The folder to create."), show_default=False)],
    city: Annotated[
        str | None, typer.Option("--city", help=N_("The city's name in Vietnamese."))
    ] = None,
    city_en: Annotated[
        str | None,
        typer.Option("--city-en", help=N_("Its name in English (default: without diacritics).")),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option("--province", help=N_("The province's two-digit code (01 for Hà Nội).")),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", help=N_("The number and symbol of the city's plan (123/KH-UBND).")),
    ] = None,
    plan_date: Annotated[
        str | None, typer.Option("--plan-date", help=N_("The plan's date (YYYY-MM-DD)."))
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=N_("The coordinating agency's id (default: so-gddt).")),
    ] = None,
    cycle: Annotated[
        str | None,
        typer.Option("--cycle", help=N_("The first cycle's id (default: the deadline's year).")),
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help=N_("The first cycle's deadline (YYYY-MM-DD)."))
    ] = None,
) -> None:
    from hcmlc.cli.init_options import new_city
    from hcmlc.commands import init as command

    run_command(
        command.create_repository,
        lambda: new_city(
            city, city_en, province, plan, plan_date, agency or "so-gddt", cycle, deadline
        ),
        folder.absolute(),
    )


@commands.command(
    help=N_(
        "Assign indicators and form questions to agencies from a spreadsheet: a column of ids "
        "and a column of agencies (ids or names); writes data/frameworks.yaml and "
        "data/assignments.yaml, keeping their comments."
    )
)
def assign(
    sheet: Annotated[Path, typer.Argument(help=N_("The spreadsheet (.xlsx)."), show_default=False)],
    root: RootOption = None,
) -> None:
    from hcmlc.commands import assign as command

    run_command(command.assign_agencies, lambda: command.AssignOptions(sheet), root)


@commands.command(
    help=N_(
        "Replace the framework files of data/ that hcmlc ships (UNESCO's, the learning models) "
        "with data/frameworks.yaml, which names them and keeps the city's agencies."
    )
)
def migrate(root: RootOption = None) -> None:
    from hcmlc.commands import migrate as command

    in_repository(command.migrate_frameworks, root)


@commands.command(
    "new-submission",
    help=N_("Write an agency's submission file with every item it owes as commented stubs."),
)
def new_submission(
    agency: AgencyOption, cycle: CycleOption = None, root: RootOption = None
) -> None:
    from hcmlc.commands import new_submission as command

    run_command(command.write_submission, lambda: command.SubmissionOptions(agency, cycle), root)


@commands.command(
    "close-cycle",
    help=N_(
        "End a reporting cycle in data/assignments.yaml (`closed:`): status and remind stop "
        "listing its overdue items, and its year's report is no longer interim."
    ),
)
def close_cycle(
    cycle_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The cycle to close, e.g. 2025."))
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="YYYY-MM-DD",
            help=N_("The day it closes (default: today)."),
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import close_cycle as command

    run_command(
        command.close_cycle,
        lambda: command.CloseOptions(cycle_id, parse_day(on, "--on") if on else as_of_day(None)),
        root,
    )


@commands.command(
    "new-cycle",
    help=N_(
        "Open the next reporting cycle in data/assignments.yaml, copied from the last one of "
        "its kind, and make it current; comments and layout are kept."
    ),
)
def new_cycle(
    cycle_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The new cycle's id, e.g. 2026."))
    ],
    deadline: Annotated[
        str,
        typer.Option(
            "--deadline",
            metavar="YYYY-MM-DD",
            help=N_("When the cycle's items are due."),
            show_default=False,
        ),
    ],
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            metavar="YYYY[-YYYY]",
            help=N_("The years its figures describe (default: the year of a year-like id)."),
            show_default=False,
        ),
    ] = None,
    answers_deadline: Annotated[
        str | None,
        typer.Option(
            "--answers-deadline",
            metavar="YYYY-MM-DD",
            help=N_(
                "For an application cycle: when the form's answers are due (default: --deadline)."
            ),
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        CycleKind | None,
        typer.Option(
            "--kind",
            help=N_("The kind of cycle (default: that of the latest cycle)."),
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from hcmlc.commands import new_cycle as command
    from hcmlc.yamlfiles.cycle_edit import NewCycle

    def wanted() -> NewCycle:
        first, last = parse_years(years) if years else (None, None)
        return NewCycle(
            id=cycle_id,
            deadline=parse_day(deadline, "--deadline"),
            answers_deadline=parse_day(answers_deadline, "--answers-deadline")
            if answers_deadline
            else None,
            first_year=first,
            last_year=last,
            kind=kind.value if kind else None,
        )

    run_command(command.add_cycle, wanted, root)
