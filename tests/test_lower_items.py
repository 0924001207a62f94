"""The lower findings of issue 24: the job summary bounded in bytes, a line break in a
workbook's path never a workflow command, quoted values cut to 60 characters, scalars that
other YAML readers would take for booleans or numbers written quoted, and the chart cache
scoped per repository and verified by its content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hcmlc.diagnostics import Diagnostic
from hcmlc.render.chart_cache import ChartCache, is_chart_png, sealed, unsealed
from hcmlc.render.github import MAX_SUMMARY_BYTES, step_summary
from hcmlc.yamlfiles.edit import scalar


def test_the_job_summary_stays_under_githubs_limit_in_bytes() -> None:
    """Every row at its longest: a path of 4,000 characters of three-byte letters."""
    path = "submissions/2023/" + "ệ" * 4000 + ".yaml"
    problems = [Diagnostic(path, n, 1, "HCMLC-E022", "ố" * 60, "ầ" * 200) for n in range(1, 1001)]
    text = step_summary(problems, 1, None)
    assert len(text.encode("utf-8")) < MAX_SUMMARY_BYTES + 200 < 1 << 20
    assert text.rstrip().endswith("more: see the log of this step.")
    listed = sum(line.startswith("| `") for line in text.splitlines())
    assert 0 < listed < 1000
    assert f"{1000 - listed} problems more" in text


def test_a_line_break_in_a_workbooks_path_is_no_workflow_command(hcmlc, repo, tmp_path) -> None:
    workbook = tmp_path / "so-gddt\n::error file=x.yaml::forged.xlsx"
    workbook.write_bytes(b"not a workbook")
    code, out, _ = hcmlc("import", "--root", str(repo.root), "--format", "github", str(workbook))
    assert code == 1
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith("::error file=") for line in commands)
    assert not any(line.startswith("::error file=x.yaml") for line in out.splitlines())
    assert "so-gddt\\x0a::error file=x.yaml::forged.xlsx: not imported" in out


def test_a_quoted_value_is_cut_to_sixty_characters(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-gddt.yaml",
        f'agency: so-gddt\ncycle: "2023"\nindicators:\n  1.1.1.a:\n    value: {"9" * 9000}\n'
        f"    unit: percent\n    year: {'2' * 9000}\n  2.1.1.a:\n    value: {'x' * 9000}\n"
        "    year: 2022\n",
    )
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 7 and max(len(line) for line in lines) < 300
    assert f"`{'9' * 59}…` is not a finite number" in out


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("yes", '"yes"'),
        ("no", '"no"'),
        ("on", '"on"'),
        ("Off", '"Off"'),
        ("y", '"y"'),
        ("true", '"true"'),
        ("0x1F", '"0x1F"'),
        ("0o17", '"0o17"'),
        ("012", '"012"'),
        (".inf", '".inf"'),
        ("-.Inf", '"-.Inf"'),
        (".nan", '".nan"'),
        ("1_000", '"1_000"'),
        ("1:20", '"1:20"'),
        ("+1", '"+1"'),
        ("1e5", '"1e5"'),
        ("98.5", "98.5"),  # a figure is what it looks like
        ("12", "12"),
        ("2023-08-29", "2023-08-29"),
        ("so-gddt", "so-gddt"),
    ],
)
def test_a_text_other_readers_would_type_is_written_quoted(text: str, written: str) -> None:
    assert scalar(text) == written
    import yaml

    assert str(yaml.safe_load(f"k: {written}")["k"]) == text or written == "2023-08-29"


def _drawn(cache: ChartCache, bundled: Path, hcmlc) -> None:
    code, _, err = hcmlc(
        "report", "--root", str(bundled), "--format", "md", "--out", str(bundled / "r.md")
    )
    assert (code, err) == (0, "")


@pytest.mark.own_charts
def test_the_chart_cache_is_per_repository(hcmlc, bundled, private_cache, tmp_path) -> None:
    other = tmp_path / "other"
    shutil.copytree(bundled, other)
    _drawn(ChartCache(None), bundled, hcmlc)
    _drawn(ChartCache(None), other, hcmlc)
    folders = sorted(p for p in (private_cache / "charts").iterdir())
    assert len(folders) == 2  # one a repository, though the charts are the same
    assert sorted(p.name for p in folders[0].iterdir()) == sorted(
        p.name for p in folders[1].iterdir()
    )


@pytest.mark.own_charts
def test_an_entry_is_served_only_as_sealed_for_its_key(hcmlc, bundled, private_cache) -> None:
    _drawn(ChartCache(None), bundled, hcmlc)
    [folder] = (private_cache / "charts").iterdir()
    first, second, *_ = sorted(folder.iterdir())
    kept = first.read_bytes()
    image = unsealed(kept, first.stem)
    assert image is not None and is_chart_png(image) and sealed(image, first.stem) == kept
    assert unsealed(kept, second.stem) is None  # another chart's image, renamed
    assert unsealed(image, first.stem) is None  # the right shape, but not sealed
    first.write_bytes(second.read_bytes())  # a sound chart, sealed, in another's place
    _drawn(ChartCache(None), bundled, hcmlc)
    assert first.read_bytes() == kept  # not served: drawn again and kept afresh
