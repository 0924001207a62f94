"""The parts of a returned workbook's archive, read within bounds that do not trust the archive.

A zip directory declares each part's sizes, and a hostile one lies: a part that declares 100
bytes may inflate to a gigabyte, two entries may share their bytes (a "zip bomb" of overlapping
entries, which Python before 3.11.8 reads without end), a name may repeat. So the entries must
lie one after the other, each name once; and every part is inflated in small pieces, its bytes
counted as they come, the part refused past its declared size or `MAX_PART`, the archive past
`MAX_UNPACKED` in all, before anything is parsed.
"""

from __future__ import annotations

import struct
import zipfile

from hcmlc.i18n import _

MAX_PART = 10_000_000
"""Bytes one part may unpack to: a sheet of a few hundred rows is a few hundred kilobytes."""
MAX_UNPACKED = 20_000_000
"""Bytes all parts may unpack to: generous for a real workbook, far below a zip bomb."""
_PIECE = 65_536
_LOCAL_HEADER = struct.Struct("<4s22xHH")
"""A local file header: its signature, then (past 22 bytes) the name's and extra field's sizes."""


class ArchiveProblem(ValueError):
    """The archive breaks a bound or is malformed; the message says how."""


def read_parts(archive: zipfile.ZipFile, data: bytes) -> dict[str, bytes]:
    """Every part of `archive` (read from `data`) by name, inflated within the bounds."""
    entries = [info for info in archive.infolist() if not info.is_dir()]
    _one_after_another(archive, entries, data)
    parts: dict[str, bytes] = {}
    total = 0
    for info in entries:
        if info.filename in parts:
            raise ArchiveProblem(
                _("the part {part} is in the archive twice").format(part=info.filename)
            )
        limit = min(info.file_size, MAX_PART)
        pieces: list[bytes] = []
        size = 0
        with archive.open(info) as stream:
            while piece := stream.read(_PIECE):
                size += len(piece)
                total += len(piece)
                if size > limit:
                    raise ArchiveProblem(
                        _("the part {part} unpacks to more than {limit} bytes").format(
                            part=info.filename, limit=f"{limit:,}"
                        )
                    )
                if total > MAX_UNPACKED:
                    raise ArchiveProblem(
                        _("the parts unpack to more than {limit} bytes").format(
                            limit=f"{MAX_UNPACKED:,}"
                        )
                    )
                pieces.append(piece)
        parts[info.filename] = b"".join(pieces)
    return parts


def _one_after_another(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], data: bytes
) -> None:
    """Each entry's header and data end before the next entry begins (and the last before the
    directory): no two entries share bytes, whatever Python's own zip reader checks."""
    ordered = sorted(entries, key=lambda info: info.header_offset)
    directory: int = getattr(archive, "start_dir", len(data))
    for index, info in enumerate(ordered):
        start = info.header_offset
        header = data[start : start + _LOCAL_HEADER.size]
        if start < 0 or len(header) < _LOCAL_HEADER.size:
            raise ArchiveProblem(
                _("the header of the part {part} is missing").format(part=info.filename)
            )
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            raise ArchiveProblem(
                _("the header of the part {part} is damaged").format(part=info.filename)
            )
        end = start + _LOCAL_HEADER.size + name_length + extra_length + info.compress_size
        following = ordered[index + 1].header_offset if index + 1 < len(ordered) else directory
        if end > following:
            raise ArchiveProblem(
                _("the part {part} overlaps the next one").format(part=info.filename)
            )
