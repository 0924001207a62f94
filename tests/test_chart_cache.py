"""The chart cache: a chart is drawn again exactly when what it shows changed; what it keeps is
served only when it is a whole chart image; a report from cached charts never imports
Pillow. These tests use a cache of their own (`own_charts`, not the run's): drawing is the
point."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from calls import noted_calls
from hcmlc.documents.report import build_report
from hcmlc.render import charts as charts_module
from hcmlc.render.chart_cache import SIZE, ChartCache, chart_key, is_chart_png
from hcmlc.repository.load import load

pytestmark = pytest.mark.own_charts


def report_md(hcmlc, root: Path, *args: str) -> dict[str, bytes]:
    """Write the Markdown report of `root`; its charts, by file name."""
    out = root / "out" / "report.md"
    code, _stdout, stderr = hcmlc(
        "report", "--root", str(root), "--format", "md", "--out", str(out), "--force", *args
    )
    assert (code, stderr) == (0, "")
    return {p.name: p.read_bytes() for p in sorted((root / "out/report-charts").iterdir())}


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The indicators whose chart is drawn (not taken from the cache), in order."""
    return noted_calls(
        monkeypatch, charts_module, "render_chart", lambda chart, _lang: chart.indicator
    )


def entries(private_cache: Path) -> list[Path]:
    return sorted((private_cache / "charts").glob("*/*.png"))


def test_a_second_report_reuses_every_chart_byte_for_byte(
    hcmlc, bundled, private_cache, drawn
) -> None:
    first = report_md(hcmlc, bundled)
    assert len(drawn) == len(first) == 20 and len(entries(private_cache)) == 20
    drawn.clear()
    assert report_md(hcmlc, bundled) == first
    assert drawn == []


def test_a_chart_whose_data_change_is_drawn_again(hcmlc, bundled, private_cache, drawn) -> None:
    first = report_md(hcmlc, bundled)
    submission = bundled / "submissions/2025/so-gddt.yaml"
    text = submission.read_text("utf-8")
    assert "  1.1.1.a:\n    value: 99.1\n" in text  # the first indicator: 1.1.1.a
    submission.write_text(text.replace("value: 99.1", "value: 98.7", 1), "utf-8")
    drawn.clear()
    second = report_md(hcmlc, bundled)
    assert drawn == ["1.1.1.a"]
    changed = {name for name in first if first[name] != second[name]}
    assert changed == {"1.1.1.a.png"}
    assert len(entries(private_cache)) == 21  # the old image stays until trimmed


def test_the_key_follows_every_field_and_the_language(bundled) -> None:
    repo = load(bundled)
    chart = build_report(repo.facts(), 2025, "vi").charts[0]
    key = chart_key(chart, "vi", "code")
    assert chart_key(dataclasses.replace(chart), "vi", "code") == key
    assert chart_key(chart, "en", "code") != key
    assert chart_key(chart, "vi", "other code") != key
    for field in dataclasses.fields(chart):
        value = getattr(chart, field.name)
        other = (
            not value
            if isinstance(value, bool)
            else [*value, 1]
            if isinstance(value, list)
            else f"{value}x"
            if isinstance(value, str)
            else (value or 0) + 1
        )
        changed = dataclasses.replace(chart, **{field.name: other})
        assert chart_key(changed, "vi", "code") != key, field.name


def blank_chart() -> bytes:
    """A white image of a chart's size: what a chart from the cache looks like in a test."""
    import io

    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", SIZE, "white").save(image, "PNG")
    return image.getvalue()


def seed(root: Path, lang: str, skip: int = 0) -> list[str]:
    """Keep a blank image for every chart of the 2025 report but the first `skip`; the
    indicators of those kept."""
    cache = ChartCache.open(root)
    kept = build_report(load(root).facts(), 2025, lang).charts[skip:]  # type: ignore[arg-type]
    for chart in kept:
        cache.put(chart, lang, blank_chart())  # type: ignore[arg-type]
    return [chart.indicator for chart in kept]


DAMAGE = {
    "garbage": lambda png: b"not a picture",
    "empty": lambda png: b"",
    "truncated": lambda png: png[: len(png) // 2],
    "a flipped byte": lambda png: png[:200] + bytes([png[200] ^ 1]) + png[201:],
    "bytes after the end": lambda png: png + b"\0",
}


def test_a_damaged_entry_is_drawn_again(hcmlc, bundled, private_cache, drawn) -> None:
    """Each entry damaged another way, or replaced by a folder, a FIFO (which would hang a
    reader that opens it blindly) or a link to a device: each is drawn again, the rest kept."""
    first = report_md(hcmlc, bundled)
    kept = entries(private_cache)
    for entry, damage in zip(kept, DAMAGE.values(), strict=False):
        entry.write_bytes(damage(entry.read_bytes()))
    folder, fifo, device = kept[len(DAMAGE) : len(DAMAGE) + 3]
    folder.unlink()
    folder.mkdir()
    fifo.unlink()
    os.mkfifo(fifo)
    device.unlink()
    device.symlink_to("/dev/zero")
    drawn.clear()
    assert report_md(hcmlc, bundled) == first
    assert len(drawn) == len(DAMAGE) + 3
    assert all(is_chart_png(e.read_bytes()) for e in kept if e not in (folder, fifo, device))


def test_a_picture_of_another_size_is_not_a_chart() -> None:
    import io

    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (32, 15), "white").save(image, "PNG")
    assert not is_chart_png(image.getvalue())
    assert is_chart_png(blank_chart())


def test_no_cache_neither_reads_nor_keeps_charts(hcmlc, bundled, private_cache, drawn) -> None:
    seeded = seed(bundled, "vi")
    assert set(report_md(hcmlc, bundled).values()) == {blank_chart()}  # read from the cache
    assert drawn == []
    for entry in entries(private_cache):
        entry.unlink()
    drawn_afresh = report_md(hcmlc, bundled, "--no-cache")
    assert drawn == seeded and blank_chart() not in drawn_afresh.values()
    assert entries(private_cache) == []


def test_a_cache_inside_the_repository_is_not_used(hcmlc, bundled, monkeypatch) -> None:
    """A pull request could plant images there."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(bundled / ".cache"))
    report_md(hcmlc, bundled)
    assert not (bundled / ".cache").exists()


def test_an_unwritable_cache_is_not_fatal(hcmlc, bundled, private_cache) -> None:
    private_cache.mkdir(parents=True)
    (private_cache / "charts").write_text("a file where the folder should be", "utf-8")
    assert len(report_md(hcmlc, bundled)) == 20


def test_the_cache_is_trimmed_to_its_size(bundled, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("hcmlc.render.chart_cache.MAX_ENTRIES", 3)
    cache = ChartCache(tmp_path / "charts")
    report = build_report(load(bundled).facts(), 2025, "en")
    for k, chart in enumerate(report.charts[:5]):
        png = charts_module.render_chart(chart, "en")
        cache.put(chart, "en", png)
        os.utime(cache._path(chart, "en"), (k, k))
    cache.trim()
    assert [cache.get(c, "en") is not None for c in report.charts[:5]] == [
        False,
        False,
        True,
        True,
        True,
    ]


def test_a_report_from_cached_charts_does_not_import_pillow(bundled, private_cache) -> None:
    program = (
        "import sys\n"
        "from hcmlc.cli.app import main\n"
        "sys.argv = ['hcmlc', *sys.argv[1:]]\n"
        "try:\n    main()\n"
        "except SystemExit as end:\n    assert not end.code, end.code\n"
        "print('PIL' in sys.modules)\n"
    )
    out = bundled / "out/report.docx"
    environment = {**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)}
    run = [sys.executable, "-c", program, "report", "--root", str(bundled), "--lang", "en"]
    run += ["--out", str(out), "--force"]
    seed(bundled, "en", skip=1)
    one_to_draw = subprocess.run(run, capture_output=True, text=True, env=environment)
    assert one_to_draw.returncode == 0, one_to_draw.stderr
    assert one_to_draw.stdout.splitlines()[-1] == "True"
    all_cached = subprocess.run(run, capture_output=True, text=True, env=environment)
    assert all_cached.returncode == 0, all_cached.stderr
    assert all_cached.stdout.splitlines()[-1] == "False"
