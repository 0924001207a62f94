"""Charts drawn by earlier runs of `report`, kept by what they show, so that a report whose figures
did not change is written without drawing a chart, or even importing Pillow.

An entry is the PNG of one chart, named after a hash of everything the image depends on: the
chart's data and words (`report.Chart`), the language its numbers are written in, the version of
this format, the drawing code (charts.py and chart_png.py, the font they draw with, and
number_format.py, which writes the numbers) and the version of Pillow. Entries live beside the
other caches, in `charts/` of `cache.cache_dir()`, one folder per repository (a chart of one
repository is never served to another), never in the repository (a pull request must not plant
images). An entry is sealed when written: a `tEXt` chunk after its header holds the entry's key
and the SHA-256 of the rest of the image, and an entry is served only when both match (its
content, not only its shape, is what was written for this chart). An entry that cannot be read,
is not a whole PNG of a chart's size or whose seal does not match is ignored and the chart drawn
again; a cache that cannot be written is left alone: the cache never changes a report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.util
import json
import os
import struct
import zlib
from pathlib import Path

from hcmlc import __version__
from hcmlc.documents.report_content import Chart
from hcmlc.errors import HcmlcError
from hcmlc.files.atomic import write_atomic
from hcmlc.files.filesystem import read_regular
from hcmlc.i18n import Lang
from hcmlc.render.charts import DPI, HEIGHT_CM, WIDTH_CM
from hcmlc.repository.cache import cache_dir, inside

FORMAT = 1
"""Version of what an entry holds; a new one makes every earlier entry unused."""
FOLDER = "charts"
MAX_ENTRY_BYTES = 5_000_000
"""A chart is about 40 kB; a larger file is not one of ours."""
MAX_ENTRIES = 1000
"""Beyond this many entries (about 40 MB), the ones used longest ago are removed."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIZE = (int(WIDTH_CM / 2.54 * DPI), int(HEIGHT_CM / 2.54 * DPI))
"""The pixels of a chart (chart_png.SIZE, known here without importing Pillow)."""
_DRAWING_CODE = (
    "render/charts.py",
    "render/chart_png.py",
    "render/fonts/DejaVuSans.ttf",
    "text/number_format.py",  # how a chart writes its numbers
)
_LIBRARIES = ("PIL",)


class ChartCache:
    """The charts kept in `folder`; with no folder, nothing is read or kept."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._fingerprint = _fingerprint() if folder is not None else ""
        self._written = False

    @classmethod
    def open(cls, root: Path, use: bool = True) -> ChartCache:
        """The chart cache for a report of the repository at `root` (none without `use`, or
        when the cache folder is inside the repository)."""
        folder = cache_dir() / FOLDER
        if not use or inside(folder, root):
            return cls(None)
        return cls(folder / scope(root))

    def get(self, chart: Chart, lang: Lang) -> bytes | None:
        """The PNG kept for `chart` in `lang`, if there is a sound one."""
        if self.folder is None:
            return None
        path = self._path(chart, lang)
        try:
            kept = read_regular(path, MAX_ENTRY_BYTES)
        except OSError:  # not kept yet, unreadable, or not a regular file
            return None
        png = unsealed(kept, path.stem) if is_chart_png(kept) else None
        if png is None:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: kept longest when the cache is trimmed
        return png

    def put(self, chart: Chart, lang: Lang, png: bytes) -> None:
        """Keep the PNG of `chart` in `lang`, atomically, if it is one `get` would serve; a
        failure is ignored."""
        if self.folder is None or not is_chart_png(png):
            return
        with contextlib.suppress(OSError, HcmlcError):  # a read-only home, a full disk
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self._path(chart, lang)
            write_atomic(path, sealed(png, path.stem), durable=False)  # sealed: checked when read
            self._written = True

    def trim(self) -> None:
        """Remove the entries used longest ago beyond MAX_ENTRIES (after writing new ones)."""
        if self.folder is None or not self._written:
            return
        with contextlib.suppress(OSError):
            entries = [e for e in os.scandir(self.folder) if e.name.endswith(".png")]
            if len(entries) <= MAX_ENTRIES:
                return
            entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime)
            for entry in entries[: len(entries) - MAX_ENTRIES]:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)

    def _path(self, chart: Chart, lang: Lang) -> Path:
        assert self.folder is not None
        return self.folder / f"{chart_key(chart, lang, self._fingerprint)}.png"


def chart_key(chart: Chart, lang: Lang, fingerprint: str) -> str:
    """The name of the entry of `chart` in `lang`, drawn by the code of `fingerprint`."""
    shown = json.dumps(dataclasses.asdict(chart), ensure_ascii=False, sort_keys=True)
    text = f"{FORMAT}\0{fingerprint}\0{lang}\0{shown}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_chart_png(data: bytes) -> bool:
    """Whether `data` is a whole PNG of a chart's size: the signature, an IHDR of SIZE first,
    every chunk's checksum right, and nothing after IEND."""
    if not data.startswith(PNG_SIGNATURE):
        return False
    at, first = len(PNG_SIGNATURE), True
    while at + 12 <= len(data):
        end = at + 12 + int(struct.unpack_from(">I", data, at)[0])
        if end > len(data):
            return False
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : end - 4]
        if zlib.crc32(kind + body) != struct.unpack_from(">I", data, end - 4)[0]:
            return False
        if first and (kind != b"IHDR" or struct.unpack_from(">II", body) != SIZE):
            return False
        if kind == b"IEND":
            return end == len(data)
        at, first = end, False
    return False


def scope(root: Path) -> str:
    """The folder of the charts of the repository at `root`: a hash of where it is."""
    return hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:32]


SEAL = b"hcmlc-chart"
"""The keyword of the `tEXt` chunk that seals an entry."""


def sealed(png: bytes, key: str) -> bytes:
    """`png` with a `tEXt` chunk after its header: the entry's key and the SHA-256 of `png`."""
    header_end = len(PNG_SIGNATURE) + 12 + int(struct.unpack_from(">I", png, 8)[0])
    text = SEAL + b"\0" + f"{key} {hashlib.sha256(png).hexdigest()}".encode("ascii")
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + text))
    return png[:header_end] + chunk + png[header_end:]


def unsealed(data: bytes, key: str) -> bytes | None:
    """The image `sealed` wrote for `key`, as it was drawn, if `data` (a whole PNG) is one: its
    seal names the key, and the image without the seal has the SHA-256 the seal holds."""
    header_end = len(PNG_SIGNATURE) + 12 + int(struct.unpack_from(">I", data, 8)[0])
    if data[header_end + 4 : header_end + 8] != b"tEXt":
        return None
    seal_end = header_end + 12 + int(struct.unpack_from(">I", data, header_end)[0])
    text = data[header_end + 8 : seal_end - 4]
    keyword, _, value = text.partition(b"\0")
    image = data[:header_end] + data[seal_end:]
    expected = f"{key} {hashlib.sha256(image).hexdigest()}".encode("ascii")
    return image if keyword == SEAL and value == expected else None


def _fingerprint() -> str:
    """hcmlc's version, the source of the drawing code, and the versions of the libraries that
    draw and encode: found without importing them (the point is not to import Pillow)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parents[1]
    for name in _DRAWING_CODE:
        digest.update((package / name).read_bytes())
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None and spec.origin else library
        digest.update(origin.encode())
        version = Path(origin).with_name("_version.py")
        with contextlib.suppress(OSError):
            digest.update(version.read_bytes())
    return digest.hexdigest()
