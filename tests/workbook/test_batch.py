"""Many workbooks built in worker processes are the workbooks built one by one."""

from __future__ import annotations

import io
import re
import zipfile

from hcmlc.repository.load import load
from hcmlc.workbook import batch
from hcmlc.workbook.plan import Planner
from hcmlc.workbook.source import fingerprint

ISSUED = re.compile(rb"(<row [^>]*><c [^>]*><is><t>(?:issue|seal)</t></is></c>).*?(</row>)")
"""The hidden sheet's rows of the issue id and the seal: each workbook's own."""


def parts(data: bytes) -> dict[str, bytes]:
    """The workbook's parts, but the time it was made and its issue id and seal."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: ISSUED.sub(rb"\1\2", archive.read(name))
        for name in archive.namelist()
        if name != "docProps/core.xml"
    }


def test_workers_build_the_same_workbooks_in_the_same_order(bundled, monkeypatch) -> None:
    catalog = load(bundled).require_catalog()
    planner = Planner(catalog, catalog.cycles["2023"], "vi", fingerprint(bundled))
    jobs: list[batch.Job] = [("so-gddt", None), ("so-vhtt", None), ("cuc-thong-ke", None)]
    monkeypatch.setattr(batch, "PARALLEL_FROM", {"fork": 2, "spawn": 2})
    secret = b"k" * 32
    together = list(batch.build_many(planner, jobs, secret, workers=2))
    alone = [batch.built(planner, job, secret) for job in jobs]
    assert [b.agency for b in together] == ["so-gddt", "so-vhtt", "cuc-thong-ke"]
    assert [parts(b.data) for b in together] == [parts(b.data) for b in alone]
    assert [(b.indicators, b.answers, b.prefilled) for b in together] == [
        (b.indicators, b.answers, b.prefilled) for b in alone
    ]
