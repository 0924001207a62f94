"""hcmlc's own exceptions: the core raises nothing else, the CLI turns them into messages."""


class HcmlcError(Exception):
    """A failure the user can fix, with a hint on how."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class RepositoryNotFound(HcmlcError):
    """No hcmlc repository at or above the starting directory."""


class DataError(HcmlcError):
    """The repository's own data files are broken, so a command cannot run."""

    exit_code = 1
