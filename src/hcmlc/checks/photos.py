"""Rules of a `photos` answer: a list of photos, each credited, each file readable as an image
in bounds, and as many as the form asks for (a part of `submission._SubmissionChecker`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hcmlc.checks.file_rules import FileRules
from hcmlc.checks.schema_errors import read_fields
from hcmlc.files.photos import PhotoError, inspect_photo, locate_photo
from hcmlc.i18n import N_, _, counted
from hcmlc.models.submission import Photo

if TYPE_CHECKING:
    from hcmlc.core.results import Consulted
    from hcmlc.models.registry import Question
    from hcmlc.yamlfiles.reader import Loc

_PHOTO_CREDITS: dict[tuple[str, ...], str] = {
    ("caption",): N_("the photo has no caption"),
    ("copyright",): N_("the photo has no copyright"),
    ("caption", "copyright"): N_("the photo has no caption and no copyright"),
}


class PhotoRules(FileRules):
    """The photo rules of the submission checker, which provides the state."""

    consulted: list[tuple[Consulted, str]]

    def _check_photos(self, question: Question, answer: Any, loc: Loc) -> None:
        if isinstance(answer, dict) and "path" in answer:
            answer = [answer]  # one photo written without its `- `: still check it
            self._add(
                loc,
                "HCMLC-E012",
                _("answer `{id}` must be a list of photos").format(id=question.id),
                _("start each photo with `- path:`"),
            )
        elif not isinstance(answer, list):
            self._add(
                loc,
                "HCMLC-E012",
                _("answer `{id}` must be a list of photos").format(id=question.id),
                _("start each photo with `- path:`"),
            )
            return
        for index, item in enumerate(answer):
            if self._full():
                return
            fields, problems = read_fields(Photo, item, self.doc, loc + (index,))
            self.problems += problems
            if fields is not None:
                self._check_photo(fields, loc + (index,))
        bounds = question.photos
        if bounds and bounds.breach(len(answer)):
            self._add(
                loc,
                "HCMLC-W032",
                _("{photos} given; the form asks for {min} to {max}").format(
                    photos=counted(len(answer), "{n} photo", "{n} photos"),
                    min=bounds.min,
                    max=bounds.max,
                ),
                key=True,
            )

    def _check_photo(self, photo: dict[str, Any], loc: Loc) -> None:
        missing = tuple(name for name in ("caption", "copyright") if photo.get(name) is None)
        if missing:
            self._add(
                loc,
                "HCMLC-W038",
                _(_PHOTO_CREDITS[missing]),
                _("the form asks for a short caption and the copyright holder of every photo"),
                key=True,
            )
        if "path" not in photo:
            return
        self.consulted.append(("photo", photo["path"]))
        try:
            found = inspect_photo(locate_photo(self.root, photo["path"]))
        except PhotoError as problem:
            self._add(loc + ("path",), problem.code, problem.message, problem.hint)
            return
        for code, message, hint in found.warnings():
            self._add(loc + ("path",), code, message, hint)
