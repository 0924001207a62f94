"""The CLI layer: version, and no traceback even when hcmlc itself has a bug."""

from __future__ import annotations

import pytest

from hcmlc import __version__


def test_version(hcmlc) -> None:
    assert hcmlc("--version")[:2] == (0, f"hcmlc {__version__}\n")


def broken(root, **options):
    raise RuntimeError("boom")


def test_a_bug_is_reported_without_a_traceback_which_the_crash_log_keeps(
    hcmlc, repo, monkeypatch, private_cache
) -> None:
    monkeypatch.delenv("HCMLC_DEBUG", raising=False)
    monkeypatch.setattr("hcmlc.commands.validate.load", broken)
    code, out, err = hcmlc("validate", "--root", str(repo.root))
    assert code == 3
    log = private_cache / "crash.log"
    assert err.splitlines() == [
        "internal error: RuntimeError: boom",
        f"hint: this is a bug in hcmlc; please report it with the command you ran and the file {log}",
    ]
    assert "Traceback" not in out + err
    kept = log.read_text(encoding="utf-8")
    assert kept.startswith(f"hcmlc {__version__}, Python ")
    assert "Traceback (most recent call last):" in kept
    assert 'raise RuntimeError("boom")' in kept


def test_debug_shows_the_traceback(hcmlc, repo, monkeypatch) -> None:
    monkeypatch.delenv("HCMLC_DEBUG", raising=False)
    monkeypatch.setattr("hcmlc.commands.validate.load", broken)
    code, _out, err = hcmlc("--debug", "validate", "--root", str(repo.root))
    assert code == 3
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("boom")' in err
    assert "internal error: RuntimeError: boom" in err
    monkeypatch.setenv("HCMLC_DEBUG", "1")
    assert hcmlc("validate", "--root", str(repo.root))[2].startswith("Traceback")


@pytest.mark.parametrize("command", ["status", "fill-form", "report", "remind", "dashboard"])
def test_an_as_of_that_is_no_date_is_a_usage_error_of_every_command(hcmlc, repo, command) -> None:
    """Every option is parsed where hcmlc's errors are said: a document's `--as-of` was parsed
    before, and its error escaped as a traceback."""
    code, _out, err = hcmlc(
        "--lang", "en", command, "--as-of", "2025-02-30", "--root", str(repo.root)
    )
    assert code == 2
    assert err.splitlines() == [
        "error: --as-of `2025-02-30` is not a date",
        "hint: write it as YYYY-MM-DD, e.g. 2025-12-20",
    ]
