"""The installed console script run as a user would type it, in a process of its own where the
property needs one: that it starts (`--help`), that a broken file shows no traceback on the
terminal, that its Vietnamese survives a legacy code page (set when Python starts). What the
commands find from where the user stands (the root upwards, the form written there) is the
same in-process (tests/conftest.py's `hcmlc`, in the folder the user stands in), without a
start of Python and a load of the bundled city of its own (0.5 s of CPU each)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
HCMLC = Path(sys.executable).with_name("hcmlc")


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HCMLC), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout and "status" in result.stdout


def test_bundled_repository_validates_and_shows_its_status(hcmlc, monkeypatch) -> None:
    monkeypatch.chdir(PROJECT / "submissions")  # the root is found upwards
    code, out, errors = hcmlc("validate")
    assert (code, out.strip()) == (0, "No problems found in 48 files."), errors
    monkeypatch.chdir(PROJECT)
    code, out, errors = hcmlc("status", "--as-of", "2023-09-05")
    assert code == 0, errors
    assert "Department of Education and Training" in out
    assert "Traceback" not in errors


def test_no_traceback_on_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/assignments.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = run("status", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "the data files are broken" in result.stderr


def test_vietnamese_output_survives_a_legacy_code_page() -> None:
    """A Windows pipe defaults to cp1252, which has no Vietnamese letters; hcmlc writes UTF-8."""
    import os

    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [str(HCMLC), "--lang", "vi", "status", "--as-of", "2023-09-05", "--agency", "so-y-te"],
        cwd=PROJECT,
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Việc cần làm của so-y-te — Sở Y tế" in result.stdout.decode("utf-8")


def test_fill_form_writes_the_form_where_the_user_stands(hcmlc, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, errors = hcmlc("fill-form", "--root", str(PROJECT))
    assert code == 0, errors
    assert (tmp_path / "gnlc-form-2023-vi.docx").stat().st_size > 10_000
    assert "Wrote gnlc-form-2023-vi.docx" in out
    assert [p.name for p in tmp_path.iterdir()] == ["gnlc-form-2023-vi.docx"]  # no temporary left
