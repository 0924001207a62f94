"""Where the cache lives: never inside the repository, whatever $XDG_CACHE_HOME says."""

from __future__ import annotations

from pathlib import Path

from hostile_cases import GOOD, SUBMISSION

from hcmlc.repository.cache import cache_dir


def tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_a_relative_xdg_cache_home_is_ignored(hcmlc, repo, monkeypatch, tmp_path_factory) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache")
    monkeypatch.chdir(repo.root)
    repo.write(SUBMISSION, GOOD)
    before = tree(repo.root)
    assert hcmlc("validate")[0] == 0
    assert tree(repo.root) == before  # no .cache/ in the repository
    assert cache_dir() == home / ".cache/hcmlc" and list(cache_dir().glob("*.json"))


def test_a_cache_folder_inside_the_repository_is_not_used(hcmlc, repo, monkeypatch) -> None:
    """A pull request could plant results there: neither read nor written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(repo.root / ".cache"))
    repo.write(SUBMISSION, GOOD.replace("value: 99.1", "value: 99,1"))
    before = tree(repo.root)
    assert hcmlc("validate", "--root", str(repo.root))[0] == 1
    assert tree(repo.root) == before
