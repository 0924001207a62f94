"""Photo files named in submissions: kept inside the repository, readable, as UNESCO asks.

A photo's `path` is relative to the repository root (`photos/2023/ben-nha-rong.jpg`). The form
asks for landscape photos about 2,000 pixels wide; 1,800 pixels is accepted as "about".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from hcmlc.files.filesystem import SpecialFile, TooLarge, has_control, kind_of, read_regular
from hcmlc.i18n import _, grouped

MIN_WIDTH = 1800
"""Narrower photos draw a warning: the form asks for "about 2,000 pixels"."""
MAX_SIDE = 65_535
"""No real photo is wider or taller (JPEG's own limit): a header claiming more is damaged or
hostile, such as a top-down BMP read as 4,294,965,296 px tall."""
MAX_PHOTO_BYTES = 50_000_000
"""Larger photo files are refused unread: a camera's original is a few megabytes."""


class PhotoError(Exception):
    """A photo that cannot be used, with its diagnostic code and a hint."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True)
class PhotoFile:
    """A photo found inside the repository, with its size in pixels."""

    path: Path
    width: int
    height: int

    def warnings(self) -> list[tuple[str, str, str]]:
        """(code, message, hint) for each way the photo falls short of the form's request."""
        found = []
        if self.width <= self.height:
            found.append(
                (
                    "HCMLC-W036",
                    _("the photo is not landscape ({width}×{height} px)").format(
                        width=self.width, height=self.height
                    ),
                    _("the form asks for landscape photos; choose or crop a wider one"),
                )
            )
        if self.width < MIN_WIDTH:
            found.append(
                (
                    "HCMLC-W037",
                    _("the photo is {width} px wide; the form asks for about 2,000").format(
                        width=self.width
                    ),
                    _("send the original file, not a resized or compressed copy"),
                )
            )
        return found


def locate_photo(root: Path, written: str) -> Path:
    """The file a submission's `path` names, which must stay inside the repository at `root`."""
    if has_control(written):
        raise PhotoError(
            "HCMLC-E033",
            _("photo path `{path}` holds a control character").format(path=written),
            _("give the path from the repository's top folder, e.g. photos/2023/ten-anh.jpg"),
        )
    posix = written.replace("\\", "/")  # Windows users write backslashes
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(written).anchor:
        raise PhotoError(
            "HCMLC-E033",
            _("photo path `{path}` is absolute").format(path=written),
            _(
                "put the photo in the repository and give its path from the repository's top "
                "folder, e.g. photos/2023/ten-anh.jpg"
            ),
        )
    if ".." in PurePosixPath(posix).parts:
        raise PhotoError(
            "HCMLC-E033",
            _("photo path `{path}` climbs out with `..`").format(path=written),
            _("give the path from the repository's top folder, e.g. photos/2023/ten-anh.jpg"),
        )
    top = root.resolve()
    try:
        path = (top / posix).resolve()
    except (OSError, RuntimeError):  # a name too long for the system, a loop of links
        raise PhotoError(
            "HCMLC-E034",
            _("no photo at `{path}`").format(path=written),
            _("add the file to the repository, or correct the path (it starts at the top folder)"),
        ) from None
    if not path.is_relative_to(top):
        raise PhotoError(
            "HCMLC-E033",
            _("photo path `{path}` leads outside the repository (through a link)").format(
                path=written
            ),
            _("copy the photo itself into the repository instead of linking to it"),
        )
    kind = kind_of(path)
    if kind is not None:
        raise PhotoError(
            "HCMLC-E035",
            _("`{path}` is {kind}, not a photo file").format(path=written, kind=kind),
            _("put the photo file itself at this path"),
        )
    if not _is_file(path):
        raise PhotoError(
            "HCMLC-E034",
            _("no photo at `{path}`").format(path=written),
            _("add the file to the repository, or correct the path (it starts at the top folder)"),
        )
    return path


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # Python 3.11 raises for a name too long, where later versions say False
        return False


def inspect_photo(path: Path) -> PhotoFile:
    """Read the photo's size from its header; JPEG, PNG, GIF, BMP and TIFF are understood."""
    from docx.image.image import Image

    data = read_photo(path)
    try:
        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
        dpi = (image.horz_dpi, image.vert_dpi)
    except Exception as exc:  # a damaged or foreign file can fail anywhere in the header parser
        raise PhotoError(
            "HCMLC-E035",
            _("cannot read `{name}` as a photo ({error})").format(
                name=path.name, error=type(exc).__name__
            ),
            _("save the photo as JPEG or PNG"),
        ) from None
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and min(dpi) > 0):
        raise PhotoError(
            "HCMLC-E035",
            _(
                "the header of `{name}` claims {width} × {height} px at {dpi} dpi, "
                "which no photo has: the file is damaged"
            ).format(
                name=path.name,
                width=grouped(width),
                height=grouped(height),
                dpi=" × ".join(str(d) for d in dpi),
            ),
            _("open the photo and save it again as JPEG or PNG"),
        )
    return PhotoFile(path, width, height)


def read_photo(path: Path) -> bytes:
    """The photo file's bytes: a regular file of at most MAX_PHOTO_BYTES."""
    try:
        return read_regular(path, MAX_PHOTO_BYTES)
    except TooLarge as exc:
        message = _("`{name}` is {size} bytes, over the limit of {limit} for a photo")
        raise PhotoError(
            "HCMLC-E035",
            message.format(name=path.name, size=grouped(exc.size), limit=grouped(MAX_PHOTO_BYTES)),
            _("send the photo as a JPEG of a few megabytes"),
        ) from None
    except SpecialFile as exc:
        raise PhotoError(
            "HCMLC-E035",
            _("`{name}` is {kind}, not a photo file").format(name=path.name, kind=exc.kind),
            _("put the photo file itself at this path"),
        ) from None
    except OSError as exc:
        raise PhotoError(
            "HCMLC-E035",
            _("cannot read `{name}`: {reason}").format(name=path.name, reason=exc.strerror),
            _("check that the file is readable"),
        ) from None
