"""The CLI layer: version, and no traceback even when hcmlc itself has a bug."""

from __future__ import annotations

from hcmlc import __version__


def test_version(hcmlc) -> None:
    assert hcmlc("--version")[:2] == (0, f"hcmlc {__version__}\n")


def test_a_bug_is_reported_without_a_traceback(hcmlc, repo, monkeypatch) -> None:
    def broken(root, **options):
        raise RuntimeError("boom")

    monkeypatch.setattr("hcmlc.commands.validate.load", broken)
    code, out, err = hcmlc("validate", "--root", str(repo.root))
    assert code == 3
    assert err.splitlines() == [
        "internal error: RuntimeError: boom",
        "hint: this is a bug in hcmlc; please report it with the command you ran",
    ]
    assert "Traceback" not in out + err
