"""hcmlc's own exceptions: the core raises nothing else, the CLI turns them into messages."""


class HcmlcError(Exception):
    """A failure the user can fix, with a hint on how."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class BrokenTemplate(HcmlcError):
    """A template that cannot be rendered (a tag broken in an edit, or a template reaching
    past the sandbox), located where known: a line, or a part and paragraph of a .docx."""

    def __init__(
        self, template: object, detail: object, *, where: str | None = None, word: bool = True
    ) -> None:
        from hcmlc.i18n import _

        message = (
            _("the template {path} is broken at {where}: {detail}")
            if where
            else _("the template {path} is broken: {detail}")
        )
        super().__init__(
            message.format(path=template, where=where, detail=detail),
            _(
                "check the {{ }} and {% %} tags you changed in Word, or put back the template "
                "hcmlc ships with `hcmlc templates --force`"
            )
            if word
            else _("check the {{ }} and {% %} tags you changed"),
        )


class RepositoryNotFound(HcmlcError):
    """No hcmlc repository at or above the starting directory."""


class DataError(HcmlcError):
    """The repository's own data files are broken, so a command cannot run."""

    exit_code = 1
